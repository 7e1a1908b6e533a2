"""The tickable follow-up checklist, grouped by phase (before, during, after, later)."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

# The checklist's domain modules load with the first draft, after the first paint.
if TYPE_CHECKING:
    from bowout.core.draft import ChecklistItem

logger = logging.getLogger(__name__)

_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecklistView(QListWidget):
    """Check boxes for each step; emits ``ticked`` when the user ticks or unticks one."""

    ticked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist_view")
        self.setAccessibleName("Follow-up checklist")
        self.setWordWrap(True)
        self._items: tuple[ChecklistItem, ...] = ()
        self.itemChanged.connect(self._changed)

    def set_items(self, items: Sequence[ChecklistItem]) -> None:
        """Show ``items`` with their ticks, a phase title before each phase."""
        from bowout.core.checklist import PHASE_TITLES

        items = tuple(items)
        if items == self._items:
            return
        self._items = items
        self.blockSignals(True)
        try:
            self.clear()
            phase = None
            for entry in items:
                if entry.phase != phase:
                    phase = entry.phase
                    title = QListWidgetItem(PHASE_TITLES.get(phase, phase.title()))
                    font = QFont(title.font())
                    font.setBold(True)
                    title.setFont(font)
                    title.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    self.addItem(title)
                row = QListWidgetItem(entry.text)
                row.setData(_KEY_ROLE, entry.key)
                row.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                row.setCheckState(Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked)
                self.addItem(row)
        finally:
            self.blockSignals(False)

    def tick_state(self) -> dict[str, bool]:
        """Tick state by item key."""
        done: dict[str, bool] = {}
        for index in range(self.count()):
            row = self.item(index)
            key = row.data(_KEY_ROLE)
            if key:
                done[str(key)] = row.checkState() == Qt.CheckState.Checked
        return done

    def checklist_items(self) -> tuple[ChecklistItem, ...]:
        """The items as shown, with the user's current ticks."""
        done = self.tick_state()
        return tuple(dataclasses.replace(i, done=done.get(i.key, i.done)) for i in self._items)

    def key_rows(self) -> dict[str, QListWidgetItem]:
        """Row per item key (tests tick rows through this)."""
        rows: dict[str, QListWidgetItem] = {}
        for index in range(self.count()):
            row = self.item(index)
            key = row.data(_KEY_ROLE)
            if key:
                rows[str(key)] = row
        return rows

    @Slot(QListWidgetItem)
    def _changed(self, item: QListWidgetItem) -> None:
        if item.data(_KEY_ROLE):
            self._items = self.checklist_items()
            self.ticked.emit()
