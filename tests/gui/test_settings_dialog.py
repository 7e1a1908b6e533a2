"""The Settings dialog, filled in by keyboard as a person would, without blocking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from bowout.core.situation import Profile
from bowout.gui.dialogs.settings_dialog import SettingsDialog, email_looks_valid
from bowout.gui.widgets.spellcheck import available_languages
from bowout.settings import Settings, load_settings, save_settings


@pytest.fixture
def settings() -> Settings:
    return Settings(
        profile=Profile(name="Maya Okafor", email="maya@example.com", phone="+44 20 7946 0000"),
        theme="system",
        spell_language="en",
        personal_words=("okafor",),
    )


def make(qtbot: QtBot, settings: Settings, data_dir: Path) -> SettingsDialog:
    dialog = SettingsDialog(settings, data_dir)
    qtbot.addWidget(dialog)
    return dialog


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a keyboard; QTest only maps ASCII, so other letters go as key events."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(widget, event)


def retype(qtbot: QtBot, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        type_text(qtbot, widget, line)


def pick(combo: QComboBox, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_shows_current_values(qtbot: QtBot, settings: Settings, data_dir: Path) -> None:
    dialog = make(qtbot, settings, data_dir)
    assert dialog.name_edit.text() == "Maya Okafor"
    assert dialog.email_edit.text() == "maya@example.com"
    assert dialog.theme_combo.currentData() == "system"
    assert dialog.language_combo.currentData() == "en"
    assert dialog.data_dir_edit.text() == str(data_dir)
    assert dialog.result_settings() == settings
    assert dialog.result_data_dir() == data_dir


def test_round_trip_through_the_form_and_disk(
    qtbot: QtBot, settings: Settings, data_dir: Path, tmp_path: Path
) -> None:
    dialog = make(qtbot, settings, data_dir)
    retype(qtbot, dialog.name_edit, "Tomás Ruiz")
    retype(qtbot, dialog.email_edit, "tomas@example.org")
    retype(qtbot, dialog.phone_edit, "+34 600 000 000")
    retype(qtbot, dialog.signature_edit, "Data analyst\nruiz.example")
    pick(dialog.theme_combo, "dark")
    pick(dialog.language_combo, "es")
    dialog.reply_days_spin.setFocus()
    dialog.reply_days_spin.selectAll()
    qtbot.keyClicks(dialog.reply_days_spin, "8")
    new_data = tmp_path / "elsewhere"
    templates = tmp_path / "my templates"
    dialog.choose_folder = lambda title, start: str(new_data)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.data_dir_button, Qt.MouseButton.LeftButton)
    dialog.choose_folder = lambda title, start: str(templates)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.templates_dir_button, Qt.MouseButton.LeftButton)

    result = dialog.result_settings()
    assert result.profile == Profile(
        name="Tomás Ruiz",
        email="tomas@example.org",
        phone="+34 600 000 000",
        signature="Data analyst\nruiz.example",
    )
    assert result.theme == "dark"
    assert result.spell_language == "es"
    assert result.reply_days == 8
    assert result.templates_dir == str(templates)
    assert result.personal_words == ("okafor",)  # not shown, never lost
    assert dialog.result_data_dir() == new_data

    save_settings(data_dir, result)
    assert load_settings(data_dir) == result
    again = make(qtbot, load_settings(data_dir), new_data)
    assert again.result_settings() == result
    assert again.signature_edit.toPlainText() == "Data analyst\nruiz.example"


def test_cancelled_browse_keeps_the_field(qtbot: QtBot, settings: Settings, data_dir: Path) -> None:
    dialog = make(qtbot, settings, data_dir)
    dialog.choose_folder = lambda title, start: None  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.data_dir_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.templates_dir_button, Qt.MouseButton.LeftButton)
    assert dialog.data_dir_edit.text() == str(data_dir)
    assert dialog.result_settings().templates_dir == ""


def test_empty_data_folder_keeps_the_current_one(
    qtbot: QtBot, settings: Settings, data_dir: Path
) -> None:
    dialog = make(qtbot, settings, data_dir)
    retype(qtbot, dialog.data_dir_edit, "   ")
    assert dialog.result_data_dir() == data_dir


def test_email_warning_is_one_inline_line(qtbot: QtBot, settings: Settings, data_dir: Path) -> None:
    dialog = make(qtbot, settings, data_dir)
    dialog.show()
    assert not dialog.email_warning.isVisible()
    retype(qtbot, dialog.email_edit, "maya.example.com")
    assert dialog.email_warning.isVisible()
    assert "email" in dialog.email_warning.text()
    assert "\n" not in dialog.email_warning.text()
    qtbot.keyClick(dialog.email_edit, Qt.Key.Key_Home)
    qtbot.keyClicks(dialog.email_edit, "me@")
    assert not dialog.email_warning.isVisible()
    # A warning, not a wall: OK still works with an odd address.
    retype(qtbot, dialog.email_edit, "odd")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("", True),
        ("a@b.co", True),
        (" maya@example.com ", True),
        ("maya", False),
        ("maya@", False),
        ("maya@example", False),
        ("a b@c.d", False),
    ],
)
def test_email_shape(text: str, ok: bool) -> None:
    assert email_looks_valid(text) is ok


def test_language_list_matches_installed_dictionaries(
    qtbot: QtBot, settings: Settings, data_dir: Path
) -> None:
    dialog = make(qtbot, settings, data_dir)
    codes = [dialog.language_combo.itemData(i) for i in range(dialog.language_combo.count())]
    assert codes == available_languages()
    assert "Español (es)" in [
        dialog.language_combo.itemText(i) for i in range(dialog.language_combo.count())
    ]


def test_unknown_saved_language_shows_english(
    qtbot: QtBot, settings: Settings, data_dir: Path
) -> None:
    from dataclasses import replace

    dialog = make(qtbot, replace(settings, spell_language="tlh"), data_dir)
    assert dialog.language_combo.currentData() == "en"


def test_every_control_named_and_accessible(
    qtbot: QtBot, settings: Settings, data_dir: Path
) -> None:
    dialog = make(qtbot, settings, data_dir)
    fields = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox))
        and not isinstance(w.parent(), QSpinBox)  # the spin box's own line edit
    ]
    assert len(fields) == 9
    for widget in fields:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    for button in dialog.findChildren(QPushButton):
        assert button.objectName(), button.text()
        assert button.accessibleName() or button.text()


def test_keyboard_reaches_every_field_in_order(
    qtbot: QtBot, settings: Settings, data_dir: Path
) -> None:
    dialog = make(qtbot, settings, data_dir)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setFocus()
    seen = []
    for _ in range(14):
        seen.append(dialog.focusWidget().objectName())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    for name in (
        "name_edit",
        "email_edit",
        "phone_edit",
        "signature_edit",
        "theme_combo",
        "language_combo",
        "data_dir_edit",
        "data_dir_browse",
        "templates_dir_edit",
        "templates_dir_browse",
        "reply_days_spin",
    ):
        assert name in seen
    assert seen.index("name_edit") < seen.index("signature_edit") < seen.index("theme_combo")


def running_dialog() -> SettingsDialog:
    """The modal SettingsDialog that ``ask`` is showing."""
    found = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()
    ]
    assert len(found) == 1
    return found[0]


def test_ask_returns_values_on_ok_and_none_on_cancel(
    qtbot: QtBot, settings: Settings, data_dir: Path
) -> None:
    def press(button: str) -> None:
        dialog = running_dialog()
        dialog.name_edit.setText("Aiko Tanaka")
        qtbot.mouseClick(dialog.findChild(QPushButton, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: press("ok_button"))
    result = SettingsDialog.ask(None, settings, data_dir)
    assert result is not None
    assert result[0].profile.name == "Aiko Tanaka"
    assert result[1] == data_dir

    QTimer.singleShot(0, lambda: press("cancel_button"))
    assert SettingsDialog.ask(None, settings, data_dir) is None


@pytest.mark.parametrize("stored", [0, 31, "5", None, 2.5, True])
def test_a_reply_days_setting_out_of_range_reads_as_the_default(stored: object) -> None:
    assert Settings.from_dict({"reply_days": stored}).reply_days == 5
    assert Settings.from_dict({"reply_days": 12}).reply_days == 12
