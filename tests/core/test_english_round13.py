"""The kinds the panels of seeds 703 and 704 charged, held over every draft they can reach
(issue 21, English round 13). Each is a rule in templates/en/wording/rules.toml:

- A request to talk about sponsorship once the visa petition has started asks about the
  petition's timing against the start date, never for the sponsorship under way.

- The offer thanked in the opening is not "declined, the offer" in the next sentence.

- A pay reason says the pay (without figures), never "my financial circumstances", in the
  withdrawal and in the answer to "why?" alike.

- Stock lines follow the stage: at the applied stage no "time" is thanked and an
  application (not "the process") is withdrawn; an offer's salary is "the salary offered",
  never a range; a withdrawal thanks for nothing "so far"; nobody gives "time on a role".

Checked over stages x reasons x channels x voices x wordings with the facts the charged
drafts had; the subject, the body and the talking points (or phone script) alike.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from rule_corpus import draft_texts, pack_rules, rules_named

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.composer import facts_of_reply
from bowout.core.negotiation import negotiable
from bowout.core.situation import DealBreaker, Kind, Voice
from bowout.core.vocabulary import REPLY_KINDS
from bowout.core.wording import Rule, violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Priya Nair", "role": "Data Analyst", "company": "Northwind Traders",
         "recruiter": "Alex Morgan"}  # fmt: skip
RULE_IDS = (
    "a-started-petition-is-not-asked-for",
    "an-application-is-withdrawn-not-a-process",
    "an-application-took-no-time",
    "no-time-on-a-role",
    "an-offer-names-its-salary",
    "a-withdrawal-has-no-so-far",
    "the-offer-is-named-once-in-the-opening",
    "a-pay-reason-says-the-pay",
    "a-pay-reason-names-the-pay",
)


def rules() -> tuple[Rule, ...]:
    return rules_named("en", RULE_IDS)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def broken(composer: Composer, s: Situation) -> list[str]:
    """The rules of this round that the draft for ``s`` breaks, in its every part."""
    return [str(v) for v in violations(rules(), draft_texts(composer, s, PROFILE))]


def test_every_rule_of_this_round_is_in_the_pack() -> None:
    assert set(RULE_IDS) <= set(pack_rules("en"))


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_started_petition_is_asked_about_not_asked_for(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    reasons = [r for r in Reason if negotiable(Stage.ACCEPTED, r)]
    for reason, channel, wording, start in itertools.product(
        reasons, Channel, (1, 2), (None, TODAY + dt.timedelta(days=40))
    ):
        s = Situation(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                      wording=wording, kind=Kind.NEGOTIATE,
                      deal_breaker=DealBreaker.SPONSORSHIP, visa_petition_started=True,
                      sponsorship_required=True, start_date=start, **NAMES)  # fmt: skip
        where = f"{reason.value}/{channel.value}/w{wording}"
        problems += [f"{where}: {p}" for p in broken(composer, s)]
        draft = composer.compose(s, PROFILE)
        if "petition" not in draft.body_text or "petition" not in (draft.phone_script or ""):
            problems.append(f"{where}: the petition's timing is not what is asked about")
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


#: The lines the panels quoted, by the stage at which they were blind to it (checked as
#: written too, so that the test does not lean on the pack's rules alone).
CHARGED = {
    Stage.APPLIED: ("Thank you for your time.", "your time on the", "time and interest",
                    "from the process", "everything you have done"),
    Stage.SCREENING: ("your time on the", "time and interest"),
    Stage.INTERVIEWING: ("conversations so far",),
    Stage.OFFER: ("salary range",),
}  # fmt: skip

#: "Thanks for the offer, ... I'm afraid I'm declining the offer." (the panel's quote).
ECHO = r"\boffer\b[^.?!]*[.?!]\s*[^.?!]*\bdeclin(e|ing) (the|your) offer\b"


@pytest.mark.parametrize("stage", [Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER],
                         ids=lambda s: s.value)  # fmt: skip
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_stock_lines_follow_the_stage(composer: Composer, stage: Stage, voice: Voice) -> None:
    problems: list[str] = []
    for reason, channel, wording in itertools.product(Reason, Channel, (1, 2, 3)):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, rapport=True, **NAMES)  # fmt: skip
        where = f"{reason.value}/{channel.value}/w{wording}"
        problems += [f"{where}: {p}" for p in broken(composer, s)]
        draft = composer.compose(s, PROFILE)
        text = f"{draft.subject}\n{draft.body_text}\n{draft.phone_script or ''}"
        problems += [f"{where}: {q!r}" for q in CHARGED[stage] if q.lower() in text.lower()]
        if stage is Stage.OFFER and re.search(ECHO, draft.body_text, re.IGNORECASE):
            problems.append(f"{where}: the offer is thanked and declined by name: {text}")
        if channel is Channel.PHONE or wording == 3:
            continue
        for reply in REPLY_KINDS:
            answer = composer.compose_reply(s, PROFILE, reply)
            told = facts_of_reply(s, channel, reply, TODAY)
            for v in violations(rules(), {"body": (answer.body_text, told)}):
                problems.append(f"{where}/{reply}: {v}")
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_pay_reason_is_said_as_the_pay(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    for stage, channel, wording in itertools.product(Stage, Channel, (1, 2, 3)):
        s = Situation(stage=stage, reason=Reason.COMPENSATION, channel=channel, voice=voice,
                      wording=wording, **NAMES)  # fmt: skip
        where = f"{stage.value}/{channel.value}/w{wording}"
        problems += [f"{where}: {p}" for p in broken(composer, s)]
        draft = composer.compose(s, PROFILE)
        texts = [f"{draft.body_text}\n{draft.phone_script or ''}"]
        if channel is not Channel.PHONE:
            answer = composer.compose_reply(s, PROFILE, "asked-why")
            told = facts_of_reply(s, channel, "asked-why", TODAY)
            problems += [
                f"{where}/why: {v}" for v in violations(rules(), {"body": (answer.body_text, told)})
            ]
            texts.append(answer.body_text)
        problems += [f"{where}: {t!r}" for t in texts if "financ" in t.lower()]
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])
