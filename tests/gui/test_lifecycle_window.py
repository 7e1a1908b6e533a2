"""Issue 20 in the window: what was sent stays as it was sent; edits are the user's."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from gui_helpers import email_text, pick, type_into
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPushButton, QTableView
from pytestqt.qtbot import QtBot

from bowout.core.situation import Profile
from bowout.gui.window.shell import MainWindow
from bowout.storage import History
from bowout.storage.fields import format_time
from bowout.storage.timeline import make_event

OWN_WORDS = " I can start at Contoso on 3 March."


def _write_own_words(qtbot: QtBot, window: MainWindow) -> None:
    """The user's own sentence at the end of the message, in bold."""
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, OWN_WORDS)
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 7)
    window.editor.setTextCursor(cursor)
    window.format_bar.bold.trigger()  # "3 March" in bold
    window.format_bar.bullets.trigger()  # and the paragraph as a list item


def _sent_withdrawal(qtbot: QtBot, window: MainWindow) -> tuple[str, str, str]:
    """Draft, personalise and mark sent; returns (id, body html, body text) as sent."""
    window.show()
    qtbot.waitExposed(window)
    pick(window.stage_combo, "interviewing")
    type_into(qtbot, window.form.contact_edit, "Priya Raman")
    type_into(qtbot, window.form.company_edit, "Northwind")
    _write_own_words(qtbot, window)
    window.actions_.mark_sent.trigger()
    record = window.session.record
    assert record is not None and record.status == "sent"
    assert "<b>" in record.body_html or "font-weight" in record.body_html
    return record.id, record.body_html, record.body_text


def _open_from_history(qtbot: QtBot, window: MainWindow, company: str) -> None:
    window.actions_.view_history.trigger()
    view = window.findChild(QTableView, "history_view")
    model = view.model()
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index(company)
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _sent_events(data_dir: Path, record_id: str) -> list[dict[str, object]]:
    with History.open(data_dir) as history:
        return [e for e in history.get(record_id).timeline if e["kind"] == "message-sent"]


def test_a_sent_message_is_never_rewritten_by_the_form(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    record_id, html, text = _sent_withdrawal(qtbot, window)
    window.actions_.new.trigger()
    _open_from_history(qtbot, window, "Northwind")
    assert window.session.record is not None and window.session.record.id == record_id
    shown = email_text(window)
    assert OWN_WORDS.strip() in shown
    # Read only, the form locked, "Mark as sent" off; the bar says why and offers the way on.
    assert window.editor.isReadOnly() and window.subject_edit.isReadOnly()
    assert window.phone_editor.isReadOnly()
    door = window.form.fact_checks["keep_door_open"]
    assert not door.isEnabled()
    assert not window.actions_.mark_sent.isEnabled()
    assert not window.format_bar.bold.isEnabled() and not window.format_bar.undo.isEnabled()
    bar = window.draft_view.follow_up_bar
    assert bar.isVisibleTo(window) and "kept as it went out" in bar.label.text()
    assert bar.new_version_button.isVisibleTo(window)
    assert window.actions_.new_version.isEnabled()  # also in the Record menu and F1
    door.setChecked(True)  # even a change that reaches the form leaves the message alone
    assert email_text(window) == shown
    window.notes_edit.setPlainText("Priya said she would pass it on.")
    window.actions_.save.trigger()
    with History.open(data_dir) as history:
        kept = history.get(record_id)
    assert (kept.body_html, kept.body_text, kept.status) == (html, text, "sent")
    assert kept.notes == "Priya said she would pass it on."  # notes stay the user's to edit
    window.session.mark_sent()  # asked again (the command list, a script): once is once
    assert len(_sent_events(data_dir, record_id)) == 1
    assert "marked sent once" in window.statusBar().currentMessage()
    assert not window.drafting.dirty


def test_marking_sent_is_undone_in_one_step(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    record_id, _html, _text = _sent_withdrawal(qtbot, window)
    assert window.editor.isReadOnly()
    undo = window.banner.findChild(QPushButton, "undo_sent_button")
    assert undo is not None and window.banner.isVisibleTo(window)
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    with History.open(data_dir) as history:
        kept = history.get(record_id)
    assert (kept.status, kept.sent) == ("draft", None)
    assert _sent_events(data_dir, record_id) == []
    assert not window.editor.isReadOnly() and window.actions_.mark_sent.isEnabled()
    assert not window.draft_view.follow_up_bar.isVisibleTo(window)
    window.actions_.mark_sent.trigger()
    assert len(_sent_events(data_dir, record_id)) == 1


def test_write_a_new_version_keeps_the_sent_one(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    record_id, html, _text = _sent_withdrawal(qtbot, window)
    window.notes_edit.setPlainText("Sent after the call.")  # unsaved: kept, not dropped
    button = window.draft_view.follow_up_bar.new_version_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.record is None and not window.editor.isReadOnly()
    assert window.form.isEnabled() and window.actions_.mark_sent.isEnabled()
    assert not window.actions_.new_version.isEnabled()  # a draft is simply edited
    assert OWN_WORDS.strip() in email_text(window)  # the new version starts from the sent one
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " One more line.")
    window.actions_.save.trigger()
    with History.open(data_dir) as history:
        records = history.list()
        sent = history.get(record_id)
    assert len(records) == 2
    assert sent.body_html == html and sent.status == "sent"
    assert sent.notes == "Sent after the call."


def test_a_replied_record_is_kept_as_sent(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    record_id, html, _text = _sent_withdrawal(qtbot, window)
    with History.open(data_dir) as history:
        sent = dt.datetime.fromisoformat((history.get(record_id).sent or "")[:-1])
        later = format_time(sent.replace(tzinfo=dt.timezone.utc) + dt.timedelta(hours=2))
        reply = make_event("reply-received", later, "email", "Thanks for telling us.", "accepted")
        history.timeline.add_events(record_id, [reply])
    window.actions_.new.trigger()
    _open_from_history(qtbot, window, "Northwind")
    assert window.editor.isReadOnly() and not window.actions_.mark_sent.isEnabled()
    bar = window.draft_view.follow_up_bar
    assert bar.replied_button.isVisibleTo(window) and bar.new_version_button.isVisibleTo(window)
    window.actions_.save.trigger()
    with History.open(data_dir) as history:
        assert history.get(record_id).body_html == html


def test_a_resolved_record_is_kept_as_it_was(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    pick(window.stage_combo, "offer")
    pick(window.form.reason_combo, "compensation")
    panel = window.form.negotiate_panel
    panel.negotiate_check.click()
    qtbot.mouseClick(panel.resolved_button, Qt.MouseButton.LeftButton)
    record = window.session.record
    assert record is not None and record.outcome == "resolved" and record.status == "draft"
    assert window.editor.isReadOnly() and not window.actions_.mark_sent.isEnabled()
    bar = window.draft_view.follow_up_bar
    assert bar.isVisibleTo(window) and "Resolved" in bar.label.text()
    assert not bar.replied_button.isVisibleTo(window)
    assert bar.new_version_button.isVisibleTo(window)


def test_a_form_change_keeps_the_edited_message_and_asks(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    _write_own_words(qtbot, window)
    edited = email_text(window)
    bar = window.draft_view.redraft_bar
    assert not bar.isVisibleTo(window)
    qtbot.mouseClick(window.form.fact_checks["keep_door_open"], Qt.MouseButton.LeftButton)
    assert email_text(window) == edited  # nothing replaced
    assert bar.isVisibleTo(window) and "keep the door open" in bar.label.text()
    bar.changes_button.click()  # what would change, before choosing
    assert bar.changes_view.isVisibleTo(window) and bar.changes_view.toPlainText()
    qtbot.mouseClick(bar.keep_button, Qt.MouseButton.LeftButton)
    assert email_text(window) == edited and not bar.isVisibleTo(window)
    pick(window.stage_combo, "final")  # another change: asked again
    assert email_text(window) == edited and bar.isVisibleTo(window)
    qtbot.mouseClick(bar.use_button, Qt.MouseButton.LeftButton)
    new = email_text(window)
    assert OWN_WORDS.strip() not in new and not bar.isVisibleTo(window)
    window.format_bar.undo.trigger()  # one Ctrl+Z undoes one decision
    assert email_text(window) == edited
    assert bar.isVisibleTo(window)  # form and message differ: said in the window
    window.format_bar.redo.trigger()
    assert email_text(window) == new and not bar.isVisibleTo(window)


def test_typing_a_name_redrafts_once_when_typing_pauses(qtbot: QtBot, window: MainWindow) -> None:
    before = email_text(window)
    form = window.form
    qtbot.keyClicks(form.contact_edit, "Priya Raman")
    assert email_text(window) == before and form.typing_pending()  # not per letter
    with qtbot.waitSignal(form.situation_changed, timeout=5000):
        pass  # the pause
    named = email_text(window)
    assert "Priya" in named
    window.format_bar.undo.trigger()  # one step for the whole name
    assert email_text(window) == before
    window.format_bar.redo.trigger()
    assert email_text(window) == named
    qtbot.keyClicks(form.company_edit, "Northwind")
    form.company_edit.editingFinished.emit()  # leaving the field (Tab, Enter) redrafts now
    assert "Northwind" in email_text(window) or "Northwind" in window.subject_edit.text()
    assert not form.typing_pending()


def test_a_profile_change_leaves_a_sent_message_alone(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    record_id, html, _text = _sent_withdrawal(qtbot, window)
    shown = email_text(window)
    old = window.context.settings
    window.preferences.apply_settings(dataclasses.replace(old, profile=Profile(name="Sam Rivera")))
    assert email_text(window) == shown
    assert "stays as it went out" in window.statusBar().currentMessage()
    window.actions_.save.trigger()
    with History.open(data_dir) as history:
        assert history.get(record_id).body_html == html


#: What can reach an open sent withdrawal, as (name, action on the window).
def _form_tick(window: MainWindow) -> None:
    box = window.form.fact_checks["keep_door_open"]
    box.setChecked(not box.isChecked())


def _form_name(window: MainWindow) -> None:
    window.form.contact_edit.setText(window.form.contact_edit.text() + "x")


def _paste(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("pasted words")
    window.editor.insertFromMimeData(mime)


def _profile(window: MainWindow) -> None:
    old = window.context.settings
    name = old.profile.name + "y"
    window.preferences.apply_settings(dataclasses.replace(old, profile=Profile(name=name)))


OPERATIONS = {
    "tick a box": _form_tick,
    "set a name": _form_name,
    "redraft": lambda w: w.drafting.regenerate(),
    "another wording": lambda w: w.form.wording_bar.next_wording(),
    "undo": lambda w: w.editor.undo(),
    "redo": lambda w: w.editor.redo(),
    "paste": _paste,
    "use the new draft": lambda w: w.drafting.use_new_draft(),
    "mark sent again": lambda w: w.session.mark_sent(),
    "new profile": _profile,
    "save": lambda w: w.actions_.save.trigger(),
    "notes": lambda w: w.notes_edit.appendPlainText("more"),
}


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(steps=st.lists(st.sampled_from(sorted(OPERATIONS)), min_size=1, max_size=12))
def test_no_sequence_of_window_operations_rewrites_a_sent_message(
    qtbot: QtBot, window: MainWindow, data_dir: Path, steps: list[str]
) -> None:
    if window.session.record is None:  # the first example sends one; the others reopen it
        _sent_withdrawal(qtbot, window)
    assert window.session.record is not None
    record_id = window.session.record.id
    with History.open(data_dir) as history:
        sent = history.get(record_id)
    window.session.open_record(sent)
    shown = (window.subject_edit.text(), email_text(window), window.phone_editor.toPlainText())
    for step in steps:
        OPERATIONS[step](window)
        now = (window.subject_edit.text(), email_text(window), window.phone_editor.toPlainText())
        assert now == shown, step
    window.actions_.save.trigger()
    with History.open(data_dir) as history:
        kept = history.get(record_id)
        assert len(history.list()) == 1  # nothing lost, nothing doubled
    assert (kept.subject, kept.body_html, kept.body_text, kept.sent, kept.status) == (
        sent.subject, sent.body_html, sent.body_text, sent.sent, "sent")  # fmt: skip
    assert [e for e in kept.timeline if e["kind"] == "message-sent"] == [
        e for e in sent.timeline if e["kind"] == "message-sent"]  # fmt: skip


def test_the_sent_banner_goes_when_another_withdrawal_is_shown(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    """ "Marked as sent at 01:23 … Undo" stayed above a new, empty withdrawal: its Undo
    spoke of a message no longer on screen (seen in the 800x600 screenshot)."""
    _sent_withdrawal(qtbot, window)
    assert window.banner.isVisibleTo(window)
    window.session.new_draft()
    assert not window.banner.isVisibleTo(window)
    assert window.banner.findChild(QPushButton, "undo_sent_button") is None or not (
        window.banner.findChild(QPushButton, "undo_sent_button").isVisibleTo(window)
    )
