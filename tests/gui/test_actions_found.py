"""Actions people can find (issue 13): primary toolbar with icons, menus, the command list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from bowout.gui.dialogs.command_palette import CommandPalette
from bowout.gui.theme import apply_theme
from bowout.gui.window import actions as actions_module
from bowout.gui.window.shell import MainWindow


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, "system")


def menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(menu_actions(action.menu()))  # type: ignore[arg-type]
        elif not action.isSeparator():
            found.append(action)
    return found


def test_toolbar_holds_the_primary_actions_with_icons_and_short_labels(window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "main_toolbar")
    shown = [a for a in bar.actions() if not a.isSeparator()]
    assert [a.iconText() for a in shown] == [
        "New",
        "Save",
        "Mark as sent",
        "Copy",
        "Send by mail",
        "Export",
    ]
    assert all(not a.icon().isNull() for a in shown)
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert window.format_bar.parentWidget() is not window  # attached to the editor


def test_every_action_is_in_a_menu_with_a_mnemonic(window: MainWindow) -> None:
    bar = window.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert titles == ["&File", "&Record", "&Edit", "&View", "&Help"]
    in_menus = {a for top in bar.actions() for a in menu_actions(top.menu())}
    missing = [a.objectName() for a in window.command_list() if a not in in_menus]
    assert missing == []
    no_mnemonic = [a.objectName() for a in in_menus if "&" not in a.text()]
    assert no_mnemonic == []


def test_the_record_menu_has_what_follows_the_message(window: MainWindow) -> None:
    record_menu = window.menuBar().actions()[1].menu()
    a = window.actions_
    assert [x for x in record_menu.actions() if not x.isSeparator()] == [
        a.mark_sent, a.they_replied, a.call_note, a.new_version, a.resolved,
        a.delete_record]  # fmt: skip
    assert a.they_replied.shortcut().toString() == "Ctrl+R"
    assert a.call_note.shortcut().toString() == "Ctrl+Shift+N"
    assert {a.they_replied, a.call_note, a.resolved} <= set(window.command_list())


def test_f1_lists_every_command_and_runs_the_chosen_one(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[QAction]] = []

    def ask(parent: object, commands: list[QAction]) -> QAction | None:
        offered.append(commands)
        return window.actions_.view_history

    monkeypatch.setattr(CommandPalette, "ask", classmethod(lambda cls, p, c: ask(p, c)))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.editor, Qt.Key.Key_F1)
    assert offered and window.actions_.save in offered[0]
    assert window.format_bar.bold in offered[0]
    assert window.history_view.isVisible()  # the chosen command ran


def test_command_list_narrows_as_you_type_and_shows_shortcuts(
    qtbot: QtBot, window: MainWindow
) -> None:
    palette = CommandPalette(window.command_list(), window)
    qtbot.addWidget(palette)
    texts = [palette.list.item(r).text() for r in range(palette.list.count())]
    assert "Save to history    Ctrl+S" in texts
    qtbot.keyClicks(palette.filter_edit, "mark sent")
    assert palette.chosen() is window.actions_.mark_sent
    palette.filter_edit.clear()
    qtbot.keyClicks(palette.filter_edit, "ctrl+shift+m")
    assert palette.chosen() is window.actions_.mail
    qtbot.keyClicks(palette.filter_edit, "zzz")
    assert palette.chosen() is None


def test_actions_take_a_protocol_not_the_window() -> None:
    source = actions_module.__file__
    with open(source, encoding="utf-8") as handle:
        text = handle.read()
    assert "bowout.gui.window.shell" not in text and "MainWindow" not in text


def icon_colour(action: QAction) -> QColor:
    image = action.icon().pixmap(32, 32).toImage()
    counts: dict[int, int] = {}
    for x in range(32):
        for y in range(32):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                counts[pixel.rgb()] = counts.get(pixel.rgb(), 0) + 1
    return QColor.fromRgb(max(counts, key=counts.__getitem__))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_icons_follow_the_theme(window: MainWindow, themed: QApplication, theme: str) -> None:
    apply_theme(themed, theme)
    window.apply_icons()
    text = themed.palette().color(QPalette.ColorRole.WindowText)
    assert icon_colour(window.actions_.save).rgb() == text.rgb()
