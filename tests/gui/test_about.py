"""About and Help: built without blocking; Help covers every stage and channel in our words."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QTextBrowser
from pytestqt.qtbot import QtBot

from bowout import __version__
from bowout.core.situation import Channel, Stage
from bowout.gui.dialogs import about


def test_about_names_version_and_privacy(qtbot: QtBot) -> None:
    dialog = about.build_about_dialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "about_text").text()
    assert __version__ in text
    assert "never connects to the internet" in text
    assert "Offline" in text


def test_help_explains_every_stage_and_channel(qtbot: QtBot) -> None:
    dialog = about.build_help_dialog()
    qtbot.addWidget(dialog)
    browser = dialog.findChild(QTextBrowser, "help_browser")
    shown = browser.toPlainText()
    for stage in Stage:
        assert stage.label in shown
        assert about.STAGE_HELP[stage].split(".")[0] in shown
    for channel in Channel:
        assert channel.label in shown
        assert about.CHANNEL_HELP[channel].split(".")[0] in shown
    assert not browser.openExternalLinks()
    assert not browser.openLinks()


def test_show_functions_run_modally_and_close(qtbot: QtBot) -> None:
    def close_top() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        qtbot.mouseClick(dialog.findChild(QPushButton, "close_button"), Qt.MouseButton.LeftButton)

    for show in (about.show_about, about.show_help):
        QTimer.singleShot(0, close_top)
        show(None)
