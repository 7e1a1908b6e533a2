"""The side navigation: one row per view, icon and short label, keyboard first."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QWidget,
)


@dataclasses.dataclass(frozen=True)
class ViewSpec:
    """One entry of the side navigation.

    ``module`` is the dotted module with ``make(host)`` ("" for the draft itself, which is
    always there); ``icon`` a qtawesome name; ``shortcut`` the key that shows the view.
    """

    key: str
    label: str
    icon: str
    shortcut: str
    module: str = ""


class Navigation(QListWidget):
    """Draft, History, … — picking a row emits :attr:`view_chosen` with the view's key."""

    view_chosen = Signal(str)

    def __init__(self, views: Sequence[ViewSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nav_list")
        self.setAccessibleName("Views")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(20, 20))
        self.setSpacing(2)
        # Part of the window's frame, not a document: no box (the window's own background
        # comes with the icons, after the first paint: the viewport's first wrapper is slow).
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.keys = [view.key for view in views]
        for view in views:
            item = QListWidgetItem(view.label.replace("&", ""), self)
            item.setToolTip(f"{view.label.replace('&', '')} ({view.shortcut})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, view.label.replace("&", ""))
        self.labels = [view.label.replace("&", "") for view in views]
        self.setCurrentRow(0)
        self.compact = False
        self._full_width = self.sizeHintForColumn(0) + self.iconSize().width() + 16
        self._full_width += 2 * self.frameWidth()
        self.setFixedWidth(self._full_width)
        self.currentRowChanged.connect(self._row_changed)

    def set_compact(self, on: bool) -> None:
        """Icons only (labels in tooltips and accessible names): for narrow windows."""
        on = on and self._has_icons()  # without icons the labels are all there is
        if on == self.compact:
            return
        self.compact = on
        for row, label in enumerate(self.labels):
            item = self.item(row)
            item.setText("" if on else label)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
        self.setFixedWidth(self._compact_width() if on else self._full_width)

    def compact_saving(self) -> int:
        """Pixels the navigation gives back icons-only (0 when it is already). Counted
        before the icons arrive too (they come after the first paint): a window asked to be
        narrow at start must not be held to the labelled width it had for one frame."""
        if self.compact:
            return 0
        return max(self._full_width - self._compact_width(), 0)

    def _has_icons(self) -> bool:
        return self.count() > 0 and not self.item(0).icon().isNull()

    def _compact_width(self) -> int:
        return self.iconSize().width() + 16 + 2 * self.frameWidth()

    def current_key(self) -> str:
        """The key of the view picked now."""
        return self.keys[max(self.currentRow(), 0)]

    def choose(self, key: str) -> None:
        """Pick the row of ``key`` (emits :attr:`view_chosen` if it changes)."""
        if key in self.keys:
            self.setCurrentRow(self.keys.index(key))

    def set_enabled_view(self, key: str, enabled: bool) -> None:
        """Grey out a view that cannot work now (e.g. history without a history file)."""
        item = self.item(self.keys.index(key))
        flags = item.flags()
        enable = flags.ItemIsEnabled | flags.ItemIsSelectable
        item.setFlags(flags | enable if enabled else flags & ~enable)

    def set_icons(self, icons: dict[str, QIcon]) -> None:
        """Icons by view key (set after the first paint: the icon font loads then)."""
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        for row, key in enumerate(self.keys):
            if key in icons:
                self.item(row).setIcon(icons[key])

    @Slot(int)
    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.keys):
            self.view_chosen.emit(self.keys[row])
