"""The kinds the eighth English panel charged, held over every reply and draft (issue 21,
English round 12). Each is a rule in templates/en/wording/rules.toml:

- A follow-up after silence (reply kind ``no-reply``) keeps a brief apology after rescinding
  (naming a near start), keeps the door or goodwill line the user chose (the door kept open,
  staying in touch, a referral), thanks nobody for an understanding they have not shown, and
  says a started visa petition is no longer needed as information, once.

- At the offer stage one declines the offer, never "the role".

Checked over stages x reasons x channels x voices x both wordings with the facts the charged
drafts had.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from rule_corpus import pack_rules, rules_named

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.composer import facts_of_reply
from bowout.core.goodwill import Goodwill
from bowout.core.situation import Money, Voice
from bowout.core.wording import Rule, violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Priya Nair", "role": "Data Analyst", "company": "Northwind Traders",
         "recruiter": "Alex Morgan"}  # fmt: skip
RULE_IDS = (
    "a-follow-up-asks-them-to-confirm",
    "a-follow-up-repeats-the-petition",
    "a-follow-up-after-rescinding-still-apologises",
    "a-follow-up-names-a-near-start",
    "a-follow-up-thanks-no-understanding",
    "a-follow-up-keeps-the-door-chosen",
    "a-follow-up-keeps-staying-in-touch",
    "a-follow-up-keeps-the-referral",
    "the-door-is-open-only-when-chosen",
    "an-offer-is-declined-not-a-role",
)
NEAR = TODAY + dt.timedelta(days=10)
FACTS = {
    "plain": {},
    "near-visa-goodwill": dict(
        start_date=NEAR, visa_petition_started=True, sponsorship_required=True,
        signing_bonus=Money.PAID, relocation_assistance=Money.PROMISED,
        goodwill=(Goodwill.REFERRAL, Goodwill.STAY_IN_TOUCH),
    ),
    "door-rapport": dict(keep_door_open=True, rapport=True),
    "referral-only": dict(goodwill=(Goodwill.REFERRAL,)),
}  # fmt: skip


def rules() -> tuple[Rule, ...]:
    return rules_named("en", RULE_IDS)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def test_every_rule_of_this_round_is_in_the_pack() -> None:
    assert set(RULE_IDS) <= set(pack_rules("en"))


@pytest.mark.parametrize("facts", list(FACTS))
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_every_follow_up_keeps_this_rounds_rules(
    composer: Composer, voice: Voice, facts: str
) -> None:
    problems: list[str] = []
    channels = [c for c in Channel if c is not Channel.PHONE]
    for stage, reason, channel, wording in itertools.product(Stage, Reason, channels, (1, 2)):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, **NAMES, **FACTS[facts])  # fmt: skip
        answer = composer.compose_reply(s, PROFILE, "no-reply")
        told = facts_of_reply(s, channel, "no-reply", TODAY)
        for v in violations(rules(), {"body": (answer.body_text, told)}):
            problems.append(f"{stage.value}/{reason.value}/{channel.value}/w{wording}: {v}")
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


def test_the_charged_follow_up_apologises_and_keeps_the_goodwill(composer: Composer) -> None:
    for voice, wording in itertools.product(Voice, (1, 2)):
        s = Situation(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, channel=Channel.EMAIL,
                      voice=voice, wording=wording, **NAMES,
                      **FACTS["near-visa-goodwill"])  # fmt: skip
        body = composer.compose_reply(s, PROFILE, "no-reply").body_text
        assert "sorry" in body and "close to the start date" in body, body
        assert "touch" in body, body
        assert body.count("visa petition") == 1 and "stopped now" not in body, body
        assert "Thank you for everything" not in body, body


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_an_offer_is_declined_everywhere(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    for reason, channel, wording in itertools.product(Reason, Channel, (1, 2, 3)):
        s = Situation(stage=Stage.OFFER, reason=reason, channel=channel, voice=voice,
                      wording=wording, **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        text = f"{d.body_text}\n{d.phone_script or ''}"
        if "decline the role" in text or "declining the role" in text:
            problems.append(f"{reason.value}/{channel.value}/w{wording}: {text}")
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:3])
