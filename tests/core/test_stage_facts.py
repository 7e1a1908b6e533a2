"""Facts a stage cannot have (issue 21): before an offer nothing is promised, paid or filed;
an offer promises money and names a start date; only an accepted offer pays money and
starts a visa petition. One rule in the core (``bowout.core.stage_facts.FACT_FIRST_STAGE``):
a kept or imported situation with such a fact loads whole, and no text speaks of it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from bowout.core.composer import Composer
from bowout.core.draft import REPLY_KINDS
from bowout.core.errors import InputError
from bowout.core.reminders import reminders_for
from bowout.core.situation import (
    Channel,
    Money,
    Profile,
    Reason,
    Situation,
    Stage,
)
from bowout.core.stage_facts import check_facts_fit, fact_fits, facts_beyond_stage, within_stage

TODAY = dt.date(2026, 12, 6)
START = dt.date(2027, 3, 1)
PROFILE = Profile(name="Sam Rivera", email="sam@example.com", phone="555 0100")
LANGUAGES = ("en", "de", "fr", "es")
BEFORE_OFFER = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.FINAL)

#: Every fact presupposing an offer, at its most: money received, a petition, a date.
EVERYTHING = {
    "relocation_assistance": Money.PAID,
    "signing_bonus": Money.PAID,
    "visa_petition_started": True,
    "start_date": START,
}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def _texts(composer: Composer, situation: Situation) -> dict[str, object]:
    draft = composer.compose(situation, PROFILE)
    return {
        "subject": draft.subject,
        "body": draft.body_text,
        "html": draft.body_html,
        "script": draft.phone_script,
        "checklist": [item.text for item in draft.checklist],
    }


@pytest.mark.parametrize(
    ("stage", "possible"),
    [
        (Stage.APPLIED, set()),
        (Stage.FINAL, set()),
        (Stage.OFFER, {"promised", "start"}),
        (Stage.ACCEPTED, {"promised", "paid", "start", "petition"}),
    ],
)
def test_the_rule_follows_the_stage_order(stage: Stage, possible: set[str]) -> None:
    found = {
        "promised": fact_fits(stage, "signing_bonus", Money.PROMISED)
        and fact_fits(stage, "relocation_assistance", Money.PROMISED),
        "paid": fact_fits(stage, "signing_bonus", Money.PAID)
        and fact_fits(stage, "relocation_assistance", Money.PAID),
        "start": fact_fits(stage, "start_date", START),
        "petition": fact_fits(stage, "visa_petition_started", True),
    }
    assert {name for name, fits in found.items() if fits} == possible
    # The candidate's own facts, and "not so", fit every stage.
    assert fact_fits(stage, "sponsorship_required", True)
    assert fact_fits(stage, "relocation_timeline_changed", True)
    assert fact_fits(stage, "signing_bonus", Money.NONE)
    assert fact_fits(stage, "start_date", None)


def test_german_applied_draft_speaks_of_no_agreement(composer: Composer) -> None:
    """The reported case: applied, relocation assistance marked paid, in German."""
    situation = Situation(
        stage=Stage.APPLIED,
        language="de",
        relocation_assistance=Money.PAID,
        company="Nordwind",
        contact="Jana Weber",
    )
    for channel in Channel:
        texts = _texts(composer, dataclasses.replace(situation, channel=channel))
        said = " ".join(str(text) for text in texts.values()).lower()
        assert "vereinbarung" not in said, channel
        assert "umzug" not in said and "relocation" not in said, channel
        assert "repay" not in said and "settle" not in said, channel


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("stage", [*BEFORE_OFFER, Stage.OFFER])
def test_a_fact_beyond_the_stage_changes_no_text(
    composer: Composer, language: str, stage: Stage
) -> None:
    """Every text (subject, bodies, script, checklist, replies) is the one written without
    the facts the stage cannot have; the draft keeps the situation as given."""
    for channel, reason in itertools.product(Channel, (Reason.RELOCATION, Reason.NONE)):
        told = Situation(stage=stage, channel=channel, reason=reason, language=language,
                         company="Northwind", contact="Jordan Lee", **EVERYTHING)  # fmt: skip
        assert facts_beyond_stage(told)
        fitting = within_stage(told)
        assert not facts_beyond_stage(fitting)
        assert _texts(composer, told) == _texts(composer, fitting), (channel, reason)
        assert composer.compose(told, PROFILE).situation == told  # nothing lost
        for kind in ("repayment", "no-reply"):
            assert kind in REPLY_KINDS
            said = composer.compose_reply(told, PROFILE, kind)
            assert said == composer.compose_reply(fitting, PROFILE, kind), (channel, kind)


def test_an_offer_keeps_what_it_can_have(composer: Composer) -> None:
    told = Situation(stage=Stage.OFFER, signing_bonus=Money.PAID, start_date=START,
                     relocation_assistance=Money.PROMISED, visa_petition_started=True)  # fmt: skip
    fitting = within_stage(told)
    assert fitting.signing_bonus is Money.NONE and not fitting.visa_petition_started
    assert fitting.relocation_assistance is Money.PROMISED and fitting.start_date == START
    assert within_stage(fitting) is fitting


def test_no_reminder_to_settle_money_a_stage_cannot_have() -> None:
    told = Situation(stage=Stage.SCREENING, signing_bonus=Money.PAID, visa_petition_started=True)
    rules = {r.rule for r in reminders_for("r1", told, TODAY)}
    assert "settle" not in rules and "plan" not in rules
    accepted = dataclasses.replace(told, stage=Stage.ACCEPTED)
    assert {"settle", "plan"} <= {r.rule for r in reminders_for("r1", accepted, TODAY)}


def test_a_new_situation_is_refused_in_one_line() -> None:
    with pytest.raises(InputError) as caught:
        check_facts_fit(Situation(stage=Stage.APPLIED, relocation_assistance=Money.PAID))
    message = str(caught.value)
    assert "\n" not in message
    assert "--relocation-assistance paid" in message and "--stage accepted" in message
    check_facts_fit(Situation(stage=Stage.OFFER, relocation_assistance=Money.PROMISED))


def test_a_kept_situation_loads_whole() -> None:
    told = Situation(stage=Stage.APPLIED, **EVERYTHING)  # type: ignore[arg-type]
    assert Situation.from_dict(told.to_dict()) == told
