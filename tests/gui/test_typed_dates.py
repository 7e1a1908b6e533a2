"""Every date field in the window takes a whole date typed at the keyboard as the date typed
(issue 25): with a plain QDateEdit and its year selected, typing "2027-01-04" kept a wrong
date. The keys go to the field itself, as they do at the keyboard; each field also holds a
range, so a slip far into the past or future is not kept."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget
from pytestqt.qtbot import QtBot

import bowout.gui
from bowout.core.draft import Reply
from bowout.gui.dialogs.reply_dialog import NoteDialog, ReplyDialog
from bowout.gui.widgets.dates import DayFirstDateEdit
from bowout.gui.widgets.negotiate_panel import NegotiatePanel
from bowout.gui.widgets.visa_facts import VisaFacts

SENT = dt.date(2026, 11, 20)
TODAY = dt.date(2027, 1, 10)


def start_date(qtbot: QtBot) -> tuple[QWidget, QDateEdit, QDate]:
    facts = VisaFacts()
    facts.start_check.setChecked(True)
    return facts, facts.start_edit, QDate.currentDate().addMonths(3).addDays(5)


def decide_by(qtbot: QtBot) -> tuple[QWidget, QDateEdit, QDate]:
    panel = NegotiatePanel()
    panel.decide_check.setChecked(True)
    panel.decide_edit.setEnabled(True)
    return panel, panel.decide_edit, QDate.currentDate().addMonths(2).addDays(3)


def reply_received(qtbot: QtBot) -> tuple[QWidget, QDateEdit, QDate]:
    dialog = ReplyDialog(
        lambda kind: Reply(kind, "Re: Analyst", "Thank you.", "<p>Thank you.</p>"),
        channel="email",
        sent=SENT,
        today=TODAY,
    )
    return dialog, dialog.received_edit, QDate(2026, 12, 4)


def call_note(qtbot: QtBot) -> tuple[QWidget, QDateEdit, QDate]:
    dialog = NoteDialog(sent=SENT, today=TODAY)
    return dialog, dialog.day_edit, QDate(2026, 12, 4)


FIELDS: dict[str, Callable[[QtBot], tuple[QWidget, QDateEdit, QDate]]] = {
    "start-date": start_date,
    "decide-by": decide_by,
    "reply-received": reply_received,
    "call-note": call_note,
}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize(
    "section",
    [QDateTimeEdit.Section.YearSection, QDateTimeEdit.Section.DaySection, None],
    ids=["year-selected", "day-selected", "all-selected"],
)
def test_a_typed_date_is_the_date_typed(
    qtbot: QtBot, field: str, section: QDateTimeEdit.Section | None
) -> None:
    widget, edit, wanted = FIELDS[field](qtbot)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    if section is None:
        edit.lineEdit().selectAll()
    else:
        edit.setSelectedSection(section)
    qtbot.keyClicks(edit, wanted.toString("yyyy-MM-dd"))
    assert edit.date() == wanted, edit.text()


@pytest.mark.parametrize("field", FIELDS)
def test_every_date_field_types_day_first_and_holds_a_range(qtbot: QtBot, field: str) -> None:
    widget, edit, _wanted = FIELDS[field](qtbot)
    qtbot.addWidget(widget)
    assert isinstance(edit, DayFirstDateEdit)
    # No field takes any day at all: each is held to a span that makes sense for it.
    assert edit.minimumDate().daysTo(edit.maximumDate()) <= 2 * 366 + 1


def test_no_plain_date_edit_is_made_anywhere_in_the_window() -> None:
    root = Path(bowout.gui.__file__).parent
    made = re.compile(r"\bQDateEdit\(")
    found = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if made.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []  # DayFirstDateEdit (widgets/dates.py) subclasses it, never calls it
