"""A request to talk names the must-have, once or twice, never as "one (open) point", and
adds no detail the user did not give; a date to decide by in the coming week is written
by its weekday, without the year (issue 21, reader's drafts 4 and 24)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.negotiation import point_of
from bowout.core.situation import DealBreaker, Kind, Voice

TODAY = dt.date(2026, 12, 1)  # a Tuesday
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind",
         "recruiter": "Alex Kim"}  # fmt: skip
NAMED = [b for b in DealBreaker if b is not DealBreaker.OTHER]


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def _request(breaker: DealBreaker, channel: Channel, voice: Voice, **more: object) -> Situation:
    reason = Reason.COMPENSATION if breaker in (DealBreaker.PAY, DealBreaker.RELOCATION) else (
        Reason.RELOCATION)  # fmt: skip
    fields = {"stage": Stage.OFFER, "reason": reason, "kind": Kind.NEGOTIATE,
              "deal_breaker": breaker, "channel": channel, "voice": voice}  # fmt: skip
    return Situation(**fields, **NAMES, **more)  # type: ignore[arg-type]


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
@pytest.mark.parametrize("channel", list(Channel), ids=lambda c: c.value)
def test_a_request_names_its_must_have_not_one_point(
    composer: Composer, channel: Channel, voice: Voice
) -> None:
    for breaker in DealBreaker:
        d = composer.compose(_request(breaker, channel, voice), PROFILE)
        said = "\n".join((d.subject, d.body_text, d.phone_script or ""))
        if breaker is DealBreaker.OTHER:  # unknown to Bow Out: said once, not four times
            assert len(re.findall(r"\bone (open )?point\b", said)) <= 1, said
            continue
        assert not re.search(r"\bone (open )?point\b", said), said
        assert point_of(breaker) in d.subject + d.body_text, (breaker, d.body_text)


def test_relocation_support_is_asked_about_as_such_not_its_timing(composer: Composer) -> None:
    for channel, voice in itertools.product(Channel, Voice):
        d = composer.compose(_request(DealBreaker.RELOCATION, channel, voice), PROFILE)
        said = "\n".join((d.subject, d.body_text, d.phone_script or ""))
        assert "timing" not in said and "relocation support" in said, said
        assert not re.search(r"relocation[,.?]", said), "the relocation of what?"


@pytest.mark.parametrize(
    ("days", "written", "not_written"),
    [(7, "Tuesday 8 December", "2026"), (6, "Monday 7 December", "2026"),
     (8, "9 December 2026", "Wednesday")],
)  # fmt: skip
def test_a_deadline_this_week_is_written_by_its_weekday(
    composer: Composer, days: int, written: str, not_written: str
) -> None:
    s = _request(DealBreaker.PAY, Channel.PHONE, Voice.WARM,
                 decide_by=TODAY + dt.timedelta(days=days))  # fmt: skip
    d = composer.compose(s, PROFILE)
    for text in (d.body_text, d.phone_script or ""):
        deadline = re.search(r"by ([^.?]+)", text.split("answer by", 1)[-1])
        assert written in text, text
        assert deadline is not None and not_written not in deadline.group(1), text


def test_the_call_closes_without_promising_a_follow_up_the_email_already_was(
    composer: Composer,
) -> None:
    for voice in Voice:
        d = composer.compose(_request(DealBreaker.PAY, Channel.PHONE, voice), PROFILE)
        assert "so we both have it to hand" not in (d.phone_script or "")
        assert (d.phone_script or "").count("what would be enough") <= 1
