"""The checklist: roadmap, visa and relocation logistics, re-entry; ticks that survive."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stage_fit import fitting

from bowout.core import checklist as checklist_module
from bowout.core.checklist import PHASES, apply_state, build_checklist, format_date
from bowout.core.draft import ChecklistItem
from bowout.core.situation import Channel, Money, Reason, Situation, Stage

STAGE_CHANNEL = list(itertools.product(list(Stage), list(Channel)))


def keys(items: tuple[ChecklistItem, ...]) -> list[str]:
    return [item.key for item in items]


def by_key(items: tuple[ChecklistItem, ...]) -> dict[str, ChecklistItem]:
    return {item.key: item for item in items}


@pytest.mark.parametrize(("stage", "channel"), STAGE_CHANNEL)
@pytest.mark.parametrize("reason", list(Reason), ids=lambda r: r.value)
def test_every_scenario_is_phased_and_fits_the_channel(
    stage: Stage, channel: Channel, reason: Reason
) -> None:
    items = build_checklist(Situation(stage=stage, reason=reason), channel)
    found = keys(items)
    assert len(found) == len(set(found)), "keys are unique"
    texts = [item.text for item in items]
    assert len(texts) == len(set(texts)), "no item twice"
    for key in (
        "roadmap.reason", "roadmap.mentor", "roadmap.channel", "roadmap.record",
        "reentry.references", "reentry.materials", "reentry.lessons", "reentry.applications",
    ):  # fmt: skip
        assert key in found
    assert "roadmap.recruiter" not in found
    assert ("roadmap.referral" in found) == (stage.is_late and reason is not Reason.RED_FLAGS)
    assert ("logistics.contract" in found) == (stage is Stage.ACCEPTED)
    assert ("logistics.return" in found) == (stage is Stage.ACCEPTED)
    assert ("roadmap.confirm" in found) == (channel is Channel.PHONE)
    phases = [item.phase for item in items]
    assert phases == sorted(phases, key=PHASES.index), "ordered by phase"
    assert set(phases) == set(PHASES)
    for item in items:
        assert item.done is False
        assert item.text[0].isupper() and item.text.endswith(".")
        assert len(item.text) <= 160, "short and actionable"
        assert "[" not in item.text, "no placeholders in the checklist"
        if channel is not Channel.PHONE:
            assert "call" not in item.text.lower(), item.text
    if stage is Stage.ACCEPTED:  # read what you signed before anything else is done
        assert found.index("logistics.contract") < found.index("roadmap.channel")


@pytest.mark.parametrize(("stage", "channel"), STAGE_CHANNEL)
def test_the_channel_step_names_the_chosen_channel(stage: Stage, channel: Channel) -> None:
    item = by_key(build_checklist(Situation(stage=stage), channel))["roadmap.channel"]
    expected = {
        Channel.PHONE: "Call the hiring manager today",
        Channel.EMAIL: "Email your decision to the hiring manager today.",
        Channel.RECRUITER: "Send the note to the recruiter today",
        Channel.LINKEDIN: "on LinkedIn today",
    }[channel]
    assert expected in item.text and item.phase == "during"


def test_the_steps_use_the_names_given() -> None:
    situation = Situation(
        stage=Stage.FINAL,
        contact="Jane Doe",
        recruiter="Sam Lee",
        via_recruiter=True,
        keep_door_open=True,
    )
    phone = by_key(build_checklist(situation, Channel.PHONE))
    assert phone["roadmap.channel"].text.startswith("Call Jane Doe today")
    assert "Sam Lee" in phone["roadmap.recruiter"].text
    assert phone["roadmap.recruiter"].phase == "before"
    assert "roadmap.mentor" not in phone
    assert "Jane Doe" in phone["reentry.stay-in-touch"].text
    assert "spoke to" in phone["roadmap.record"].text
    # Through the recruiter, one item tells them (not a "tell them first" item as well).
    via = by_key(build_checklist(situation, Channel.RECRUITER))
    assert "Sam Lee" in via["roadmap.channel"].text and "roadmap.recruiter" not in via
    assert sum("Sam Lee" in item.text for item in via.values()) == 1


@pytest.mark.parametrize("stage", list(Stage))
def test_keep_door_open_adds_referral_and_stay_in_touch(stage: Stage) -> None:
    found = keys(build_checklist(Situation(stage=stage, keep_door_open=True), Channel.EMAIL))
    assert "roadmap.referral" in found
    assert "reentry.stay-in-touch" in found
    flags = Situation(stage=stage, keep_door_open=True, reason=Reason.RED_FLAGS)
    found = keys(build_checklist(flags, Channel.EMAIL))
    assert "roadmap.referral" not in found and "reentry.stay-in-touch" not in found


def test_money_received_brings_the_clause_first_and_the_settlement_after() -> None:
    paid = Situation(stage=Stage.ACCEPTED, signing_bonus=Money.PAID)
    items = by_key(build_checklist(paid, Channel.PHONE))
    assert items["logistics.repayment-clause"].phase == "before"
    assert "signing bonus" in items["logistics.repayment-clause"].text
    assert items["logistics.settlement"].phase == "after"
    assert "relocation" not in items["logistics.settlement"].text
    promised = Situation(stage=Stage.ACCEPTED, signing_bonus=Money.PROMISED,
                         relocation_assistance=Money.PROMISED)  # fmt: skip
    found = keys(build_checklist(promised, Channel.PHONE))
    assert "logistics.repayment-clause" not in found and "logistics.settlement" not in found


@pytest.mark.parametrize("fact", ["visa_petition_started", "sponsorship_required"])
def test_a_petition_or_sponsorship_means_an_adviser_first(fact: str) -> None:
    situation = Situation(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, **{fact: True})
    items = build_checklist(situation, Channel.EMAIL)
    adviser = by_key(items)["logistics.adviser"]
    assert adviser.phase == "before" and "immigration adviser" in adviser.text
    assert keys(items).index("logistics.adviser") < keys(items).index("roadmap.channel")
    assert ("logistics.petition" in keys(items)) == (fact == "visa_petition_started")


def test_format_date_writes_the_month_out() -> None:
    assert format_date(dt.date(2026, 3, 2)) == "2 March 2026"
    assert format_date(dt.date(2027, 12, 31)) == "31 December 2027"


def test_reason_wording_follows_the_reason() -> None:
    none = by_key(build_checklist(Situation(stage=Stage.APPLIED), Channel.EMAIL))
    offer = by_key(
        build_checklist(Situation(stage=Stage.APPLIED, reason=Reason.OTHER_OFFER), Channel.EMAIL)
    )
    assert none["roadmap.reason"].text != offer["roadmap.reason"].text
    assert "search is over" in offer["reentry.applications"].text
    assert none["reentry.applications"].text.startswith("If your search is over")


def test_ticks_survive_a_scenario_change() -> None:
    promised = Situation(stage=Stage.OFFER, signing_bonus=Money.PROMISED)
    first = build_checklist(promised, Channel.PHONE)
    done = {"roadmap.reason": True, "logistics.settlement": True, "reentry.lessons": False}
    changed = build_checklist(
        Situation(stage=Stage.ACCEPTED, signing_bonus=True, visa_petition_started=True),
        Channel.EMAIL,
    )
    ticked = apply_state(changed, done | {"gone.key": True})
    assert keys(ticked) == keys(changed)
    state = {item.key: item.done for item in ticked}
    assert state["roadmap.reason"] is True
    assert state["logistics.settlement"] is True
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


@settings(max_examples=300, deadline=None)
@given(
    stage=st.sampled_from(Stage),
    reason=st.sampled_from(Reason),
    channel=st.sampled_from(Channel),
    flags=st.lists(st.booleans(), min_size=5, max_size=5),
    money=st.lists(st.sampled_from(Money), min_size=2, max_size=2),
    contact=st.sampled_from(["", "Jordan Lee", "Zoë [Ørsted]", "Sam ⟦x⟧"]),
    recruiter=st.sampled_from(["", "Tom Baker"]),
)
def test_cached_steps_with_names_filled_in_equal_steps_built_afresh(
    stage: Stage, reason: Reason, channel: Channel, flags: list[bool], money: list[Money],
    contact: str, recruiter: str,
) -> None:  # fmt: skip
    facts = dict(
        stage=stage, reason=reason, via_recruiter=flags[0], keep_door_open=flags[1],
        visa_petition_started=flags[2], sponsorship_required=flags[3],
        relocation_timeline_changed=flags[4], signing_bonus=money[0],
        relocation_assistance=money[1], contact=contact, recruiter=recruiter,
    )  # fmt: skip
    situation = Situation(**fitting(facts))  # only what the stage can have (issue 21)
    fresh = checklist_module._unnamed_steps(situation, channel)
    assert build_checklist(situation, channel) == fresh
