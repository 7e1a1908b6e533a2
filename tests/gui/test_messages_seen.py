"""Messages where they are seen (issue 25): decisions and failures in the window's message
bar, not only the status bar; stale messages cleared once what they speak of changes."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import type_into
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox
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


def test_an_import_note_goes_once_the_list_changes(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """ "Imported 4 applications…" stayed above the list after later edits (issue 25)."""
    from test_applications_view import CSV, import_file, rows

    from bowout.core.applications import Application
    from bowout.core.tabular import Table
    from bowout.gui.dialogs.import_dialog import ImportChoice, ImportDialog
    from bowout.gui.views.applications import ApplicationsView
    from bowout.storage import History, ImportMapping

    csv = tmp_path / "jobs.csv"
    csv.write_bytes(CSV)
    with History.open(data_dir) as store:
        view = ApplicationsView(store)
        qtbot.addWidget(view)
        view.resize(520, 640)
        view.show()
        view.view_shown()

        def ask_import(
            table: Table, name: str, remembered: ImportMapping | None, existing: list[Application]
        ) -> ImportChoice | None:
            dialog = ImportDialog(table, name, remembered, existing)
            qtbot.addWidget(dialog)
            qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)
            status = dialog.findChild(QComboBox, "status_combo_0")
            if status is not None and not status.currentData():
                status.setCurrentIndex(status.findData("final"))
            qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
            return dialog.choice() if dialog.result() else None

        view.choose_csv = lambda: csv  # type: ignore[method-assign]
        view.ask_import = ask_import  # type: ignore[method-assign]
        import_file(qtbot, view)
        line = view.message_label
        assert line.isVisible() and line.text().startswith("Imported 4 applications")
        qtbot.wait(10)  # a later turn: a withdrawal sent from the draft withdraws one
        northwind = next(
            s for s in store.applications.list() if s.application.company == "Northwind"
        )
        store.applications.set_state(northwind.id, "withdrawn")
        view.history_changed("")  # as the window's events say it
        assert "Northwind" not in rows(view)  # listed again: no longer open
        assert not line.isVisible() and "Imported" not in line.text()
