"""The "Coming up" view: follow-ups of sent withdrawals, overdue first, ticks kept on disk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.situation import Money, Reason
from bowout.gui import build_window
from bowout.gui.theme import AA_TEXT, apply_theme, contrast_ratio
from bowout.gui.views.coming_up import (
    COMPANY_COLUMN,
    DONE_COLUMN,
    DUE_COLUMN,
    TITLE_COLUMN,
    ComingUpView,
)
from bowout.gui.window.shell import MainWindow
from bowout.settings import Settings, save_settings
from bowout.storage import History, Record
from conftest import close_quietly

SENT = dt.datetime(2026, 11, 27, 10, tzinfo=dt.timezone.utc)  # a Friday
TODAY = dt.date(2026, 12, 8)  # no-reply (4 Dec) is overdue, references (11 Dec) is not


def sent(data_dir: Path, company: str, **facts: object) -> str:
    """A withdrawal sent at the final interview, or, with money paid, after accepting (the
    one stage that can have it: issue 21)."""
    paid = Money.PAID in facts.values()
    stage = Stage.ACCEPTED if paid else Stage.FINAL
    situation = Situation(stage=stage, company=company, **facts)  # type: ignore[arg-type]
    draft = Composer().compose(situation, Profile("Maya"))
    with History.open(data_dir) as history:
        record = history.add(Record.from_draft(draft))
        return history.lifecycle.mark_sent(record.id, SENT).id


def open_view(qtbot: QtBot, data_dir: Path) -> tuple[MainWindow, ComingUpView]:
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    view = win.views["coming_up"]
    assert isinstance(view, ComingUpView)
    view.today = lambda: TODAY  # type: ignore[method-assign]
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.editor.setFocus()
    qtbot.keyClick(win.editor, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert view.isVisible()
    qtbot.waitUntil(lambda: view.width() > 0)  # laid out beside the draft
    return win, view


def rows(view: ComingUpView) -> list[tuple[str, str, str, bool]]:
    table = view.table
    return [
        (
            table.item(r, DUE_COLUMN).text(),
            table.item(r, COMPANY_COLUMN).text(),
            table.item(r, TITLE_COLUMN).text(),
            table.item(r, DONE_COLUMN).checkState() == Qt.CheckState.Checked,
        )
        for r in range(table.rowCount())
    ]


def test_due_items_overdue_first_ticked_off_and_kept(qtbot: QtBot, data_dir: Path) -> None:
    sent(data_dir, "Northwind")
    contoso = sent(data_dir, "Contoso", reason=Reason.RELOCATION)
    with History.open(data_dir) as history:  # a draft never sent has no follow-ups
        history.add(Record.from_draft(Composer().compose(
            Situation(stage=Stage.OFFER, company="Fabrikam"), Profile())))  # fmt: skip
    win, view = open_view(qtbot, data_dir)
    shown = rows(view)
    assert [r[0] for r in shown[:2]] == ["Overdue · Fri 4 Dec"] * 2
    assert {r[1] for r in shown} == {"Northwind", "Contoso"}
    assert any(r[1] == "Contoso" and "longer plan" in r[2] for r in shown)
    assert len(shown) == 7 and not any(r[3] for r in shown)
    late = view.table.item(0, DUE_COLUMN)
    assert late.font().bold() and late.foreground().color().red() > 180  # red, and bold
    assert view.table.item(5, DUE_COLUMN).foreground().style() == Qt.BrushStyle.NoBrush
    assert view.count_label.text() == "7 to do, 2 overdue"

    row = next(i for i, r in enumerate(shown) if r[1] == "Contoso" and "references" in r[2])
    view.table.setFocus()
    view.table.setCurrentCell(row, DONE_COLUMN)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)  # ticks the current row's box
    assert len(rows(view)) == 6 and "Show done" in view.message_label.text()
    with History.open(data_dir) as history:
        assert history.reminders.states()[f"{contoso}.references@bowout"].done

    close_quietly(win)
    win, view = open_view(qtbot, data_dir)  # restored from the file by a new window
    assert len(rows(view)) == 6
    box = view.show_done_check  # its label is at the left of a full-width row
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    done = [r for r in rows(view) if r[3]]
    assert [(r[1], "references" in r[2]) for r in done] == [("Contoso", True)]
    close_quietly(win)


def test_the_reply_days_setting_moves_the_follow_up(qtbot: QtBot, data_dir: Path) -> None:
    sent(data_dir, "Northwind")
    save_settings(data_dir, Settings(reply_days=10))
    win, view = open_view(qtbot, data_dir)
    nudge = next(r for r in rows(view) if "No answer" in r[2])
    assert nudge[0] == "Fri 11 Dec"  # ten work days after Friday 27 November
    close_quietly(win)


def test_settle_by_date_entered_in_the_item(qtbot: QtBot, data_dir: Path) -> None:
    record_id = sent(data_dir, "Northwind", signing_bonus=Money.PAID)
    win, view = open_view(qtbot, data_dir)
    row = next(i for i, r in enumerate(rows(view)) if "signing bonus" in r[2])
    assert "Agree with Northwind" in rows(view)[row][2]
    assert not view.settle_button.isVisible()
    view.table.selectRow(row)
    assert view.settle_button.isVisible()
    view.settle_date_edit.setDate(QDate(2027, 1, 15))
    qtbot.mouseClick(view.settle_button, Qt.MouseButton.LeftButton)
    settle = next(r for r in rows(view) if "signing bonus" in r[2])
    assert settle[2] == "Repay or settle the signing bonus with Northwind"
    assert settle[0] == "Fri 15 Jan 2027"
    with History.open(data_dir) as history:
        uid = f"{record_id}.settle@bowout"
        assert history.reminders.states()[uid].settle_by == dt.date(2027, 1, 15)
    close_quietly(win)


def test_export_all_or_selected_and_re_export_keeps_uids(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    sent(data_dir, "Northwind")
    sent(data_dir, "Contoso")
    win, view = open_view(qtbot, data_dir)
    assert "Google Calendar, Outlook or Apple Calendar" in view.export_note.text()
    assert "Thunderbird" in view.export_note.text() and view.export_note.isVisible()
    target = tmp_path / "calendar"  # the extension is added
    view.choose_export_path = lambda suggested: target  # type: ignore[method-assign]
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "calendar.ics"
    events = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    uids = sorted(str(t["UID"]) for t in events)
    assert len(uids) == 6 and all(u.endswith(".event@bowout") for u in uids)
    assert all(len(e.walk("VALARM")) == 1 for e in events)
    assert len({str(e["SUMMARY"]) for e in events}) == 6
    assert "import it into Google Calendar, Outlook or Apple Calendar" in (
        view.message_label.text()
    )
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    again = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert sorted(str(t["UID"]) for t in again) == uids
    view.table.selectRow(1)
    view.choose_export_path = lambda suggested: tmp_path / "one.ics"  # type: ignore[method-assign]
    qtbot.mouseClick(view.export_selected_button, Qt.MouseButton.LeftButton)
    one = icalendar.Calendar.from_ical((tmp_path / "one.ics").read_bytes()).walk("VEVENT")
    assert [str(t["UID"]) for t in one] == [view.items[1].uid.replace("@", ".event@")]
    assert "1 follow-up event written to one.ics" in view.message_label.text()
    view.choose_export_path = lambda suggested: tmp_path / "no-such-dir" / "x.ics"  # type: ignore[method-assign]
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert view.message_label.text().startswith("Could not write")
    close_quietly(win)


def test_tasks_as_an_option_and_a_deleted_withdrawal_cancelled(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    sent(data_dir, "Northwind")
    gone = sent(data_dir, "Contoso")
    win, view = open_view(qtbot, data_dir)
    target = tmp_path / "tasks.ics"
    view.choose_export_path = lambda suggested: target  # type: ignore[method-assign]
    view.tasks_check.setFocus()
    qtbot.keyClick(view.tasks_check, Qt.Key.Key_Space)
    assert view.tasks_check.isChecked()
    assert view.export_note.text().startswith("Exports tasks, for Thunderbird or a task app")
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    todos = icalendar.Calendar.from_ical(target.read_bytes()).walk("VTODO")
    assert len(todos) == 6 and "Thunderbird or a task app" in view.message_label.text()
    with History.open(data_dir) as history:
        history.delete(gone)
    view.refresh()
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    todos = icalendar.Calendar.from_ical(target.read_bytes()).walk("VTODO")
    status = {str(t["UID"]): (str(t["STATUS"]), int(t["SEQUENCE"])) for t in todos}
    assert {v for k, v in status.items() if k.startswith(gone)} == {("CANCELLED", 1)}
    assert "3 cancelled" in view.message_label.text()
    close_quietly(win)


def test_marking_sent_in_the_window_brings_its_follow_ups(qtbot: QtBot, data_dir: Path) -> None:
    win, view = open_view(qtbot, data_dir)
    assert view.count_label.text().startswith("Nothing coming up")
    win.form.company_edit.setText("Northwind")
    win.session.mark_sent()  # the list beside the draft shows them at once
    assert {r[1] for r in rows(view)} == {"Northwind"} and len(rows(view)) == 3
    close_quietly(win)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_overdue_dates_read_in_either_theme(
    qtbot: QtBot, data_dir: Path, qapp: QApplication, theme: str
) -> None:
    sent(data_dir, "Northwind")
    apply_theme(qapp, theme)
    try:
        win, view = open_view(qtbot, data_dir)
        late = view.table.item(0, DUE_COLUMN)
        assert late.text().startswith("Overdue")
        ground = view.table.palette().color(QPalette.ColorRole.Base)
        assert contrast_ratio(late.foreground().color(), ground) >= AA_TEXT
        close_quietly(win)
    finally:
        apply_theme(qapp, "system")
