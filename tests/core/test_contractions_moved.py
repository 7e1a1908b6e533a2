"""English never contracts a verb whose complement moved ahead of it (issue 21).

"The more I have learned about the job, the clearer it is that it does not match" read, in
the warm voice, "the clearer it's that it doesn't match": a panel reader took it for a bug.
The pack's ``[uncontracted]`` table keeps such a phrase in full; every phrasing of every
contracting English voice is checked, and the draft that showed it.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.wording.contractions import compile_contractions

PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")

#: A contracted copula right after a moved predicate, written independently of the pack.
MOVED_THEN_CONTRACTED = re.compile(
    r"\b(?:the (?:more|less|\w+er)(?: \w+)?|how \w+|as \w+ as) "
    r"(?:I'm|you're|we're|it's|that's|there's|what's)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer()


def test_a_moved_predicate_keeps_its_verb_in_full() -> None:
    table = {"it is": "it's", "I am": "I'm", "I have learned": "I've learned"}
    kept = (r"\b(?:the \w+er|how \w+) (?:it is|I am)",)
    contractions = compile_contractions(table, kept)
    assert contractions.apply("The more I have learned here, the clearer it is that I am out.") == (
        "The more I've learned here, the clearer it is that I'm out."
    )
    assert contractions.apply("I know how glad I am that it is over.") == (
        "I know how glad I am that it's over."
    )
    # Without the table, both contract (what the English pack did before).
    assert "clearer it's" in compile_contractions(table).apply("the clearer it is that")


@pytest.mark.parametrize("voice", ["warm", "brief"])
def test_no_contracting_voice_contracts_after_a_moved_predicate(
    composer: Composer, voice: str
) -> None:
    book = composer.wording.voicebook(voice)
    assert book.contract
    phrasings = [
        p
        for layers in book.slots.values()
        for variants in layers
        for variant in variants
        for p in variant.phrasings
    ]
    assert phrasings
    bad = [p for p in phrasings if MOVED_THEN_CONTRACTED.search(p)]
    assert bad == []


def test_the_panels_draft_reads_it_is(composer: Composer) -> None:
    situation = Situation(
        stage=Stage.FINAL,
        reason=Reason.NOT_A_FIT,
        channel=Channel.LINKEDIN,
        voice=Voice.WARM,
        rapport=True,
        keep_door_open=True,
        contact="Tomás Ruiz",
        role="Senior Backend Engineer",
        company="Contoso Health",
    )
    wordings = [dataclasses.replace(situation, wording=n) for n in (1, 2, 3)]
    bodies = [composer.compose(s, PROFILE).body_text for s in wordings]
    assert any("the clearer it" in b for b in bodies)
    assert not any(MOVED_THEN_CONTRACTED.search(b) for b in bodies)
