"""Issue 14 end to end in the window: negotiate, not resolved, withdraw, sent, they replied."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gui_helpers import email_text, pick, type_into
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from bowout.core.errors import TemplateError
from bowout.core.situation import DealBreaker, Kind
from bowout.gui.dialogs.reply_dialog import NoteDialog, ReplyDialog
from bowout.gui.models.history_model import RESOLVED_TEXT
from bowout.gui.window.shell import MainWindow
from bowout.storage import History


def _drive(qtbot: QtBot, steps: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """A stand-in for ``run_dialog`` that shows the real dialog and works it as a person."""

    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        steps(dialog)
        return dialog.result()

    return run


def _fill_in(qtbot: QtBot, window: MainWindow) -> None:
    window.show()  # on screen (offscreen), so clicks land as they would for a person
    qtbot.waitExposed(window)
    pick(window.stage_combo, "offer")
    pick(window.form.reason_combo, "compensation")
    type_into(qtbot, window.form.contact_edit, "Jordan Lee")
    type_into(qtbot, window.form.role_edit, "Data Analyst")
    type_into(qtbot, window.form.company_edit, "Northwind")


def test_negotiate_not_resolved_withdraw_sent_they_replied_decline_sent(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    _fill_in(qtbot, window)
    panel = window.form.negotiate_panel
    panel.negotiate_check.click()  # "resolve it first"
    assert "talk about the salary" in email_text(window)
    panel.not_resolved_button.click()
    situation = window.form.situation()  # every fact carried into the withdrawal
    assert situation.kind is Kind.WITHDRAW and situation.negotiated
    assert situation.deal_breaker is DealBreaker.PAY
    assert (situation.company, situation.role, situation.contact) == (
        "Northwind", "Data Analyst", "Jordan Lee")  # fmt: skip
    assert "agree on the salary" in email_text(window)
    bar = window.draft_view.follow_up_bar
    window.actions_.save.trigger()
    assert not bar.isVisibleTo(window)  # saved, not sent: nothing to reply to yet
    window.actions_.mark_sent.trigger()
    record = window.session.record
    assert record is not None and record.status == "sent" and record.outcome == "not-resolved"
    assert bar.isVisibleTo(window) and "Sent" in bar.label.text()

    def counter_offer(dialog: QDialog) -> None:
        assert isinstance(dialog, ReplyDialog)
        pick(dialog.kind_combo, "counter-offer")
        qtbot.keyClicks(dialog.words_edit, "We could raise the base salary by a little.")
        answer = dialog.answer_edit.toPlainText()
        assert "decision stands" in answer or "final" in answer
        assert dialog.subject_edit.text() == f"Re: {record.subject}"
        dialog.answer_edit.moveCursor(dialog.answer_edit.textCursor().MoveOperation.End)
        qtbot.keyClicks(dialog.answer_edit, " ")  # the user may adjust it
        qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)

    window.ask.run_dialog = _drive(qtbot, counter_offer)  # type: ignore[method-assign]
    qtbot.mouseClick(bar.replied_button, Qt.MouseButton.LeftButton)
    assert "their reply and your answer" in window.statusBar().currentMessage()

    with History.open(data_dir) as reopened:
        timeline = reopened.get(record.id).timeline
    assert [(e["kind"], e["reply"]) for e in timeline] == [
        ("message-sent", None), ("reply-received", "counter-offer"),
        ("reply-sent", "counter-offer"),
    ]  # fmt: skip
    times = [e["at"] for e in timeline]
    assert times == sorted(times) and len(set(times)) == 3 and times[0] == record.sent
    assert timeline[0]["channel"] == record.channel
    assert timeline[0]["text"].startswith(f"Subject: {record.subject}\n")  # the whole message
    assert timeline[1]["text"] == "We could raise the base salary by a little."
    assert timeline[2]["text"].startswith(f"Re: {record.subject}")
    assert timeline[2]["channel"] == ("email" if record.channel == "phone" else record.channel)
    # The history view shows the same timeline beside the list, in order.
    window.actions_.view_history.trigger()
    view = window.history_view
    view.refresh(select_id=record.id)
    details = view.details.text()
    order = [details.index(s) for s in ("Message sent", "Reply received (counter-offer)",
                                        "Reply sent (counter-offer)")]  # fmt: skip
    assert order == sorted(order)
    assert "We could raise the base salary" in details
    # Their words are found by the history search.
    for query, rows in (("nowhere in it", 0), ("raise the BASE salary", 1)):
        view.search_edit.clear()
        qtbot.keyClicks(view.search_edit, query)
        qtbot.waitUntil(lambda: not view._search_timer.isActive())
        assert view.model.rowCount() == rows, query
    assert view.model.record(0).id == record.id
    view.search_edit.clear()
    # Saving the draft again keeps the timeline.
    window.notes_edit.setPlainText("Called Jordan too.")
    window.actions_.save.trigger()
    with History.open(data_dir) as reopened:
        assert len(reopened.get(record.id).timeline) == 3


def test_a_call_note_and_no_reply_follow_up(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    _fill_in(qtbot, window)
    window.actions_.mark_sent.trigger()
    assert window.session.record is not None
    record_id, channel = window.session.record.id, window.session.record.channel

    def note(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        assert not dialog.ok_button.isEnabled()  # an empty note is not kept
        qtbot.keyClicks(dialog.note_edit, "Jordan called: they will send the paperwork.")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    window.ask.run_dialog = _drive(qtbot, note)  # type: ignore[method-assign]
    window.actions_.call_note.trigger()

    def silence(dialog: QDialog) -> None:
        assert isinstance(dialog, ReplyDialog)
        pick(dialog.kind_combo, "no-reply")
        assert dialog.kind_combo.currentText() == "No reply yet"  # sent today: no "0 days"
        assert not dialog.words_edit.isVisible() and not dialog.keep_button.isVisible()
        assert dialog.sent_button.text() == "Mark follow-up as &sent"
        qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)

    window.ask.run_dialog = _drive(qtbot, silence)  # type: ignore[method-assign]
    window.actions_.they_replied.trigger()
    with History.open(data_dir) as reopened:
        timeline = reopened.get(record_id).timeline
    written = "email" if channel == "phone" else channel
    assert [(e["kind"], e["channel"], e["reply"]) for e in timeline] == [
        ("message-sent", channel, None), ("call-note", "phone", None),
        ("reply-sent", written, "no-reply"),
    ]  # fmt: skip
    assert timeline[1]["text"] == "Jordan called: they will send the paperwork."
    assert "withdr" in timeline[2]["text"] or "declin" in timeline[2]["text"]
    # The follow-up was not sent after all: Undo in the banner takes it out again.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the note's banner
    undo = window.banner.findChild(QPushButton, "undo_timeline_button")
    assert undo is not None and window.banner.isVisible()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    with History.open(data_dir) as reopened:
        kinds = [e["kind"] for e in reopened.get(record_id).timeline]
    assert kinds == ["message-sent", "call-note"]
    assert window.session.record is not None and len(window.session.record.timeline) == 2


def test_a_broken_reply_template_is_said_in_the_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill_in(qtbot, window)
    window.actions_.mark_sent.trigger()

    def broken(*args: object, **kwargs: object) -> None:
        raise TemplateError("reply.txt.j2 line 3: unexpected end of template")

    monkeypatch.setattr(window.context.composer, "compose_reply", broken)
    seen: list[str] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, ReplyDialog)
        pick(dialog.kind_combo, "asked-why")
        seen.append(dialog.answer_edit.toPlainText())
        dialog.reject()

    window.ask.run_dialog = _drive(qtbot, look)  # type: ignore[method-assign]
    window.actions_.they_replied.trigger()
    assert seen == ["No answer could be drafted: reply.txt.j2 line 3: unexpected end of template"]
    assert (
        window.session.record is not None and len(window.session.record.timeline) == 1
    )  # nothing added


def test_they_replied_before_sending_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    shown: list[QDialog] = []
    window.ask.run_dialog = lambda dialog: shown.append(dialog) or 0  # type: ignore[method-assign]
    window.actions_.they_replied.trigger()
    assert "Save this withdrawal to your history first" in window.statusBar().currentMessage()
    window.actions_.save.trigger()
    window.actions_.they_replied.trigger()
    assert "Mark the message as sent first" in window.statusBar().currentMessage()
    assert shown == []


def test_resolved_keeps_the_request_and_sends_nothing(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    _fill_in(qtbot, window)
    panel = window.form.negotiate_panel
    panel.negotiate_check.click()
    assert panel.resolved_button.isVisibleTo(window)
    qtbot.mouseClick(panel.resolved_button, Qt.MouseButton.LeftButton)
    record = window.session.record
    assert record is not None and record.outcome == "resolved" and record.status == "draft"
    assert "stayed in the process" in panel.hint.text()
    window.actions_.view_history.trigger()
    view = window.history_view
    view.refresh(select_id=record.id)
    assert RESOLVED_TEXT in view.details.text()
    assert view.model.index(0, 4).data() == RESOLVED_TEXT
    window.notes_edit.setPlainText("Agreed a higher base.")
    window.actions_.save.trigger()  # saving the request again keeps the outcome
    with History.open(data_dir) as reopened:
        kept = reopened.get(record.id)
    assert kept.outcome == "resolved" and kept.timeline[-1]["kind"] == "note"
    window.actions_.new.trigger()  # a new draft has not resolved anything yet
    assert not panel.resolved and panel.resolved_button.isEnabled()
    window.session.open_record(kept)
    assert panel.resolved and not panel.resolved_button.isEnabled()
