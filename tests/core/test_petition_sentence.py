"""The visa petition sentence (issue 21, reader's drafts 1, 9, 10 and 14): said plainly, once
per message and once per call, without instructing the employer ("so you can stop", "You can
now stop"), without calling its work "wasted", and never "telling you now" in an email that
confirms a call already made."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Money, Voice

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind",
         "recruiter": "Alex Kim"}  # fmt: skip
INSTRUCTING = re.compile(
    r"you can (now )?stop|can now stop|wasted|telling you (now|early)|in good time", re.I
)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_petition_is_said_once_and_plainly(composer: Composer, voice: Voice) -> None:
    stage = Stage.ACCEPTED  # the one stage with a petition (issue 21: test_stage_facts)
    for channel, reason, money in itertools.product(
        Channel, (Reason.RELOCATION, Reason.NOT_A_FIT, Reason.RED_FLAGS), (Money.NONE, Money.PAID)
    ):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      visa_petition_started=True, signing_bonus=money, **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        for text in (d.body_text, d.phone_script or ""):
            if not text:
                continue
            assert text.count("petition") == 1, text
            assert not INSTRUCTING.search(text), text
            # "can be stopped", or (round 14) "is no longer needed": a panel read "can be
            # stopped now" as an order to the employer whose petition it is
            plain = r"visa petition (at \w+ )?(can be stopped|is (therefore )?no longer needed)"
            assert re.search(plain, text), text
