"""Issue 20: saving a withdrawal deleted while open is sensible, and the window never shows
an internal id (it names the company and the date instead)."""

from __future__ import annotations

import re
from pathlib import Path

from gui_helpers import type_into
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from bowout.gui.plain_words import plain_words
from bowout.gui.window.shell import MainWindow
from bowout.storage import History

HEX_ID = re.compile(r"\b[0-9a-f]{8,32}\b")


def _saved_then_deleted(qtbot: QtBot, window: MainWindow) -> str:
    """Save a withdrawal, then delete it in the history list beside it (still open)."""
    window.show()
    qtbot.waitExposed(window)
    type_into(qtbot, window.form.company_edit, "Contoso")
    window.actions_.save.trigger()
    assert window.session.record is not None
    record_id = window.session.record.id
    window.actions_.view_history.trigger()
    view = window.history_view
    view.refresh(select_id=record_id)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert window.context.history is not None and window.context.history.list() == []
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " One more line.")
    return record_id


def _shown(window: MainWindow) -> str:
    return f"{window.banner.label.text()} {window.statusBar().currentMessage()}"


def test_saving_a_withdrawal_deleted_while_open_brings_it_back(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    record_id = _saved_then_deleted(qtbot, window)
    window.actions_.save.trigger()
    assert not window.drafting.dirty and "back in your history" in _shown(window)
    assert not window.banner.isVisibleTo(window)  # not an error: it worked
    assert not HEX_ID.search(_shown(window))
    with History.open(data_dir) as history:
        assert [r.id for r in history.list()] == [record_id]  # the same record, not a copy
        assert "One more line." in history.get(record_id).body_text
        assert history.trash() == []


def test_after_the_trash_was_emptied_it_is_kept_as_new(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    record_id = _saved_then_deleted(qtbot, window)
    assert window.context.history is not None
    window.context.history.empty_trash()
    window.actions_.save.trigger()
    assert not window.drafting.dirty and "saved again as a new record" in _shown(window)
    assert window.session.record is not None and window.session.record.id != record_id
    with History.open(data_dir) as history:
        assert [r.company for r in history.list()] == ["Contoso"]


def test_a_save_over_another_windows_change_names_no_id(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    type_into(qtbot, window.form.company_edit, "Contoso")
    window.actions_.save.trigger()
    assert window.session.record is not None
    with History.open(data_dir) as other_window:
        changed = other_window.get(window.session.record.id)
        changed.notes = "Written in the other window."
        other_window.update(changed)
    qtbot.keyClicks(window.notes_edit, "Written here.")
    window.actions_.save.trigger()
    shown = window.banner.label.text()
    assert "changed elsewhere" in shown and "Contoso" in shown and "notes" in shown
    assert not HEX_ID.search(shown), shown


def test_storage_messages_lose_their_ids() -> None:
    record_id = "56cd0f8a1b2c4d5e6f708192a3b4c5d6"
    assert plain_words(f"No record with id {record_id!r} in the history to update.") == (
        "This withdrawal is no longer in your history (it was deleted)."
    )
    assert "trash" in plain_words(f"No record with id {record_id!r} in the trash.")
    kept = plain_words("The record 'a1b2c3d4e5f60718' in history.json is damaged (bad).")
    assert not HEX_ID.search(kept) and "damaged" in kept
    assert plain_words("Saved 2026-12-05 to Contoso.") == "Saved 2026-12-05 to Contoso."
