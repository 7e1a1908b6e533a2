"""After rescinding, in the window: three goodwill choices, shown where they apply."""

from __future__ import annotations

from gui_helpers import email_text, pick, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot
from test_small_screen import shown_at
from test_tab_order import walk

from bowout.core.goodwill import Goodwill
from bowout.gui.views.draft import PHONE_TAB
from bowout.gui.widgets.goodwill_panel import RED_FLAGS_HINT
from bowout.gui.window.shell import MainWindow


def rescinding(qtbot: QtBot, window: MainWindow, reason: str = "other-offer") -> None:
    pick(window.stage_combo, "accepted")
    pick(window.form.reason_combo, reason)
    type_into(qtbot, window.form.contact_edit, "Jordan Lee")


def test_the_group_shows_only_when_rescinding(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.form.goodwill_panel
    for stage in ("applied", "screening", "interviewing", "final", "offer"):
        pick(window.stage_combo, stage)
        assert not panel.isVisibleTo(window), stage
    rescinding(qtbot, window)
    assert panel.isVisibleTo(window) and panel.title() == "After rescinding"
    assert [box.accessibleName() for box in panel.checks.values()] == [
        "Offer a referral", "Offer a short handover call", "Offer to stay in touch",
    ]  # fmt: skip
    assert all(box.accessibleDescription() for box in panel.checks.values())
    pick(window.form.reason_combo, "compensation")
    window.form.negotiate_panel.negotiate_check.setChecked(True)  # a request to talk
    assert not panel.isVisibleTo(window)
    window.form.negotiate_panel.negotiate_check.setChecked(False)
    assert panel.isVisibleTo(window)


def test_each_tick_adds_its_sentence_and_dated_step(qtbot: QtBot, window: MainWindow) -> None:
    rescinding(qtbot, window)
    panel = window.form.goodwill_panel
    expected = {
        Goodwill.REFERRAL: ("put you in touch", "goodwill.referral"),
        Goodwill.HANDOVER: ("restart the search", "goodwill.handover"),
        Goodwill.STAY_IN_TOUCH: ("value staying in touch", "goodwill.stay-in-touch"),
    }
    for choice, (words, key) in expected.items():
        assert words not in email_text(window)
        qtbot.mouseClick(panel.checks[choice], Qt.MouseButton.LeftButton)
        assert words in email_text(window), choice
        assert words in window.phone_editor.message_text(), "the call script offers it too"
        row = window.checklist_view.key_rows()[key]
        assert " 20" in row.text(), "the step is dated"
        qtbot.mouseClick(panel.checks[choice], Qt.MouseButton.LeftButton)
        assert words not in email_text(window)
        assert key not in window.checklist_view.key_rows()
    assert window.tabs.isTabVisible(PHONE_TAB)


def test_red_flags_disable_the_choices_and_keep_the_ticks(qtbot: QtBot, window: MainWindow) -> None:
    rescinding(qtbot, window)
    panel = window.form.goodwill_panel
    panel.checks[Goodwill.REFERRAL].setChecked(True)
    assert "put you in touch" in email_text(window)
    pick(window.form.reason_combo, "red-flags")
    assert panel.isVisibleTo(window)
    assert not any(box.isEnabled() for box in panel.checks.values())
    assert panel.hint.isVisibleTo(window) and panel.hint.text() == RED_FLAGS_HINT
    assert "put you in touch" not in email_text(window)
    assert "goodwill.referral" not in window.checklist_view.key_rows()
    pick(window.form.reason_combo, "personal")  # nothing the user ticked was lost
    assert (
        panel.checks[Goodwill.REFERRAL].isChecked() and panel.checks[Goodwill.REFERRAL].isEnabled()
    )
    assert not panel.hint.isVisibleTo(window)
    assert "put you in touch" in email_text(window)


def test_choices_are_saved_and_reopened(qtbot: QtBot, window: MainWindow) -> None:
    rescinding(qtbot, window)
    panel = window.form.goodwill_panel
    panel.checks[Goodwill.HANDOVER].setChecked(True)
    panel.checks[Goodwill.STAY_IN_TOUCH].setChecked(True)
    window.actions_.save.trigger()
    assert window.session.record is not None and window.session.record.goodwill == [
        "handover",
        "stay-in-touch",
    ]
    saved = window.session.record
    window.actions_.new.trigger()
    assert window.form.situation().goodwill == ()
    assert not any(box.isChecked() for box in panel.checks.values())
    window.session.open_record(saved)
    assert window.form.situation().goodwill == (Goodwill.HANDOVER, Goodwill.STAY_IN_TOUCH)
    assert "restart the search" in email_text(window)


def test_the_keyboard_reaches_and_ticks_each_choice(qtbot: QtBot, window: MainWindow) -> None:
    pick(window.stage_combo, "accepted")  # reason none: nothing to negotiate
    names = walk(qtbot, window, 7)
    assert names[3:8] == [
        "language_combo",  # the message's language, after the channel (issue 26)
        "referral_check",
        "handover_check",
        "stay_in_touch_check",
        "rapport_check",
    ]
    box = window.form.goodwill_panel.checks[Goodwill.HANDOVER]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and "restart the search" in email_text(window)


def test_the_group_fits_at_800x600(qtbot: QtBot, window: MainWindow) -> None:
    rescinding(qtbot, window)
    shown_at(qtbot, window, 800, 600)
    scroll = window.findChild(QScrollArea, "scenario_scroll")
    assert scroll is not None and not scroll.horizontalScrollBar().isVisible()
    for box in window.form.goodwill_panel.checks.values():
        assert box.width() >= box.sizeHint().width(), box.text()  # no text cut off
    pick(window.form.reason_combo, "red-flags")
    hint = window.form.goodwill_panel.hint
    qtbot.waitUntil(hint.isVisible)
    assert hint.width() <= window.form.goodwill_panel.width()
