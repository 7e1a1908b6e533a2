"""Applied through a recruiter, writing to the hiring manager: the message names the
recruiter, so nobody is bypassed (issue 21, reader's drafts 4, 8 and 17), and asks the
reader to pass it on rather than promising the user will ("I'm letting Tom Baker know as
well" was read as false: English round 10); a note to the recruiter needs no such line."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Voice

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.PHONE, Channel.LINKEDIN])
def test_the_manager_is_asked_to_tell_the_recruiter(
    composer: Composer, channel: Channel, voice: Voice
) -> None:
    for stage, reason, (recruiter, named) in itertools.product(
        (Stage.SCREENING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED),
        (Reason.OTHER_OFFER, Reason.RED_FLAGS, Reason.PERSONAL),
        (("Alex Kim", "Alex Kim"), ("", "the recruiter")),
    ):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      via_recruiter=True, recruiter=recruiter, **NAMES)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        assert f"Could you let {named} know" in body, body
        assert "letting" not in body, body
        alone = Situation(stage=stage, reason=reason, channel=channel, voice=voice, **NAMES)
        assert "recruiter" not in composer.compose(alone, PROFILE).body_text


def test_a_request_to_talk_says_the_recruiter_knows(composer: Composer) -> None:
    s = Situation(stage=Stage.FINAL, reason=Reason.PERSONAL, channel=Channel.PHONE,
                  kind=Kind.NEGOTIATE, deal_breaker=DealBreaker.REMOTE, via_recruiter=True,
                  recruiter="Alex Kim", **NAMES)  # fmt: skip
    assert "share this with Alex Kim" in composer.compose(s, PROFILE).body_text


def test_the_note_to_the_recruiter_does_not_say_it_told_the_recruiter(composer: Composer) -> None:
    s = Situation(stage=Stage.FINAL, reason=Reason.PERSONAL, channel=Channel.RECRUITER,
                  via_recruiter=True, recruiter="Alex Kim", **NAMES)  # fmt: skip
    assert "let Alex Kim know" not in composer.compose(s, PROFILE).body_text


def test_a_request_to_talk_through_the_recruiter_passes_nothing_on(composer: Composer) -> None:
    for voice in Voice:
        s = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, channel=Channel.RECRUITER,
                      kind=Kind.NEGOTIATE, deal_breaker=DealBreaker.RELOCATION, voice=voice,
                      via_recruiter=True, recruiter="Alex Kim", **NAMES)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        assert "let Jordan Lee know" not in body and "appreciation for the offer" not in body
