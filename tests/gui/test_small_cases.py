"""Small cases of issue 25: plurals written out, no "0 days" of silence on the sending day,
a timeline entry read whole, a call note's date, Tab into the form, the welcome's order,
the settle-by date's range, and an over-long pasted company name refused with a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from test_batch_view import open_batch

from bowout.core.applications import Application
from bowout.core.situation import Stage
from bowout.gui.window.shell import MainWindow
from bowout.storage import History
from conftest import close_quietly


@pytest.mark.parametrize(
    ("count", "said"),
    [(1, "1 open application"), (10, "10 open applications"), (0, "0 open applications"),
     (1200, "1,200 open applications")],
)  # fmt: skip
def test_counts_are_written_out(count: int, said: str) -> None:
    from bowout.core.counting import counted

    assert counted(count, "open application") == said


def test_the_batch_view_writes_its_count_out(qtbot: QtBot, data_dir: Path) -> None:
    win, view, _ = open_batch(qtbot, data_dir)
    shown = view.message_label.text()
    assert shown.startswith("6 open applications.") and "(s)" not in shown
    close_quietly(win)


def test_one_open_application_is_singular(qtbot: QtBot, data_dir: Path) -> None:
    with History.open(data_dir) as history:
        history.applications.add(Application(company="Globex", role="Analyst", stage=Stage.OFFER))
    from bowout.gui import build_window

    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
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
        record = history.timeline.add_events(record.id, [event])
    details = RecordDetails()
    qtbot.addWidget(details)
    details.show_record(record)
    assert "payroll office" not in details.text()  # cut at first
    assert 'href="event:0"' in details.text()
    details.linkActivated.emit("event:0")  # "Read all"
    shown = details.text()
    assert "keep the file open for a year" in shown and "payroll office by Friday" in shown
    assert "payroll office by Friday" in details.accessibleDescription()


def test_a_call_note_opens_with_the_day_selected(qtbot: QtBot) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QDateTimeEdit

    from bowout.gui.dialogs.reply_dialog import NoteDialog

    today = dt.date(2026, 12, 8)
    dialog = NoteDialog(sent=dt.date(2026, 11, 27), today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.day_edit.setFocus()
    qtbot.waitUntil(dialog.day_edit.hasFocus)
    assert dialog.day_edit.currentSection() == QDateTimeEdit.Section.DaySection
    qtbot.keyClicks(dialog.day_edit, "01")  # typing replaces the day, never the year
    assert dialog.day_edit.date().toPython() == dt.date(2026, 12, 1)


def test_the_settle_by_date_has_a_range_and_warns_on_a_past_date(
    qtbot: QtBot, data_dir: Path
) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate
    from test_coming_up import TODAY, open_view, rows, sent

    from bowout.core.situation import Money

    sent(data_dir, "Northwind", signing_bonus=Money.PAID)
    win, view = open_view(qtbot, data_dir)
    row = next(i for i, r in enumerate(rows(view)) if "signing bonus" in r[2])
    view.table.selectRow(row)
    edit = view.settle_date_edit
    assert edit.minimumDate() == QDate(2026, 11, 27)  # not before the withdrawal went out
    edit.setDate(QDate(2026, 1, 4))  # the mistyped year: held at the withdrawal's day
    assert edit.date() >= QDate(2026, 11, 27)
    edit.setDate(QDate(2026, 12, 1))  # after the withdrawal, but already past on TODAY
    assert dt.date(2026, 12, 8) == TODAY
    assert edit.property("invalid") and "passed" in edit.toolTip()
    qtbot.mouseClick(view.settle_button, Qt.MouseButton.LeftButton)
    assert "passed" in view.message_label.text()
    edit = view.settle_date_edit
    edit.setDate(QDate(2027, 1, 15))
    assert not edit.property("invalid") and edit.toolTip() == ""
    close_quietly(win)


def test_an_over_long_pasted_company_name_is_refused_with_a_line(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    edit = window.form.company_edit
    edit.setText("Northwind")
    QApplication.clipboard().setText("Fabrikam " * 556)  # 5,004 characters
    edit.setFocus()
    edit.selectAll()
    edit.paste()
    assert edit.text() == "Northwind"  # refused whole, not cut mid-word
    said = window.message_bar.text()
    assert "company name is 5,004 characters long; the limit is 200" in said
    assert window.message_bar.error
    edit.selectAll()
    QApplication.clipboard().setText("Fabrikam Ltd")
    edit.paste()
    assert edit.text() == "Fabrikam Ltd"


def test_tab_from_the_navigation_shows_the_first_field(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.form.visa_panel.set_expanded(True)  # a long form, scrolled to its end
    scroll = window.draft_view.form_scroll
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 150)
    qtbot.wait(50)  # the panel's layout settled
    bar.setValue(bar.maximum())
    stage = window.stage_combo
    assert stage.mapTo(scroll.viewport(), stage.rect().bottomLeft()).y() < 0  # scrolled past
    window.activateWindow()
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    qtbot.keyClick(window.nav, Qt.Key.Key_Tab)
    assert stage.hasFocus()
    top = stage.mapTo(scroll.viewport(), stage.rect().topLeft()).y()
    assert top >= 0 and top + stage.height() <= scroll.viewport().height()


def test_the_welcomes_tab_order_runs_as_it_reads(qtbot: QtBot) -> None:
    from bowout.core.situation import Profile
    from bowout.gui.dialogs.welcome import WelcomeDialog

    dialog = WelcomeDialog(Profile())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.name_edit.hasFocus)
    seen = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    assert seen[:3] == ["welcome_email_edit", "welcome_phone_edit", "next_button"]
    assert "skip_button" in seen
    # Along the button row, Tab moves left to right.
    buttons = [dialog.findChild(QWidget, name) for name in seen[2:] if name.endswith("button")]
    xs = [b.mapTo(dialog, b.rect().topLeft()).x() for b in buttons if b is not None]
    assert xs == sorted(xs)
    dialog.reject()
