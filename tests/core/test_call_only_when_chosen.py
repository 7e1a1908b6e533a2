"""A call to the hiring manager only when the user chose it (issues 21 and 26).

Readers marked false "Please let Amara Okafor know; I'll call too.", "help me arrange a short
call so that I can explain it myself", « Je tiens également à l'appeler personnellement »,
« Me gustaría llamar personalmente a … » and "würde ich ihn auch selbst anrufen": each
promises a call the user never chose, so the hiring manager waits for one that may never
come. The fact ``will_call`` ("I'll also call the hiring manager myself") is the user's
choice; without it no text promises a call, arranges one or speaks of explaining in person.

Checked over stages x reasons x channels x voices x wordings x forms of address, with and
without goodwill, and every reply kind, in every language: by each pack's rule
``a-call-only-when-chosen`` and, apart from the packs, by this file's own patterns.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re

import pytest
from rule_corpus import texts_of

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.composer import facts_of_channel
from bowout.core.goodwill import Goodwill
from bowout.core.situation import Kind, Voice
from bowout.core.vocabulary import Address
from bowout.core.wording import Rule, parse_rules, violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {
    "contact": "Priya Nair",
    "role": "Data Analyst",
    "company": "Northwind Traders",
    "recruiter": "Tom Baker",
}
#: A draft's texts by part, each with the facts it was written for.
Texts = dict[str, tuple[str, dict[str, str]]]
RULE_ID = "a-call-only-when-chosen"
CHOSEN_RULE_ID = "a-chosen-call-is-in-the-recruiter-note"

#: A promised call or explanation in person, in each language: the panels' sentences and
#: their kin (kept here, apart from the packs' rules, so a pack cannot drop its own rule
#: and pass).
PROMISED_CALL = {
    "en": re.compile(
        r"I.ll call|\bI will (also )?call\b|arrange (a|the) (short )?call|"
        r"(say|explain) it (myself|in person)|when I call|on that call",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"selbst an(rufen|\b)|persönlich an(rufen|\b)|meinen Anruf an(kündig|\b)", re.IGNORECASE
    ),
    "fr": re.compile(r"l[’']appeler|appeler personnellement|organiser (un|l[’']) ?appel", re.I),
    "es": re.compile(r"llamar personalmente|organizar la llamada|para explicárselo", re.I),
}


@functools.cache
def pack_rules(language: str) -> dict[str, Rule]:
    text = (paths.pack_dir(language) / "wording" / "rules.toml").read_text(encoding="utf-8")
    return {rule.id: rule for rule in parse_rules(text)}


def situations(language: str, stage: Stage) -> list[Situation]:
    """Every reason x channel x voice x wording x address at ``stage``, no call chosen; at
    ``accepted`` with every goodwill choice (offered where it fits) and without."""
    out = []
    # English has one form of address: the informal one would only repeat the formal.
    addresses = (Address.FORMAL,) if language == "en" else tuple(Address)
    for reason, channel, voice, wording, address in itertools.product(
        Reason, Channel, Voice, (1, 2, 3), addresses
    ):
        s = Situation(
            stage=stage, reason=reason, channel=channel, voice=voice, wording=wording,
            language=language, address=address, via_recruiter=True, **NAMES,
        )  # fmt: skip
        out.append(s)
        if stage is Stage.ACCEPTED:
            out.append(dataclasses.replace(s, goodwill=tuple(Goodwill)))
    return out


@functools.cache
def corpus(language: str, stage: Stage) -> tuple[tuple[str, Texts], ...]:
    """Each draft (body, subject, and the phone script with its branches) and each reply
    to its first wording, with the facts it was written for, named by where it comes from."""
    composer = Composer(today=lambda: TODAY)
    out = []
    for s in situations(language, stage):
        place = (
            f"{s.stage.value}/{s.reason.value}/{s.voice.value}/{s.address.value}"
            f"/goodwill={len(s.goodwill_offered)}"
        )
        out += texts_of(composer, s, PROFILE, place, subject=True)
    return tuple(out)


LANGUAGES = paths.available_languages()


def test_every_pack_states_both_rules() -> None:
    missing = [
        (language, rule_id)
        for language in LANGUAGES
        for rule_id in (RULE_ID, CHOSEN_RULE_ID)
        if rule_id not in pack_rules(language)
    ]
    assert not missing


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_promises_a_call_the_user_did_not_choose(language: str, stage: Stage) -> None:
    rule = pack_rules(language).get(RULE_ID)
    found = []
    for where, texts in corpus(language, stage):
        if rule is not None:
            found += [f"{where}: {v}" for v in violations((rule,), texts)]
        for part, (text, facts) in texts.items():
            if facts["kind"] == Kind.NEGOTIATE.value:
                continue  # a request to talk is the user's own choice of a conversation
            match = PROMISED_CALL[language].search(text)
            if match:
                found.append(f"{where} ({part}): {match.group()!r}")
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("voice", list(Voice))
@pytest.mark.parametrize("address", list(Address))
def test_the_recruiter_note_relays_the_decision_and_promises_a_call_only_when_chosen(
    language: str, voice: Voice, address: Address
) -> None:
    """Rescinding through a recruiter: without the choice the note asks them to pass the
    decision on; with it, the note says the user will call too (every wording)."""
    composer = Composer(today=lambda: TODAY)
    for reason, wording, goodwill in itertools.product(Reason, (1, 2, 3), ((), tuple(Goodwill))):
        s = Situation(
            stage=Stage.ACCEPTED, reason=reason, channel=Channel.RECRUITER, voice=voice,
            wording=wording, language=language, address=address, goodwill=goodwill, **NAMES,
        )  # fmt: skip
        plain = composer.compose(s, PROFILE).body_text
        assert "Priya" in plain, plain  # the recruiter is asked to tell the hiring manager
        assert not PROMISED_CALL[language].search(plain), plain
        called = composer.compose(dataclasses.replace(s, will_call=True), PROFILE).body_text
        assert PROMISED_CALL[language].search(called), called
        written = facts_of_channel(s, Channel.RECRUITER, "recruiter", TODAY)
        chosen = {**written, "will_call": "true"}
        rules = pack_rules(language)
        assert not violations((rules[CHOSEN_RULE_ID],), {"body": (called, chosen)}), called


def test_the_rules_read_the_sentences_the_panels_marked() -> None:
    """Each pack's rule knows the sentence its panel marked false."""
    not_chosen = {"will_call": "false", "kind": "withdraw"}
    samples = [
        ("en", "Please let Amara Okafor know; I'll call too."),
        ("en", "Help me arrange a short call so that I can explain it myself?"),
        ("fr", "Je tiens également à l’appeler personnellement, si vous pouvez m’y aider."),
        ("es", "Me gustaría llamar personalmente a Tomás Herrera para explicárselo."),
        ("de", "Wenn Sie das vermitteln können, würde ich ihn auch selbst anrufen."),
    ]
    for language, sentence in samples:
        rule = pack_rules(language)[RULE_ID]
        assert violations((rule,), {"body": (sentence, not_chosen)}), (language, sentence)
        assert PROMISED_CALL[language].search(sentence), (language, sentence)


def test_stored_situations_without_the_fact_read_as_not_chosen() -> None:
    data = Situation(stage=Stage.ACCEPTED, channel=Channel.RECRUITER).to_dict()
    assert data["will_call"] is False
    del data["will_call"]
    assert Situation.from_dict(data).will_call is False
    assert Situation.from_dict({**data, "will_call": True}).will_call is True
