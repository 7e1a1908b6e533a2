"""An answer after rescinding ends on the relationship, not on the business (issue 21).

The French, Spanish and German panels of session 11 marked a repayment answer after
rescinding that was all procedure: a request for the clause, then "Regards". In English too
it ended on "so that I can review them?", with no regret and none of the goodwill the user
had offered. Each answer to a repayment request or a counter-offer after accepting now ends
with one line: regret (unless the answer already regrets the petition's work) and the one
goodwill offer that fits best (a handover call, then a referral, then staying in touch or
the open door); before accepting it has no such line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.core.situation import Money, Voice

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "")
NAMES = {"contact": "Amara Okafor", "role": "Data Analyst", "company": "Northwind Traders"}
REGRET = re.compile(r"\b(sorry|regret)\b", re.IGNORECASE)
#: What each goodwill offer says in an answer, in every voice.
OFFERS = {
    "handover": re.compile(r"handover call"),
    "referral": re.compile(r"put you in touch"),
    "touch": re.compile(r"stay in touch"),
}
GOODWILL_SETS = [(), *((g,) for g in Goodwill), tuple(Goodwill)]


def expected_offer(goodwill: tuple[Goodwill, ...], door: bool) -> str | None:
    if Goodwill.HANDOVER in goodwill:
        return "handover"
    if Goodwill.REFERRAL in goodwill:
        return "referral"
    if Goodwill.STAY_IN_TOUCH in goodwill or door:
        return "touch"
    return None


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_an_answer_after_rescinding_ends_on_regret_and_one_offer(
    composer: Composer, voice: Voice
) -> None:
    problems: list[str] = []
    cases = itertools.product(
        ("repayment", "counter-offer"), GOODWILL_SETS, (False, True), (False, True),
        (Money.NONE, Money.PROMISED, Money.PAID), (Channel.EMAIL, Channel.RECRUITER),
    )  # fmt: skip
    for reply, goodwill, door, petition, money, channel in cases:
        s = Situation(
            stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, channel=channel, voice=voice,
            goodwill=goodwill, keep_door_open=door, visa_petition_started=petition,
            relocation_assistance=money, via_recruiter=channel is Channel.RECRUITER,
            recruiter="Tom Baker", **NAMES,
        )  # fmt: skip
        body = composer.compose_reply(s, PROFILE, reply).body_text
        where = f"{reply}/{[g.value for g in goodwill]}/door={door}/petition={petition}/{money}"
        if not REGRET.search(body):
            problems.append(f"{where}: no regret: {body!r}")
        if len(REGRET.findall(body)) > 1:
            problems.append(f"{where}: regret twice: {body!r}")
        said = [name for name, pattern in OFFERS.items() if pattern.search(body)]
        want = expected_offer(goodwill, door)
        if want is not None and want not in said:
            problems.append(f"{where}: no {want}: {body!r}")
        if len(said) > 1 or (want is None and said):
            problems.append(f"{where}: offers {said}: {body!r}")
        if len(re.findall(r"\bin touch\b", body)) > 1:
            problems.append(f"{where}: 'in touch' twice: {body!r}")
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:8])


@pytest.mark.parametrize("reply", ["repayment", "counter-offer"])
def test_before_accepting_the_answer_has_no_rescinding_close(
    composer: Composer, reply: str
) -> None:
    """At the offer stage nothing was accepted: no regret for a decision that broke a
    promise, and no goodwill offer (they repair a rescinded acceptance)."""
    for voice in Voice:
        s = Situation(stage=Stage.OFFER, reason=Reason.OTHER_OFFER, channel=Channel.EMAIL,
                      voice=voice, keep_door_open=True, **NAMES)  # fmt: skip
        body = composer.compose_reply(s, PROFILE, reply).body_text
        assert "my decision has caused" not in body, (voice, body)
        assert "handover" not in body and "put you in touch" not in body, (voice, body)
        assert re.search("stay in touch|paths cross", body), (voice, body)  # the open door
