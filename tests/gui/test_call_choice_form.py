"""In the window: "I'll also call the hiring manager myself", shown where it changes the
draft (rescinding through a recruiter), and the tone coach's advice until it is ticked
(issue 21)."""

from __future__ import annotations

from gui_helpers import email_text, pick, type_into
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bowout.gui.window.shell import MainWindow

CALL_LINE = "help me arrange a short call"


def remark_codes(window: MainWindow) -> set[str]:
    return {finding.code for finding in window.tone_list.findings()}


def test_the_choice_shows_only_when_rescinding_through_a_recruiter(
    qtbot: QtBot, window: MainWindow
) -> None:
    box = window.form.fact_checks["will_call"]
    assert box.accessibleName() == "I will also call the hiring manager myself"
    for stage in ("applied", "screening", "interviewing", "final", "offer", "accepted"):
        pick(window.stage_combo, stage)
        for channel in ("email", "phone", "linkedin", "recruiter"):
            pick(window.form.channel_combo, channel)
            shown = stage == "accepted" and channel == "recruiter"
            assert box.isVisibleTo(window) is shown, (stage, channel)
    # Following the advice: through a recruiter the recruiter is recommended, at any stage.
    pick(window.form.channel_combo, "")
    assert not box.isVisibleTo(window)  # rescinding: a call is recommended
    qtbot.mouseClick(window.form.fact_checks["via_recruiter"], Qt.MouseButton.LeftButton)
    assert box.isVisibleTo(window)


def test_ticking_it_adds_the_call_and_settles_the_advice(qtbot: QtBot, window: MainWindow) -> None:
    pick(window.stage_combo, "accepted")
    pick(window.form.channel_combo, "recruiter")
    type_into(qtbot, window.form.contact_edit, "Priya Nair")
    type_into(qtbot, window.form.recruiter_edit, "Tom Baker")
    relay = "Could you please let Priya Nair know, with my apologies to you both?"
    assert relay in email_text(window)
    assert "call" not in email_text(window)
    qtbot.waitUntil(lambda: "recruiter-rescind" in remark_codes(window))
    remark = next(f for f in window.tone_list.findings() if f.code == "recruiter-rescind")
    box = window.form.fact_checks["will_call"]
    assert f"tick “{box.text().replace('&', '')}”" in remark.message  # the box's own words
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and window.form.situation().will_call
    assert CALL_LINE in email_text(window)
    qtbot.waitUntil(lambda: "recruiter-rescind" not in remark_codes(window))
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert CALL_LINE not in email_text(window)
    qtbot.waitUntil(lambda: "recruiter-rescind" in remark_codes(window))
