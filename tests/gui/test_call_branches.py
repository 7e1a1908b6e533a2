"""The phone tab's branches: what to say when the call turns, folded until asked for."""

from __future__ import annotations

from gui_helpers import pick
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bowout.gui.views.draft import PHONE_TAB
from bowout.gui.window.shell import MainWindow


def test_branches_show_with_the_phone_script_folded_and_open_on_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    branches = window.draft_view.call_branches
    assert not branches.isVisible()  # an email draft has no call
    pick(window.stage_combo, "accepted")  # rescinding: a call first
    pick(window.form.reason_combo, "compensation")
    window.tabs.setCurrentIndex(PHONE_TAB)
    assert branches.isVisible()
    titles = [t.text() for t in branches.toggles]
    assert titles[0].startswith("If they make a counter-offer")
    assert "If they are upset" in titles
    assert all(not a.isVisible() for a in branches.answers), "folded: no wall of text"
    upset = titles.index("If they are upset")
    qtbot.mouseClick(branches.toggles[upset], Qt.MouseButton.LeftButton)
    assert branches.answers[upset].isVisible()
    assert "My decision stands" in branches.answers[upset].text()
    assert "My decision stands" not in window.phone_editor.message_text(), "kept apart"
    window.tabs.setCurrentIndex(0)
    assert not branches.isVisible()  # only beside the phone script
    pick(window.channel_combo, "email")
    window.tabs.setCurrentIndex(0)
    assert not branches.isVisible() and branches.toggles == []
