"""Text pasted from other programs is kept (issue 23): Word's line break U+000B and a form
feed become line breaks, NUL and ESC go, joiners stay, and a dialog whose text cannot be
kept comes back with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gui_helpers import pick
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from bowout.gui.dialogs.reply_dialog import NoteDialog, ReplyDialog
from bowout.gui.window.shell import MainWindow
from bowout.storage import History

PASTED = "Thank you for letting me know.\x0bBest regards,\x0cJo\x00\x1b[0m\x85Lee"
KEPT = "Thank you for letting me know.\nBest regards,\nJo[0m\nLee"
PERSIAN = "می\u200cخواهم"


def paste(edit: QPlainTextEdit | QLineEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    edit.setFocus()
    edit.paste()


def drive(qtbot: QtBot, *steps: Callable[[QDialog], int]) -> Callable[[QDialog], int]:
    """``run_dialog`` showing the real dialog; each call runs the next step."""
    queue = list(steps)

    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return queue.pop(0)(dialog)

    return run


def sent_window(qtbot: QtBot, window: MainWindow) -> str:
    window.show()
    qtbot.waitExposed(window)
    pick(window.stage_combo, "offer")
    qtbot.keyClicks(window.form.contact_edit, "Jordan Lee")
    qtbot.keyClicks(window.form.company_edit, "Northwind")
    window.actions_.mark_sent.trigger()
    assert window.session.record is not None
    return window.session.record.id


def test_a_reply_pasted_from_word_is_kept(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    record_id = sent_window(qtbot, window)

    def reply(dialog: QDialog) -> int:
        assert isinstance(dialog, ReplyDialog)
        pick(dialog.kind_combo, "counter-offer")
        paste(dialog.words_edit, PASTED)
        qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    window.ask.run_dialog = drive(qtbot, reply)  # type: ignore[method-assign]
    window.actions_.they_replied.trigger()
    assert "control character" not in window.banner.label.text()
    with History.open(data_dir) as history:
        texts = [e["text"] for e in history.get(record_id).timeline]
    assert KEPT in texts


def test_a_call_note_pasted_from_word_is_kept(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    record_id = sent_window(qtbot, window)

    def note(dialog: QDialog) -> int:
        assert isinstance(dialog, NoteDialog)
        paste(dialog.note_edit, PASTED)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    window.ask.run_dialog = drive(qtbot, note)  # type: ignore[method-assign]
    window.actions_.call_note.trigger()
    with History.open(data_dir) as history:
        assert history.get(record_id).timeline[-1]["text"] == KEPT


def test_a_reply_that_cannot_be_kept_comes_back_with_its_text(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    record_id = sent_window(qtbot, window)
    too_long = "x" * 200_001  # over the timeline's limit for one event
    seen: list[str] = []

    def first(dialog: QDialog) -> int:
        assert isinstance(dialog, ReplyDialog)
        pick(dialog.kind_combo, "counter-offer")
        paste(dialog.words_edit, too_long)
        qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    def second(dialog: QDialog) -> int:
        assert isinstance(dialog, ReplyDialog)
        seen.append(dialog.words_edit.toPlainText())
        dialog.reject()
        return dialog.result()

    window.ask.run_dialog = drive(qtbot, first, second)  # type: ignore[method-assign]
    window.actions_.they_replied.trigger()
    assert seen == [too_long]  # shown again, the pasted text still in it
    assert "at most" in window.banner.label.text()
    with History.open(data_dir) as history:
        assert len(history.get(record_id).timeline) == 1  # only the message sent


def test_notes_and_subject_pasted_from_word_are_saved(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.show()
    qtbot.keyClicks(window.form.company_edit, "Northwind")
    paste(window.notes_edit, PASTED)
    window.subject_edit.clear()
    paste(window.subject_edit, "Withdrawal\x0bnow\x1b")
    window.actions_.save.trigger()
    assert window.session.record is not None, window.banner.label.text()
    with History.open(data_dir) as history:
        kept = history.get(window.session.record.id)
    assert kept.notes == KEPT
    assert kept.subject == "Withdrawal now"  # Word's line break is a space on one line


def test_joiners_stay_in_one_line_fields_and_bidi_overrides_go(
    qtbot: QtBot, window: MainWindow
) -> None:
    QApplication.clipboard().setText(PERSIAN + " \u202eevil")
    window.form.company_edit.setFocus()
    window.form.company_edit.paste()
    situation = window.form.situation()
    assert situation.company == PERSIAN + " evil"
    assert "\u200c" in situation.company


def test_a_message_pasted_from_word_is_saved(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.show()
    qtbot.keyClicks(window.form.company_edit, "Northwind")
    QApplication.clipboard().setText(PASTED)
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.paste()
    window.actions_.save.trigger()
    assert window.session.record is not None, window.banner.label.text()
    with History.open(data_dir) as history:
        body = history.get(window.session.record.id).body_text
    assert "Best regards,\nJo[0m\nLee" in body
