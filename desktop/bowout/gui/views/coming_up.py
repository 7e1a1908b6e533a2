"""The "Coming up" view: what is due after sent withdrawals, overdue first, ticked off here.

Ticks and settle-by dates are saved in the history file (``History.set_reminder_done``,
``History.set_settle_by``); "Export to calendar…" writes an .ics with stable UIDs, so a
calendar that imports it again updates its items instead of adding copies: all-day events
with an alarm (what Google Calendar, Outlook and Apple Calendar show), or tasks when "As
tasks" is ticked (Thunderbird and task apps).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QSize, Qt, Slot
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bowout.core import reminders as core
from bowout.core.calendar_export import ItemKind
from bowout.core.ui_dates import weekday_day_month
from bowout.gui.plain_words import plain_tip
from bowout.gui.views.calendar_words import EVENTS_NOTE, TASKS_NOTE, written_text
from bowout.gui.widgets.dates import DayFirstDateEdit, local_day, mark_past, qdate
from bowout.gui.widgets.list_actions import list_button
from bowout.gui.widgets.message_line import MessageLine, alarm_colour, run_storage
from bowout.gui.widgets.readable_table import ReadableColumns

if TYPE_CHECKING:
    from bowout.gui.views import ViewHost
    from bowout.storage import History

logger = logging.getLogger(__name__)

#: Columns of the list: the tick, the due date, the company, what to do.
DONE_COLUMN, DUE_COLUMN, COMPANY_COLUMN, TITLE_COLUMN = range(4)
HEADERS = ("Done", "Due", "Company", "What to do")
#: Wider than this many characters, a due date ("Overdue · Fri 4 Dec") or a company name
#: wraps onto a second line: "What to do" keeps the room.
DUE_CHARS, COMPANY_CHARS = 10, 14
#: Room (pixels) either side of the list.
SIDE_MARGIN = 4
#: The reminder uid of a row (on its first item).
UID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Said while the settle-by date is before today (a mistyped year, most often).
PAST_SETTLE = "That date has already passed: check the year."


def due_text(due: dt.date, today: dt.date) -> str:
    """How a due date reads in the list: "Overdue · Fri 4 Dec", "Today", or the date."""
    day = weekday_day_month(due) + ("" if due.year == today.year else f" {due.year}")
    if due < today:
        return f"Overdue · {day}"
    return "Today" if due == today else day


class ComingUpView(QWidget):
    """The follow-ups of sent withdrawals, earliest (so overdue) first, with a tick each."""

    def __init__(
        self,
        history: History,
        reply_days: Callable[[], int],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        """``history``: a History (``reminders``, ``set_reminder_done``, ``set_settle_by``);
        ``reply_days``: the setting read at each refresh; ``today``: the clock."""
        super().__init__(parent)
        self.setObjectName("coming_up_panel")
        self.setAccessibleName("Coming up")
        self.history = history
        self.reply_days = reply_days
        self.today = today
        self.items: list[core.Reminder] = []
        self._filling = False
        self._build()
        self._lay_out()

    def _build(self) -> None:
        self.show_done_check = QCheckBox("Show &done", self)
        self.show_done_check.setObjectName("show_done_check")
        self.show_done_check.setAccessibleName("Show follow-ups already done")
        self.show_done_check.toggled.connect(lambda _on: self.refresh())
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("coming_up_table")
        self.table.setAccessibleName("Follow-ups coming up")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.columns = ReadableColumns(
            self.table, TITLE_COLUMN, {DUE_COLUMN: DUE_CHARS, COMPANY_COLUMN: COMPANY_CHARS}
        )
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("coming_up_count")
        self.count_label.setWordWrap(True)  # "Nothing coming up: …" must not hold the list wide
        self.message_label = MessageLine("coming_up_message", "Coming up message", self)
        self.settle_label = QLabel("Repay or settle &by:", self)
        self.settle_date_edit = DayFirstDateEdit(self)
        self.settle_date_edit.setObjectName("settle_date_edit")
        self.settle_date_edit.setAccessibleName("Date to repay or settle the money received")
        self.settle_date_edit.dateChanged.connect(self._settle_date_changed)
        self.settle_label.setBuddy(self.settle_date_edit)
        self.settle_button = list_button(
            self, "settle_button", "Set &date", "Set the settle-by date"
        )
        self.settle_button.clicked.connect(self._set_settle_by)
        self.export_button = list_button(
            self, "export_calendar_button", "Export to &calendar…", "Export every follow-up as .ics"
        )
        self.export_button.clicked.connect(lambda: self.export(selected=False))
        self.export_selected_button = list_button(
            self,
            "export_selected_button",
            "Export &selected…",
            "Export the selected follow-ups as .ics",
        )
        self.export_selected_button.clicked.connect(lambda: self.export(selected=True))
        self.tasks_check = QCheckBox("As &tasks", self)
        self.tasks_check.setObjectName("export_tasks_check")
        self.tasks_check.setAccessibleName("Export follow-ups as tasks instead of events")
        self.tasks_check.toggled.connect(self._kind_changed)
        self.export_note = QLabel(self)
        self.export_note.setObjectName("export_kind_note")
        self.export_note.setWordWrap(True)
        self._kind_changed(False)

    def _lay_out(self) -> None:
        settle = QHBoxLayout()
        settle.addWidget(self.settle_label)
        settle.addWidget(self.settle_date_edit)
        settle.addWidget(self.settle_button)
        settle.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.export_selected_button)
        buttons.addStretch(1)
        kind = QHBoxLayout()  # its own row: the window still narrows to 800 pixels
        kind.addWidget(self.tasks_check)
        kind.addWidget(self.export_note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIDE_MARGIN, 0, SIDE_MARGIN, 0)
        layout.addWidget(self.show_done_check)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)  # under the list: a note never moves the rows
        layout.addWidget(self.count_label)
        layout.addLayout(settle)
        layout.addLayout(buttons)
        layout.addLayout(kind)
        self._selection_changed()

    def minimumSizeHint(self) -> QSize:
        """Wide enough for "What to do" to read a phrase a line beside the short columns."""
        hint = super().minimumSizeHint()
        width = self.columns.needed_width() + 2 * SIDE_MARGIN
        return QSize(max(hint.width(), width), hint.height())

    def focus_chain(self) -> list[QWidget]:
        """Tab follows the eye: the filter, the list, the date, the buttons."""
        return [self.show_done_check, self.table, self.settle_date_edit, self.settle_button,
                self.export_button, self.export_selected_button, self.tasks_check]  # fmt: skip

    # -- replaceable interactions (tests swap these) --------------------------------------

    def choose_export_path(self, suggested: str) -> Path | None:
        """Ask where to write the calendar file (the dialog opens in the folder used last,
        or Documents); tests replace this method."""
        from bowout.gui.dialogs.file_dialogs import save_file_name

        return save_file_name(self, "Export to calendar", suggested, "Calendar files (*.ics)")

    # -- listing --------------------------------------------------------------------------

    def run_storage(self, call: Callable[[], object]) -> bool:
        """Run a storage call; a user-world error is shown here instead of escaping."""
        return run_storage(call, self.message_label, logger)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A note above the list (an error in the theme's alarm red)."""
        self.message_label.show_text(text, error=error)

    @Slot()
    def refresh(self, select_uid: str | None = None) -> None:
        """Reload the follow-ups (ticks and the reply-days setting included)."""
        self.message_label.mark_stale()  # a note from before no longer fits the list
        if select_uid is None:
            current = self.selected_reminder()
            select_uid = current.uid if current else None
        every: list[core.Reminder] = []

        def load() -> None:
            nonlocal every
            every = self.history.reminders.due(self.reply_days())

        self.run_storage(load)
        shown = every if self.show_done_check.isChecked() else core.coming_up(every)
        self.items = shown
        self._fill(select_uid)
        today = self.today()
        late = sum(1 for r in every if not r.done and r.due < today)
        to_do = sum(1 for r in every if not r.done)
        if not every:
            text = "Nothing coming up: follow-ups appear once a withdrawal is marked as sent."
        else:
            text = f"{to_do} to do" + (f", {late} overdue" if late else "")
        self.count_label.setText(text)

    def _fill(self, select_uid: str | None) -> None:
        self._filling = True
        today = self.today()
        self.table.setRowCount(len(self.items))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, reminder in enumerate(self.items):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
            tick.setCheckState(Qt.CheckState.Checked if reminder.done else Qt.CheckState.Unchecked)
            tick.setData(UID_ROLE, reminder.uid)
            tick.setData(Qt.ItemDataRole.AccessibleTextRole,
                         "Done" if reminder.done else "Not done")  # fmt: skip
            due = QTableWidgetItem(due_text(reminder.due, today))
            due.setToolTip(reminder.due.isoformat())
            if reminder.due < today and not reminder.done:
                due.setForeground(QBrush(alarm_colour(self.table.palette())))  # 4.5:1 or more
                due.setFont(bold)
            company = QTableWidgetItem(reminder.company or "—")
            company.setToolTip(plain_tip(reminder.company))
            title = QTableWidgetItem(reminder.title)
            title.setToolTip(plain_tip(reminder.title))
            for column, item in enumerate((tick, due, company, title)):
                self.table.setItem(row, column, item)
        self.columns.contents_changed()
        self.table.resizeRowsToContents()
        self._filling = False
        for row, reminder in enumerate(self.items):
            if reminder.uid == select_uid:
                self.table.selectionModel().setCurrentIndex(
                    self.table.model().index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                break
        self._selection_changed()

    def selected_reminders(self) -> list[core.Reminder]:
        """The reminders on the selected rows, top to bottom."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.items[row] for row in rows if row < len(self.items)]

    def selected_reminder(self) -> core.Reminder | None:
        """The reminder on the (first) selected row, or None."""
        chosen = self.selected_reminders()
        return chosen[0] if chosen else None

    # -- behaviour ------------------------------------------------------------------------

    @Slot()
    def _selection_changed(self) -> None:
        reminder = self.selected_reminder()
        settle = reminder is not None and reminder.rule == "settle"
        for widget in (self.settle_label, self.settle_date_edit, self.settle_button):
            widget.setVisible(settle)
        if settle and reminder is not None:
            edit = self.settle_date_edit
            edit.setMinimumDate(qdate(min(self._withdrawn_on(reminder), reminder.due)))
            edit.setDate(qdate(reminder.due))
        self.export_selected_button.setEnabled(bool(self.selected_reminders()))
        self.export_button.setEnabled(bool(self.items) or self.show_done_check.isChecked())

    def _withdrawn_on(self, reminder: core.Reminder) -> dt.date:
        """The day the withdrawal went out: a settle-by date cannot come before it."""
        sent: list[str] = []
        self.run_storage(lambda: sent.append(str(self.history.get(reminder.record_id).sent)))
        return (local_day(sent[0]) if sent else None) or reminder.due

    @Slot(QDate)
    def _settle_date_changed(self, _date: QDate) -> None:
        mark_past(self.settle_date_edit, qdate(self.today()), PAST_SETTLE)

    @Slot(bool)
    def _kind_changed(self, tasks: bool) -> None:
        self.export_note.setText(TASKS_NOTE if tasks else EVENTS_NOTE)

    def export_kind(self) -> ItemKind:
        """Events (the default) or tasks, as "As tasks" says."""
        return ItemKind.TASK if self.tasks_check.isChecked() else ItemKind.EVENT

    @Slot(QTableWidgetItem)
    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != DONE_COLUMN:
            return
        uid = str(item.data(UID_ROLE))
        done = item.checkState() == Qt.CheckState.Checked
        title = self.items[item.row()].title
        if self.run_storage(lambda: self.history.reminders.set_done(uid, done)):
            hidden = done and not self.show_done_check.isChecked()
            note = " (Show done lists it.)" if hidden else ""
            self.show_message(f"{'Done' if done else 'Back on the list'}: {title}.{note}")
        self.refresh(select_uid=uid)

    @Slot()
    def _set_settle_by(self) -> None:
        reminder = self.selected_reminder()
        if reminder is None or reminder.rule != "settle":
            return
        when = self.settle_date_edit.date().toPython()
        assert isinstance(when, dt.date)
        if self.run_storage(lambda: self.history.reminders.set_settle_by(reminder.record_id, when)):
            past = when < self.today()
            self.show_message(
                f"Repay or settle by {when.isoformat()}: saved with the withdrawal."
                + (f" {PAST_SETTLE}" if past else ""),
                error=past,
            )
        self.refresh(select_uid=reminder.uid)

    @Slot()
    def export_all(self) -> Path | None:
        """Export every follow-up listed (see :meth:`export`)."""
        return self.export(selected=False)

    def export(self, *, selected: bool) -> Path | None:
        """Write the follow-ups (the selected ones, or all of them: done ones as done, those
        of a withdrawal gone since the last export as cancelled) to an .ics file the user
        picks, as events or tasks; returns the path written, or None."""
        from bowout.services.calendar_export import export_follow_ups

        chosen = self.selected_reminders() if selected else None
        if selected and not chosen:
            return None
        path = self.choose_export_path("bowout-follow-ups.ics")
        if path is None:
            return None
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        kind = self.export_kind()
        written = None

        def write() -> None:
            nonlocal written
            written = export_follow_ups(
                self.history, path, kind=kind, reply_days=self.reply_days(), selected=chosen
            )

        try:
            if not self.run_storage(write) or written is None:
                return None
        except OSError as exc:
            self.show_message(f"Could not write {path}: {exc.strerror or exc}.", error=True)
            return None
        self.show_message(written_text(written, kind, path.name))
        return path

    @Slot(str)
    def history_changed(self, _record_id: str) -> None:
        """The history changed elsewhere: list again now if in sight (else on showing)."""
        if self.isVisible():
            self.view_shown()

    def view_shown(self) -> None:
        """The view came into sight: list what is due now."""
        self.refresh()


def make(host: ViewHost) -> ComingUpView | None:
    """The "Coming up" view over the host's history (None when there is no history). It
    lists nothing until first shown: computing every follow-up at start-up is wasted."""
    context = host.context
    if context.history is None:
        return None
    view = ComingUpView(context.history, lambda: context.settings.reply_days)
    host.events.changed.connect(view.history_changed)
    return view
