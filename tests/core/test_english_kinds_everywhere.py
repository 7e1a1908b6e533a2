"""Three kinds English fixed, held in every language whose pack states them (issue 26).

- A door line (staying in touch, future openings, working together again) appears only when
  the user chose to keep the door open or to stay in touch: in the draft, the phone script
  with its branches, and every reply (a reply to "we will keep you in mind" included).
- No draft says what the employer did to get ready for the start (a team preparing for it):
  the facts cannot know it; an accepted offer is enough to apologise for.
- No draft claims pay talks that never happened ("we are too far apart on pay"): without a
  failed conversation on record, the pay is simply below what the user needs.

Checked over stages x reasons x channels x voices x wordings x forms of address, with every
reply kind, in each pack whose rules.toml holds the rule by its id.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools

import pytest
from rule_corpus import texts_of

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.vocabulary import Address
from bowout.core.wording import Rule, parse_rules, violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Priya Nair", "role": "Data Analyst", "company": "Northwind Traders"}
RULE_IDS = (
    "the-door-is-open-only-when-chosen",
    "claim-no-preparation-the-facts-lack",
    "no-pay-talks-that-never-happened",
)


@functools.cache
def pack_rules(language: str) -> dict[str, Rule]:
    text = (paths.pack_dir(language) / "wording" / "rules.toml").read_text(encoding="utf-8")
    return {rule.id: rule for rule in parse_rules(text)}


CASES = [
    (language, rule_id)
    for language in paths.available_languages()
    for rule_id in RULE_IDS
    if rule_id in pack_rules(language)
]


def situations(language: str) -> list[Situation]:
    """Every stage x reason x channel x voice x wording x address, the door left shut and
    no talks on record."""
    return [
        Situation(
            stage=stage,
            reason=reason,
            channel=channel,
            voice=voice,
            wording=wording,
            language=language,
            address=address,
            **NAMES,
        )
        for stage, reason, channel, voice, wording, address in itertools.product(
            Stage, Reason, Channel, Voice, (1, 2, 3), Address
        )
    ]


@functools.cache
def corpus(language: str) -> tuple[tuple[str, dict[str, tuple[str, dict[str, str]]]], ...]:
    """Each draft (its body, and its phone script with the branches) and each reply to its
    first wording, with the facts it was written for, named by where it comes from."""
    composer = Composer(today=lambda: TODAY)
    out = []
    for s in situations(language):
        place = f"{s.stage.value}/{s.reason.value}/{s.voice.value}/{s.address.value}"
        out += texts_of(composer, s, PROFILE, place)
    return tuple(out)


# The first case of each language builds that language's corpus (every draft, script and
# reply): with coverage on, the Spanish one took over 120 s, which the later cases then share.
@pytest.mark.timeout(600)
@pytest.mark.parametrize(("language", "rule_id"), CASES)
def test_no_draft_or_reply_breaks_the_rule(language: str, rule_id: str) -> None:
    rule = pack_rules(language)[rule_id]
    found = [
        f"{where}: {v}" for where, texts in corpus(language) for v in violations((rule,), texts)
    ]
    assert not found, "\n".join(found[:10])


def test_the_rules_read_the_sentences_they_keep_out() -> None:
    """Each pack's rules know the sentences found (not rules of nothing): a door line with
    the door shut, the team's preparations, talks that never happened."""
    shut = {"keep_door_open": "false", "stay_in_touch": "false", "negotiated": "false"}
    door, prepared, talks = RULE_IDS
    samples = [
        ("es", door, "Me encantará seguir en contacto y conocer futuras vacantes."),
        ("es", prepared, "Sé que el equipo ya estaba preparando mi incorporación."),
        ("de", door, "Ich würde mich freuen, wenn sich unsere Wege wieder kreuzen."),
        ("de", prepared, "Ich weiß, dass sich das Team bereits auf meinen Start vorbereitet hat."),
        ("fr", door, "Je continuerai volontiers à travailler avec vous sur d’autres postes."),
        ("fr", prepared, "Je sais que votre équipe préparait déjà ma prise de poste."),
        ("de", talks, "Bei der Vergütung liegen wir leider zu weit auseinander."),
        ("fr", talks, "Nos positions sur la rémunération sont trop éloignées."),
        ("es", talks, "No logramos llegar a un acuerdo sobre el salario."),
    ]
    for language, rule_id, sentence in samples:
        rule = pack_rules(language)[rule_id]
        assert violations((rule,), {"body": (sentence, shut)}), (language, sentence)


def test_every_pack_states_every_rule() -> None:
    assert len(CASES) == len(RULE_IDS) * len(paths.available_languages()), CASES
