"""Every command by name with its shortcut: type to narrow, Enter to run (F1)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1


def command_label(action: QAction) -> str:
    """ "Save to history" — the menu text without its mnemonic or ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def shortcut_text(action: QAction) -> str:
    """The shortcut as the platform writes it ("" for none)."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class CommandPalette(QDialog):
    """A filter box over a list of "Command — Shortcut" rows."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("command_palette")
        self.setWindowTitle("Commands and shortcuts")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("command_filter")
        self.filter_edit.setAccessibleName("Find a command")
        self.filter_edit.setPlaceholderText("Type to find a command…")
        self.filter_edit.installEventFilter(self)
        hint = QLabel("Enter runs the command; Esc closes this list.", self)
        self.list = QListWidget(self)
        self.list.setObjectName("command_list")
        self.list.setAccessibleName("Commands")
        for action in actions:
            keys = shortcut_text(action)
            text = command_label(action) + (f"    {keys}" if keys else "")
            item = QListWidgetItem(text, self.list)
            item.setData(ACTION_ROLE, action)
            item.setToolTip(action.statusTip() or command_label(action))
            if not action.isEnabled():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        self.filter_edit.textChanged.connect(self.narrow)
        self.filter_edit.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.resize(460, 420)
        self.narrow("")

    @Slot(str)
    def narrow(self, text: str) -> None:
        """Show the commands whose name, shortcut or help words contain every typed word."""
        words = text.casefold().split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            # The name, the shortcut and the command's help words (its tooltip).
            haystack = f"{item.text()} {item.toolTip()}".casefold()
            hit = all(word in haystack for word in words)
            item.setHidden(not hit)
            if hit and first is None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def chosen(self) -> QAction | None:
        """The action on the current visible row, or None."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        action = item.data(ACTION_ROLE)
        return action if isinstance(action, QAction) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the filter box move through the list."""
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.list.setFocus()
                self.list.keyPressEvent(event)  # type: ignore[arg-type]
                self.filter_edit.setFocus()
                return True
        return super().eventFilter(watched, event)

    @classmethod
    def ask(cls, parent: QWidget | None, actions: Sequence[QAction]) -> QAction | None:
        """Show the list; the chosen action, or None when closed without choosing."""
        dialog = cls(actions, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
