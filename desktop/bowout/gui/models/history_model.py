"""A table model over history records: company, role, stage, channel, status, date."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from bowout.core.situation import Channel, Stage

if TYPE_CHECKING:
    from bowout.storage.records import Record

logger = logging.getLogger(__name__)

COLUMNS = ("Company", "Role", "Stage", "Channel", "Status", "Date")
DATE_COLUMN = COLUMNS.index("Date")
#: Role that returns the record object itself.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role used for sorting (timestamps for dates, lower-cased text elsewhere).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def parse_created(value: str) -> dt.datetime | None:
    """An aware datetime from the record's ISO time ('Z' or offset); None if unreadable."""
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed


def local_time_text(value: str) -> str:
    """The record's time in the user's time zone, minutes precision ("" if unreadable)."""
    parsed = parse_created(value)
    return parsed.astimezone().strftime("%Y-%m-%d %H:%M") if parsed else ""


def local_date_text(value: str) -> str:
    """The record's day in the user's time zone, "2026-04-02" ("" if unreadable); the list
    shows the day, its tooltip the minute (a list beside the draft has no room for both)."""
    return local_time_text(value)[:10]


def stage_label(value: str) -> str:
    """A stage identifier's label; an unknown one is shown as it is."""
    try:
        return Stage(value).label
    except ValueError:
        return value


def channel_label(value: str) -> str:
    """A channel identifier's label; an unknown one is shown as it is."""
    try:
        return Channel(value).label
    except ValueError:
        return value


def _timestamp(value: str) -> float:
    parsed = parse_created(value)
    return parsed.timestamp() if parsed else 0.0


_ROLES_SERVED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        RECORD_ROLE,
        SORT_ROLE,
    }
)


class HistoryModel(QAbstractTableModel):
    """Read-only rows of records; the dialog swaps the whole list on each search."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []
        # Display texts and sort keys per row, computed once: views ask for them many times.
        self._texts: list[tuple[str, ...]] = []
        self._keys: list[tuple[Any, ...]] = []
        self._sort: tuple[int, Qt.SortOrder] = (DATE_COLUMN, Qt.SortOrder.DescendingOrder)

    def set_records(self, records: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._records = list(records)
        self._texts = [tuple(self._text(rec, c) for c in range(len(COLUMNS))) for rec in records]
        self._keys = [
            (*(t.casefold() for t in texts[:DATE_COLUMN]), _timestamp(rec.created))
            for rec, texts in zip(self._records, self._texts, strict=True)
        ]
        self._apply_sort()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows by a column (Python's sort on cached keys; ties keep newest first)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        old = self.persistentIndexList()
        old_ids = [id(self._records[i.row()]) for i in old]
        self._apply_sort()
        row_of = {id(rec): row for row, rec in enumerate(self._records)}
        self.changePersistentIndexList(
            old, [self.index(row_of[key], i.column()) for key, i in zip(old_ids, old, strict=True)]
        )
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        if not 0 <= column < len(COLUMNS) or not self._records:
            return
        rows = sorted(
            range(len(self._records)),
            key=lambda r: self._keys[r][column],
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._records = [self._records[r] for r in rows]
        self._texts = [self._texts[r] for r in rows]
        self._keys = [self._keys[r] for r in rows]

    def record(self, row: int) -> Record:
        """The record shown on ``row``."""
        record: Record = self._records[row]
        return record

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of records (a table has no children)."""
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Labels for display, the record for RECORD_ROLE, sortable keys for SORT_ROLE."""
        if role not in _ROLES_SERVED:  # views ask for fonts, colours... many times: be quick
            return None
        row = index.row()
        if not index.isValid() or row >= len(self._records):
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts[row][column]
        if role == SORT_ROLE:
            return self._keys[row][column]
        rec = self._records[row]
        if role == RECORD_ROLE:
            return rec
        if column != DATE_COLUMN:
            return None
        sent = getattr(rec, "sent", None)
        return f"Created {local_time_text(rec.created)}" + (
            f", sent {local_time_text(sent)}" if sent else ""
        )

    @staticmethod
    def _text(rec: Record, column: int) -> str:
        if column == 0:
            return str(rec.company or "")
        if column == 1:
            return str(rec.role or "")
        if column == 2:
            return stage_label(rec.stage)
        if column == 3:
            return channel_label(rec.channel)
        if column == 4:
            return status_text(rec)
        return local_date_text(rec.created)


#: The status of a record whose conversation about a deal-breaker resolved it (issue 14).
RESOLVED_TEXT = "Resolved \u2014 stayed in the process"


def status_text(record: Record) -> str:
    """ "Resolved — stayed in the process", "Sent" or "Draft"."""
    negotiation = getattr(record, "negotiation", None) or {}
    if negotiation.get("outcome") == "resolved":
        return RESOLVED_TEXT
    return "Sent" if record.status == "sent" else "Draft"


def count_text(shown: int, total: int, query: str, *, in_trash: bool = False) -> str:
    """The line under the history list: how many records show, out of how many.

    ``shown`` rows match ``query`` out of ``total`` in the list (or the trash); while a search
    narrows the list the line says "1 of 3 records", never just "1 record saved.".
    """
    where = "in the trash" if in_trash else "saved"
    noun = "record" if total == 1 else "records"
    if shown == 0 and query:
        return f"Nothing matches “{query}” ({total} {noun} {where})."
    if total == 0:
        return "The trash is empty." if in_trash else "No saved withdrawals yet."
    if query and shown != total:
        return f"{shown} of {total} {noun} {where}."
    return f"{total} {noun} {where}."
