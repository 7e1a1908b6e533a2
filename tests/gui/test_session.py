"""Start-up and whole sessions: broken history, autosave after a crash, window state, no network."""

from __future__ import annotations

import json
import logging
import socket
import sys
from pathlib import Path

import pytest
from gui_helpers import email_text, pick, type_into
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from bowout.core.situation import Stage
from bowout.gui import app as gui_app
from bowout.gui import build_window
from bowout.gui.window.autosave import AUTOSAVE_FILE
from bowout.gui.window.shell import MainWindow
from bowout.gui.window_state import window_settings
from bowout.storage import History, HistoryError
from conftest import close_quietly


def open_window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    return win


def test_corrupt_history_is_reported_and_drafting_works(qtbot: QtBot, data_dir: Path) -> None:
    (data_dir / "history.json").write_text("{ not json", encoding="utf-8")
    win = open_window(qtbot, data_dir)
    assert win.banner.isVisibleTo(win)
    assert win.banner.label.text() == win.context.history_message
    assert win.context.history_message
    type_into(qtbot, win.form.company_edit, "Fabrikam")
    assert "Fabrikam" in email_text(win) or "Fabrikam" in win.subject_edit.text()
    win.actions_.save.trigger()  # the recovered (empty) history takes new records
    assert win.session.record is not None
    close_quietly(win)


def test_unusable_history_disables_history_actions(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(cls: type, folder: Path, **kwargs: object) -> History:
        raise HistoryError("The history folder is read-only; choose another in Settings.")

    monkeypatch.setattr(History, "open", classmethod(refuse))
    win = open_window(qtbot, data_dir)
    assert "read-only" in win.banner.label.text()
    assert win.history_view is None
    assert not win.actions_.save.isEnabled()
    assert not win.actions_.view_history.isEnabled()
    pick(win.stage_combo, Stage.OFFER.value)
    assert "offer" in email_text(win).lower()
    close_quietly(win)


def test_autosave_is_offered_back_after_a_crash(qtbot: QtBot, data_dir: Path) -> None:
    win = open_window(qtbot, data_dir)
    assert not (data_dir / AUTOSAVE_FILE).exists()
    type_into(qtbot, win.form.company_edit, "Litware")
    win.editor.moveCursor(win.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(win.editor, " Unsaved thought.")
    qtbot.keyClicks(win.notes_edit, "Call back on Friday.")
    assert win.session.autosaver.timer.isActive()
    with qtbot.waitSignal(win.session.autosaver.timer.timeout, timeout=5000):
        pass
    saved = json.loads((data_dir / AUTOSAVE_FILE).read_text(encoding="utf-8"))
    assert saved["situation"]["company"] == "Litware"
    # Simulate a crash: the window goes away without closeEvent's clean-up.
    win.context.close()
    win.session.autosaver.timer.stop()
    win.hide()
    win.deleteLater()

    again = open_window(qtbot, data_dir)
    assert again.banner.isVisibleTo(again)
    assert again.form.company_edit.text() == ""
    restore = again.findChild(QPushButton, "restore_autosave_button")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert again.form.company_edit.text() == "Litware"
    assert "Unsaved thought." in email_text(again)
    assert again.notes_edit.toPlainText() == "Call back on Friday."
    assert again.drafting.dirty
    close_quietly(again)
    assert not (data_dir / AUTOSAVE_FILE).exists()  # a clean close removes it


def test_window_geometry_and_splitters_persist(qtbot: QtBot, data_dir: Path) -> None:
    win = open_window(qtbot, data_dir)
    win.resize(760, 560)  # the offscreen screen is 800 px wide
    win.show()
    qtbot.waitExposed(win)
    win.splitter.setSizes([400, 340])
    sizes = win.splitter.sizes()
    close_quietly(win)
    assert isinstance(window_settings().value("window/splitter"), QByteArray)
    again = open_window(qtbot, data_dir)
    again.show()
    qtbot.waitExposed(again)
    assert again.size().width() == 760
    assert again.splitter.sizes() == sizes
    close_quietly(again)


def test_full_session_opens_no_socket(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[object, ...]] = []

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            opened.append(args)
            raise AssertionError("Bow Out must not open a socket")

    monkeypatch.setattr(socket, "socket", NoSocket)
    win = open_window(qtbot, data_dir)
    win.show()
    qtbot.waitExposed(win)
    pick(win.stage_combo, Stage.ACCEPTED.value)
    type_into(qtbot, win.form.company_edit, "Adatum")
    win.actions_.save.trigger()
    win.actions_.mark_sent.trigger()
    win.ask.ask_save_path = lambda title, name, flt: tmp_path / f"x{flt[-6:-1]}"  # type: ignore[method-assign]
    for extension in (".eml", ".txt", ".html", ".pdf"):
        win.sending.export_as(extension)
    win.show_history()
    qtbot.wait(300)
    assert win.history_view is not None and win.history_view.isVisible()
    close_quietly(win)
    assert opened == []
    assert not any(name.startswith("PySide6.QtNetwork") for name in sys.modules)


def test_excepthook_logs_and_shows_a_dialog(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()) or 0)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR):
            gui_app.excepthook(RuntimeError, exc, exc.__traceback__)
    assert "boom" in caplog.text
    assert shown and "RuntimeError: boom" in shown[0]


def test_setup_logging_writes_to_the_log_folder(data_dir: Path) -> None:
    path = gui_app.setup_logging(data_dir)
    root = logging.getLogger()
    try:
        assert path is not None and path.parent == data_dir / "logs"
        logging.getLogger("bowout.test").warning("hello log")
        for handler in root.handlers:
            handler.flush()
        assert "hello log" in path.read_text(encoding="utf-8")
    finally:
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", "") == str(path):
                root.removeHandler(handler)
                handler.close()
