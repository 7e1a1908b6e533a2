"""A small dialog to add or edit one open application by hand."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bowout import paths
from bowout.core.applications import Application
from bowout.core.errors import InputError
from bowout.core.situation import Stage, parse_date
from bowout.gui.widgets.language_picker import LanguagePicker
from bowout.gui.widgets.message_line import alarm_style, plain_label

#: What each field of an application is called in the window.
FIELD_LABELS = {
    "company": "Company",
    "role": "Role",
    "contact": "Contact",
    "contact_email": "Contact email",
    "recruiter": "Recruiter",
    "stage": "Stage",
    "applied": "Applied on",
    "notes": "Notes",
    "language": "Message language",
}


class ApplicationDialog(QDialog):
    """Company (required), role, contact, their email, recruiter, stage, date, notes, and
    the language (and form of address) the employer is written to in (issue 26).

    :meth:`application` is the checked result; OK stays open with the reason in one line
    while a field cannot be used (no company, an email that is not one, a date that is not
    YYYY-MM-DD).
    """

    def __init__(self, application: Application | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("application_dialog")
        self.setWindowTitle("Edit application" if application else "Add an application")
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in ("company", "role", "contact", "contact_email", "recruiter"):
            edit = QLineEdit(self)
            edit.setObjectName(f"{name}_edit")
            edit.setAccessibleName(FIELD_LABELS[name])
            self.edits[name] = edit
            form.addRow(f"{FIELD_LABELS[name]}:", edit)
        self.edits["company"].setPlaceholderText("Required")
        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("stage_combo")
        self.stage_combo.setAccessibleName("Stage")
        for stage in Stage:
            self.stage_combo.addItem(stage.label, stage.value)
        form.addRow("Stage:", self.stage_combo)
        self.applied_edit = QLineEdit(self)
        self.applied_edit.setObjectName("applied_edit")
        self.applied_edit.setAccessibleName("Applied on")
        self.applied_edit.setPlaceholderText("YYYY-MM-DD (optional)")
        form.addRow("Applied on:", self.applied_edit)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notes_edit")
        self.notes_edit.setAccessibleName("Notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow("Notes:", self.notes_edit)
        self.language_picker = LanguagePicker(self)
        self.language_picker.language_combo.setToolTip(
            "The language the employer writes in: withdrawals drafted for this application "
            "are written in it."
        )
        form.addRow("Message lan&guage:", self.language_picker)
        #: A language kept by a newer Bow Out, with no pack here: kept unless changed.
        self._other_language = ""
        self.language_picker.changed.connect(self._language_chosen)
        self.error_label = plain_label(QLabel(self))
        self.error_label.setObjectName("application_error")
        self.error_label.setStyleSheet(alarm_style(self.error_label))
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("application_ok")
        self.ok_button.setText("Save" if application else "Add")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if application is not None:
            self._fill(application)
        self.resize(max(self.sizeHint().width(), 420), self.sizeHint().height())

    def _fill(self, application: Application) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(application, name))
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(application.stage.value))
        self.applied_edit.setText(application.applied.isoformat() if application.applied else "")
        self.notes_edit.setPlainText(application.notes)
        self.language_picker.set_choice(application.language, application.address)
        if application.language not in paths.available_languages():
            self._other_language = application.language

    @Slot()
    def _language_chosen(self) -> None:
        self._other_language = ""

    def application(self) -> Application:
        """The application the fields describe; InputError says what is wrong."""
        applied = self.applied_edit.text().strip()
        texts = {name: edit.text().strip() for name, edit in self.edits.items()}
        return Application(
            company=texts["company"], role=texts["role"], contact=texts["contact"],
            contact_email=texts["contact_email"], recruiter=texts["recruiter"],
            stage=Stage(self.stage_combo.currentData()),
            applied=parse_date(applied) if applied else None,
            notes=self.notes_edit.toPlainText().strip(),
            language=self._other_language or self.language_picker.language(),
            address=self.language_picker.address(),
        )  # fmt: skip

    @Slot()
    def accept(self) -> None:
        """Close only with an application that can be kept; else say why, in one line."""
        try:
            self.application()
        except InputError as exc:
            self.error_label.setText(str(exc)[:1].upper() + str(exc)[1:] + ".")
            self.error_label.show()
            return
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, application: Application | None = None
    ) -> Application | None:
        """Show the dialog; the application the user confirmed, or None if cancelled."""
        dialog = cls(application, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.application() if accepted else None
