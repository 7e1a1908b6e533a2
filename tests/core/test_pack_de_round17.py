"""German drafts as the native panel read them in round 16 (issue 26), fixed in round 17:
each kind checked over stages, reasons, channels, voices, forms of address and every
wording (the facts of round 9 cycle with the wording, so each wording is also fixed in
turn), in every draft, its phone script with its branches and the answers to each reply.

- The phone script said „Angebot“ in the thanks and again in the decision; the rule that
  keeps a key noun out of two sentences in a row missed it, because a closing quotation
  mark stood between them. It now reads through quotation marks and brackets (not through
  the script's own instruction, „Die Entscheidung klar sagen:“).
- The recruiter's letter named „Bewerbung“ in the thanks and in the decision; letters said
  „Stelle“ in the thanks, the reason, the door and the close. A key noun (application,
  offer, position, talk, decision) is said at most once in two sentences in a row and at
  most twice in a letter.
- „Guten Tag, …“ in the warm voice to someone the user knows: with rapport the letter greets
  „Liebe Frau …“ / „Lieber Herr …“, „Hallo, …“ without an Anrede, „Liebe Priya,“ with du.
- A request to talk said „Stelle“ in the thanks, the interest and the point („den Umzug für
  die Stelle“), and „Gespräch“ in the thanks, the ask and the close; the call's talking
  points said „Stelle“ twice in a row.
- „informieren“ read as office German: the recruiter is asked to pass the news on („Könnten
  Sie meine Absage bitte an Frau Okafor weitergeben?“), and the recruiter's thanks say what
  the recruiter did („… für die Position als … vorgeschlagen und begleitet“).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from rule_corpus import breaks, broken, drafts_of, request_label, rules_named
from test_pack_de_round9 import NAMES, PROFILE, TODAY, label, situations

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Voice
from bowout.core.vocabulary import Address

ROUND_17 = (
    "de-the-key-noun-once-in-a-row",
    "de-a-key-noun-at-most-twice-in-a-letter",
    "de-with-rapport-the-warm-greeting-is-personal",
    "de-no-officialese-informieren",
)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("wording", [1, 2, 3])
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_key_nouns_greetings_and_plain_words(
    composer: Composer, stage: Stage, wording: int
) -> None:
    cases = situations(stage=stage, wording=wording)
    found = broken(composer, cases, PROFILE, rules_named("de", ROUND_17), label)
    assert not found, "\n".join(found[:12])


@pytest.mark.parametrize("wording", [1, 2, 3])
def test_with_rapport_the_warm_voice_greets_a_person_it_knows(
    composer: Composer, wording: int
) -> None:
    """After red flags too, and to the recruiter: the rule's facts, fixed in every wording."""
    cases = situations(voice=Voice.WARM, rapport=True, wording=wording)
    rules = rules_named("de", ROUND_17[2:3])
    found = broken(composer, cases, PROFILE, rules, label)
    assert not found, "\n".join(found[:12])


def test_the_phone_script_names_the_offer_once(composer: Composer) -> None:
    """The script's thanks name the offer; the decision after it says „absagen“."""
    for s in situations(stage=Stage.OFFER, channel=Channel.PHONE):
        script = composer.compose(s, PROFILE).phone_script or ""
        thanks = script.split("Danken: „", 1)[1].split("“", 1)[0]
        decision = script.split("klar sagen: „", 1)[1].split("“", 1)[0]
        assert not ("Angebot" in thanks and "Angebot" in decision), (label(s), thanks, decision)


def test_the_recruiter_is_thanked_for_what_they_did(composer: Composer) -> None:
    for s in situations(channel=Channel.RECRUITER, wording=1):
        body = composer.compose(s, PROFILE).body_text
        thanks = body.split("\n\n")[1]
        assert "Unterstützung" in thanks or "Einsatz" in thanks, (label(s), thanks)
        assert "Bewerbung" not in thanks, (label(s), thanks)


def requests() -> Iterator[Situation]:
    """Every stage x deal-breaker x channel x voice x address of a request to talk, the
    wordings and rapport cycled."""
    stages = (Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED)
    cases = itertools.product(stages, DealBreaker, Channel, Voice, Address)
    for n, (stage, point, channel, voice, address) in enumerate(cases):
        yield Situation(language="de", stage=stage, reason=Reason.PERSONAL, kind=Kind.NEGOTIATE,
                        deal_breaker=point, channel=channel, voice=voice, address=address,
                        wording=n % 3 + 1, rapport=n % 2 == 0,
                        decide_by=TODAY + dt.timedelta(days=6), **NAMES)  # fmt: skip


def test_a_request_to_talk_says_a_key_noun_once(composer: Composer) -> None:
    corpus = drafts_of(composer, requests(), PROFILE, request_label)
    found = breaks(rules_named("de", ROUND_17), corpus)
    assert not found, "\n".join(found[:12])
