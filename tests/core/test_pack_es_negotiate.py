"""A Spanish request to talk names its deal-breaker in the subject and the first two
sentences, never "un punto" left unnamed; a relocation deal-breaker stays about the move
unless the reason is money; nothing is "answered" where nothing was offered (native
reader's notes on drafts 3 and 5, issue 26)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.negotiation import point_of
from bowout.core.situation import NEGOTIABLE_STAGES, DealBreaker, Kind, Voice

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+34 600 000 000")
NAMES = {"contact": "Marta García", "role": "Data Analyst", "company": "Northwind",
         "recruiter": "Tom Ruiz"}  # fmt: skip
STAGES = sorted(NEGOTIABLE_STAGES, key=lambda s: s.value)
NAMED = [b for b in DealBreaker if b is not DealBreaker.OTHER]


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def _request(stage: Stage, breaker: DealBreaker, channel: Channel, voice: Voice,
             reason: Reason = Reason.PERSONAL) -> Situation:  # fmt: skip
    return Situation(language="es", stage=stage, reason=reason, kind=Kind.NEGOTIATE,  # type: ignore[arg-type]
                     deal_breaker=breaker, channel=channel, voice=voice,
                     decide_by=TODAY + dt.timedelta(days=7), **NAMES)  # fmt: skip


def _opening(body: str) -> str:
    """The body's first two sentences after the greeting."""
    text = " ".join(body.split("\n")[1:]).strip()
    return " ".join(re.split(r"(?<=[.?!])\s+", text)[:2])


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.value)
@pytest.mark.parametrize("channel", list(Channel), ids=lambda c: c.value)
def test_the_point_is_named_in_the_subject_and_the_opening(
    composer: Composer, stage: Stage, channel: Channel
) -> None:
    for breaker, voice in itertools.product(NAMED, Voice):
        d = composer.compose(_request(stage, breaker, channel, voice), PROFILE)
        said = "\n".join((d.subject, d.body_text, d.phone_script or ""))
        point = point_of(breaker, "es")
        assert not re.search(r"\bun punto\b", said), said
        if d.subject:
            assert point in d.subject, d.subject
        assert point in _opening(d.body_text), d.body_text


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.value)
def test_a_relocation_deal_breaker_is_about_the_move_unless_the_reason_is_money(
    composer: Composer, stage: Stage
) -> None:
    for channel, voice in itertools.product(Channel, Voice):
        d = composer.compose(_request(stage, DealBreaker.RELOCATION, channel, voice), PROFILE)
        said = "\n".join((d.subject, d.body_text, d.phone_script or ""))
        assert not re.search(r"apoyo para|ayuda (para|con los)|cifra|gastos", said), said
        money = _request(stage, DealBreaker.RELOCATION, channel, voice, Reason.COMPENSATION)
        paid = composer.compose(money, PROFILE)
        assert "gastos del traslado" in (paid.phone_script or ""), paid.phone_script


@pytest.mark.parametrize("stage", [Stage.INTERVIEWING, Stage.FINAL], ids=lambda s: s.value)
def test_nothing_is_answered_or_offered_before_an_offer(composer: Composer, stage: Stage) -> None:
    for breaker, channel, voice in itertools.product(DealBreaker, Channel, Voice):
        d = composer.compose(_request(stage, breaker, channel, voice), PROFILE)
        said = "\n".join((d.subject, d.body_text, d.phone_script or ""))
        assert not re.search(r"\brespuesta (clara )?antes|mi respuesta|\brespondo\b", said), said
        assert not re.search(r"\bofrec|\boferta\b|contraoferta", said), said


def test_at_offer_stage_the_answer_is_to_the_offer(composer: Composer) -> None:
    for breaker, channel, voice in itertools.product(NAMED, Channel, Voice):
        d = composer.compose(_request(Stage.OFFER, breaker, channel, voice), PROFILE)
        assert re.search(r"oferta|ofrec", _opening(d.body_text)), d.body_text
