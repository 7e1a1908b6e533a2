"""English drafts as the round-15 panel read them, fixed in round 16 (issue 21).

- After accepting, a not-a-fit reason no longer says what was learned before the offer ("The
  more I have learned about the job…"): the user accepted knowing it, so the realisation is
  said as one that came since accepting.
- Money received is talked over as a person says it ("how to return or settle it"), never
  "repayment or a settlement", which reads as a lawyer's letter, on the call too.

Both kinds are rules of the pack (``no-pre-offer-learning-after-accepting``,
``no-assembled-formal-phrases``), checked here over every voice, channel, wording, money fact
and reply of the situations they concern.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from rule_corpus import broken, rules_named

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Money, Voice

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
RULES = ("no-pre-offer-learning-after-accepting", "no-assembled-formal-phrases")
pytestmark = pytest.mark.timeout(600)


def label(s: Situation) -> str:
    return f"{s.stage.value}/{s.reason.value}/{s.voice.value}/bonus {s.signing_bonus.value}"


def situations(voice: Voice) -> list[Situation]:
    base = Situation(
        stage=Stage.ACCEPTED, voice=voice, contact="Priya Nair", role="Data Analyst",
        company="Northwind Traders",
    )  # fmt: skip
    return [
        dataclasses.replace(
            base, reason=reason, channel=channel, wording=wording, signing_bonus=bonus
        )
        for reason, channel, wording, bonus in itertools.product(
            (Reason.NOT_A_FIT, Reason.OTHER_OFFER), Channel, (1, 2, 3), (Money.NONE, Money.PAID)
        )
    ]


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_after_accepting_the_reason_and_the_money_read_as_said_now(
    composer: Composer, voice: Voice
) -> None:
    found = broken(composer, situations(voice), PROFILE, rules_named("en", RULES), label)
    assert not found, "\n".join(found[:12])
