"""The batch view: from "I accepted an offer" to five withdrawals kept as sent and linked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bowout.core.applications import Application
from bowout.core.situation import Reason, Stage
from bowout.gui import build_window, mail_link
from bowout.gui.views.batch import BatchView
from bowout.gui.window.shell import MainWindow
from bowout.storage import History
from conftest import close_quietly

ACCEPTED = Application(company="Globex", role="Analyst", stage=Stage.OFFER)
#: The five others, by company (the order the list shows them), with the channel each
#: stage and relationship call for.
FIVE = [
    (Application(company="Contoso", role="QA Lead", stage=Stage.SCREENING, recruiter="Sam Hill"),
     "recruiter"),
    (Application(company="Fabrikam", role="Designer", contact="Ana Ruiz",
                 contact_email="ana@fabrikam.example", stage=Stage.INTERVIEWING), "email"),
    (Application(company="Litware", role="PM", contact="Jordan Lee", stage=Stage.FINAL), "phone"),
    (Application(company="Northwind", role="Data Analyst", stage=Stage.APPLIED), "email"),
    (Application(company="Tailspin", role="Engineer", contact="Kim Park", stage=Stage.ACCEPTED),
     "phone"),
]  # fmt: skip


def open_batch(qtbot: QtBot, data_dir: Path) -> tuple[MainWindow, BatchView, dict[str, str]]:
    ids = {}
    with History.open(data_dir) as history:
        ids[ACCEPTED.company] = history.applications.add(ACCEPTED)
        for application, _ in FIVE:
            ids[application.company] = history.applications.add(application)
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    view = win.views["batch"]
    assert isinstance(view, BatchView)
    win.show_view("batch")
    qtbot.waitUntil(lambda: view.width() > 0)
    return win, view, ids


def test_accepted_an_offer_to_five_records_marked_sent(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, view, ids = open_batch(qtbot, data_dir)
    assert view.reason() is Reason.OTHER_OFFER  # "I accepted an offer" comes first
    view.accepted_combo.setCurrentIndex(view.accepted_combo.findData(ids["Globex"]))
    qtbot.mouseClick(view.draft_button, Qt.MouseButton.LeftButton)
    assert [i.stored.application.company for i in view.items] == [a.company for a, _ in FIVE]
    assert view.item_list.count() == 5 and view.progress_label.text() == "0 of 5 sent"

    # Litware: the final interview, and a real connection: a call, then the email.
    view.item_list.setCurrentRow(2)
    assert view.current().draft.channel.value == "email"  # type: ignore[union-attr]
    view.rapport_check.click()
    assert view.current().draft.channel.value == "phone"  # type: ignore[union-attr]
    assert "Phone call" in view.channel_label.text() and view.script_view.toPlainText()
    channels = [item.draft.channel.value for item in view.items]  # type: ignore[union-attr]
    assert channels == [channel for _, channel in FIVE]
    subjects = {item.draft.subject for item in view.items}  # type: ignore[union-attr]
    assert len(subjects) >= 4  # each stage's own wording, not one message five times

    # Fabrikam: edit, copy, open in the mail app.
    view.item_list.setCurrentRow(1)
    view.body_edit.setFocus()
    view.body_edit.moveCursor(view.body_edit.textCursor().MoveOperation.End)
    qtbot.keyClick(view.body_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(view.body_edit, "P.S. Thank you, Ana.")
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text().endswith("P.S. Thank you, Ana.")
    opened: list[str] = []
    monkeypatch.setattr(mail_link, "open_mail_link", lambda url: opened.append(url) or True)
    qtbot.mouseClick(view.mail_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].startswith("mailto:ana@fabrikam.example")

    # Mark each sent in turn: the view moves on to the next one not sent.
    view.item_list.setCurrentRow(0)
    for count in range(1, 6):
        qtbot.mouseClick(view.sent_button, Qt.MouseButton.LeftButton)
        assert view.progress_label.text() == f"{count} of 5 sent"
    assert view.message_label.text().startswith("All 5 sent")
    assert all(view.item_list.item(r).text().startswith("✓ Sent") for r in range(5))

    with History.open(data_dir) as history:
        records = {r.company: r for r in history.list()}
        assert set(records) == {a.company for a, _ in FIVE}
        for application, channel in FIVE:
            record = records[application.company]
            assert record.status == "sent" and record.sent
            assert record.channel == channel and record.stage == application.stage.value
            assert record.reason == "other-offer"
            assert record.notes == (
                f"Told with the others on {view.drafted_on.isoformat()}: accepted the offer "
                "from Globex (Analyst); every other open application told.")  # fmt: skip
            assert view.batch_id not in record.notes  # no internal id in the user's text
            stored = history.applications.get(ids[application.company])
            assert stored.state == "withdrawn" and stored.record_ids == (record.id,)
        assert records["Fabrikam"].body_text.endswith("P.S. Thank you, Ana.")
        assert "P.S. Thank you, Ana." in records["Fabrikam"].body_html
        assert records["Litware"].relationship["rapport"] is True
        assert history.applications.get(ids["Globex"]).state == "accepted"  # never drafted to
        assert ids["Globex"] not in {s.id for s in history.applications.list("open")}
        assert len(history.reminders.due()) == 15  # each sent one has its follow-ups
    close_quietly(win)


def test_pausing_the_search_tells_every_open_application(qtbot: QtBot, data_dir: Path) -> None:
    win, view, _ = open_batch(qtbot, data_dir)
    view.reason_combo.setCurrentIndex(view.reason_combo.findText("I am pausing my search"))
    assert view.reason() is Reason.PERSONAL and not view.accepted_combo.isEnabled()
    view.draft_all()
    assert len(view.items) == 6  # nothing was accepted: all of them
    assert all(item.situation.reason is Reason.PERSONAL for item in view.items)
    assert view.batch_note().endswith(
        ": I am pausing my search; every other open application told."
    )
    close_quietly(win)


def test_without_open_applications_it_says_where_to_add_them(qtbot: QtBot, data_dir: Path) -> None:
    win = build_window(data_dir)
    qtbot.addWidget(win)
    view = win.views["batch"]
    assert isinstance(view, BatchView)
    win.show_view("batch")  # on sight, before any click: where to add them
    assert view.message_label.text().startswith("No other open applications")
    assert "Applications (Ctrl+3)" in view.message_label.text()
    assert not view.draft_button.isEnabled()
    view.draft_all()  # the keyboard or a test may still ask
    assert view.message_label.text().startswith("No other open applications")
    assert not view.sent_button.isEnabled()
    close_quietly(win)


def test_a_failed_save_is_said_and_a_retry_keeps_one_record(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bowout.storage import HistoryError

    win, view, ids = open_batch(qtbot, data_dir)
    view.draft_all()
    history = win.context.history
    real = history.withdrawals.keep
    calls = []

    def disk_full(application_id: str, record: object, **kw: object) -> object:
        calls.append(application_id)
        if len(calls) == 1:
            raise HistoryError("Could not save the history: the disk is full.")
        return real(application_id, record, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(history.withdrawals, "keep", disk_full)
    qtbot.mouseClick(view.sent_button, Qt.MouseButton.LeftButton)
    assert view.message_label.text() == "Could not save the history: the disk is full."
    assert view.progress_label.text() == "0 of 6 sent" and not view.items[0].record_id
    qtbot.mouseClick(view.sent_button, Qt.MouseButton.LeftButton)  # the disk has room again
    assert view.progress_label.text() == "1 of 6 sent"
    company = view.items[0].stored.application.company
    with History.open(data_dir) as again:
        kept = [r for r in again.list() if r.company == company]
        assert len(kept) == 1 and kept[0].status == "sent" and calls == [ids[company]] * 2
        assert again.applications.get(ids[company]).record_ids == (kept[0].id,)
    close_quietly(win)
