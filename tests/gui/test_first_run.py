"""The first run (issue 13): a welcome once, the profile kept, a draft for what happened."""

from __future__ import annotations

import json
from pathlib import Path

from gui_helpers import email_text, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from bowout.core.situation import Channel, Profile, Reason, Stage
from bowout.gui.context import AppContext
from bowout.gui.dialogs.welcome import CHOICES, INTRO, WelcomeAnswer, WelcomeDialog
from bowout.gui.widgets.tone_panel import is_fill_in
from bowout.gui.window.shell import MainWindow
from bowout.settings import Settings, load_settings
from conftest import close_quietly


def drive(qtbot: QtBot, profile: Profile, choice: str | None) -> WelcomeAnswer:
    """Fill the real welcome dialog as a person would; ``choice`` None presses Skip."""
    dialog = WelcomeDialog(profile)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name_edit, "Sam Rivera")
    qtbot.keyClicks(dialog.email_edit, "sam@example.org")
    qtbot.keyClicks(dialog.phone_edit, "+1 555 0100")
    if choice is None:
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
        return WelcomeAnswer(dialog.profile(profile), None)
    qtbot.mouseClick(dialog.findChild(QPushButton, "next_button"), Qt.MouseButton.LeftButton)
    choices = dialog.findChild(QListWidget, "welcome_choices")
    row = [choices.item(r).text() for r in range(choices.count())].index(choice)
    rect = choices.visualItemRect(choices.item(row))
    qtbot.mouseClick(choices.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted
    return WelcomeAnswer(dialog.profile(profile), dialog.situation())


def started(qtbot: QtBot, data_dir: Path, choice: str | None, asked: list[str]) -> MainWindow:
    win = MainWindow(AppContext.load(data_dir), defer_start=True, welcome=True)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)

    def ask(profile: Profile) -> WelcomeAnswer:
        asked.append(profile.name)
        return drive(qtbot, profile, choice)

    win.ask.ask_welcome = ask  # type: ignore[method-assign]
    win.show()
    with qtbot.waitSignal(win.ready, timeout=20000):  # the history opens in the background
        win.finish_start()
    return win


def test_welcome_is_shown_once_and_the_profile_saved(qtbot: QtBot, data_dir: Path) -> None:
    asked: list[str] = []
    win = started(qtbot, data_dir, "It's not the right fit", asked)
    assert asked == [""]
    saved = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["welcomed"] is True
    assert saved["profile"]["name"] == "Sam Rivera"
    assert saved["profile"]["email"] == "sam@example.org"
    assert "Sam Rivera" in win.editor.toPlainText()  # the signature follows at once
    close_quietly(win)
    again = started(qtbot, data_dir, "It's not the right fit", asked)
    assert asked == [""]  # never again
    close_quietly(again)


def test_rescinding_lands_in_the_accepted_stage_with_phone_recommended(
    qtbot: QtBot, data_dir: Path
) -> None:
    win = started(qtbot, data_dir, "I'm rescinding an offer I accepted", [])
    assert win.stage_combo.currentData() == Stage.ACCEPTED.value
    assert win.drafting.draft is not None
    assert win.drafting.draft.situation.stage is Stage.ACCEPTED
    assert win.drafting.draft.advice.channel is Channel.PHONE
    assert win.channel_combo.currentIndex() == 0  # following the recommendation
    assert win.channel_combo.itemText(0) == f"Recommended: {Channel.PHONE.label}"
    assert win.tabs.isTabVisible(1)  # the phone script is there
    assert not win.drafting.dirty  # a fresh start, nothing to save yet
    close_quietly(win)


def test_skipping_keeps_what_was_typed_and_never_asks_again(qtbot: QtBot, data_dir: Path) -> None:
    asked: list[str] = []
    win = started(qtbot, data_dir, None, asked)
    assert load_settings(data_dir).welcomed
    assert load_settings(data_dir).profile.name == "Sam Rivera"
    assert win.stage_combo.currentData() == Stage.APPLIED.value  # the draft as it was
    close_quietly(win)
    close_quietly(started(qtbot, data_dir, None, asked))
    assert len(asked) == 1


def test_welcome_explains_itself_and_offers_the_common_cases(qtbot: QtBot) -> None:
    dialog = WelcomeDialog(Profile())
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.name_edit), "welcome_name_edit") is dialog.name_edit
    assert INTRO.count(". ") + 1 == 2  # two sentences
    assert "nothing you write leaves it" in INTRO
    labels = [text for text, _stage, _reason in CHOICES]
    assert labels[:3] == [
        "I accepted another offer",
        "It's not the right fit",
        "I'm rescinding an offer I accepted",
    ]
    for widget in (dialog.name_edit, dialog.email_edit, dialog.phone_edit, dialog.choice_list):
        assert widget.accessibleName()


def test_settings_from_before_the_welcome() -> None:
    assert Settings.from_dict({"profile": {"name": "Ana"}}).welcomed
    assert not Settings.from_dict({"profile": {}}).welcomed
    assert Settings.from_dict(Settings(welcomed=True).to_dict()).welcomed


def test_tone_coach_groups_fill_ins_until_the_user_starts_filling(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.new_draft()
    window.drafting.recheck_tone()
    fill_ins = [f for f in window.tone_list.findings() if is_fill_in(f)]
    assert len(fill_ins) >= 2  # a fresh draft has several [brackets]
    rows = window.tone_list.rows()
    assert sum("fill in" in row.lower() for row in rows) == 1
    assert rows[0].startswith(f"{len(fill_ins)} details to fill in")
    type_into(qtbot, window.form.company_edit, "Contoso")
    type_into(qtbot, window.form.role_edit, "Analyst")
    remaining = [f for f in window.tone_list.findings() if is_fill_in(f)]
    shown = [row for row in window.tone_list.rows() if row.startswith("Fill in")]
    assert len(shown) == len(remaining)  # one by one once the user started


def test_rescinding_claims_no_other_offer(qtbot: QtBot, data_dir: Path) -> None:
    win = started(qtbot, data_dir, "I'm rescinding an offer I accepted", [])
    assert win.drafting.draft is not None and win.drafting.draft.situation.reason is Reason.NONE
    text = email_text(win).lower()
    assert "offer" in text  # it rescinds the accepted offer ...
    assert "another" not in text and "other offer" not in text  # ... and invents no second one
    close_quietly(win)


def test_a_choice_that_names_no_stage_claims_no_interview(qtbot: QtBot, data_dir: Path) -> None:
    win = started(qtbot, data_dir, "I accepted another offer", [])
    assert win.drafting.draft is not None and win.drafting.draft.situation.stage is Stage.APPLIED
    assert "interview" not in email_text(win).lower()
    close_quietly(win)


def test_the_stage_picked_in_the_welcome_is_the_drafts(qtbot: QtBot) -> None:
    dialog = WelcomeDialog(Profile())
    qtbot.addWidget(dialog)
    dialog.show_page(1)
    dialog.choice_list.setCurrentRow(2)  # rescinding: the words say the stage
    assert dialog.stage_combo.currentData() == Stage.ACCEPTED.value
    dialog.choice_list.setCurrentRow(0)  # "I accepted another offer": no stage in the words
    assert dialog.stage_combo.currentData() == Stage.APPLIED.value
    index = dialog.stage_combo.findData(Stage.FINAL.value)
    dialog.stage_combo.setCurrentIndex(index)
    dialog.stage_combo.activated.emit(index)  # as a pick in the list does
    dialog.choice_list.setCurrentRow(1)
    situation = dialog.situation()
    assert situation is not None
    assert (situation.stage, situation.reason) == (Stage.FINAL, Reason.NOT_A_FIT)
