"""Tab follows the visual order everywhere (issue 11, case 9): walk the chain with the key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from bowout.gui.window.shell import MainWindow

FORM = [
    "stage_combo",
    "reason_combo",
    "channel_combo",
    "language_combo",  # the form of address after it is shown only for a language with two
    "rapport_check",
    "via_recruiter_check",
    "linkedin_main_check",
    "keep_door_open_check",
    "contact_edit",
    "contact_email_edit",
    "role_edit",
    "company_edit",
    "recruiter_edit",
    "greeting_edit",
    "visa_toggle",
]
VISA = [
    "visa_petition_started_check",
    "sponsorship_required_check",
    "relocation_timeline_changed_check",
    "signing_bonus_combo",
    "relocation_assistance_combo",
    "country_combo",
    "start_date_check",
    "start_date_edit",
]
#: The facts a stage can have are walked; the others are disabled and skipped (issue 21:
#: before an offer nothing is promised, and a petition needs an accepted offer).
VISA_AT = {
    "applied": [n for n in VISA if n.startswith(("sponsorship", "relocation_timeline", "country"))],
    "offer": [n for n in VISA if n != "visa_petition_started_check"],
}

#: Beside the message: how it sounds, and another phrasing.
WORDING = ["voice_combo", "another_wording_button"]


def _name(widget: QWidget | None) -> str:
    """The named control that has focus (a date edit's inner line edit counts as the edit)."""
    while widget is not None and not widget.objectName():
        widget = widget.parentWidget()
    if widget is not None and widget.objectName() == "qt_tabwidget_tabbar":
        return "message_tabs"
    return widget.objectName() if widget is not None else ""


def walk(qtbot: QtBot, window: MainWindow, steps: int) -> list[str]:
    """Tab from the stage picker until focus has moved ``steps`` times; the names it visits."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.stage_combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.stage_combo)
    seen = [_name(QApplication.focusWidget())]
    for _ in range(steps + 4):  # a date edit takes a Tab per section (year, month, day)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        name = _name(QApplication.focusWidget())
        if name != seen[-1]:
            seen.append(name)
        if len(seen) > steps:
            break
    return seen


@pytest.mark.parametrize("stage", list(VISA_AT))
def test_open_visa_panel_is_walked_before_the_subject(
    qtbot: QtBot, window: MainWindow, stage: str
) -> None:
    window.form.stage_combo.setCurrentIndex(window.form.stage_combo.findData(stage))
    window.form.visa_panel.start_check.setChecked(True)  # the date edit takes focus
    window.form.visa_panel.set_expanded(True)
    expected = [*FORM, *VISA_AT[stage], "subject_edit", *WORDING, "message_tabs", "editor",
                "tone_list"]  # fmt: skip
    assert walk(qtbot, window, len(expected) - 1) == expected


def test_folded_visa_panel_is_skipped(qtbot: QtBot, window: MainWindow) -> None:
    expected = [*FORM, "subject_edit", *WORDING, "message_tabs", "editor", "tone_list"]
    assert walk(qtbot, window, len(expected) - 1) == expected


def test_checklist_and_notes_sit_between_the_tabs_and_the_tone_coach(
    qtbot: QtBot, window: MainWindow
) -> None:
    for page in (window.checklist_view, window.notes_edit):
        window.tabs.setCurrentWidget(page)
        expected = [*FORM, "subject_edit", *WORDING, "message_tabs", page.objectName(), "tone_list"]
        assert walk(qtbot, window, len(expected) - 1) == expected


def test_start_date_check_box_reads_as_a_sentence(window: MainWindow) -> None:
    text = window.form.visa_panel.start_check.text().replace("&", "")
    assert text == "A start date was agreed:"


def test_negotiation_panel_built_later_is_walked_after_the_pickers(
    qtbot: QtBot, window: MainWindow
) -> None:
    """ "Before you withdraw" is built when a conversation first fits (issue 25): Tab reaches
    it between the language and the relationship facts, not after the whole window."""
    from gui_helpers import pick

    pick(window.stage_combo, "offer")
    pick(window.form.reason_combo, "compensation")  # the panel is built now
    seen = walk(qtbot, window, 12)
    at = seen.index("negotiate_check")
    assert seen[at - 1] == "language_combo" and seen[at + 1] == "deal_breaker_combo"
    assert seen.index("rapport_check") > at
