"""A voicemail asks to be called back and leaves no news (issue 21; the German and Spanish
readers marked the kind in issue 26): the confirming email thanks them for the call ("As we
discussed, …"), so a voicemail that gave the news and promised that email made it false."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Voice

TODAY = dt.date(2026, 11, 29)
WITH_PHONE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NO_PHONE = Profile("Riley Quinn", "riley@example.org", "")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}
NEWS = re.compile(r"withdraw|email|decided|declin|accept", re.I)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def voicemail(script: str) -> str:
    lines = [line for line in script.splitlines() if line.startswith("If voicemail answers")]
    assert len(lines) == 1, script
    return lines[0].partition(":")[2]  # what is said, not the heading ("voicemail" holds "email")


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_a_voicemail_asks_for_a_call_back_and_gives_no_news(
    composer: Composer, stage: Stage, voice: Voice
) -> None:
    for reason, profile in itertools.product(
        (Reason.PERSONAL, Reason.OTHER_OFFER, Reason.NONE), (WITH_PHONE, NO_PHONE)
    ):
        s = Situation(stage=stage, reason=reason, channel=Channel.PHONE, voice=voice,
                      **NAMES)  # fmt: skip
        script = composer.compose(s, profile).phone_script
        assert script is not None
        said = voicemail(script)
        assert "call me back" in said, said
        assert not NEWS.search(said), said
        assert ("+1 555 0100" in said) is bool(profile.phone), said
