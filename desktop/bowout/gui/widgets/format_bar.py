"""The formatting bar of the message editors: bold, italic, underline, bullets, link, undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QFont, QTextCharFormat
from PySide6.QtWidgets import QToolBar, QWidget

from bowout.gui.widgets.editor import RichEditor

#: Makes the QAction of a named command on an owner widget (see :class:`FormatToolBar`).
CommandMaker = Callable[[QWidget, str], QAction]


class FormatToolBar(QToolBar):
    """Bold, italic, underline, bullets, link, undo and redo for whichever editor is active."""

    def __init__(self, command: CommandMaker, parent: QWidget | None = None) -> None:
        """``command(owner, name)``: the QAction of the window's command ``name`` ("bold",
        "undo", ...) made on ``owner``, as the window's command table declares it."""
        super().__init__("Formatting", parent)
        self.setObjectName("format_toolbar")
        self.editor: RichEditor | None = None
        self.active = True
        #: A sent message is kept as it went out: no formatting, no undo (see set_locked).
        self.locked = False
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Declared in the command table (the Edit menu and F1 show them); made here,
        # since they act on whichever message editor is showing.
        self.bold, self.italic, self.underline, self.bullets, self.link = (
            command(self, name) for name in ("bold", "italic", "underline", "bullets", "link")
        )
        self._compact()
        self.addSeparator()
        self.undo, self.redo = (command(self, name) for name in ("undo", "redo"))
        self.bold.triggered.connect(lambda on: self.editor and self.editor.set_bold(on))
        self.italic.triggered.connect(lambda on: self.editor and self.editor.set_italic(on))
        self.underline.triggered.connect(lambda on: self.editor and self.editor.set_underline(on))
        self.bullets.triggered.connect(lambda: self.editor and self.editor.toggle_bullets())
        self.link.triggered.connect(lambda: self.editor and self.editor.insert_link())
        self.undo.triggered.connect(lambda: self.editor and self.editor.undo())
        self.redo.triggered.connect(lambda: self.editor and self.editor.redo())

    def commands(self) -> list[QAction]:
        """Its actions, for the window's menus and command list."""
        return [self.undo, self.redo, self.bold, self.italic, self.underline, self.bullets,
                self.link]  # fmt: skip

    def _compact(self) -> None:
        """B, I and U in their own style on the buttons (menus keep the words)."""
        for action, short, style in (
            (self.bold, "B", "bold"),
            (self.italic, "I", "italic"),
            (self.underline, "U", "underline"),
        ):
            action.setIconText(short)
            font = QFont()
            font.setBold(style == "bold")
            font.setItalic(style == "italic")
            font.setUnderline(style == "underline")
            button = self.widgetForAction(action)
            if button is not None:
                button.setFont(font)
                button.setAccessibleName(action.text().replace("&", ""))
        self.bullets.setIconText("• List")
        self.link.setIconText("Link…")

    def set_editor(self, editor: RichEditor) -> None:
        """Point the buttons at ``editor`` and keep their checked state in step with it."""
        if self.editor is editor:
            return
        if self.editor is not None:
            self.editor.currentCharFormatChanged.disconnect(self._sync)
            self.editor.undoAvailable.disconnect(self._sync_history)
            self.editor.redoAvailable.disconnect(self._sync_history)
        self.editor = editor
        editor.currentCharFormatChanged.connect(self._sync)
        editor.undoAvailable.connect(self._sync_history)
        editor.redoAvailable.connect(self._sync_history)
        self._sync_history()
        self._sync(editor.currentCharFormat())

    def set_active(self, on: bool) -> None:
        """Buttons and shortcuts work only while a message editor is showing."""
        self.active = on
        for action in (self.bold, self.italic, self.underline, self.bullets, self.link):
            action.setEnabled(on and not self.locked)
        self._sync_history()

    def set_locked(self, locked: bool) -> None:
        """Off for a message kept as it was sent: formatting, link, undo and redo (a
        read-only editor still obeys them when called), on again for a draft."""
        self.locked = locked
        self.set_active(self.active)

    @Slot()
    def _sync_history(self) -> None:
        document = self.editor.document() if self.editor is not None else None
        usable = self.active and not self.locked and document is not None
        self.undo.setEnabled(usable and document is not None and document.isUndoAvailable())
        self.redo.setEnabled(usable and document is not None and document.isRedoAvailable())

    @Slot(QTextCharFormat)
    def _sync(self, fmt: QTextCharFormat) -> None:
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic.setChecked(fmt.fontItalic())
        self.underline.setChecked(fmt.fontUnderline())
