"""The shell for every eye and keyboard (issue 13): contrast on grabbed pixels, visible
focus, names, and every action reachable without a mouse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot
from test_contrast import AA_TEXT, contrast

from bowout.gui import build_window
from bowout.gui.theme import apply_theme
from bowout.gui.window.shell import MainWindow
from bowout.storage import History, Record
from conftest import close_quietly


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, "system")


def background(image: QImage) -> QColor:
    """The most common colour of the image: what the text sits on."""
    counts: dict[int, int] = {}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            rgb = image.pixelColor(x, y).rgb()
            counts[rgb] = counts.get(rgb, 0) + 1
    return QColor.fromRgb(max(counts, key=counts.__getitem__))


def text_contrast(widget: QWidget, rect: QRect | None = None) -> float:
    """The best contrast of any pixel against the background: the core of the text strokes
    (anti-aliased edges are lighter; the core carries the text colour)."""
    image = widget.grab(rect or widget.rect()).toImage()
    ground = background(image)
    return max(
        contrast(image.pixelColor(x, y), ground)
        for y in range(image.height())
        for x in range(image.width())
    )


@pytest.fixture
def shell(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    with History.open(data_dir) as history:
        history.add(Record(company="Contoso", role="Analyst"))
        history.add(Record(company="Fabrikam", role="Lead"))
    win = build_window(data_dir)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.show_history()
    yield win
    close_quietly(win)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_in_the_new_parts_reaches_aa_contrast(
    qtbot: QtBot, shell: MainWindow, themed: QApplication, theme: str
) -> None:
    apply_theme(themed, theme)
    shell.apply_icons()
    qtbot.wait(50)
    view = shell.history_view
    parts = {
        "navigation": shell.nav,
        "toolbar": shell.main_toolbar,
        "details": view.details,
        "count": view.count_label,
        "search": view.search_edit,
    }
    weak = {name: round(text_contrast(w), 2) for name, w in parts.items()}
    table = view.view
    for row in range(table.model().rowCount()):  # the selected row and the others
        rect = table.visualRect(table.model().index(row, 0))
        weak[f"history row {row}"] = round(text_contrast(table.viewport(), rect), 2)
    assert {name: c for name, c in weak.items() if c < AA_TEXT} == {}


def test_focus_is_visible_on_the_navigation_and_the_list(qtbot: QtBot, shell: MainWindow) -> None:
    for widget in (shell.nav, shell.history_view.view):
        shell.editor.setFocus()
        qtbot.waitUntil(lambda w=widget: not w.hasFocus())  # type: ignore[misc]
        before = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        assert widget.grab().toImage() != before, widget.objectName()


def test_every_focusable_control_has_a_name(shell: MainWindow) -> None:
    unnamed = [
        w.objectName() or type(w).__name__
        for w in shell.findChildren(QWidget)
        if w.window() is shell
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and type(w.parent()).__name__ not in {"QComboBox", "QDateEdit", "QLineEdit"}
        and w.objectName() not in {"qt_tabwidget_tabbar"}
    ]
    assert unnamed == []


def test_every_command_has_a_shortcut_or_a_menu_mnemonic(shell: MainWindow) -> None:
    # Each command is reached by its shortcut, or by Alt+menu letter, then its letter.
    for action in shell.command_list():
        assert not action.shortcut().isEmpty() or "&" in action.text(), action.objectName()
    keys = [a.shortcut().toString() for a in shell.command_list() if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), "a shortcut is used twice"


def test_views_switch_from_the_keyboard(qtbot: QtBot, shell: MainWindow) -> None:
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow)
    shell.editor.setFocus()
    qtbot.keyClick(shell.editor, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not shell.side_stack.isVisible()
    qtbot.keyClick(shell.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert shell.history_view.isVisible()
    shell.nav.setFocus()
    qtbot.keyClick(shell.nav, Qt.Key.Key_Up)
    assert shell.nav.current_key() == "draft"
    assert not shell.side_stack.isVisible()
