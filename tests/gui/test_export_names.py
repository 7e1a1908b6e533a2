"""Suggested export names fit NAME_MAX, and the log never names the company through an
export path (issue 23)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bowout.gui.exporting import suggested_name
from bowout.gui.window.shell import MainWindow

FOUR_BYTES = "\U0001d400"  # MATHEMATICAL BOLD CAPITAL A: a letter, four bytes in UTF-8
COMPANY = "Zyxwvut Confidential Holdings"


@pytest.mark.parametrize("extension", [".eml", ".pdf", ".txt", ".html"])
@pytest.mark.parametrize("letter", [FOUR_BYTES, "\U00020000", "é", "a"])
def test_a_suggested_name_stays_within_name_max(extension: str, letter: str) -> None:
    name = suggested_name(letter * 60, extension)
    assert len(name.encode("utf-8")) <= 255
    assert name.startswith(f"withdrawal-{letter}") and name.endswith(extension)


def test_sixty_four_byte_letters_fit_in_a_real_file(tmp_path: Path) -> None:
    name = suggested_name(FOUR_BYTES * 60, ".html")
    (tmp_path / name).write_text("ok", encoding="utf-8")  # ENAMETOOLONG over 255 bytes
    assert (tmp_path / name).read_text(encoding="utf-8") == "ok"


@pytest.mark.parametrize("fails", [False, True], ids=["written", "failed"])
def test_the_log_never_names_the_company_through_an_export_path(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, caplog: pytest.LogCaptureFixture, fails: bool
) -> None:
    caplog.set_level(logging.DEBUG)
    QApplication.clipboard().setText(COMPANY)
    window.form.company_edit.setFocus()
    window.form.company_edit.paste()
    folder = tmp_path / ("missing" if fails else "out")
    if not fails:
        folder.mkdir()
    seen: list[str] = []

    def ask(title: str, suggested: str, flt: str) -> Path:
        seen.append(suggested)
        return folder / suggested

    window.ask.ask_save_path = ask  # type: ignore[method-assign]
    result = window.sending.export_as(".txt")
    assert seen and "Zyxwvut" in seen[0]  # the suggestion does name it, for the user
    assert (result is None) == fails
    assert "Zyxwvut" not in caplog.text
    if fails:
        assert "Zyxwvut" in window.message_bar.text()  # the user is told where, in the window
