"""Import open applications from a CSV: map the columns, place unknown status words, preview.

The reading is :func:`bowout.core.csv_import.read_applications`; this dialog only chooses
its inputs (a field per column, a stage per unknown status word) and shows, live, what
would be imported and which rows would be skipped, with their line numbers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bowout.core.applications import FIELDS, Application
from bowout.core.csv_import import ImportResult, guess_mapping, read_applications, read_headers
from bowout.core.errors import InputError
from bowout.core.situation import Stage
from bowout.gui.widgets.application_dialog import FIELD_LABELS
from bowout.storage.applications import ImportMapping

#: Rows the preview shows.
PREVIEW_ROWS = 5
#: The answer for an unknown status word whose rows should not be imported.
SKIP = "skip"


@dataclasses.dataclass(frozen=True)
class ImportChoice:
    """What the user confirmed: the applications, the rows left out (line, why) and the
    mapping to remember for files with the same columns."""

    applications: list[Application]
    skipped: list[tuple[int, str]]
    mapping: ImportMapping


class ImportDialog(QDialog):
    """A combo per column (which field it is), a stage combo per unknown status word, and a
    live preview; Import is enabled once every status word is placed."""

    def __init__(
        self,
        data: bytes,
        file_name: str,
        remembered: ImportMapping | None = None,
        existing: Sequence[Application] = (),
        parent: QWidget | None = None,
    ) -> None:
        """InputError when the file has no header row (nothing to map)."""
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(f"Import applications — {file_name}")
        self._data = data
        self._existing = list(existing)
        self.headers = read_headers(data)
        columns = {**guess_mapping(self.headers), **(remembered.columns if remembered else {})}
        self.answers: dict[str, str] = dict(remembered.statuses) if remembered else {}
        self.result_: ImportResult | None = None
        self.unknown: dict[str, list[int]] = {}
        self.column_combos: dict[str, QComboBox] = {}
        self._build(columns, file_name, remembered is not None)
        self.refresh()

    def _build(self, columns: dict[str, str], file_name: str, remembered: bool) -> None:
        intro = QLabel(
            f"Which field is each column of {file_name}? "
            + (
                "These are the columns you chose last time."
                if remembered
                else "Bow Out guessed from the headers; correct what is wrong."
            ),
            self,
        )
        intro.setWordWrap(True)
        columns_box = QGroupBox("Columns", self)
        form = QFormLayout(columns_box)
        for header in self.headers:
            if not header or header in self.column_combos:
                continue  # an unnamed or repeated column cannot be told apart
            combo = QComboBox(columns_box)
            combo.setObjectName(f"column_combo_{len(self.column_combos)}")
            combo.setAccessibleName(f"Field for column {header}")
            combo.addItem("(ignore)", "")
            for field in FIELDS:
                combo.addItem(FIELD_LABELS[field], field)
            combo.setCurrentIndex(max(combo.findData(columns.get(header, "")), 0))
            combo.currentIndexChanged.connect(lambda _i, h=header: self._column_changed(h))
            self.column_combos[header] = combo
            form.addRow(f"{header}:", combo)
        self.status_box = QGroupBox("Status words to place", self)
        self.status_form = QFormLayout(self.status_box)
        self.status_combos: dict[str, QComboBox] = {}
        self.preview = QTableWidget(0, len(FIELDS), self)
        self.preview.setObjectName("import_preview")
        self.preview.setAccessibleName("Preview of the first applications")
        self.preview.setHorizontalHeaderLabels([FIELD_LABELS[f] for f in FIELDS])
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
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
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(columns_box)
        layout.addWidget(self.status_box)
        layout.addWidget(QLabel("Preview:", self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)
        self.resize(760, 620)

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

    def _status_changed(self, word: str) -> None:
        answer = self.status_combos[word].currentData()
        if answer:
            self.answers[word] = str(answer)
        else:
            self.answers.pop(word, None)
        self.refresh()

    # -- what the file gives with them ----------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Read the file again with the current choices; update preview, words, summary."""
        stages = {w: s for w, s in self.answers.items() if s != SKIP}
        try:
            everything = read_applications(self._data, self.mapping(), {}, self._existing)
            self.result_ = read_applications(self._data, self.mapping(), stages, self._existing)
        except InputError as exc:
            self.result_ = None
            self.unknown = {}
            self._show_words()
            self._show_preview([])
            self.summary_label.setText(str(exc)[:1].upper() + str(exc)[1:] + ".")
            self.import_button.setEnabled(False)
            self.import_button.setText("Import")
            return
        self.unknown = everything.unknown_statuses
        self._show_words()
        self._show_preview(self.result_.applications[:PREVIEW_ROWS])
        waiting = [w for w in self.unknown if w not in self.answers]
        count = len(self.result_.applications)
        lines = [f"{count} application{'s' if count != 1 else ''} to import."]
        skipped = self.skipped()
        if skipped:
            lines.append("Skipped: " + "; ".join(f"line {n}: {why}" for n, why in skipped) + ".")
        if waiting:
            lines.append("Place each status word above to import.")
        self.summary_label.setText(" ".join(lines))
        self.import_button.setText(f"Import {count}")
        self.import_button.setEnabled(count > 0 and not waiting)

    def skipped(self) -> list[tuple[int, str]]:
        """Rows that would be left out, by line: unreadable, closed, already kept, or with a
        status word the user chose to skip."""
        if self.result_ is None:
            return []
        rows = list(self.result_.skipped)
        for word, numbers in self.unknown.items():
            if self.answers.get(word) == SKIP:
                rows += [(n, f"status {word!r} skipped") for n in numbers]
        return sorted(rows)

    def _show_words(self) -> None:
        if list(self.status_combos) == list(self.unknown):
            return
        while self.status_form.rowCount():
            self.status_form.removeRow(0)
        self.status_combos = {}
        for i, (word, numbers) in enumerate(self.unknown.items()):
            combo = QComboBox(self.status_box)
            combo.setObjectName(f"status_combo_{i}")
            combo.setAccessibleName(f"Stage for status {word}")
            combo.addItem("Choose a stage…", "")
            for stage in Stage:
                combo.addItem(stage.label, stage.value)
            combo.addItem("Skip these rows", SKIP)
            combo.setCurrentIndex(max(combo.findData(self.answers.get(word, "")), 0))
            combo.currentIndexChanged.connect(lambda _i, w=word: self._status_changed(w))
            self.status_combos[word] = combo
            rows = ", ".join(map(str, numbers))
            self.status_form.addRow(
                f"“{word}” (line{'s' if len(numbers) > 1 else ''} {rows}):", combo
            )
        self.status_box.setVisible(bool(self.unknown))

    def _show_preview(self, applications: list[Application]) -> None:
        self.preview.setRowCount(len(applications))
        for row, application in enumerate(applications):
            for column, field in enumerate(FIELDS):
                value = getattr(application, field)
                if field == "stage":
                    text = value.label
                elif field == "applied":
                    text = value.isoformat() if value else ""
                else:
                    text = str(value)
                self.preview.setItem(row, column, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()

    def choice(self) -> ImportChoice:
        """What to import and remember (call once Import is enabled)."""
        if self.result_ is None:  # a bug: Import is disabled without a result
            raise RuntimeError("nothing to import")
        mapping = ImportMapping(
            tuple(self.headers),
            self.result_.mapping,
            {w: s for w, s in self.answers.items() if s != SKIP},
        )
        return ImportChoice(list(self.result_.applications), self.skipped(), mapping)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        data: bytes,
        file_name: str,
        remembered: ImportMapping | None,
        existing: Sequence[Application],
    ) -> ImportChoice | None:
        """Show the dialog; what the user chose to import, or None if cancelled.
        InputError when the file has no header row."""
        dialog = cls(data, file_name, remembered, existing, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
