"""Small cases of issue 25: plurals written out, no "0 days" of silence on the sending day,
a timeline entry read whole, a call note's date, Tab into the form, the welcome's order,
the settle-by date's range, and an over-long pasted company name refused with a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_batch_view import open_batch

from bowout.core.applications import Application
from bowout.core.counting import counted
from bowout.core.situation import Stage
from bowout.storage import History
from conftest import close_quietly


@pytest.mark.parametrize(
    ("count", "said"),
    [(1, "1 open application"), (10, "10 open applications"), (0, "0 open applications"),
     (1200, "1,200 open applications")],
)  # fmt: skip
def test_counts_are_written_out(count: int, said: str) -> None:
    assert counted(count, "open application") == said


def test_the_batch_view_writes_its_count_out(qtbot: QtBot, data_dir: Path) -> None:
    win, view, _ = open_batch(qtbot, data_dir)
    shown = view.message_label.text()
    assert shown.startswith("6 open applications.") and "(s)" not in shown
    close_quietly(win)


def test_one_open_application_is_singular(qtbot: QtBot, data_dir: Path) -> None:
    with History.open(data_dir) as history:
        history.add_application(Application(company="Globex", role="Analyst", stage=Stage.OFFER))
    from bowout.gui import build_window

    win = build_window(data_dir)
    win.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.show()
    win.show_view("batch")
    view = win.views["batch"]
    qtbot.waitUntil(lambda: view.message_label.text() != "")
    assert view.message_label.text().startswith("1 open application.")
    close_quietly(win)
    QApplication.processEvents()


LONG_NOTE = (
    "Jordan called back about the signing bonus: they asked that it be repaid within "
    "thirty days, and offered to keep the file open for a year.\n"
    "Second line: send the paperwork to the payroll office by Friday."
)


def test_a_timeline_entry_can_be_read_whole(qtbot: QtBot, data_dir: Path) -> None:
    from bowout.core import Composer, Profile, Situation
    from bowout.gui.widgets.record_details import RecordDetails
    from bowout.storage import Record
    from bowout.storage.timeline import make_event

    draft = Composer().compose(Situation(stage=Stage.FINAL, company="Litware"), Profile())
    with History.open(data_dir) as history:
        record = history.add(Record.from_draft(draft))
        event = make_event("call-note", "2026-12-01T10:00:00Z", "phone", LONG_NOTE)
        record = history.add_events(record.id, [event])
    details = RecordDetails()
    qtbot.addWidget(details)
    details.show_record(record)
    assert "payroll office" not in details.text()  # cut at first
    assert 'href="event:0"' in details.text()
    details.linkActivated.emit("event:0")  # "Read all"
    shown = details.text()
    assert "keep the file open for a year" in shown and "payroll office by Friday" in shown
    assert "payroll office by Friday" in details.accessibleDescription()
