"""The note beside a recommended channel fits the application's own stage (issue 25): in
Tell the others every early-to-mid application was told "At this early stage…", the one
between interview rounds too. The words are the channel advice's own rationale, as the CLI
prints it."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import pick
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bowout.core.advice import STAGE_MOMENTS, channel_note
from bowout.core.applications import Application
from bowout.core.situation import Channel, Stage
from bowout.gui import build_window
from bowout.gui.views.batch import BatchView
from bowout.gui.window.shell import MainWindow
from bowout.storage import History
from conftest import close_quietly

ACCEPTED = Application(company="Globex", role="Analyst", stage=Stage.OFFER)
OTHERS = [
    Application(company="Adatum", role="Analyst", stage=Stage.APPLIED),
    Application(company="Contoso", role="QA Lead", stage=Stage.SCREENING),
    Application(company="Fabrikam", role="Designer", stage=Stage.INTERVIEWING),
    Application(company="Litware", role="PM", contact="Jordan Lee", stage=Stage.FINAL),
    Application(company="Northwind", role="Data Analyst", stage=Stage.OFFER),
    Application(company="Tailspin", role="Engineer", contact="Kim Park", stage=Stage.ACCEPTED),
    Application(company="Wingtip", role="Writer", recruiter="Sam Hill", stage=Stage.INTERVIEWING),
]
EARLY = {Stage.APPLIED, Stage.SCREENING}


def batch_view(qtbot: QtBot, data_dir: Path) -> tuple[MainWindow, BatchView]:
    with History.open(data_dir) as history:
        accepted = history.applications.add(ACCEPTED)
        for application in OTHERS:
            history.applications.add(application)
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    view = win.views["batch"]
    assert isinstance(view, BatchView)
    win.show_view("batch")
    view.accepted_combo.setCurrentIndex(view.accepted_combo.findData(accepted))
    qtbot.mouseClick(view.draft_button, Qt.MouseButton.LeftButton)
    return win, view


def test_each_batch_message_has_the_note_of_its_own_stage(qtbot: QtBot, data_dir: Path) -> None:
    win, view = batch_view(qtbot, data_dir)
    assert view.item_list.count() == len(OTHERS)
    seen = set()
    for row in range(view.item_list.count()):
        view.item_list.setCurrentRow(row)
        item = view.current()
        assert item is not None and item.draft is not None
        stage, note = item.stored.application.stage, view.channel_label.text()
        assert STAGE_MOMENTS[stage] in note, (stage, note)
        assert stage in EARLY or "early" not in note.lower(), (stage, note)
        seen.add(note)
    assert len(seen) == len(OTHERS)  # no two applications told the same note
    close_quietly(win)


def test_the_draft_form_note_follows_the_stage(qtbot: QtBot, window: MainWindow) -> None:
    for stage in Stage:
        pick(window.stage_combo, stage.value)
        note = window.form.rationale_label.text()
        assert note.startswith(STAGE_MOMENTS[stage]), (stage, note)


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize("channel", list(Channel))
def test_every_stage_and_channel_has_a_note(stage: Stage, channel: Channel) -> None:
    note = channel_note(stage, channel)
    assert note.startswith(STAGE_MOMENTS[stage] + ": ") and note.endswith(".")
