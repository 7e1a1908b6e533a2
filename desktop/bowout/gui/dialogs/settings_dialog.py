"""The Settings dialog: profile and signature, theme, folders, spell-check language."""

from __future__ import annotations

import dataclasses
import logging
import re
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bowout.core.situation import Profile
from bowout.gui.widgets.message_line import plain_label
from bowout.gui.widgets.spellcheck import available_languages, language_name
from bowout.settings import REPLY_DAYS_RANGE, Settings

logger = logging.getLogger(__name__)

THEME_CHOICES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
# Deliberately loose: catches typos like a missing "@" or domain, never a valid address.
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_looks_valid(text: str) -> bool:
    """True for an empty field or something shaped like name@domain.tld."""
    text = text.strip()
    return not text or bool(_EMAIL_SHAPE.match(text))


class SettingsDialog(QDialog):
    """Edit a copy of the settings; nothing is saved until the caller takes the result."""

    def __init__(self, settings: Settings, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle("Settings")
        self._settings = settings
        self._data_dir = data_dir
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_profile(settings))
        layout.addWidget(self._build_appearance(settings))
        layout.addWidget(self._build_follow_ups(settings))
        layout.addWidget(self._build_folders(settings, data_dir))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("settings_buttons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("ok_button")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel_button")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.email_edit.textChanged.connect(self._check_email)
        self._check_email(self.email_edit.text())
        self.setMinimumWidth(520)
        # One label column across the three groups, so the fields line up.
        labels = [lbl for lbl in self.findChildren(QLabel) if lbl.buddy() is not None]
        width = max(lbl.sizeHint().width() for lbl in labels)
        for lbl in labels:
            lbl.setMinimumWidth(width)

    def _build_profile(self, settings: Settings) -> QGroupBox:
        profile_box = QGroupBox("&Profile and signature", self)
        profile_box.setObjectName("profile_group")
        form = QFormLayout(profile_box)
        self.name_edit = self._line("name_edit", "Your name", settings.profile.name)
        self.email_edit = self._line("email_edit", "Your email", settings.profile.email)
        self.email_edit.setPlaceholderText("name@example.com")
        self.email_warning = plain_label(QLabel("", self))
        self.email_warning.setObjectName("email_warning")
        self.email_warning.setAccessibleName("Email warning")
        self.email_warning.setStyleSheet("color: #d9822b;")
        self.email_warning.setVisible(False)
        self.phone_edit = self._line("phone_edit", "Your phone", settings.profile.phone)
        self.signature_edit = QPlainTextEdit(settings.profile.signature, self)
        self.signature_edit.setObjectName("signature_edit")
        self.signature_edit.setAccessibleName("Extra signature lines")
        self.signature_edit.setPlaceholderText("Title, website… (optional, under your name)")
        self.signature_edit.setTabChangesFocus(True)  # Tab leaves the box; keyboard users
        self.signature_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self._label("&Name:", self.name_edit), self.name_edit)
        form.addRow(self._label("&Email:", self.email_edit), self.email_edit)
        form.addRow("", self.email_warning)
        form.addRow(self._label("P&hone:", self.phone_edit), self.phone_edit)
        form.addRow(self._label("Si&gnature:", self.signature_edit), self.signature_edit)
        return profile_box

    def _build_appearance(self, settings: Settings) -> QGroupBox:

        look_box = QGroupBox("Appearance and &spelling", self)
        look_box.setObjectName("appearance_group")
        look = QFormLayout(look_box)
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("theme_combo")
        self.theme_combo.setAccessibleName("Theme")
        for value, label in THEME_CHOICES:
            self.theme_combo.addItem(label, value)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setAccessibleName("Spell-check language")
        for code in available_languages():
            self.language_combo.addItem(f"{language_name(code)} ({code})", code)
        found = self.language_combo.findData(settings.spell_language)
        self.language_combo.setCurrentIndex(max(0, found if found >= 0 else self._english()))
        look.addRow(self._label("&Theme:", self.theme_combo), self.theme_combo)
        look.addRow(self._label("Spell-check &language:", self.language_combo), self.language_combo)
        return look_box

    def _build_follow_ups(self, settings: Settings) -> QGroupBox:
        box = QGroupBox("Follow-&ups", self)
        box.setObjectName("follow_ups_group")
        form = QFormLayout(box)
        self.reply_days_spin = QSpinBox(self)
        self.reply_days_spin.setObjectName("reply_days_spin")
        self.reply_days_spin.setAccessibleName("Work days without a reply before a follow-up")
        self.reply_days_spin.setRange(*REPLY_DAYS_RANGE)
        self.reply_days_spin.setSuffix(" work days")
        self.reply_days_spin.setValue(settings.reply_days)
        self.reply_days_spin.setToolTip(
            '"Coming up" suggests a short follow-up when nobody has answered a sent '
            "withdrawal after this many working days."
        )
        form.addRow(self._label("No &reply after:", self.reply_days_spin), self.reply_days_spin)
        return box

    def _build_folders(self, settings: Settings, data_dir: Path) -> QGroupBox:

        folders_box = QGroupBox("&Folders", self)
        folders_box.setObjectName("folders_group")
        folders = QFormLayout(folders_box)
        self.data_dir_edit = self._line("data_dir_edit", "Data folder", str(data_dir))
        self.data_dir_button = self._browse("data_dir_browse", "Browse for the data folder")
        self.data_dir_button.clicked.connect(self._browse_data_dir)
        self.templates_dir_edit = self._line(
            "templates_dir_edit", "Custom templates folder", settings.templates_dir
        )
        self.templates_dir_edit.setPlaceholderText("None: use the built-in templates")
        self.templates_dir_button = self._browse(
            "templates_dir_browse", "Browse for the custom templates folder"
        )
        self.templates_dir_button.clicked.connect(self._browse_templates_dir)
        folders.addRow(
            self._label("&Data folder:", self.data_dir_edit),
            _row(self.data_dir_edit, self.data_dir_button),
        )
        folders.addRow(
            self._label("Custom te&mplates:", self.templates_dir_edit),
            _row(self.templates_dir_edit, self.templates_dir_button),
        )
        note = QLabel("Your history stays in the data folder, on this computer only.", self)
        note.setObjectName("data_dir_note")
        note.setWordWrap(True)
        folders.addRow("", note)
        return folders_box

    # -- building blocks ------------------------------------------------------------------

    def _line(self, name: str, accessible: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)  # the mnemonic jumps to the field
        return label

    def _browse(self, name: str, accessible: str) -> QPushButton:
        button = QPushButton("Browse…", self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        return button

    def _english(self) -> int:
        return self.language_combo.findData("en")

    # -- behaviour ------------------------------------------------------------------------

    def choose_folder(self, title: str, start: str) -> str | None:
        """Ask for a folder with the native dialog; tests replace this method."""
        chosen = QFileDialog.getExistingDirectory(self, title, start)
        return chosen or None

    @Slot()
    def _browse_data_dir(self) -> None:
        chosen = self.choose_folder("Choose the data folder", self.data_dir_edit.text())
        if chosen:
            self.data_dir_edit.setText(chosen)

    @Slot()
    def _browse_templates_dir(self) -> None:
        start = self.templates_dir_edit.text() or str(Path.home())
        chosen = self.choose_folder("Choose the custom templates folder", start)
        if chosen:
            self.templates_dir_edit.setText(chosen)

    @Slot(str)
    def _check_email(self, text: str) -> None:
        ok = email_looks_valid(text)
        self.email_warning.setText("" if ok else "This does not look like an email address.")
        self.email_warning.setVisible(not ok)

    def result_settings(self) -> Settings:
        """The settings as filled in (personal words and anything not shown are kept)."""
        profile = Profile(
            name=self.name_edit.text().strip(),
            email=self.email_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            signature=self.signature_edit.toPlainText().strip(),
        )
        return dataclasses.replace(
            self._settings,
            profile=profile,
            theme=str(self.theme_combo.currentData()),
            templates_dir=self.templates_dir_edit.text().strip(),
            spell_language=str(self.language_combo.currentData()),
            reply_days=self.reply_days_spin.value(),
        )

    def result_data_dir(self) -> Path:
        """The data folder as filled in; an empty field keeps the current one."""
        text = self.data_dir_edit.text().strip()
        return Path(text).expanduser() if text else self._data_dir

    @classmethod
    def ask(
        cls, parent: QWidget | None, settings: Settings, data_dir: Path
    ) -> tuple[Settings, Path] | None:
        """Show the dialog modally; the new settings and data folder, or None if cancelled."""
        dialog = cls(settings, data_dir, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.result_settings(), dialog.result_data_dir()
        finally:
            dialog.deleteLater()


def _row(edit: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return box
