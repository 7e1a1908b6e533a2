"""A failed conversation is named as the cause only when its deal-breaker is the user's
reason said another way (issue 21, reader's drafts 9, 14 and 19): the link is declared once
in ``vocabulary.DEAL_BREAKERS`` and every pack's ``[[recap]]`` obeys it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.errors import InputError
from bowout.core.situation import DealBreaker, Voice
from bowout.core.vocabulary import DEAL_BREAKERS, recap_fits

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def _said(composer: Composer, situation: Situation) -> str:
    draft = composer.compose(situation, PROFILE)
    return "\n".join((draft.subject, draft.body_text, draft.phone_script or ""))


def _talked(base: Situation, breaker: DealBreaker) -> Situation | None:
    try:
        return dataclasses.replace(base, negotiated=True, deal_breaker=breaker)
    except InputError:  # a reason no conversation can change
        return None


@pytest.mark.parametrize("language", paths.available_languages())
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_recap_appears_only_when_the_deal_breaker_is_the_reason(
    composer: Composer, language: str, voice: Voice
) -> None:
    checked = linked = 0
    for reason, breaker, channel, petition in itertools.product(
        Reason, DealBreaker, (Channel.EMAIL, Channel.PHONE), (False, True)
    ):
        # a started petition is had only once the offer is accepted (core.stage_facts)
        stage = Stage.ACCEPTED if petition else Stage.FINAL
        base = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                         language=language, visa_petition_started=petition,
                         **NAMES)  # fmt: skip
        talked = _talked(base, breaker)
        if talked is None:
            continue
        checked += 1
        fits = recap_fits(reason, breaker, ["visa_petition_started"] if petition else [])
        same = _said(composer, talked) == _said(composer, base)
        where = f"{reason.value} x {breaker.value} x {channel.value}, petition {petition}"
        if fits:
            linked += 1
            assert not same, f"{where}: the failed talks are the cause, and say so"
        else:
            assert same, f"{where}: the reason sentence leads, the talks are not the cause"
    assert checked and linked


def test_the_link_is_declared_once_per_deal_breaker() -> None:
    assert recap_fits(Reason.COMPENSATION, DealBreaker.PAY)
    assert recap_fits(Reason.RELOCATION, DealBreaker.SPONSORSHIP)
    assert not recap_fits(Reason.RELOCATION, DealBreaker.SPONSORSHIP, ["visa_petition_started"])
    assert not recap_fits(Reason.RELOCATION, DealBreaker.SCOPE)  # reader's draft 9
    assert not recap_fits(Reason.NOT_A_FIT, DealBreaker.SPONSORSHIP)  # draft 19
    assert not recap_fits(Reason.PERSONAL, None)
    for breaker, info in DEAL_BREAKERS.items():
        assert all(r.info.negotiable for r in info.causes), breaker


@pytest.mark.parametrize(
    ("reason", "breaker", "petition", "kept"),
    [
        (Reason.RELOCATION, DealBreaker.SCOPE, True, ("move",)),  # draft 9
        (Reason.RELOCATION, DealBreaker.SPONSORSHIP, True, ("move",)),  # draft 14
        (Reason.NOT_A_FIT, DealBreaker.SPONSORSHIP, False, ("fit", "match")),  # draft 19
    ],
)
def test_the_readers_false_causes_give_way_to_the_reason(
    composer: Composer, reason: Reason, breaker: DealBreaker, petition: bool, kept: tuple[str, ...]
) -> None:
    # a started petition is had only once the offer is accepted (core.stage_facts)
    first = Stage.ACCEPTED if petition else Stage.INTERVIEWING
    for stage, channel in ((first, Channel.EMAIL), (Stage.ACCEPTED, Channel.PHONE)):
        s = Situation(stage=stage, reason=reason, channel=channel, negotiated=True,
                      deal_breaker=breaker, visa_petition_started=petition,
                      relocation_timeline_changed=reason is Reason.RELOCATION,
                      **NAMES)  # fmt: skip
        said = _said(composer, s)
        assert "agree on" not in said and "couldn't" not in said.replace("couldn't be", "")
        assert any(word in said for word in kept), said
