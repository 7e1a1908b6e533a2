"""German drafts as the native panel read them in round 10 (issue 26), each kind checked over
stages, reasons, channels, voices, forms of address, wordings and reply kinds.

- German that reads assembled or translated: „Hallo, Herr …“ over a Sie letter or a call,
  stiff formulae („bitte ich aufrichtig um Entschuldigung“, „Für Ihre weitere Arbeit“, „von
  künftigen offenen Stellen … zu hören“), and a call's door line repeated word for word in
  the e-mail that confirms it.
- The weight of the moment at the offer and after accepting: a call's confirmation thanks
  for the offer (or the trust), and for the talks about the terms when there were any; a
  start days away is acknowledged in the letter, the note and the call; the recruiter who
  carries a rescission gets an apology of their own; no bare „alles Gute“ after rescinding;
  a counter-offer is answered with a clause of appreciation before the firm no.
- After rescinding, a door line hopes or asks; it never takes goodwill as given.
- No agreement attributed to the reader („nach unserer Vereinbarung“): the money received
  is settled by the user's contract. No salary named when money is the reason but the
  deal-breaker is not the salary; no „persönliche Entscheidung“ when no reason was given.
- Replies and calls that answer: „we'll keep you in mind“ is told the decision stands; after
  interviews a call's confirmation thanks for the talks, not only for the call.

The rules are in templates/de/wording/rules.toml (ids starting with „de-“); the test here
runs them over every stage x reason x channel x voice x form of address, in each wording.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterator

import pytest
from rule_corpus import channel_and_texts, pack_rules, rules_named
from test_pack_de_round9 import PROFILE, TODAY, label, situations

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.composer import facts_of_reply
from bowout.core.draft import REPLY_KINDS
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.vocabulary import Address
from bowout.core.wording import violations

#: The rules of this round, by id; the replies keep those that are not about a letter's close
#: or the notice it gives (an answer is short and follows what they wrote).
ROUND10 = ("de-greeting-fits-the-register", "de-no-stiff-or-calqued-formula",
           "de-after-rescinding-the-door-hopes", "de-no-agreement-nobody-recorded",
           "de-no-reason-read-into-none",
           "de-no-bare-close-after-rescinding", "de-short-notice-is-acknowledged")  # fmt: skip
IN_REPLIES = ROUND10[:5]
NEAR = TODAY + dt.timedelta(days=8)
#: How many situations :func:`situations` yields (its first pass, read in full).
STAGES_X = len(Stage) * len(Reason) * len(Channel) * len(Voice) * len(Address)
#: Facts that bring out the offer and rescission lines: money received, a start days away,
#: talks about the terms, a door kept open, a visa petition started.
LATE = (
    {"start_date": NEAR, "negotiated": True, "signing_bonus": Money.PAID, "keep_door_open": True},
    {"start_date": NEAR, "relocation_assistance": Money.PAID, "visa_petition_started": True,
     "goodwill": tuple(Goodwill), "deal_breaker": DealBreaker.SCOPE},
)  # fmt: skip


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def cases() -> Iterator[Situation]:
    """Every stage x reason x channel x voice x address, and the offer and acceptance again
    with the facts of :data:`LATE`; the wording turns with the stage, reason and channel, so
    each voice and form of address is read in every wording."""
    late = [situations(**facts) for facts in LATE]
    for n, s in enumerate(itertools.chain(situations(), *late)):
        if n >= STAGES_X or s.stage in (Stage.OFFER, Stage.ACCEPTED):
            yield dataclasses.replace(s, wording=n // 6 % 3 + 1)


def broken_by(composer: Composer, s: Situation, reply: str) -> list[str]:
    """The round-10 rules ``s``'s draft and its answer of kind ``reply`` break."""
    channel, texts = channel_and_texts(composer, s, PROFILE)
    found = violations(rules_named("de", ROUND10), texts)
    answer = composer.compose_reply(s, PROFILE, reply).body_text
    facts = facts_of_reply(s, channel, reply, TODAY)
    found += violations(rules_named("de", IN_REPLIES), {"body": (answer, facts)})
    return [f"{label(s)}: {v}" for v in found]


def test_the_round10_rules_are_in_the_pack() -> None:
    assert set(ROUND10) <= set(pack_rules("de"))


def test_every_draft_keeps_the_round10_rules(composer: Composer) -> None:
    found: dict[str, None] = {}
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(cases()):
        found.update(dict.fromkeys(broken_by(composer, s, kinds[n % len(kinds)])))
    assert not found, "\n".join(list(found)[:12])


# --- kind 1: a call and its confirming e-mail do not say the door line the same way ---------
DOOR = re.compile(r"in Kontakt|Wege wieder|zusammen(?:zu)?arbeiten|Passendes")
SENTENCE = re.compile(r"(?<=[.?!])\s+")


def test_a_call_and_its_email_word_the_door_apart(composer: Composer) -> None:
    found = {}
    for s in situations(channel=Channel.PHONE, keep_door_open=True, reason=Reason.OTHER_OFFER):
        draft = composer.compose(s, PROFILE)
        said = " ".join(re.findall(r"„([^“]*)“", draft.phone_script or ""))
        for line in SENTENCE.split(" ".join(draft.body_text.split())):
            if DOOR.search(line) and line in said:
                found.setdefault(line, label(s))
    assert not found, found


# --- kind 2: the weight of the moment at the offer and after accepting ----------------------
THANKS = re.compile(r"\b(?:Dank|danke)", re.IGNORECASE)


def thanks_line(text: str) -> str:
    """The first sentence of a letter after its greeting: the thanks."""
    return SENTENCE.split(" ".join(text.split("\n\n", 1)[1].split()))[0]


def test_a_call_at_the_offer_or_after_accepting_thanks_for_the_offer(composer: Composer) -> None:
    """Its confirmation thanks for the offer (or for the trust it showed), not only for the
    call; after talks about the terms, for those talks too."""
    found = {}
    for negotiated in (False, True):
        for stage in (Stage.OFFER, Stage.ACCEPTED):
            for s in situations(stage=stage, channel=Channel.PHONE, negotiated=negotiated):
                if s.reason is Reason.RED_FLAGS:
                    continue
                line = thanks_line(composer.compose(s, PROFILE).body_text)
                wanted = r"Angebot|Vertrauen"
                if negotiated and stage is Stage.OFFER:
                    wanted = r"Angebot[^.]*Konditionen"
                if not (THANKS.search(line) and re.search(wanted, line)):
                    found.setdefault(line, label(s))
    assert not found, found


def test_a_negotiated_offer_is_declined_with_thanks_for_the_talks(composer: Composer) -> None:
    for s in situations(stage=Stage.OFFER, negotiated=True, channel=Channel.EMAIL):
        if s.reason is not Reason.RED_FLAGS:
            line = thanks_line(composer.compose(s, PROFILE).body_text)
            assert "Angebot" in line and "Konditionen" in line, (label(s), line)


#: An apology of the recruiter's own, not only regret passed on to the employer.
OWN_APOLOGY = re.compile(
    r"(?:Ihnen|dir) damit (?:[\w ]+ )?Umstände mache|Umstände für (?:Sie|dich)"
)


def test_the_recruiter_who_carries_a_rescission_gets_an_apology(composer: Composer) -> None:
    """The relay asks them to pass on regret to the employer; the note also owns what the
    rescission costs the recruiter („dass ich Ihnen damit … Umstände mache“, „Die Umstände
    für Sie …“)."""
    for facts in ({}, *LATE):
        for s in situations(stage=Stage.ACCEPTED, channel=Channel.RECRUITER, **facts):
            note = composer.compose(s, PROFILE).recruiter_note or ""
            assert OWN_APOLOGY.search(note), (label(s), note)


def test_a_counter_offer_is_met_with_appreciation_before_the_no(composer: Composer) -> None:
    for s in situations(kind=Kind.WITHDRAW):
        if s.reason is Reason.RED_FLAGS:
            continue
        text = composer.compose_reply(s, PROFILE, "counter-offer").body_text
        assert "zu schätzen" in text, (label(s), text)


def test_keep_you_in_mind_is_told_the_decision_stands(composer: Composer) -> None:
    for s in situations():
        if s.reason is not Reason.RED_FLAGS:
            text = composer.compose_reply(s, PROFILE, "reconsider-later").body_text
            assert "Entscheidung" in text, (label(s), text)


def test_a_call_after_interviews_is_confirmed_with_thanks_for_the_talks(composer: Composer) -> None:
    for stage in (Stage.INTERVIEWING, Stage.FINAL):
        for s in situations(stage=stage, channel=Channel.PHONE):
            if s.reason is not Reason.RED_FLAGS:
                line = thanks_line(composer.compose(s, PROFILE).body_text)
                assert "Gespräche" in line, (label(s), line)
