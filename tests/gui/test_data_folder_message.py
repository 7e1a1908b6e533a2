"""The window's message about an unusable data folder names the folder (issue 11, case 11)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from bowout.gui import build_window


def test_history_message_names_the_folder(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    window = build_window(blocker)
    qtbot.addWidget(window)
    try:
        message = window.context.history_message
        assert f"cannot use {blocker} as the data folder" in message
        assert "history.json" not in message
    finally:
        window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
        window.close()
