"""The window at 800×600 and 640×480 (issue 11, case 13): nothing needed often is hidden."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from bowout.gui.window.shell import MainWindow


def shown_at(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    """Show at ``width`` (or at the window's minimum width, if that is wider: 640 is below
    what the form and a readable message need side by side, and Qt enforces it)."""
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.width() == max(width, window.minimumSizeHint().width()))
    assert window.width() <= max(width, 760)


@pytest.mark.parametrize("name", ["main_toolbar", "format_toolbar"])
def test_every_toolbar_button_shows_at_800x600(qtbot: QtBot, window: MainWindow, name: str) -> None:
    shown_at(qtbot, window, 800, 600)
    bar = window.findChild(QToolBar, name)
    assert bar is not None
    hidden = [
        action.text()
        for action in bar.actions()
        if not action.isSeparator() and not bar.widgetForAction(action).isVisible()
    ]
    assert hidden == []
    overflow = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is None or not overflow.isVisible()
    assert window.editor.height() >= 300


def test_export_button_offers_every_format(qtbot: QtBot, window: MainWindow) -> None:
    shown_at(qtbot, window, 800, 600)
    button = window.findChild(QToolButton, "export_button")
    assert button is not None and button.isVisible()
    menu = button.defaultAction().menu()
    assert menu is not None
    names = [a.objectName() for a in menu.actions()]
    assert names == [
        "export_eml_action",
        "export_pdf_action",
        "export_txt_action",
        "export_html_action",
    ]


@pytest.mark.parametrize("size", [(800, 600), (640, 480)])
def test_left_panel_never_scrolls_sideways(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    window.form.visa_panel.set_expanded(True)
    shown_at(qtbot, window, *size)
    scroll = window.findChild(QScrollArea, "scenario_scroll")
    assert scroll is not None
    assert not scroll.horizontalScrollBar().isVisible()
    assert window.form.width() >= window.form.minimumSizeHint().width()  # nothing cut off
    assert window.editor.width() >= 200
    assert window.editor.height() >= 250  # was about 170 pixels at 640×480
    assert not window.tone_list.horizontalScrollBar().isVisible()


def test_opening_the_visa_panel_on_a_small_screen_widens_the_panel(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown_at(qtbot, window, 640, 480)
    window.form.visa_panel.set_expanded(True)
    qtbot.waitUntil(lambda: window.form.width() >= window.form.minimumSizeHint().width())
    scroll = window.findChild(QScrollArea, "scenario_scroll")
    assert scroll is not None and not scroll.horizontalScrollBar().isVisible()
