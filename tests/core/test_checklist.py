"""The checklist: roadmap, visa and relocation logistics, re-entry; ticks that survive."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from bowout.core.checklist import apply_state, build_checklist, format_date
from bowout.core.draft import ChecklistItem
from bowout.core.situation import Channel, Reason, Situation, Stage

STAGE_CHANNEL = list(itertools.product(list(Stage), list(Channel)))
VISA_FACTS = {
    "visa_petition_started": "logistics.petition",
    "sponsorship_required": "logistics.sponsorship",
    "relocation_assistance": "logistics.relocation",
    "signing_bonus": "logistics.bonus",
    "relocation_timeline_changed": "logistics.timeline",
}


def keys(items: tuple[ChecklistItem, ...]) -> list[str]:
    return [item.key for item in items]


def by_key(items: tuple[ChecklistItem, ...]) -> dict[str, ChecklistItem]:
    return {item.key: item for item in items}


@pytest.mark.parametrize(("stage", "channel"), STAGE_CHANNEL)
def test_every_scenario_has_the_roadmap_and_reentry(stage: Stage, channel: Channel) -> None:
    items = build_checklist(Situation(stage=stage), channel)
    found = keys(items)
    assert len(found) == len(set(found)), "keys are unique"
    for key in (
        "roadmap.reason",
        "roadmap.mentor",
        "roadmap.channel",
        "roadmap.send",
        "roadmap.record",
        "reentry.references",
        "reentry.materials",
        "reentry.lessons",
        "reentry.applications",
    ):
        assert key in found
    assert "roadmap.recruiter" not in found
    assert not [k for k in found if k.startswith("logistics.")] or stage is Stage.ACCEPTED
    assert ("roadmap.referral" in found) == stage.is_late
    assert ("roadmap.documents" in found) == (stage in (Stage.OFFER, Stage.ACCEPTED))
    assert ("logistics.contract" in found) == (stage is Stage.ACCEPTED)
    assert ("logistics.return" in found) == (stage is Stage.ACCEPTED)
    for item in items:
        assert item.group == {"roadmap": "roadmap", "logistics": "logistics"}.get(
            item.key.split(".")[0], "re-entry"
        )
        assert item.done is False
        assert item.text[0].isupper()
        assert item.text.endswith(".")
        assert len(item.text) <= 120, "short and actionable"
        assert "[" not in item.text, "no placeholders in the checklist"
    groups = [item.group for item in items]
    assert groups == sorted(groups, key=["roadmap", "logistics", "re-entry"].index)


@pytest.mark.parametrize(("stage", "channel"), STAGE_CHANNEL)
def test_the_channel_step_names_the_chosen_channel(stage: Stage, channel: Channel) -> None:
    text = by_key(build_checklist(Situation(stage=stage), channel))["roadmap.channel"].text
    expected = {
        Channel.PHONE: "Call the hiring manager first, then send the confirming email.",
        Channel.EMAIL: "Email the withdrawal to the hiring manager.",
        Channel.RECRUITER: "Send the note to the recruiter",
        Channel.LINKEDIN: "on LinkedIn",
    }[channel]
    assert expected in text


def test_the_steps_use_the_names_given() -> None:
    situation = Situation(
        stage=Stage.FINAL,
        contact="Jane Doe",
        recruiter="Sam Lee",
        via_recruiter=True,
        keep_door_open=True,
    )
    phone = by_key(build_checklist(situation, Channel.PHONE))
    assert phone["roadmap.channel"].text == "Call Jane Doe first, then send the confirming email."
    assert "Sam Lee" in phone["roadmap.recruiter"].text
    assert "roadmap.mentor" not in phone
    assert "Jane Doe" in phone["reentry.stay-in-touch"].text
    assert "on the call" in phone["roadmap.record"].text
    assert (
        "Sam Lee" in by_key(build_checklist(situation, Channel.RECRUITER))["roadmap.channel"].text
    )


@pytest.mark.parametrize("stage", list(Stage))
def test_keep_door_open_adds_referral_and_stay_in_touch(stage: Stage) -> None:
    found = keys(build_checklist(Situation(stage=stage, keep_door_open=True), Channel.EMAIL))
    assert "roadmap.referral" in found
    assert "reentry.stay-in-touch" in found


@pytest.mark.parametrize(("fact", "key"), sorted(VISA_FACTS.items()))
@pytest.mark.parametrize("stage", list(Stage))
def test_each_visa_fact_adds_only_its_follow_up(fact: str, key: str, stage: Stage) -> None:
    situation = Situation(stage=stage, **{fact: True})
    found = keys(build_checklist(situation, Channel.EMAIL))
    assert key in found
    others = set(VISA_FACTS.values()) - {key}
    assert not others & set(found)
    assert "logistics.start-date" not in found


def test_visa_follow_ups_say_what_to_do() -> None:
    situation = Situation(stage=Stage.ACCEPTED, **dict.fromkeys(VISA_FACTS, True))
    items = by_key(build_checklist(situation, Channel.PHONE))
    assert "petition" in items["logistics.petition"].text
    assert "in writing" in items["logistics.petition"].text
    assert "immigration" in items["logistics.sponsorship"].text
    assert "repay" in items["logistics.relocation"].text
    assert "relocation advance" in items["logistics.relocation"].text
    assert "signing bonus" in items["logistics.bonus"].text
    assert "repay" in items["logistics.bonus"].text
    assert "reapply" in items["logistics.timeline"].text
    assert "contract" in items["logistics.contract"].text


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2026, 3, 2), "2 March 2026"),
        (dt.date(2027, 12, 31), "31 December 2027"),
        (dt.date(2026, 1, 1), "1 January 2026"),
    ],
)
def test_start_date_is_written_out(date: dt.date, text: str) -> None:
    assert format_date(date) == text
    items = by_key(build_checklist(Situation(stage=Stage.OFFER, start_date=date), Channel.EMAIL))
    assert text in items["logistics.start-date"].text
    assert items["logistics.start-date"].group == "logistics"


def test_reason_wording_follows_the_reason() -> None:
    none = by_key(build_checklist(Situation(stage=Stage.APPLIED), Channel.EMAIL))
    offer = by_key(
        build_checklist(Situation(stage=Stage.APPLIED, reason=Reason.OTHER_OFFER), Channel.EMAIL)
    )
    assert none["roadmap.reason"].text != offer["roadmap.reason"].text
    assert "search is over" in offer["reentry.applications"].text
    assert none["reentry.applications"].text.startswith("If your search is over")


def test_ticks_survive_a_scenario_change() -> None:
    first = build_checklist(Situation(stage=Stage.FINAL, signing_bonus=True), Channel.PHONE)
    done = {"roadmap.reason": True, "logistics.bonus": True, "reentry.lessons": False}
    changed = build_checklist(
        Situation(stage=Stage.ACCEPTED, signing_bonus=True, visa_petition_started=True),
        Channel.EMAIL,
    )
    ticked = apply_state(changed, done | {"gone.key": True})
    assert keys(ticked) == keys(changed)
    state = {item.key: item.done for item in ticked}
    assert state["roadmap.reason"] is True
    assert state["logistics.bonus"] is True
    assert state["logistics.petition"] is False
    assert sum(state.values()) == 2
    assert all(item.done is False for item in changed), "the input is not modified"
    assert keys(first)[0] == keys(changed)[0]


def test_apply_state_keeps_existing_ticks_not_in_the_mapping() -> None:
    items = (dataclasses.replace(ChecklistItem("roadmap.send", "Send it.", "roadmap"), done=True),)
    assert apply_state(items, {})[0].done is True
    assert apply_state(items, {"roadmap.send": False})[0].done is False


def test_same_situation_gives_the_same_checklist() -> None:
    situation = Situation(stage=Stage.OFFER, relocation_assistance=True, rapport=True)
    assert build_checklist(situation, Channel.PHONE) == build_checklist(situation, Channel.PHONE)
