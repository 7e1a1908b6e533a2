"""A saved situation shown in the form shows each name field from its start: a role or
company wider than its field reads "Platform Engin…", never "…form Engineer" (QLineEdit puts
the cursor, and so the visible part, at the end of text set by the program)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bowout.core.situation import Channel, Reason, Situation, Stage
from bowout.gui import build_window
from bowout.gui.window.shell import MainWindow

LONG = {
    "contact": "Dana Whitfield-Montgomery",
    "role": "Principal Platform Reliability Engineer",
    "company": "Northwind Traders International",
    "recruiter": "Alexandra Konstantinidou",
    "contact_email": "dana.whitfield-montgomery@northwind-traders.example",
}


@pytest.fixture
def win(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    window = build_window(data_dir)
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.close()


def test_a_saved_situation_shows_every_field_from_its_start(win: MainWindow) -> None:
    situation = Situation(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER,
                          channel=Channel.RECRUITER, **LONG)  # fmt: skip
    win.session.new_draft()
    win.form.set_situation(situation)
    edits = {**win.form.name_edits, "contact_email": win.form.contact_email_edit}
    for field, text in LONG.items():
        edit = edits[field]
        assert edit.text() == text
        assert edit.cursorPosition() == 0, field
    # The field really is narrower than its text here, so the end would have shown.
    role = win.form.name_edits["role"]
    assert role.fontMetrics().horizontalAdvance(LONG["role"]) > role.width()
