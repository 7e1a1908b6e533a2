"""The History dialog: search past withdrawals, reopen, duplicate, delete with undo, trash."""

from __future__ import annotations

import itertools
import logging
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bowout.core.errors import BowOutError
from bowout.gui.history_model import DATE_COLUMN, RECORD_ROLE, HistoryModel, count_text

logger = logging.getLogger(__name__)

#: Typing pauses this long before the search runs, so each keystroke stays cheap.
SEARCH_DELAY_MS = 150


class HistoryLike(Protocol):
    """The part of ``bowout.storage.History`` this dialog uses."""

    def list(self) -> Sequence[Any]: ...
    def search(self, query: str) -> Sequence[Any]: ...
    def delete(self, record_id: str) -> None: ...
    def restore(self, record_id: str) -> Any: ...
    def trash(self) -> Sequence[Any]: ...
    def empty_trash(self) -> int: ...


def _fold(text: str) -> str:
    """Lower-case without accents, so "tomas" finds "Tomás" in the trash too."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def describe(record: Any) -> str:
    """A short human name for a record: "Acme — Data analyst"."""
    parts = [str(p) for p in (record.company, record.role) if p]
    return " — ".join(parts) or "Untitled withdrawal"


class _DeleteCommand(QUndoCommand):
    """Move one record to the trash; undo restores it from there."""

    def __init__(self, dialog: HistoryDialog, record: Any, neighbour_id: str | None) -> None:
        super().__init__(f"Delete {describe(record)}")
        self._dialog = dialog
        self._record = record
        self._neighbour_id = neighbour_id  # selected after the delete, as in a file manager

    def redo(self) -> None:
        """Trash the record (first push and every redo)."""
        if not self._dialog.run_storage(lambda: self._dialog.history.delete(self._record.id)):
            self.setObsolete(True)  # the delete failed: nothing to undo
            return
        self._dialog.show_undo_bar(f"Deleted {describe(self._record)}.")
        self._dialog.refresh(select_id=self._neighbour_id)

    def undo(self) -> None:
        """Bring the record back from the trash."""
        if self._dialog.run_storage(lambda: self._dialog.history.restore(self._record.id)):
            self._dialog.hide_undo_bar()
            self._dialog.show_message(f"Restored {describe(self._record)}.")
        self._dialog.refresh(select_id=self._record.id)


class HistoryDialog(QDialog):
    """Past withdrawals, newest first, searchable as you type."""

    open_requested = Signal(object)
    duplicate_requested = Signal(object)

    def __init__(self, history: HistoryLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle("History")
        self.history = history
        self.undo_stack = QUndoStack(self)
        self._in_trash = False
        self._build_search()
        self._build_table()
        self._build_messages()
        self._build_actions()
        self._build_buttons()
        self._lay_out()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_timer.start)

        self.resize(960, 500)
        self._set_trash_mode(False)
        self.search_edit.setFocus()

    def _build_search(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("history_search")
        self.search_edit.setAccessibleName("Search history")
        self.search_edit.setPlaceholderText("Search company, role, contact… (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.trash_button = self._button("trash_button", "Show &trash", "Show deleted records")
        self.trash_button.setCheckable(True)
        self.trash_button.toggled.connect(self._set_trash_mode)

    def _build_table(self) -> None:
        self.model = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("history_view")
        self.view.setAccessibleName("Past withdrawals")
        self.view.setModel(self.model)  # the model sorts itself: no proxy
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        # Labels are short and known: fit them, and give the spare width to the company.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(70)
        header.setResizeContentsPrecision(60)  # fit to the first rows, not all 1,000
        self.view.sortByColumn(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(self._activate)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def _build_messages(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("history_count")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("history_message")
        self.message_label.setAccessibleName("History message")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.undo_bar = QFrame(self)
        self.undo_bar.setObjectName("undo_bar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_label = QLabel(self.undo_bar)
        self.undo_label.setObjectName("undo_label")
        self.undo_button = self._button("undo_button", "&Undo", "Undo the delete")
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(8, 2, 2, 2)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()
        self.undo_button.clicked.connect(self.undo_stack.undo)

    def _build_actions(self) -> None:
        undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        find_action = QAction("&Find", self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._focus_search)
        delete_action = QAction("Delete", self.view)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self._delete_or_noop)
        self.view.addAction(delete_action)
        self.addActions([undo_action, redo_action, find_action])

    def _build_buttons(self) -> None:
        self.open_button = self._button("open_button", "&Open", "Open in the editor")
        self.duplicate_button = self._button(
            "duplicate_button", "D&uplicate as new", "Start a new draft from this one"
        )
        self.delete_button = self._button("delete_button", "&Delete", "Move to the trash")
        self.restore_button = self._button("restore_button", "&Restore", "Restore from the trash")
        self.empty_trash_button = self._button(
            "empty_trash_button", "&Empty trash", "Delete the trash for good"
        )
        self.close_button = self._button("close_button", "Close", "Close history")
        self.open_button.clicked.connect(self._open_selected)
        self.duplicate_button.clicked.connect(self._duplicate_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.restore_button.clicked.connect(self._restore_selected)
        self.empty_trash_button.clicked.connect(self._empty_trash)
        self.close_button.clicked.connect(self.reject)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.trash_button)
        buttons = QHBoxLayout()
        row = (
            self.open_button,
            self.duplicate_button,
            self.delete_button,
            self.restore_button,
            self.empty_trash_button,
            self.close_button,
        )
        for button in row[:-1]:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)
        # Tab follows the eye: search, trash, list, the undo bar under it, then the buttons.
        chain = [self.search_edit, self.trash_button, self.view, self.undo_button, *row]
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        return button

    # -- replaceable interactions (tests swap these) --------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question; tests replace this method."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    # -- storage calls and messages -------------------------------------------------------

    def run_storage(self, call: Callable[[], object]) -> bool:
        """Run a storage call; a user-world error is shown here instead of escaping."""
        try:
            call()
        except BowOutError as exc:
            logger.warning("history operation failed: %s", exc)
            self.show_message(str(exc), error=True)
            return False
        return True

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A one-line note above the table (errors in the palette's alarm colour)."""
        self.message_label.setProperty("error", error)
        self.message_label.setStyleSheet("color: #d64545; font-weight: bold;" if error else "")
        self.message_label.setText(text)
        self.message_label.show()

    def show_undo_bar(self, text: str) -> None:
        """Offer "Undo" after a delete."""
        self.undo_label.setText(text)
        self.undo_bar.show()

    def hide_undo_bar(self) -> None:
        """Hide the undo offer (after an undo, or when the trash was emptied)."""
        self.undo_bar.hide()

    # -- listing --------------------------------------------------------------------------

    @Slot()
    def refresh(self, select_id: str | None = None) -> None:
        """Reload the rows for the current search and mode; keeps the selection if it can."""
        self._search_timer.stop()
        if select_id is None:
            current = self.selected_record()
            select_id = current.id if current is not None else None
        query = self.search_edit.text().strip()
        records: list[Any] = []
        total = 0

        def load() -> None:
            nonlocal records, total
            every = self.history.trash() if self._in_trash else self.history.list()
            total = len(every)
            if self._in_trash:
                needle = _fold(query)
                records = [r for r in every if needle in _fold(_haystack(r))]
            elif query:
                records = list(self.history.search(query))
            else:
                records = list(every)

        self.run_storage(load)
        self.model.set_records(records)
        self._select(select_id)
        self.count_label.setText(count_text(len(records), total, query, in_trash=self._in_trash))
        self._update_buttons()

    def _select(self, record_id: str | None) -> None:
        row = 0
        for row_ in range(self.model.rowCount()):
            rec = self.model.index(row_, 0).data(RECORD_ROLE)
            if rec.id == record_id:
                row = row_
                break
        if self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def selected_record(self) -> Any:
        """The record on the selected row, or None."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        has = self.selected_record() is not None
        for button in (self.open_button, self.duplicate_button, self.delete_button):
            button.setVisible(not self._in_trash)
            button.setEnabled(has and not self._in_trash)
        self.restore_button.setVisible(self._in_trash)
        self.restore_button.setEnabled(has and self._in_trash)
        self.empty_trash_button.setVisible(self._in_trash)
        self.empty_trash_button.setEnabled(self._in_trash and self.model.rowCount() > 0)

    @Slot(bool)
    def _set_trash_mode(self, on: bool) -> None:
        self._in_trash = on
        self.trash_button.setText("Show &history" if on else "Show &trash")
        self.setWindowTitle("History — Trash" if on else "History")
        # Enter triggers the action that fits the mode.
        self.open_button.setDefault(not on)
        self.restore_button.setDefault(on)
        self.refresh()

    # -- actions --------------------------------------------------------------------------

    @Slot()
    def _activate(self) -> None:
        if self._in_trash:
            self._restore_selected()
        else:
            self._open_selected()

    @Slot()
    def _open_selected(self) -> None:
        record = self.selected_record()
        if record is not None and not self._in_trash:
            self.open_requested.emit(record)
            self.accept()

    @Slot()
    def _duplicate_selected(self) -> None:
        record = self.selected_record()
        if record is not None and not self._in_trash:
            self.duplicate_requested.emit(record)
            self.accept()

    @Slot()
    def _delete_selected(self) -> None:
        record = self.selected_record()
        if record is None or self._in_trash:
            return
        row = self.view.selectionModel().selectedRows()[0].row()
        below = row + 1 if row + 1 < self.model.rowCount() else row - 1
        neighbour = self.model.index(below, 0).data(RECORD_ROLE) if below >= 0 else None
        self.undo_stack.push(_DeleteCommand(self, record, neighbour.id if neighbour else None))

    @Slot()
    def _restore_selected(self) -> None:
        record = self.selected_record()
        if record is None or not self._in_trash:
            return
        if self.run_storage(lambda: self.history.restore(record.id)):
            self.show_message(f"Restored {describe(record)}.")
        self.refresh()

    @Slot()
    def _empty_trash(self) -> None:
        n = len(self.history_trash_ids())
        if not n:
            return
        noun = "record" if n == 1 else "records"
        if not self.confirm(
            "Empty the trash?", f"Delete {n} {noun} for good? This cannot be undone."
        ):
            return
        removed: list[int] = []
        if self.run_storage(lambda: removed.append(self.history.empty_trash())):
            # Deleted records are gone, so undoing an earlier delete could not work any more.
            self.undo_stack.clear()
            self.hide_undo_bar()
            count = removed[0]
            self.show_message(
                f"Emptied the trash ({count} {'record' if count == 1 else 'records'})."
            )
        self.refresh()

    def history_trash_ids(self) -> list[str]:
        """Ids of the records in the trash (an empty list if the trash cannot be read)."""
        ids: list[str] = []
        self.run_storage(lambda: ids.extend(r.id for r in self.history.trash()))
        return ids

    @Slot()
    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    @Slot()
    def _delete_or_noop(self) -> None:
        if not self._in_trash:
            self._delete_selected()

    # -- keyboard -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box moves into the table, as in a launcher."""
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
            and self.model.rowCount()
        ):
            self.view.setFocus()
            return True
        return super().eventFilter(watched, event)


def _haystack(record: Any) -> str:
    fields = ("company", "role", "contact", "recruiter", "subject", "notes")
    return " ".join(str(getattr(record, name, "") or "") for name in fields)
