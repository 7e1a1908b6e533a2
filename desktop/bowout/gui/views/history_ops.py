"""What the history view does to records: the storage it needs, names, filters, undoable delete."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from bowout.gui.widgets.fitted_columns import FittedColumns

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QUndoStack

    from bowout.storage.records import Record

#: Columns the narrow list beside the draft leaves to the details (role, stage, channel).
HIDDEN_COLUMNS = (1, 2, 3)
#: Status filter choices: (label, record status or "" for every record).
STATUS_FILTERS = (("All", ""), ("Drafts", "draft"), ("Sent", "sent"))


class HistoryLike(Protocol):
    """The part of ``bowout.storage.History`` the history view uses."""

    def list(self) -> Sequence[Any]: ...
    def search(self, query: str) -> Sequence[Any]: ...
    def delete(self, record_id: str) -> None: ...
    def restore(self, record_id: str) -> Record: ...
    def trash(self) -> Sequence[Any]: ...
    def empty_trash(self) -> int: ...


class HistoryList(Protocol):
    """What the delete and empty-trash commands need of the history view
    (:class:`bowout.gui.views.history.HistoryView`)."""

    @property
    def history(self) -> HistoryLike: ...
    @property
    def undo_stack(self) -> QUndoStack: ...

    def run_storage(self, call: Callable[[], object]) -> bool: ...
    def show_message(self, text: str, *, error: bool = False) -> None: ...
    def show_undo_bar(self, text: str) -> None: ...
    def hide_undo_bar(self) -> None: ...
    def refresh(self, select_id: str | None = None) -> None: ...
    def confirm(self, title: str, text: str) -> bool: ...


def fold(text: str) -> str:
    """Lower-case without accents, so "tomas" finds "Tomás" in the trash too."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def describe(record: Record) -> str:
    """A short human name for a record: "Acme — Data analyst"."""
    parts = [str(p) for p in (record.company, record.role) if p]
    return " — ".join(parts) or "Untitled withdrawal"


def haystack(record: Record) -> str:
    """The text a search in the trash looks through (the history searches its own)."""
    fields = ("company", "role", "contact", "recruiter", "subject", "notes")
    return " ".join(str(getattr(record, name, "") or "") for name in fields)


def with_status(records: Sequence[Any], status: str) -> list[Any]:
    """The records whose ``status`` is ``status`` ("" keeps every record)."""
    return [r for r in records if not status or getattr(r, "status", "draft") == status]


class DeleteCommand(QUndoCommand):
    """Move one record to the trash; undo restores it from there."""

    def __init__(self, view: HistoryList, record: Record, neighbour_id: str | None) -> None:
        super().__init__(f"Delete {describe(record)}")
        self._view = view
        self._record = record
        self._neighbour_id = neighbour_id  # selected after the delete, as in a file manager

    def redo(self) -> None:
        """Trash the record (first push and every redo)."""
        if not self._view.run_storage(lambda: self._view.history.delete(self._record.id)):
            self.setObsolete(True)  # the delete failed: nothing to undo
            return
        self._view.show_undo_bar(f"Deleted {describe(self._record)}.")
        self._view.refresh(select_id=self._neighbour_id)

    def undo(self) -> None:
        """Bring the record back from the trash."""
        if self._view.run_storage(lambda: self._view.history.restore(self._record.id)):
            self._view.hide_undo_bar()
            self._view.show_message(f"Restored {describe(self._record)}.")
        self._view.refresh(select_id=self._record.id)


#: The rows a list shows at the least (on an 800×600 screen, at 200 % too).
SHOWN_ROWS = 4


def configure_table(view: QTableView) -> None:
    """Whole rows, one at a time, read-only, sortable; narrow columns hidden."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.setTabKeyNavigation(False)  # Tab moves on to the buttons
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    # Labels are short and known: fit them, and give the spare width to the company.
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(60)
    header.setResizeContentsPrecision(60)  # fit to the first rows, not all 1,000
    for column in HIDDEN_COLUMNS:
        view.setColumnHidden(column, True)
    # Beside the draft the list is narrow: the columns share its width, never sideways.
    FittedColumns(view)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    # A list shows a few rows even on a small screen: what is around it gives way first.
    rows = SHOWN_ROWS * view.verticalHeader().defaultSectionSize()
    view.setMinimumHeight(rows + header.sizeHint().height() + 2 * view.frameWidth())


def empty_trash(view: HistoryList) -> None:
    """Ask, then delete the trash for good; earlier deletes can no longer be undone."""
    ids: list[str] = []
    view.run_storage(lambda: ids.extend(r.id for r in view.history.trash()))
    if not ids:
        return
    noun = "record" if len(ids) == 1 else "records"
    if not view.confirm(
        "Empty the trash?", f"Delete {len(ids)} {noun} for good? This cannot be undone."
    ):
        return
    removed: list[int] = []
    if view.run_storage(lambda: removed.append(view.history.empty_trash())):
        # Deleted records are gone, so undoing an earlier delete could not work any more.
        view.undo_stack.clear()
        view.hide_undo_bar()
        count = removed[0]
        view.show_message(f"Emptied the trash ({count} {'record' if count == 1 else 'records'}).")
    view.refresh()
