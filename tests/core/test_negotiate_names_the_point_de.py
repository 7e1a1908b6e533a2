"""A German request to talk (kind negotiate) names the must-have in its subject and in its
first two sentences, never as "einen Punkt" left unnamed; a move is asked about as the move,
not turned into money nobody asked for; and the thanks and the promised decision fit the
stage: an offer is thanked for, and before an offer nothing "Antwort" is promised (issue 26,
the native reader's drafts 3 and 5)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.draft import Draft
from bowout.core.negotiation import point_of
from bowout.core.situation import NEGOTIABLE_STAGES, DealBreaker, Kind, Voice
from bowout.core.vocabulary import Address

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+49 30 1234567")
NAMES = {"contact": "Frau Anna Schäfer", "role": "Product Designer", "company": "Contoso",
         "recruiter": "Herr Baker"}  # fmt: skip
UNNAMED = re.compile(r"\b(einen|ein|einem) Punkt\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def _requests(
    breakers: list[DealBreaker], reason: Reason = Reason.PERSONAL
) -> list[tuple[Situation, Draft]]:
    composer = Composer(today=lambda: TODAY)
    drafts = []
    for stage, channel, voice, address, breaker, recruiter, wording in itertools.product(
        sorted(NEGOTIABLE_STAGES, key=lambda s: s.value), Channel, Voice, Address, breakers,
        (False, True), (1, 2, 3),
    ):  # fmt: skip
        s = Situation(stage=stage, reason=reason, kind=Kind.NEGOTIATE, deal_breaker=breaker,
                      channel=channel, voice=voice, address=address, via_recruiter=recruiter,
                      wording=wording, decide_by=TODAY + dt.timedelta(days=6), language="de",
                      **NAMES)  # fmt: skip
        drafts.append((s, composer.compose(s, PROFILE)))
    return drafts


def _opening(body: str) -> str:
    """The first two sentences after the greeting line."""
    text = " ".join(line for line in body.split("\n")[1:] if line.strip())
    return " ".join(SENTENCE_END.split(text.strip())[:2])


def test_a_request_names_its_must_have_in_the_subject_and_first_two_sentences() -> None:
    problems = []
    for s, d in _requests([b for b in DealBreaker if b is not DealBreaker.OTHER]):
        point = point_of(s.deal_breaker, "de")
        said = "\n".join((d.subject, d.body_text, d.phone_script or ""))
        if UNNAMED.search(said):
            problems.append(f"{s.stage.value}/{s.channel.value}/{s.voice.value}: unnamed: {said}")
        if d.subject and point not in d.subject:
            problems.append(f"subject without {point!r}: {d.subject}")
        if point not in _opening(d.body_text):
            problems.append(f"{s.stage.value}/{s.voice.value}: late: {_opening(d.body_text)}")
        if d.phone_script and point not in d.phone_script:
            problems.append(f"script without {point!r}")
    assert not problems, "\n".join(problems[:8])


def test_a_move_is_asked_about_as_the_move_not_as_money() -> None:
    for _s, d in _requests([DealBreaker.RELOCATION]):
        said = "\n".join((d.subject, d.body_text, d.phone_script or ""))
        assert "Umzug" in _opening(d.body_text), d.body_text
        assert not re.search(r"Unterstützung beim Umzug|Umzugs(hilfe|kosten|beihilfe)", said), said
    # When the user's reason is money, the call may ask about support with the move.
    money = [d for s, d in _requests([DealBreaker.RELOCATION], Reason.COMPENSATION)
             if s.channel is Channel.PHONE]  # fmt: skip
    assert money and all("Unterstützung beim Umzug" in (d.phone_script or "") for d in money)


def test_thanks_and_the_promised_decision_fit_the_stage() -> None:
    for s, d in _requests([DealBreaker.PAY, DealBreaker.RELOCATION]):
        said = "\n".join((d.subject, d.body_text, d.phone_script or ""))
        assert "Entgegenkommen" not in said and "bevor wir weitergehen" not in said, said
        first = _opening(d.body_text).split(". ")[0]
        if s.stage is Stage.OFFER and s.channel is not Channel.PHONE:
            assert re.search(r"Angebot|Wahl .* auf mich gefallen", first), first
        if s.stage in (Stage.INTERVIEWING, Stage.FINAL):
            written = d.subject + d.body_text
            assert not re.search(r"\bAntwort|\bantworten\b", written), written
            assert "angeboten" not in said, said
