"""Tell the others takes the draft's place, and the window's commands act on the message
selected in it (issue 25): the toolbar's Copy, Mark as sent and Send by mail, and Export;
the commands that work on the draft only are off there, with a tooltip saying why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot
from test_batch_view import open_batch

from bowout.gui.views.batch import BatchView
from bowout.gui.window.shell import MainWindow
from bowout.gui.window.view_commands import DRAFT_COMMANDS
from bowout.storage import History
from conftest import close_quietly


def click(qtbot: QtBot, win: MainWindow, action: QAction) -> None:
    """Click ``action``'s button on the main toolbar, as a person does."""
    button = win.main_toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton) and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def drafted(qtbot: QtBot, data_dir: Path) -> tuple[MainWindow, BatchView, dict[str, str]]:
    """The batch drafted after accepting Globex; Fabrikam's message selected and edited."""
    win, view, ids = open_batch(qtbot, data_dir)
    view.accepted_combo.setCurrentIndex(view.accepted_combo.findData(ids["Globex"]))
    qtbot.mouseClick(view.draft_button, Qt.MouseButton.LeftButton)
    view.item_list.setCurrentRow(1)  # Fabrikam: an email to ana@fabrikam.example
    view.body_edit.moveCursor(view.body_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(view.body_edit, " P.S. Thank you, Ana.")
    return win, view, ids


def test_the_batch_takes_the_drafts_place(qtbot: QtBot, data_dir: Path) -> None:
    win, view, _ = open_batch(qtbot, data_dir)
    assert view.isVisible()
    assert not win.editor.isVisible() and not win.draft_view.isVisible()
    assert not win.word_label.isVisible()  # the draft's word count is not this message's
    assert view.width() >= win.width() // 2  # the view has the draft's room
    win.show_view("history")
    assert win.editor.isVisible() and win.word_label.isVisible()
    close_quietly(win)


def test_toolbar_copy_copies_the_selected_batch_message(qtbot: QtBot, data_dir: Path) -> None:
    win, view, _ = drafted(qtbot, data_dir)
    QApplication.clipboard().clear()
    click(qtbot, win, win.actions_.copy)
    copied = QApplication.clipboard().text()
    assert copied == view.body_edit.toPlainText()
    assert copied.endswith("P.S. Thank you, Ana.") and "Fabrikam" in view.message_label.text()
    assert copied != win.editor.message_text()  # not the draft hidden behind it
    close_quietly(win)


def test_toolbar_mark_as_sent_keeps_the_selected_application_sent_once(
    qtbot: QtBot, data_dir: Path
) -> None:
    win, view, ids = drafted(qtbot, data_dir)
    sent = win.actions_.mark_sent
    assert sent.isEnabled()
    click(qtbot, win, sent)
    with History.open(data_dir) as history:
        kept = history.list()
        assert [(r.company, r.status) for r in kept] == [("Fabrikam", "sent")]
        assert kept[0].body_text.endswith("P.S. Thank you, Ana.")
        assert history.applications.get(ids["Fabrikam"]).state == "withdrawn"
        stamped = kept[0].sent
    assert view.progress_label.text() == "1 of 5 sent"
    assert win.session.record is None or win.session.record.company != "Fabrikam"

    # Sent stays sacred: back on it, Mark as sent is off and says why; its shortcut too.
    view.item_list.setCurrentRow(1)
    assert view.current().record_id  # type: ignore[union-attr]
    assert not sent.isEnabled() and sent.toolTip() == "Fabrikam: already marked sent"
    assert not win.actions_.copy.isEnabled()
    win.activateWindow()
    qtbot.keyClick(view.item_list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    with History.open(data_dir) as history:
        again = history.list()
        assert len(again) == 1 and again[0].sent == stamped
    close_quietly(win)


def test_send_by_mail_and_export_act_on_the_selected_message(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    win, view, _ = drafted(qtbot, data_dir)
    opened: list[str] = []
    from_draft: list[str] = []  # what the hidden draft would send: nothing
    view.mail.launch_mail_link = lambda url: opened.append(url) or True  # type: ignore[method-assign]
    win.ask.launch_mail_link = lambda url: from_draft.append(url) or True  # type: ignore[method-assign]
    win.ask.ask_save_path = lambda *_a: from_draft.append("export") and None  # type: ignore[method-assign]
    click(qtbot, win, win.actions_.mail)
    assert len(opened) == 1 and opened[0].startswith("mailto:ana@fabrikam.example?")
    assert "Ana" in opened[0]

    asked: list[str] = []

    def where(title: str, name: str, kind: str) -> Path:
        asked.append(name)
        return tmp_path / name

    view.mail.ask_save_path = where  # type: ignore[method-assign]
    win.actions_.export_txt.trigger()
    written = tmp_path / asked[0]
    assert "fabrikam" in asked[0].lower() and written.suffix == ".txt"
    text = written.read_text(encoding="utf-8")
    assert view.subject_edit.text() in text and "P.S. Thank you, Ana." in text
    assert view.message_label.text() == f"Exported {written.name}."
    assert from_draft == []
    close_quietly(win)


def test_nothing_selected_turns_the_message_commands_off_with_a_reason(
    qtbot: QtBot, data_dir: Path
) -> None:
    win, _view, _ = open_batch(qtbot, data_dir)  # not drafted yet: nothing to act on
    for name in ("copy", "mail", "mark_sent", "export_eml", "export_pdf"):
        action = win.actions_.get(name)
        assert not action.isEnabled(), name
        assert action.toolTip() == "Draft the messages, then select one in the list"
    close_quietly(win)


def test_draft_only_commands_are_off_with_a_tooltip_and_come_back(
    qtbot: QtBot, data_dir: Path
) -> None:
    win, _view, _ = drafted(qtbot, data_dir)
    for name in DRAFT_COMMANDS:
        action = win.actions_.get(name)
        assert not action.isEnabled(), name
        assert action.toolTip().startswith("Not in Tell the others: it works on the draft")
    assert {"save", "they_replied", "bold", "undo"} <= set(DRAFT_COMMANDS)
    qtbot.keyClick(win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Save: nothing
    with History.open(data_dir) as history:
        assert history.list() == []

    win.actions_.view_draft.trigger()  # Ctrl+1: the draft again, and its commands
    assert win.editor.isVisible()
    assert win.actions_.save.isEnabled() and win.actions_.copy.isEnabled()
    assert win.actions_.save.toolTip().startswith("Keep this withdrawal in your history")
    assert win.actions_.copy.toolTip().startswith("Copy the message as rich and plain text")
    close_quietly(win)


def test_the_drafts_own_states_survive_a_visit_to_the_batch(qtbot: QtBot, data_dir: Path) -> None:
    win, view, _ = open_batch(qtbot, data_dir)
    win.show_view("draft")
    win.actions_.mark_sent.trigger()  # the draft kept as sent: Mark as sent is off for it
    assert not win.actions_.mark_sent.isEnabled() and win.actions_.new_version.isEnabled()
    win.show_view("batch")
    view.draft_button.click()
    assert win.actions_.mark_sent.isEnabled()  # for the batch's message selected
    assert not win.actions_.new_version.isEnabled()
    win.show_view("draft")
    assert not win.actions_.mark_sent.isEnabled() and win.actions_.new_version.isEnabled()
    close_quietly(win)


def test_new_from_the_batch_shows_the_new_draft(qtbot: QtBot, data_dir: Path) -> None:
    win, _view, _ = open_batch(qtbot, data_dir)
    win.actions_.new.trigger()
    assert win.nav.current_key() == "draft" and win.editor.isVisible()
    close_quietly(win)


def test_each_message_row_is_read_whole_at_800x600(qtbot: QtBot, data_dir: Path) -> None:
    """The list column is narrow at 800×600: rows wrap instead of hiding their channel
    behind a sideways scroll bar (found walking the window as a new user)."""
    win, view, _ = drafted(qtbot, data_dir)
    win.resize(800, 600)
    qtbot.waitUntil(lambda: win.width() == 800)
    listed = view.item_list
    qtbot.waitUntil(lambda: listed.viewport().width() < 420)
    assert not listed.horizontalScrollBar().isVisible()
    width = listed.viewport().width()
    for row in range(listed.count()):
        item = listed.item(row)
        assert item.toolTip() == item.text()
        rect = listed.visualItemRect(item)
        assert rect.left() >= 0 and rect.right() <= width, (row, rect, width)
    longest = max(range(listed.count()), key=lambda r: len(listed.item(r).text()))
    line = listed.fontMetrics().height()
    assert listed.visualItemRect(listed.item(longest)).height() >= 2 * line  # wrapped
    close_quietly(win)


def test_the_message_on_review_has_the_larger_share(qtbot: QtBot, data_dir: Path) -> None:
    """Side by side, the message being read and edited is wider than the list of companies
    (at 200 % the list took two thirds of an 800×600 window: found walking the window)."""
    win, view, _ = drafted(qtbot, data_dir)
    for width, height in ((1366, 768), (800, 600)):
        win.resize(width, height)
        qtbot.waitUntil(lambda w=width: win.width() == w)
        left, review = view.splitter.sizes()
        assert view.splitter.orientation() == Qt.Orientation.Horizontal
        assert review > left, (width, left, review)
        assert view.review.width() >= 300
    close_quietly(win)
