"""The subject line is part of the one-step regeneration undo (and redo)."""

from __future__ import annotations

import pytest
from gui_helpers import email_text, pick
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QTextEdit
from pytestqt.qtbot import QtBot

from bowout.core.situation import Stage
from bowout.gui.widgets.subject_undo import SubjectUndo
from bowout.gui.window.shell import MainWindow


def ctrl(qtbot: QtBot, widget: QTextEdit, key: Qt.Key, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, key, modifiers)


def type_at_end(qtbot: QtBot, editor: QTextEdit, text: str) -> None:
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, text)


def test_ctrl_z_brings_back_the_users_subject_and_body(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.subject_edit.selectAll()
    qtbot.keyClicks(window.subject_edit, "My own subject")
    type_at_end(qtbot, window.editor, " My own closing words.")
    edited_body = email_text(window)
    pick(window.stage_combo, Stage.FINAL.value)
    assert window.subject_edit.text() == "My own subject"  # kept until the user chooses
    window.draft_view.redraft_bar.use_button.click()
    regenerated = window.subject_edit.text()
    assert regenerated != "My own subject"
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    ctrl(qtbot, window.editor, Qt.Key.Key_Z)
    assert email_text(window) == edited_body
    assert window.subject_edit.text() == "My own subject"

    ctrl(qtbot, window.editor, Qt.Key.Key_Z, shift=True)  # redo
    assert window.subject_edit.text() == regenerated
    assert "My own closing words." not in email_text(window)


def test_undo_within_the_users_own_edits_leaves_the_subject(
    qtbot: QtBot, window: MainWindow
) -> None:
    pick(window.stage_combo, Stage.SCREENING.value)
    window.subject_edit.setText("Typed after the regeneration")
    type_at_end(qtbot, window.editor, " extra")
    ctrl(qtbot, window.editor, Qt.Key.Key_Z)  # undoes the typing only
    assert "extra" not in email_text(window)
    assert window.subject_edit.text() == "Typed after the regeneration"


def test_two_regenerations_undo_one_at_a_time(qtbot: QtBot, window: MainWindow) -> None:
    first = window.subject_edit.text()
    pick(window.stage_combo, Stage.OFFER.value)
    second = window.subject_edit.text()
    pick(window.stage_combo, Stage.ACCEPTED.value)
    third = window.subject_edit.text()
    assert len({first, second, third}) == 3
    window.editor.undo()
    assert window.subject_edit.text() == second
    window.editor.undo()
    assert window.subject_edit.text() == first
    window.editor.redo()
    window.editor.redo()
    assert window.subject_edit.text() == third


def test_a_new_edit_after_undo_forgets_the_undone_regeneration(
    qtbot: QtBot, window: MainWindow
) -> None:
    first = window.subject_edit.text()
    pick(window.stage_combo, Stage.OFFER.value)
    window.editor.undo()
    assert window.subject_edit.text() == first
    type_at_end(qtbot, window.editor, " new words")
    assert not window.editor.document().isRedoAvailable()
    assert window.subject_undo.marks[-1].after == first
    window.editor.undo()  # the typing
    assert window.subject_edit.text() == first


def test_opening_a_record_starts_a_fresh_undo_history(window: MainWindow) -> None:
    pick(window.stage_combo, Stage.OFFER.value)
    assert window.subject_undo.marks
    window.actions_.new.trigger()
    assert window.subject_undo.marks == []
    assert not window.editor.document().isUndoAvailable()


@pytest.mark.parametrize("redo_all", [True, False])
def test_the_tracker_on_a_bare_editor(qtbot: QtBot, redo_all: bool) -> None:
    editor, subject = QTextEdit(), QLineEdit("one")
    qtbot.addWidget(editor)
    qtbot.addWidget(subject)
    tracker = SubjectUndo(editor.document(), subject)
    for before, after, body in (("one", "two", "B"), ("two", "three", "C")):
        subject.setText(after)
        cursor = QTextCursor(editor.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertHtml(f"<p>{body}</p><p>more</p>")
        cursor.endEditBlock()
        editor.document().setModified(False)
        tracker.record(before, after)
    editor.undo()
    editor.undo()
    assert subject.text() == "one"
    editor.redo()
    assert subject.text() == "two"
    if redo_all:
        editor.redo()
        assert subject.text() == "three"
    else:  # a paste-sized edit of many undo items instead of the redo
        cursor = QTextCursor(editor.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        cursor.insertHtml("<p>x</p><p>y</p><p>z</p>")
        cursor.endEditBlock()
        assert subject.text() == "two"
        assert [m.after for m in tracker.marks] == ["two"]


def test_typing_after_undo_drops_the_undone_regeneration(qtbot: QtBot, window: MainWindow) -> None:
    type_at_end(qtbot, window.editor, " abc")
    mine = window.subject_edit.text()
    pick(window.stage_combo, Stage.OFFER.value)
    window.draft_view.redraft_bar.use_button.click()
    regenerated = window.subject_edit.text()
    window.editor.undo()
    assert window.subject_edit.text() == mine
    type_at_end(qtbot, window.editor, "d")
    assert not window.editor.document().isRedoAvailable()
    assert regenerated not in [m.after for m in window.subject_undo.marks]
    window.editor.undo()  # the "d", then " abc": the subject stays the user's
    window.editor.undo()
    assert window.subject_edit.text() == mine
