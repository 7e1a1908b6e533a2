"""Applied through a recruiter, writing to the hiring manager: the recruiter is not bypassed,
and the message promises nothing the user did not choose (issue 21).

A first panel asked that the manager hear the recruiter knows; "I have let Tom Baker know"
then read FALSE (it may not be done) and "I'm letting Tom Baker know as well" read FALSE too
(seed 701, #11 and #17: a promise the user never made). So the message claims no act toward
the recruiter, and the checklist has the user tell the recruiter first."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Voice

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


#: Any act toward the recruiter the message would claim or promise for the user.
ACT = re.compile(
    r"\b(?:letting|let|told|tell|telling|informing|informed)\b[^.?!]*\b(?:Alex Kim|recruiter)\b"
)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.PHONE, Channel.LINKEDIN])
def test_the_manager_hears_no_promise_and_the_checklist_tells_the_recruiter(
    composer: Composer, channel: Channel, voice: Voice
) -> None:
    for stage, reason, kind, recruiter in itertools.product(
        (Stage.SCREENING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED),
        (Reason.OTHER_OFFER, Reason.RED_FLAGS, Reason.PERSONAL, Reason.COMPENSATION),
        (Kind.WITHDRAW, Kind.NEGOTIATE),
        ("Alex Kim", ""),
    ):
        negotiable = (
            reason in (Reason.PERSONAL, Reason.COMPENSATION) and stage is not Stage.SCREENING
        )
        if kind is Kind.NEGOTIATE and not negotiable:
            continue
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice, kind=kind,
                      deal_breaker=DealBreaker.REMOTE, via_recruiter=True, recruiter=recruiter,
                      **NAMES)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        for text in (draft.body_text, draft.phone_script or ""):
            assert not ACT.search(text), text
        steps = " ".join(item.text for item in draft.checklist)
        if kind is Kind.WITHDRAW:
            assert re.search(rf"Tell {recruiter or 'your recruiter'} first", steps), steps


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
