"""The applications view: the applications still in play, beside the draft.

Search, filter by state, add or edit one by hand, remove one (with undo), and import a
CSV or workbook from a spreadsheet or job tracker through :class:`ImportDialog` (read off
the UI thread; one undo for the whole import: see :mod:`.applications_import`).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bowout.core.applications import Application
from bowout.core.csv_import import read_headers
from bowout.core.errors import BowOutError
from bowout.core.statuses import ACCEPTED_STATE
from bowout.core.tabular import Table
from bowout.gui.dialogs.application_dialog import ApplicationDialog
from bowout.gui.dialogs.import_dialog import ImportChoice, ImportDialog
from bowout.gui.models.applications_model import APPLICATION_ROLE, ApplicationsModel
from bowout.gui.views.applications_import import ImportCommand, TableReading
from bowout.gui.views.history_ops import configure_table, fold
from bowout.gui.widgets.language_picker import has_two_forms, language_label
from bowout.gui.widgets.list_actions import add_list_actions, list_button
from bowout.gui.widgets.message_line import MessageLine, plain_label, run_storage
from bowout.storage.applications import (
    STATE_FILTER_LABELS,
    STATES,
    ImportMapping,
    StoredApplication,
)

if TYPE_CHECKING:
    from bowout.gui.views import ViewHost
    from bowout.storage import History

logger = logging.getLogger(__name__)

#: State filter choices: (label, state or "" for every application).
STATE_FILTERS = (*((STATE_FILTER_LABELS[state], state) for state in STATES), ("All", ""))
#: What a file chooser offers: the tables the import reads (told apart by content).
TABLE_FILTER = (
    "Tables (*.csv *.tsv *.txt *.xlsx *.xls *.ods);;CSV files (*.csv *.tsv *.txt);;"
    "Workbooks (*.xlsx *.xls *.ods);;All files (*)"
)
#: Columns the list beside the draft leaves to the details: applied date and state.
HIDDEN_COLUMNS = (3, 4)
#: Typing pauses this long before the search runs.
SEARCH_DELAY_MS = 150


def message_language(application: Application) -> str:
    """ "Messages in German (informal)": the language its withdrawals are drafted in, and
    the form of address where the language has two (issue 26)."""
    text = f"Messages in {language_label(application.language)}"
    if has_two_forms(application.language):
        text += f" ({application.address.value})"
    return text


def describe(stored: StoredApplication) -> str:
    """ "Acme — Data analyst"."""
    app = stored.application
    return " — ".join(p for p in (app.company, app.role) if p)


def _haystack(stored: StoredApplication) -> str:
    app = stored.application
    return fold(" ".join((app.company, app.role, app.contact, app.recruiter, app.notes)))


class RemoveCommand(QUndoCommand):
    """Remove one application; undo puts it back with its id, state and links."""

    def __init__(self, view: ApplicationsView, stored: StoredApplication) -> None:
        super().__init__(f"Remove {describe(stored)}")
        self._view = view
        self._stored = stored

    def redo(self) -> None:
        """Remove it (first push and every redo)."""
        if not self._view.run_storage(
            lambda: self._view.history.applications.remove(self._stored.id)
        ):
            self.setObsolete(True)
            return
        self._view.show_message(f"Removed {describe(self._stored)}. Ctrl+Z brings it back.")
        self._view.refresh()

    def undo(self) -> None:
        """Put it back."""
        if self._view.run_storage(lambda: self._view.history.applications.restore(self._stored)):
            self._view.show_message(f"Restored {describe(self._stored)}.")
        self._view.refresh(select_id=self._stored.id)


class ApplicationsView(QWidget):
    """Open applications by company: search, filter, add, edit, remove, import a CSV."""

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applications_view_panel")
        self.setAccessibleName("Applications")
        self.history = history
        self.undo_stack = QUndoStack(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("applications_search")
        self.search_edit.setAccessibleName("Search applications")
        self.search_edit.setPlaceholderText("Search company, role, contact, notes…")
        self.search_edit.setClearButtonEnabled(True)
        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("state_filter")
        self.state_combo.setAccessibleName("Show applications by state")
        for label, state in STATE_FILTERS:
            self.state_combo.addItem(label, state)
        self.model = ApplicationsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("applications_table")
        self.view.setAccessibleName("Applications")
        self.view.setModel(self.model)
        configure_table(self.view)
        for column in range(self.model.columnCount()):
            # Narrow beside the draft: the details below give the date; the filter the state.
            self.view.setColumnHidden(column, column in HIDDEN_COLUMNS)
        # Company and role share the width; the short stage names fit their column.
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.message_label = MessageLine("applications_message", "Applications message", self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("applications_count")
        self.details = plain_label(QLabel(self))
        self.details.setObjectName("application_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = list_button(self, "add_application_button", "&Add…", "Add an application")
        self.edit_button = list_button(self, "edit_application_button", "&Edit…", "Edit it")
        self.remove_button = list_button(self, "remove_application_button", "&Remove", "Remove it")
        self.import_button = list_button(
            self,
            "import_csv_button",
            "&Import…",
            "Import applications from a CSV, .xlsx, .xls or .ods file",
        )
        self.reading = TableReading(self)
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        # Two rows on top, as the history view has: the list is narrow beside the draft.
        top = QGridLayout()
        top.addWidget(self.search_edit, 0, 0, 1, 2)
        top.addWidget(self.state_combo, 1, 0)
        top.addWidget(self.import_button, 1, 1)
        buttons = QHBoxLayout()
        self.buttons = (self.add_button, self.edit_button, self.remove_button)
        for button in self.buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(top)
        layout.addWidget(self.reading)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        chain = [self.search_edit, self.state_combo, self.import_button, self.view, *self.buttons]
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)

    def _connect(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.state_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.view.activated.connect(self._edit_selected)  # Enter and double-click
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self._remove_selected)
        self.import_button.clicked.connect(self.import_csv)
        add_list_actions(self, self.view, self.undo_stack, "Remove", self._remove_selected)

    # -- replaceable interactions (tests swap these) --------------------------------------
    def ask_application(self, application: Application | None) -> Application | None:
        """The add/edit dialog; tests replace this method."""
        return ApplicationDialog.ask(self, application)

    def choose_csv(self) -> Path | None:
        """The file to import; tests replace this method."""
        name, _ = QFileDialog.getOpenFileName(
            self, "Import applications", str(Path.home()), TABLE_FILTER
        )
        return Path(name) if name else None

    def ask_import(
        self,
        table: Table,
        file_name: str,
        remembered: ImportMapping | None,
        existing: list[Application],
    ) -> ImportChoice | None:
        """The column-mapping dialog; tests replace this method."""
        return ImportDialog.ask(
            self, table, file_name, remembered, existing, accepted_state=ACCEPTED_STATE in STATES
        )

    # -- storage calls and messages -------------------------------------------------------
    def run_storage(self, call: Callable[[], object]) -> bool:
        """Run a storage call; a user-world error is shown here instead of escaping."""
        return run_storage(call, self.message_label, logger)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A note above the list (an error in the theme's alarm red)."""
        self.message_label.show_text(text, error=error)

    # -- listing --------------------------------------------------------------------------
    @Slot()
    def refresh(self, select_id: str | None = None) -> None:
        """Reload the rows for the search and state filter; keeps the selection."""
        self.message_label.mark_stale()  # a note from before no longer fits the list
        self._search_timer.stop()
        current = self.selected()
        select_id = select_id or (current.id if current else None)
        kept: list[StoredApplication] = []
        self.run_storage(lambda: kept.extend(self.history.applications.list()))
        state = str(self.state_combo.currentData() or "")
        needle = fold(self.search_edit.text().strip())
        rows = [s for s in kept if (not state or s.state == state) and needle in _haystack(s)]
        self.model.set_applications(rows)
        self._select(select_id)
        total = len(kept)
        self.count_label.setText(
            f"{len(rows)} of {total} applications"
            if len(rows) != total
            else f"{total} application{'s' if total != 1 else ''}"
        )
        self._selection_changed()

    def _select(self, app_id: str | None) -> None:
        rows = self.model.rowCount()
        row = next(
            (r for r in range(rows) if self.model.index(r, 0).data(APPLICATION_ROLE).id == app_id),
            0,
        )
        if rows:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def selected(self) -> StoredApplication | None:
        """The application on the selected row, or None."""
        rows = self.view.selectionModel().selectedRows()
        stored: StoredApplication | None = rows[0].data(APPLICATION_ROLE) if rows else None
        return stored

    @Slot()
    def _selection_changed(self) -> None:
        stored = self.selected()
        self.edit_button.setEnabled(stored is not None)
        self.remove_button.setEnabled(stored is not None)
        if stored is None:
            self.details.setText(
                "Add the applications still in play, or import a CSV "
                "from your spreadsheet or job tracker."
            )
            return
        app = stored.application
        parts = [describe(stored), app.stage.label]
        who = ", ".join(p for p in (app.contact, app.contact_email) if p)
        parts += [f"Contact: {who}"] if who else []
        parts += [f"Recruiter: {app.recruiter}"] if app.recruiter else []
        parts += [f"Applied on {app.applied.isoformat()}"] if app.applied else []
        parts.append(message_language(app))
        if stored.record_ids:
            parts.append(f"Withdrawal messages: {len(stored.record_ids)}")
        parts += [app.notes.splitlines()[0][:120]] if app.notes.strip() else []
        self.details.setText("\n".join(parts))

    @Slot(str)
    def history_changed(self, _record_id: str) -> None:
        """The history changed elsewhere: list again now if in sight (else on showing)."""
        if self.isVisible():
            self.view_shown()

    def view_shown(self) -> None:
        """The view came into sight: list the applications."""
        self.refresh()

    # -- actions --------------------------------------------------------------------------
    @Slot()
    def _add(self) -> None:
        application = self.ask_application(None)
        ids: list[str] = []
        if application and self.run_storage(
            lambda: ids.append(self.history.applications.add(application))
        ):
            self.show_message(f"Added {application.company}.")
            self.refresh(select_id=ids[0])

    @Slot()
    def _edit_selected(self) -> None:
        stored = self.selected()
        if stored is None:
            return
        application = self.ask_application(stored.application)
        if application and self.run_storage(
            lambda: self.history.applications.update(stored.id, application)
        ):
            self.show_message(f"Saved {application.company}.")
            self.refresh(select_id=stored.id)

    @Slot()
    def _remove_selected(self) -> None:
        stored = self.selected()
        if stored is not None:
            self.undo_stack.push(RemoveCommand(self, stored))

    @Slot()
    @Slot()
    def import_csv(self) -> None:
        """Ask for a CSV file and read it in the background, then ask which columns are
        which (Import CSV…); nothing happens while a file is being read already."""
        if self.reading.running:
            return
        path = self.choose_csv()
        if path is None:
            return
        self.import_button.setEnabled(False)
        job = self.reading.start(
            path,
            lambda table: self._table_read(path, table),
            lambda exc: self.show_message(f"Could not import {path.name}: {exc}.", error=True),
            lambda: self.import_button.setEnabled(True),
        )
        job.cancelled.connect(lambda: self.show_message(f"Stopped reading {path.name}."))

    def _table_read(self, path: Path, table: Table) -> None:
        try:
            remembered = self.history.applications.mapping(read_headers(table))
            existing = [s.application for s in self.history.applications.list()]
            choice = self.ask_import(table, path.name, remembered, existing)
        except BowOutError as exc:
            self.show_message(f"Could not import {path.name}: {exc}.", error=True)
            return
        if choice is not None:
            self.undo_stack.push(ImportCommand(self, path.name, choice))


def make(host: ViewHost) -> ApplicationsView | None:
    """The applications view over the host's history (None when it is unavailable)."""
    if host.context.history is None:
        return None
    # Its shortcut (VIEWS) is an action of the window's View menu: navigation.view_actions.
    view = ApplicationsView(host.context.history)
    host.events.changed.connect(view.history_changed)
    return view
