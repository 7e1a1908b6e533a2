"""A table model over kept applications: company, role, stage, applied date, state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from bowout.core.situation import Stage
from bowout.gui.plain_words import plain_tip
from bowout.storage.applications import StoredApplication

COLUMNS = ("Company", "Role", "Stage", "Applied", "State")
#: Role that returns the StoredApplication itself.
APPLICATION_ROLE = Qt.ItemDataRole.UserRole + 1
#: Stage names short enough for a column of a list beside the draft (the details and the
#: tooltip give the full label).
SHORT_STAGES = {
    Stage.APPLIED: "Applied",
    Stage.SCREENING: "Screening",
    Stage.INTERVIEWING: "Interviewing",
    Stage.FINAL: "Final interview",
    Stage.OFFER: "Offer",
    Stage.ACCEPTED: "Offer accepted",
}
_Index = QModelIndex | QPersistentModelIndex


def _cell(stored: StoredApplication, column: int) -> str:
    app = stored.application
    if column == 0:
        return app.company
    if column == 1:
        return app.role
    if column == 2:
        return SHORT_STAGES[app.stage]
    if column == 3:
        return app.applied.isoformat() if app.applied else ""
    from bowout.storage.applications import STATE_LABELS

    return STATE_LABELS.get(stored.state, stored.state)


def _sort_key(stored: StoredApplication, column: int) -> tuple[Any, ...]:
    if column == 2:  # in the order of the process, not of the alphabet
        return (stored.application.stage.order, *stored.application.key())
    return (_cell(stored, column).casefold(), *stored.application.key())


class ApplicationsModel(QAbstractTableModel):
    """Rows are :class:`StoredApplication`; it sorts itself (no proxy for 500 rows)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StoredApplication] = []
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def set_applications(self, rows: Sequence[StoredApplication]) -> None:
        """Replace every row (kept in the current sort order)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows: one per application."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Columns: :data:`COLUMNS`."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text for display, tooltips and screen readers; the application for APPLICATION_ROLE."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        stored = self._rows[index.row()]
        if role == APPLICATION_ROLE:
            return stored
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return stored.application.stage.label
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return _cell(stored, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(_cell(stored, index.column()))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (stages in the order of the process)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        self._rows.sort(
            key=lambda s: _sort_key(s, column), reverse=order == Qt.SortOrder.DescendingOrder
        )
