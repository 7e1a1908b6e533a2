"""One action table (issue 25): menus, toolbar and F1 are made from it, so F1 lists everything."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from bowout.gui.dialogs.command_palette import CommandPalette, command_label
from bowout.gui.window.action_table import BY_NAME, COMMANDS, VIEWS
from bowout.gui.window.shell import MainWindow
from bowout.storage import History, Record


def in_menus(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.extend(in_menus(sub))
        elif not action.isSeparator():
            found.append(action)
    return found


def window_actions(window: MainWindow) -> set[QAction]:
    """Every command a person can reach in the window: the menus, the toolbars, and every
    action with a shortcut that works window-wide (a list's own Delete and Undo, scoped to
    the list with the focus, are the list's keys, not the window's commands)."""
    found = {a for top in window.menuBar().actions() for a in in_menus(top.menu())}
    for bar in window.findChildren(QToolBar):
        found |= {a for a in bar.actions() if not a.isSeparator() and a.menu() is None}
    for action in window.findChildren(QAction):
        window_wide = action.shortcutContext() in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        )
        if not action.shortcut().isEmpty() and window_wide:
            found.add(action)
    return found


def test_every_action_of_the_window_is_in_the_table_and_in_f1(
    qtbot: QtBot, window: MainWindow
) -> None:
    named = {command.object_name for command in COMMANDS}
    actions = window_actions(window)
    assert sorted(a.objectName() for a in actions if a.objectName() not in named) == []
    listed = window.command_list()
    assert [a for a in actions if a not in listed] == []
    assert sorted(a.objectName() for a in listed) == sorted(named)  # nothing twice
    palette = CommandPalette(listed, window)
    qtbot.addWidget(palette)
    texts = {command_label(a) for a in listed}
    assert palette.list.count() == len(listed)
    for wanted in ("Import applications from CSV", "Export follow-ups to calendar",
                   "Dark theme", "Delete from history", "Cut", "Select all"):  # fmt: skip
        assert wanted in texts


@pytest.mark.parametrize("words", ["spreadsheet", "ics", "trash", "dark"])
def test_f1_finds_a_command_by_its_help_words(qtbot: QtBot, window: MainWindow, words: str) -> None:
    palette = CommandPalette(window.command_list(), window)
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.filter_edit, words)
    chosen = palette.chosen()
    assert chosen is not None
    assert words in (chosen.text() + chosen.statusTip()).casefold()


def test_view_menu_follows_the_navigation_and_ctrl_numbers_count_down_it(
    window: MainWindow,
) -> None:
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    names = [a.objectName() for a in in_menus(view_menu)]
    views = [f"view_{spec.key}_action" for spec in VIEWS]
    assert names[: len(views)] == views
    assert window.nav.keys == [spec.key for spec in VIEWS]
    for number, spec in enumerate(VIEWS, start=1):
        action = window.actions_.get(f"view_{spec.key}")
        assert action.shortcut().toString() == f"Ctrl+{number}"


def test_each_view_shortcut_shows_its_view(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, spec in enumerate(VIEWS, start=1):
        qtbot.keyClick(
            window.editor, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier
        )
        assert window.nav.current_key() == spec.key


def test_edit_menu_has_the_standard_clipboard_commands(window: MainWindow) -> None:
    a = window.actions_
    std = QKeySequence.StandardKey
    for action, key in ((a.cut, std.Cut), (a.copy_text, std.Copy), (a.paste, std.Paste),
                        (a.select_all, std.SelectAll)):  # fmt: skip
        assert action.shortcut() == QKeySequence(key)
        assert action.isEnabled()
    edit_menu = next(x.menu() for x in window.menuBar().actions() if x.text() == "&Edit")
    assert {a.cut, a.copy_text, a.paste, a.select_all} <= set(in_menus(edit_menu))


def test_cut_copy_paste_and_select_all_act_on_the_focused_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    company = window.form.company_edit
    company.setFocus()
    qtbot.waitUntil(company.hasFocus)
    qtbot.keyClicks(company, "Northwind")
    a = window.actions_
    a.select_all.trigger()
    assert company.selectedText() == "Northwind"
    a.cut.trigger()
    assert company.text() == ""
    assert QApplication.clipboard().text() == "Northwind"
    a.paste.trigger()
    a.paste.trigger()
    assert company.text() == "NorthwindNorthwind"
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    a.select_all.trigger()
    a.copy_text.trigger()
    first_line = window.editor.toPlainText().splitlines()[0]
    assert first_line and first_line in QApplication.clipboard().text()


def test_theme_commands_switch_and_keep_the_theme(window: MainWindow) -> None:
    a = window.actions_
    assert a.theme_system.isChecked()
    a.theme_dark.trigger()
    assert window.context.settings.theme == "dark"
    assert a.theme_dark.isChecked() and not a.theme_system.isChecked()
    a.theme_light.trigger()
    assert window.context.settings.theme == "light"
    a.theme_system.trigger()
    assert window.context.settings.theme == "system"


def test_delete_from_history_deletes_the_selected_withdrawal(qtbot: QtBot, data_dir: Path) -> None:
    from bowout.gui import build_window

    history = History.open(data_dir)
    history.add(Record(company="Acme", role="Analyst", stage="applied", channel="email"))
    history.close()
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.actions_.delete_record.trigger()  # the history shows, its first row selected
    view = win.views["history"]
    assert win.nav.current_key() == "history"
    assert win.context.history is not None and win.context.history.list() == []
    assert [r.company for r in win.context.history.trash()] == ["Acme"]
    win.actions_.delete_record.trigger()  # nothing left to select: says so
    assert "Select a withdrawal" in view.message_label.text()
    win.close()


def test_import_csv_and_export_to_calendar_run_from_the_menu(
    window: MainWindow, tmp_path: Path
) -> None:
    asked: list[str] = []
    applications, coming_up = window.views["applications"], window.views["coming_up"]
    applications.choose_csv = lambda: asked.append("csv")  # type: ignore[method-assign]
    coming_up.choose_export_path = asked.append  # type: ignore[method-assign]
    window.actions_.import_csv.trigger()
    assert window.nav.current_key() == "applications"
    window.actions_.export_calendar.trigger()
    assert window.nav.current_key() == "coming_up"
    assert asked[0] == "csv" and asked[1].endswith(".ics")


def test_the_table_names_each_command_once() -> None:
    names = [command.name for command in COMMANDS]
    assert len(names) == len(set(names))
    assert set(BY_NAME) == set(names)
    keys = [QKeySequence(c.keys).toString() for c in COMMANDS if c.keys is not None]
    keys = [k for k in keys if k]
    assert len(keys) == len(set(keys)), "two commands share a shortcut"
