"""Messages where they are seen (issue 25): decisions and failures in the window's message
bar, not only the status bar; stale messages cleared once what they speak of changes."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import type_into
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from test_history_view import click, companies, dialog, history, select_company  # noqa: F401

from bowout.gui.views.history import HistoryView
from bowout.gui.window.shell import MainWindow


def shown(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)


def test_an_export_is_said_in_the_window_until_the_text_changes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    shown(qtbot, window)
    type_into(qtbot, window.form.company_edit, "Northwind")
    window.ask.ask_save_path = lambda *args: tmp_path / "withdrawal.txt"  # type: ignore[method-assign]
    assert window.sending.export_as(".txt") is not None
    bar = window.message_bar
    assert bar.isVisible() and "Exported withdrawal.txt" in bar.text()
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " More.")
    assert not bar.isVisible()  # the export spoke of the text before this edit
    assert "Exported" not in window.statusBar().currentMessage()


def test_a_failed_export_is_shown_as_an_error(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    shown(qtbot, window)
    window.ask.ask_save_path = lambda *args: tmp_path / "nowhere" / "x.txt"  # type: ignore[method-assign]
    assert window.sending.export_as(".txt") is None
    assert window.message_bar.isVisible() and window.message_bar.error
    assert "Could not export" in window.message_bar.text()


def test_the_replaced_draft_is_said_in_the_window(qtbot: QtBot, window: MainWindow) -> None:
    shown(qtbot, window)
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " My own words.")
    type_into(qtbot, window.form.company_edit, "Northwind")
    assert window.draft_view.redraft_bar.isVisible()
    window.drafting.use_new_draft()
    assert window.message_bar.isVisible() and "Ctrl+Z" in window.message_bar.text()
    window.session.new_draft()  # another withdrawal: the note about this one goes
    assert not window.message_bar.isVisible()


def test_a_restore_note_goes_once_the_list_changes(
    qtbot: QtBot,
    dialog: HistoryView,  # noqa: F811 (the history view's fixture)
) -> None:
    select_company(qtbot, dialog, "Acme")
    click(qtbot, dialog, "delete_button")
    click(qtbot, dialog, "trash_button")
    select_company(qtbot, dialog, "Acme")
    click(qtbot, dialog, "restore_button")
    assert "Restored Acme" in dialog.message_label.text() and dialog.message_label.isVisible()
    qtbot.wait(10)
    click(qtbot, dialog, "trash_button")  # back to the list
    select_company(qtbot, dialog, "Brightwave")
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)  # a later delete
    assert "Brightwave" not in companies(dialog)
    assert not dialog.message_label.isVisible()  # "Restored Acme" no longer fits
