"""The history view: past withdrawals beside the draft; search, filter, open with one click."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bowout.gui.dialogs.message_box import use_app_icons
from bowout.gui.models.history_model import DATE_COLUMN, RECORD_ROLE, HistoryModel, count_text
from bowout.gui.views.history_ops import (
    STATUS_FILTERS,
    DeleteCommand,
    HistoryLike,
    configure_table,
    describe,
    empty_trash,
    fold,
    haystack,
    with_status,
)
from bowout.gui.widgets.list_actions import add_list_actions, list_button
from bowout.gui.widgets.message_line import MessageLine, run_storage
from bowout.gui.widgets.record_details import RecordDetails
from bowout.gui.widgets.undo_bar import UndoBar

if TYPE_CHECKING:
    from bowout.gui.views import ViewHost
    from bowout.storage.records import Record

logger = logging.getLogger(__name__)

#: Typing pauses this long before the search runs, so each keystroke stays cheap.
SEARCH_DELAY_MS = 150

__all__ = ["SEARCH_DELAY_MS", "HistoryView", "describe", "make"]


class HistoryView(QWidget):
    """Past withdrawals, newest first: a click opens one in the draft, the details show below."""

    open_requested = Signal(object)
    duplicate_requested = Signal(object)

    def __init__(self, history: HistoryLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_view_panel")
        self.setAccessibleName("History")
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
        self.search_edit.returnPressed.connect(self._open_top_match)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self._set_trash_mode(False)

    def _build_search(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("history_search")
        self.search_edit.setAccessibleName("Search history")
        self.search_edit.setPlaceholderText("Search company, role, contact… (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("status_filter")
        self.status_combo.setAccessibleName("Show withdrawals by status")
        for label, status in STATUS_FILTERS:
            self.status_combo.addItem(label, status)
        self.trash_button = list_button(self, "trash_button", "Show &trash", "Show deleted records")
        self.trash_button.setCheckable(True)
        self.trash_button.toggled.connect(self._set_trash_mode)

    def _build_table(self) -> None:
        self.model = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("history_view")
        self.view.setAccessibleName("Past withdrawals")
        self.view.setModel(self.model)  # the model sorts itself: no proxy
        configure_table(self.view)
        self.view.sortByColumn(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        self.view.clicked.connect(self._clicked)  # one click opens, as in a mail app
        self.view.activated.connect(self._activate)  # Enter (and double-click)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _build_messages(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("history_count")
        self.message_label = MessageLine("history_message", "History message", self)
        self.details = RecordDetails(self)
        # A long timeline scrolls under the list instead of being cut off.
        self.details_scroll = QScrollArea(self)
        self.details_scroll.setObjectName("record_details_scroll")
        self.details_scroll.setAccessibleName("Details of the selected withdrawal")
        self.details_scroll.setWidget(self.details)
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.undo_bar = UndoBar("Undo the delete", self)
        self.undo_label, self.undo_button = self.undo_bar.undo_label, self.undo_bar.undo_button
        self.undo_button.clicked.connect(self.undo_stack.undo)

    def _build_actions(self) -> None:
        add_list_actions(self, self.view, self.undo_stack, "Delete", self._delete_or_noop)

    def _build_buttons(self) -> None:
        self.open_button = list_button(self, "open_button", "&Open", "Open in the editor")
        self.duplicate_button = list_button(
            self, "duplicate_button", "D&uplicate", "Start a new draft from this one"
        )
        self.delete_button = list_button(self, "delete_button", "&Delete", "Move to the trash")
        self.restore_button = list_button(
            self, "restore_button", "&Restore", "Restore from the trash"
        )
        self.empty_trash_button = list_button(
            self, "empty_trash_button", "&Empty trash", "Delete the trash for good"
        )
        self.open_button.clicked.connect(self._open_selected)
        self.duplicate_button.clicked.connect(self._duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self._restore_selected)
        self.empty_trash_button.clicked.connect(self._empty_trash)

    def _lay_out(self) -> None:
        top = QGridLayout()
        top.addWidget(self.search_edit, 0, 0, 1, 2)
        top.addWidget(self.status_combo, 1, 0)
        top.addWidget(self.trash_button, 1, 1)
        self.buttons = (
            self.open_button,
            self.duplicate_button,
            self.delete_button,
            self.restore_button,
            self.empty_trash_button,
        )
        buttons = QHBoxLayout()
        for button in self.buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)
        layout.addWidget(self.details_scroll, 1)
        for before, after in itertools.pairwise(self.focus_chain()):
            self.setTabOrder(before, after)

    def focus_chain(self) -> list[QWidget]:
        """Tab follows the eye: search, filter, trash, list, the undo bar under it, buttons."""
        return [self.search_edit, self.status_combo, self.trash_button, self.view,
                self.undo_button, *self.buttons]  # fmt: skip

    # -- replaceable interactions (tests swap these) --------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question; tests replace this method."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the question quotes a company
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return use_app_icons(box).exec() == QMessageBox.StandardButton.Yes

    # -- storage calls and messages -------------------------------------------------------

    def run_storage(self, call: Callable[[], object]) -> bool:
        """Run a storage call; a user-world error is shown here instead of escaping."""
        return run_storage(call, self.message_label, logger)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A note above the list (an error in the theme's alarm red)."""
        self.message_label.show_text(text, error=error)

    def show_undo_bar(self, text: str) -> None:
        """Offer "Undo" after a delete."""
        self.undo_bar.offer(text)

    def hide_undo_bar(self) -> None:
        """Hide the undo offer (after an undo, or when the trash was emptied)."""
        self.undo_bar.withdraw()

    # -- listing --------------------------------------------------------------------------

    def status_filter(self) -> str:
        """The record status the list is narrowed to ("" for all)."""
        return str(self.status_combo.currentData() or "")

    @Slot()
    def refresh(self, select_id: str | None = None) -> None:
        """Reload the rows for the search, status filter and mode; keeps the selection."""
        self.message_label.mark_stale()  # a note from before no longer fits the list
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
                needle = fold(query)
                records = [r for r in every if needle in fold(haystack(r))]
            elif query:
                records = list(self.history.search(query))
            else:
                records = list(every)
            records = with_status(records, self.status_filter())

        self.run_storage(load)
        self.model.set_records(records)
        self._select(select_id)
        narrowed = query or self.status_filter()
        text = count_text(len(records), total, narrowed, in_trash=self._in_trash)
        self.count_label.setText(text)
        self._selection_changed()

    def _select(self, record_id: str | None) -> None:
        row = 0
        for row_ in range(self.model.rowCount()):
            if self.model.index(row_, 0).data(RECORD_ROLE).id == record_id:
                row = row_
                break
        if self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def selected_record(self) -> Record | None:
        """The record on the selected row, or None."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    @Slot()
    def _selection_changed(self) -> None:
        record = self.selected_record()
        has = record is not None
        for button in (self.open_button, self.duplicate_button, self.delete_button):
            button.setVisible(not self._in_trash)
            button.setEnabled(has and not self._in_trash)
        self.restore_button.setVisible(self._in_trash)
        self.restore_button.setEnabled(has and self._in_trash)
        self.empty_trash_button.setVisible(self._in_trash)
        self.empty_trash_button.setEnabled(self._in_trash and self.model.rowCount() > 0)
        self.details.show_record(record)

    @Slot(bool)
    def _set_trash_mode(self, on: bool) -> None:
        self._in_trash = on
        self.trash_button.setText("Show &history" if on else "Show &trash")
        self.setAccessibleName("History — Trash" if on else "History")
        self.refresh()

    # -- actions --------------------------------------------------------------------------

    @Slot()
    def _clicked(self) -> None:
        if not self._in_trash:
            self._open_selected()

    @Slot()
    def _activate(self) -> None:
        if self._in_trash:
            self._restore_selected()
        else:
            self._open_selected()

    @Slot()
    def _open_top_match(self) -> None:
        if self.model.rowCount() and not self._in_trash:
            self._select(self.model.index(0, 0).data(RECORD_ROLE).id)
            self._open_selected()

    @Slot()
    def _open_selected(self) -> None:
        record = self.selected_record()
        if record is not None and not self._in_trash:
            self.open_requested.emit(record)

    @Slot()
    def _duplicate_selected(self) -> None:
        record = self.selected_record()
        if record is not None and not self._in_trash:
            self.duplicate_requested.emit(record)

    @Slot()
    def delete_selected(self) -> None:
        """Move the selected withdrawal to the trash (Undo brings it back)."""
        record = self.selected_record()
        if record is None or self._in_trash:
            self.show_message("Select a withdrawal in the list first; then delete it.")
            return
        row = self.view.selectionModel().selectedRows()[0].row()
        below = row + 1 if row + 1 < self.model.rowCount() else row - 1
        neighbour = self.model.index(below, 0).data(RECORD_ROLE) if below >= 0 else None
        self.undo_stack.push(DeleteCommand(self, record, neighbour.id if neighbour else None))

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
        empty_trash(self)

    def view_shown(self) -> None:
        """The view came into sight: list the records (the first time, the listing starts)."""
        ready = getattr(self.history, "ready", None)
        if ready is False:
            self.history.ready = True  # type: ignore[attr-defined]
        self.refresh()

    @Slot(str)
    def history_changed(self, record_id: str) -> None:
        """The history changed elsewhere: list it again now if in sight, selecting
        ``record_id`` ("" : keep the selection); a hidden view lists on showing."""
        if self.isVisible():
            self.refresh(select_id=record_id or None)

    @Slot()
    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected for typing over."""
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    @Slot()
    def _delete_or_noop(self) -> None:
        if not self._in_trash:
            self.delete_selected()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box moves into the list, as in a launcher."""
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
            and self.model.rowCount()
        ):
            self.view.setFocus()
            return True
        return super().eventFilter(watched, event)


def make(host: ViewHost) -> HistoryView | None:
    """The history view over the host's history (None when the history is unavailable).

    It lists nothing until first shown (:meth:`HistoryView.view_shown`): listing 1,000
    records at start-up would slow every start for a list nobody has asked for yet.
    """
    from bowout.gui.context import DeferredHistory
    from bowout.gui.views.history_summary import attach_summary

    if host.context.history is None:
        return None
    view = HistoryView(DeferredHistory(host.context.history))
    attach_summary(view, host.context)
    view.open_requested.connect(host.session.open_record)
    view.duplicate_requested.connect(host.session.duplicate_record)
    host.events.changed.connect(view.history_changed)
    return view
