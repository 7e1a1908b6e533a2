"""A phone script is said aloud, so it contracts in every voice (issue 21).

The English panel read a formal script's "I have decided to withdraw my acceptance… I am
truly sorry… I will confirm this by email" as a letter read out, not a person speaking. The
formal voice still spells its letters out (the confirming email keeps "I have decided"); what
is said on the call contracts as the warm and brief voices do. Languages without a
``[contractions]`` table (German, French, Spanish) are untouched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.core.situation import Voice

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
pytestmark = pytest.mark.timeout(600)

#: A phrase a speaker contracts when a word follows it (written here, not taken from the pack).
SPELLED_OUT = re.compile(
    r"\b(?:I am|I will|I would|I have (?:decided|accepted|taken|been)|do not|does not|cannot"
    r"|that is|there is|it is|you are|we are)\b(?=\s+[\w\"“])",
    re.IGNORECASE,
)
#: A predicate moved ahead of its verb keeps the verb in full ("how glad I am that").
MOVED = re.compile(r"\b(?:the \w+er|how \w+|as \w+ as)\s*$", re.IGNORECASE)
#: What is said on the call: the quoted lines of the script and the branches' words.
QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”")


def spelled_out(spoken: str) -> list[str]:
    """The phrases of ``spoken`` a speaker would have contracted."""
    return [
        m.group() for m in SPELLED_OUT.finditer(spoken) if not MOVED.search(spoken[: m.start()])
    ]


def situations(voice: Voice) -> list[Situation]:
    cases = []
    for stage, reason, rapport in itertools.product(Stage, Reason, (False, True)):
        cases.append(
            Situation(
                stage=stage, reason=reason, channel=Channel.PHONE, voice=voice, rapport=rapport,
                contact="Priya Nair", role="Data Analyst", company="Northwind Traders",
                keep_door_open=not rapport,
                goodwill=(Goodwill.HANDOVER,) if stage is Stage.ACCEPTED else (),
            )
        )  # fmt: skip
    return cases


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_every_voice_contracts_what_is_said_on_the_call(composer: Composer, voice: Voice) -> None:
    found = []
    for situation in situations(voice):
        for wording in (1, 2, 3):
            draft = composer.compose(dataclasses.replace(situation, wording=wording), PROFILE)
            said = [
                a or b
                for text in (draft.phone_script or "", *(t for _, t in draft.phone_branches))
                for a, b in QUOTED.findall(text)
            ]
            said += [t for _, t in draft.phone_branches if '"' not in t and "“" not in t]
            for line in said:
                if spelled_out(line):
                    label = f"{situation.stage.value}/{situation.reason.value}/w{wording}"
                    found.append(f"{label}: {spelled_out(line)} in {line!r}")
    assert not found, "\n".join(found[:12])


def test_the_formal_letter_still_spells_its_words_out(composer: Composer) -> None:
    situation = Situation(
        stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, channel=Channel.PHONE,
        voice=Voice.FORMAL, contact="Priya Nair", role="Data Analyst",
        company="Northwind Traders",
    )  # fmt: skip
    draft = composer.compose(situation, PROFILE)
    assert "I have decided" in draft.body_text
    assert "I've decided" in (draft.phone_script or "")
