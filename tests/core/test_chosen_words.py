"""The English panel's remaining kinds (issue 21, reader's drafts 2, 7, 10, 11, 15, 20-23,
26, 27): a decision the user chose is not written as forced ("must", "unable", "have to"),
a change of direction is the user's own, one door-opener at a time, an offer declined
briefly says one warm line before wishing luck, no dangling "also", no two "Having..."
openers in a row, no grading of their reply, and a reply to "reconsider later" keeps the
decision."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.draft import REPLY_KINDS
from bowout.core.situation import DealBreaker, Kind, Voice

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}
FORCED = re.compile(
    r"\bI must\b|\bmust respectfully\b|\bunable to accept\b|\bI have to (withdraw|decline)\b", re.I
)
STOCK = re.compile(r"heading in a different direction|paths cross[^.]*stay in touch|so graciously")
SENTENCE = re.compile(r"(?<=[.!?])\s+")


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
@pytest.mark.parametrize("stage", [Stage.APPLIED, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED])
def test_a_chosen_decision_reads_as_chosen(composer: Composer, stage: Stage, voice: Voice) -> None:
    for reason, channel, wording, door in itertools.product(
        Reason, Channel, (1, 2, 3), (False, True)
    ):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice, wording=wording,
                      keep_door_open=door, **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        for text in (d.body_text, d.phone_script or ""):
            assert not FORCED.search(text), text
            assert not STOCK.search(text), text
            assert not re.search(r"\balso be (glad|happy)\b", text), text
            said = [p.strip() for p in SENTENCE.split(text.replace("\n", " ")) if p.strip()]
            for first, second in itertools.pairwise(said):
                assert not (first.startswith("Having") and second.startswith("Having")), text


@pytest.mark.parametrize("reason", [Reason.NONE, Reason.DIFFERENT_PATH, Reason.COMPENSATION])
def test_a_brief_offer_decline_is_warm_before_it_wishes_luck(
    composer: Composer, reason: Reason
) -> None:
    for wording in (1, 2, 3):
        s = Situation(stage=Stage.OFFER, reason=reason, voice=Voice.BRIEF, wording=wording,
                      **NAMES)  # fmt: skip
        close = composer.compose(s, PROFILE).body_text.split("\n\n")[-2]
        assert re.search(r"pleasure|enjoyed", close), close


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_replies_keep_the_decision_and_do_not_grade_the_reader(
    composer: Composer, voice: Voice
) -> None:
    for wording, door in itertools.product((1, 2, 3), (False, True)):
        s = Situation(stage=Stage.SCREENING, reason=Reason.PERSONAL, channel=Channel.RECRUITER,
                      voice=voice, wording=wording, keep_door_open=door, recruiter="Alex Kim",
                      **NAMES)  # fmt: skip
        later = composer.compose_reply(s, PROFILE, "reconsider-later").body_text
        assert re.search(r"decision[^.]*stands|still stands|decision is final", later), later
        thanks = composer.compose_reply(s, PROFILE, "accepted").body_text
        assert "graciously" not in thanks, thanks


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_reason_given_is_never_called_personal(composer: Composer, voice: Voice) -> None:
    """A reader (seed 97, #16) marked "It was a personal decision" FALSE: the user gave no
    reason, so none is named, in the draft or in any reply."""
    for stage, wording, door in itertools.product(
        (Stage.SCREENING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED), (1, 2, 3), (False, True)
    ):
        s = Situation(stage=stage, reason=Reason.NONE, voice=voice, wording=wording,
                      keep_door_open=door, **NAMES)  # fmt: skip
        texts = [composer.compose(s, PROFILE).body_text]
        texts += [composer.compose_reply(s, PROFILE, kind).body_text for kind in REPLY_KINDS]
        for text in texts:
            assert not re.search(r"\bpersonal\b", text), text


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_draft_claims_no_deed_already_done(composer: Composer, voice: Voice) -> None:
    """A reader (seed 97, #21) marked "I have let Tom Baker know as well" FALSE unless it
    was done: the facts cannot know it, so the draft says it is under way."""
    cases = [
        *itertools.product((Stage.SCREENING, Stage.OFFER, Stage.ACCEPTED), [Kind.WITHDRAW]),
        *itertools.product((Stage.FINAL, Stage.OFFER), [Kind.NEGOTIATE]),
    ]
    for (stage, kind), channel in itertools.product(
        cases, (Channel.EMAIL, Channel.PHONE, Channel.LINKEDIN)
    ):
        s = Situation(stage=stage, reason=Reason.PERSONAL, channel=channel, voice=voice,
                      kind=kind, deal_breaker=DealBreaker.REMOTE, via_recruiter=True,
                      recruiter="Tom Baker", **NAMES)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        for text in (draft.body_text, draft.phone_script or ""):
            assert not re.search(r"\bI(?: have|'ve) (?:let|told|informed)\b", text), text
