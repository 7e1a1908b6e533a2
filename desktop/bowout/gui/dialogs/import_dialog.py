"""Import applications from a table: map the columns, answer the questions, preview.

The file was read once, off the UI thread, into a :class:`~bowout.core.tabular.Table`;
this dialog never reads it again. Each choice (a field per column, an answer per status
word, the date order) re-runs :func:`bowout.core.csv_import.read_applications` over the
table in a worker thread (a newer choice cancels an older run), so a file of a hundred
thousand rows never freezes the window; the preview, the rows left out and the Import
button follow when the run ends.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bowout.core.applications import FIELDS, Application
from bowout.core.counting import counted
from bowout.core.csv_import import (
    DateOrderNeeded,
    ImportResult,
    guess_mapping,
    read_applications,
    read_headers,
)
from bowout.core.errors import BowOutError
from bowout.core.import_dates import DMY, MDY
from bowout.core.tabular import Progress, Table
from bowout.gui.background import BackgroundJob
from bowout.gui.dialogs.application_dialog import FIELD_LABELS
from bowout.gui.dialogs.import_answers import StatusAnswers, ask_date_order, reading
from bowout.gui.screen_fit import fit_dialog
from bowout.gui.widgets.fitted_columns import fit_columns
from bowout.gui.widgets.language_picker import language_label
from bowout.storage.applications import ImportMapping

#: Rows the preview shows.
PREVIEW_ROWS = 5
#: Column combos shown at most (with those Bow Out recognised): a file of 20,000 columns
#: must open at once, and nobody maps column 19,000 of one by hand.
MAX_COLUMN_COMBOS = 60
#: Rows left out named in the summary (the message after the import says how many more).
SKIPPED_SHOWN = 12


@dataclasses.dataclass(frozen=True)
class ImportChoice:
    """What the user confirmed: the applications with their states, the rows left out
    (line, why), rows kept without a value (line, what) and the mapping to remember."""

    applications: list[Application]
    states: list[str]
    skipped: list[tuple[int, str]]
    notes: list[tuple[int, str]]
    mapping: ImportMapping


class ImportDialog(QDialog):
    """A combo per column, the questions (status words, date order) and a live preview;
    Import is enabled once every question is answered."""

    #: A run over the table ended and its result is shown (tests wait for it).
    evaluated = Signal()

    def __init__(
        self,
        table: Table,
        file_name: str,
        remembered: ImportMapping | None = None,
        existing: Sequence[Application] = (),
        parent: QWidget | None = None,
        *,
        accepted_state: bool = False,
    ) -> None:
        """InputError when the table has no header row (nothing to map)."""
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(f"Import applications — {file_name}")
        self._table = table
        self._existing = list(existing)
        self._accepted_state = accepted_state
        self.headers = read_headers(table)
        columns = {**guess_mapping(self.headers), **(remembered.columns if remembered else {})}
        self.answers: dict[str, str] = dict(remembered.statuses) if remembered else {}
        self.date_order = remembered.date_order if remembered else ""
        self.result_: ImportResult | None = None
        self.column_combos: dict[str, QComboBox] = {}
        self._job: BackgroundJob | None = None
        self._busy = False
        self._pending = False
        self._date_asked = False
        self._build(columns, file_name, table.kind, remembered is not None)
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _build(self, columns: dict[str, str], file_name: str, kind: str, remembered: bool) -> None:
        intro = QLabel(
            f"Which field is each column of {file_name} ({kind})? "
            + (
                "These are the columns you chose last time."
                if remembered
                else "Bow Out guessed from the headers; correct what is wrong."
            ),
            self,
        )
        intro.setWordWrap(True)
        scroll = self._build_columns(columns)
        dates = self._build_dates()
        self.status_box = StatusAnswers(self._status_changed, self)
        self._build_rest()
        self._lay_out(intro, scroll, dates)

    def _build_columns(self, columns: dict[str, str]) -> QScrollArea:
        columns_widget = QWidget(self)
        form = QFormLayout(columns_widget)
        named = list(dict.fromkeys(h for h in self.headers if h))  # a repeated one: the first
        shown = named[:MAX_COLUMN_COMBOS] + [h for h in named[MAX_COLUMN_COMBOS:] if h in columns]
        for header in shown:
            combo = QComboBox(columns_widget)
            combo.setObjectName(f"column_combo_{len(self.column_combos)}")
            combo.setAccessibleName(f"Field for column {header}")
            combo.addItem("(ignore)", "")
            for field in FIELDS:
                combo.addItem(FIELD_LABELS[field], field)
            combo.setCurrentIndex(max(combo.findData(columns.get(header, "")), 0))
            combo.currentIndexChanged.connect(lambda _i, h=header: self._column_changed(h))
            self.column_combos[header] = combo
            form.addRow(f"{header}:", combo)
        self.columns_note = QLabel(self)
        self.columns_note.setObjectName("columns_note")
        self.columns_note.setWordWrap(True)
        hidden = len(named) - len(shown)
        self.columns_note.setText(
            f"{hidden:,} more columns are ignored (only the first {MAX_COLUMN_COMBOS} and those "
            "Bow Out recognised are listed)."
            if hidden
            else ""
        )
        self.columns_note.setVisible(bool(hidden))
        scroll = QScrollArea(self)
        scroll.setObjectName("columns_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(columns_widget)
        return scroll

    def _build_dates(self) -> QFormLayout:
        self.date_combo = QComboBox(self)
        self.date_combo.setObjectName("date_order_combo")
        self.date_combo.setAccessibleName("How the dates are written")
        self.date_combo.addItem("Choose…", "")
        self.date_combo.addItem("Day first (11/2 is 11 February)", DMY)
        self.date_combo.addItem("Month first (11/2 is 2 November)", MDY)
        self.date_combo.setCurrentIndex(max(self.date_combo.findData(self.date_order), 0))
        self.date_combo.currentIndexChanged.connect(self._date_changed)
        self.date_label = QLabel("Dates:", self)
        self.date_label.setBuddy(self.date_combo)
        dates = QFormLayout()
        dates.addRow(self.date_label, self.date_combo)
        self._show_dates(bool(self.date_order))
        return dates

    def _build_rest(self) -> None:
        self.preview = QTableWidget(0, len(FIELDS), self)
        self.preview.setObjectName("import_preview")
        self.preview.setAccessibleName("Preview of the first applications")
        self.preview.setHorizontalHeaderLabels([FIELD_LABELS[f] for f in FIELDS])
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        fit_columns(self.preview)  # the dialog's width, never sideways; a cut cell says all
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("import_summary")
        self.summary_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setObjectName("import_button")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self, intro: QLabel, scroll: QScrollArea, dates: QFormLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.columns_note)
        layout.addLayout(dates)
        layout.addWidget(self.status_box)
        layout.addWidget(QLabel("Preview:", self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)
        fit_dialog(self, QSize(960, 680))

    @property
    def status_combos(self) -> dict[str, QComboBox]:
        """The combo of each status word shown, by word."""
        return self.status_box.combos

    def _show_dates(self, visible: bool) -> None:
        self.date_label.setVisible(visible)
        self.date_combo.setVisible(visible)

    # -- replaceable interactions (tests swap these) --------------------------------------
    def ask_date_order(self, column: str, example: str) -> str | None:
        """Ask once how the dates are written ("dmy", "mdy" or None); tests replace it."""
        return ask_date_order(self, column, example)

    # -- the user's choices ---------------------------------------------------------------
    def mapping(self) -> dict[str, str]:
        """Column -> field as the combos say ("" for an ignored column)."""
        return {h: str(c.currentData()) for h, c in self.column_combos.items()}

    def _column_changed(self, header: str) -> None:
        field = self.column_combos[header].currentData()
        for other, combo in self.column_combos.items():  # a field comes from one column
            if other != header and field and combo.currentData() == field:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        self.refresh()

    def _status_changed(self, word: str, answer: str) -> None:
        if answer:
            self.answers[word] = answer
        else:
            self.answers.pop(word, None)
        self.refresh()

    @Slot()
    def _date_changed(self) -> None:
        self.date_order = str(self.date_combo.currentData() or "")
        self.refresh()

    # -- what the table gives with them ---------------------------------------------------
    @property
    def ready(self) -> bool:
        """Is the shown result the one for the current choices (no run under way)?"""
        return not self._busy and not self._pending

    @Slot()
    def refresh(self) -> None:
        """Run the import over the table again with the current choices (in a worker; a
        run under way is cancelled first). Import waits until it ends."""
        self._pending = True
        self.import_button.setEnabled(False)
        if self._busy:
            if self._job is not None:
                self._job.cancel()
            return
        self._start()

    def _start(self) -> None:
        self._pending = False
        self._busy = True
        table, mapping, answers = self._table, self.mapping(), dict(self.answers)
        existing, order, accepted = self._existing, self.date_order or None, self._accepted_state

        def work(progress: Progress) -> ImportResult:
            return read_applications(
                table, mapping, answers, existing,
                date_order=order, accepted_state=accepted, progress=progress,
            )  # fmt: skip

        job = BackgroundJob(work, "import-preview", self)
        job.succeeded.connect(self._show_result)
        job.failed.connect(self._show_problem)
        job.finished.connect(self._run_ended)
        self._job = job
        job.start()

    @Slot()
    def _run_ended(self) -> None:
        self._busy = False
        if self._pending:
            self._start()
        else:
            self.evaluated.emit()

    @Slot(object)
    def _show_problem(self, exc: BowOutError) -> None:
        if self._pending:
            return  # the choices changed meanwhile: a newer run follows
        self.result_ = None
        self._show_preview([])
        text = str(exc)
        if isinstance(exc, DateOrderNeeded):
            self._show_dates(True)
            text = (
                f"Every date in the column “{exc.column}” reads both ways ({exc.example} is "
                f"{reading(exc.example, DMY)} or {reading(exc.example, MDY)}): choose how "
                "the dates are written."
            )
            if not self._date_asked:
                self._date_asked = True
                answer = self.ask_date_order(exc.column, exc.example)
                if answer:
                    self.date_combo.setCurrentIndex(self.date_combo.findData(answer))
        self.summary_label.setText(text[:1].upper() + text[1:].rstrip(".") + ".")
        self.import_button.setText("Import")
        self.import_button.setEnabled(False)

    @Slot(object)
    def _show_result(self, result: ImportResult) -> None:
        if self._pending:
            return
        self.result_ = result
        words = {**result.unknown_statuses, **result.answered_statuses}
        words = dict(sorted(words.items(), key=lambda item: item[1][0]))
        self.status_box.show_words(words, self.answers, result.accepted_words)
        self._show_preview(result.applications[:PREVIEW_ROWS])
        waiting = [w for w in result.unknown_statuses if w not in self.answers]
        count = len(result.applications)
        lines = [f"{count:,} application{'s' if count != 1 else ''} to import."]
        saved = result.states.count("saved")
        if saved:
            lines.append(f"{saved:,} of them saved, not applied to yet.")
        skipped = sorted(result.skipped)
        if skipped:
            shown = "; ".join(f"line {n}: {why}" for n, why in skipped[:SKIPPED_SHOWN])
            more = len(skipped) - SKIPPED_SHOWN
            lines.append(f"Skipped: {shown}" + (f"; and {more:,} more." if more > 0 else "."))
        if result.notes:
            lines.append(
                f"{counted(len(result.notes), 'row')} kept without a date that could not be read "
                f"(first: line {result.notes[0][0]})."
            )
        if waiting:
            lines.append("Place each status word above to import.")
        self.summary_label.setText(" ".join(lines))
        self.import_button.setText(f"Import {count:,}")
        self.import_button.setEnabled(count > 0 and not waiting)

    def skipped(self) -> list[tuple[int, str]]:
        """Rows that would be left out, by line: unreadable, closed, already kept, or with a
        status word the user chose to skip."""
        return sorted(self.result_.skipped) if self.result_ is not None else []

    def _show_preview(self, applications: list[Application]) -> None:
        self.preview.setRowCount(len(applications))
        for row, application in enumerate(applications):
            for column, field in enumerate(FIELDS):
                value = getattr(application, field)
                if field == "stage":
                    text = value.label
                elif field == "applied":
                    text = value.isoformat() if value else ""
                elif field == "language":
                    text = language_label(value)
                else:
                    text = str(value)
                self.preview.setItem(row, column, QTableWidgetItem(text))

    def choice(self) -> ImportChoice:
        """What to import and remember (call once Import is enabled)."""
        if self.result_ is None:  # a bug: Import is disabled without a result
            raise RuntimeError("nothing to import")
        result = self.result_
        mapping = ImportMapping(tuple(self.headers), result.mapping, dict(self.answers),
                                self.date_order)  # fmt: skip
        return ImportChoice(list(result.applications), list(result.states), self.skipped(),
                            list(result.notes), mapping)  # fmt: skip

    def done(self, code: int) -> None:
        """Close; a run still under way is cancelled (its result is not wanted)."""
        if self._job is not None:
            self._job.cancel()
        super().done(code)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        table: Table,
        file_name: str,
        remembered: ImportMapping | None,
        existing: Sequence[Application],
        *,
        accepted_state: bool = False,
    ) -> ImportChoice | None:
        """Show the dialog; what the user chose to import, or None if cancelled.
        InputError when the table has no header row."""
        dialog = cls(table, file_name, remembered, existing, parent, accepted_state=accepted_state)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
