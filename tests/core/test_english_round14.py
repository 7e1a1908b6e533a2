"""The kinds the panels of seeds 703 and 704 charged, held over every draft they can reach
(issue 21, English round 14):

- Thanks only for what surely happened: at the applied stage nobody is thanked for reading,
  reviewing or giving attention to a CV (they may not have), and a reply never describes
  the tone of what they wrote ("such a kind reply"): the tool knows only its kind.

- A request to talk places the problem where it is: an unnamed deal-breaker ("other") is
  never "a question about the role", and the request does not announce "one open point"
  twice in a row.

Checked over stages x reasons x channels x voices x wordings: the subject, the body, the
phone script (or talking points) with its branches, and every reply.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

import pytest
from rule_corpus import draft_texts, rules_named

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.negotiation import negotiable
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.vocabulary import REPLY_KINDS
from bowout.core.wording import violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
#: Each case walks a slice of the matrix: well under the limit alone, but the machine may be
#: shared, so the limit is raised rather than the matrix cut.
pytestmark = pytest.mark.timeout(600)

NAMES = {"contact": "Priya Nair", "role": "Data Analyst", "company": "Northwind Traders",
         "recruiter": "Alex Morgan"}  # fmt: skip

#: Thanks for something the tool cannot know happened at the applied stage.
UNKNOWN_AT_APPLIED = re.compile(
    r"(look(ed|ing)? at|review(ed|ing)?|read(ing)?) my (CV|application|candidacy)"
    r"|\battention\b|interest (you|shown)|your interest in me",
    re.IGNORECASE,
)
#: An adjective for the tone of a reply the tool has not read.
TONE_OF_THEIR_REPLY = re.compile(
    r"\b(kind|warm|lovely|gracious|generous|thoughtful|friendly|quick|prompt|swift|such an?)"
    r" (reply|response|message|note|words|answer)\b|\bopenly\b",
    re.IGNORECASE,
)
#: The problem placed in the role when the deal-breaker is not the role.
IN_THE_ROLE = re.compile(
    r"(question|thing|point) about the (role|job|position)|about the job I accepted",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def everything(composer: Composer, s: Situation) -> str:
    """The draft's subject, body, script and the script's branches, as one text."""
    draft = composer.compose(s, PROFILE)
    branches = "\n".join(f"{w}: {t}" for w, t in draft.phone_branches)
    return f"{draft.subject}\n{draft.body_text}\n{draft.phone_script or ''}\n{branches}"


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_applied_stage_thanks_only_for_being_considered(
    composer: Composer, voice: Voice
) -> None:
    problems: list[str] = []
    for reason, channel, wording, rapport in itertools.product(
        Reason, Channel, (1, 2, 3), (False, True)
    ):
        s = Situation(stage=Stage.APPLIED, reason=reason, channel=channel, voice=voice,
                      wording=wording, rapport=rapport, **NAMES)  # fmt: skip
        text = everything(composer, s)
        where = f"{reason.value}/{channel.value}/w{wording}"
        problems += [f"{where}: {m.group(0)!r}" for m in UNKNOWN_AT_APPLIED.finditer(text)]
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_reply_never_names_the_tone_of_theirs(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    channels = [c for c in Channel if c is not Channel.PHONE]
    for stage, reason, channel, wording, door in itertools.product(
        Stage, Reason, channels, (1, 2), (False, True)
    ):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, keep_door_open=door, **NAMES)  # fmt: skip
        for reply in REPLY_KINDS:
            text = composer.compose_reply(s, PROFILE, reply).body_text
            where = f"{stage.value}/{reason.value}/{channel.value}/w{wording}/{reply}"
            problems += [f"{where}: {m.group(0)!r}" for m in TONE_OF_THEIR_REPLY.finditer(text)]
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_request_places_the_point_where_it_is(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    for stage, reason, breaker, channel, wording in itertools.product(
        Stage, Reason, DealBreaker, Channel, (1, 2, 3)
    ):
        if not negotiable(stage, reason) or breaker is DealBreaker.SCOPE:
            continue
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, kind=Kind.NEGOTIATE, deal_breaker=breaker,
                      **NAMES)  # fmt: skip
        where = f"{stage.value}/{reason.value}/{breaker.value}/{channel.value}/w{wording}"
        text = everything(composer, s)
        problems += [f"{where}: {m.group(0)!r}" for m in IN_THE_ROLE.finditer(text)]
        body = composer.compose(s, PROFILE).body_text
        if len(re.findall(r"\bone (open )?point\b", body)) > 1:
            problems.append(f"{where}: the point is announced twice: {body}")
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


#: A fallback that hides a destination: true only when there is one (another offer).
HIDES_A_DESTINATION = re.compile(
    r"keep (that|it|the details|the company) to myself|rather not name|new (job|employer)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_where_fallback_is_true_for_the_reason(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    for stage, reason, wording in itertools.product(Stage, Reason, (1, 2, 3)):
        s = Situation(stage=stage, reason=reason, channel=Channel.PHONE, voice=voice,
                      wording=wording, rapport=True, **NAMES)  # fmt: skip
        branches = dict(composer.compose(s, PROFILE).phone_branches)
        where = [text for label, text in branches.items() if "where you" in label]
        assert where, f"{stage.value}/{reason.value}: no branch for where they are going"
        implied = HIDES_A_DESTINATION.search(where[0])
        if reason is Reason.OTHER_OFFER:
            if "another" not in where[0]:
                problems.append(f"{stage.value}/w{wording}: the other offer is not owned")
        elif implied:
            problems.append(f"{stage.value}/{reason.value}/w{wording}: {where[0]!r}")
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


#: Stock or stiff lines the panels quoted, each with what was wrong with it.
STOCK = {
    "pleasure to be in touch": "nobody enjoys 'being in touch'",
    "for this job does not work": "clunky, and stiff aloud",
    "the offer you made me": "stilted: 'and for the offer'",
    "can be stopped now": "an order about their own process: say it as information",
    "sort this out by": "a bargaining conditional: say when the answer will come",
    "in any way I can": "widens the handover the user offered into an open promise",
}


@pytest.mark.parametrize("stage", [Stage.APPLIED, Stage.SCREENING, Stage.FINAL, Stage.OFFER,
                                   Stage.ACCEPTED], ids=lambda s: s.value)  # fmt: skip
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_stock_line_the_panels_quoted(composer: Composer, stage: Stage, voice: Voice) -> None:
    problems: list[str] = []
    for reason, channel, wording, petition in itertools.product(
        Reason, Channel, (1, 2, 3), (False, True)
    ):
        late = stage in (Stage.OFFER, Stage.ACCEPTED)
        if petition and not late:
            continue
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice, wording=wording,
                      rapport=True, visa_petition_started=petition, sponsorship_required=petition,
                      goodwill=("handover", "stay-in-touch"), will_call=petition,
                      **NAMES)  # fmt: skip
        texts = [everything(composer, s)]
        if negotiable(stage, reason):
            for breaker in DealBreaker:
                talk = dataclasses.replace(
                    s,
                    kind=Kind.NEGOTIATE,
                    deal_breaker=breaker,
                    decide_by=TODAY + dt.timedelta(days=9),
                    goodwill=(),
                )
                texts.append(everything(composer, talk))
        where = f"{reason.value}/{channel.value}/w{wording}{'/petition' if petition else ''}"
        for quote, why in STOCK.items():
            if any(quote.lower() in t.lower() for t in texts):
                problems.append(f"{where}: {quote!r} ({why})")
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_money_received_is_discussed_never_repaid_up_front(
    composer: Composer, voice: Voice
) -> None:
    """A panel marked "…and the relocation assistance I received, and how to repay them"
    false: it agrees to repay in full before the contract is read. Every channel and reason
    after accepting with money received keeps the terms open, and the rule says so."""
    rule = rules_named("en", ["discuss-repayment-never-promise-it"])
    problems: list[str] = []
    for reason, channel in itertools.product(Reason, Channel):
        s = Situation(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                      signing_bonus=Money.PAID, relocation_assistance=Money.PAID,
                      **NAMES)  # fmt: skip
        problems += [f"{reason.value}/{channel.value}: {v}"
                     for v in violations(rule, draft_texts(composer, s, PROFILE))]  # fmt: skip
    assert not problems, "\n".join(problems[:8])
    quoted = "I would like to discuss the relocation assistance I received, and how to repay them."
    assert violations(rule, {"body": (quoted, {})})
