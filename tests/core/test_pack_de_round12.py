"""German drafts as the native panel read them in round 12 (issue 26), each kind checked over
stages, reasons, channels, voices, forms of address, wordings and reply kinds.

- A stay-in-touch line is said as German says it („Gern bleibe ich mit Ihnen in Kontakt,
  falls sich künftig eine passende Stelle ergibt.“), not the bare „Ich würde gern in Kontakt
  bleiben.“ translated from English; „Es wäre schön, wenn wir … blieben“ keeps the mood.

The rules are in templates/de/wording/rules.toml; the test here runs them over every stage x
reason x channel x voice x form of address, each wording, the phone script with its
branches and every reply kind (tests/core/rule_corpus.py builds the texts).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from rule_corpus import broken, pack_rules, rules_named
from test_pack_de_round9 import PROFILE, TODAY, label, situations

from bowout.core import Composer, Situation, Stage
from bowout.core.goodwill import Goodwill

ROUND12 = ("de-stay-in-touch-as-german-says-it",)
#: Facts that bring out the door lines.
DOORS = ({"keep_door_open": True}, {"keep_door_open": True, "goodwill": tuple(Goodwill)})


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def cases() -> Iterator[Situation]:
    """Every stage x reason x channel x voice x address (the wordings cycled), with the door
    kept open, then in the other two wordings, then with every goodwill line chosen."""
    for wording in (0, 1, 2):
        for n, s in enumerate(situations(**DOORS[0])):
            yield dataclasses.replace(s, wording=(n + wording) % 3 + 1)
    yield from situations(**DOORS[1])


def test_the_round12_rules_are_in_the_pack() -> None:
    assert set(ROUND12) <= set(pack_rules("de"))


@pytest.mark.parametrize("stage", list(Stage), ids=lambda stage: stage.value)
def test_every_draft_and_answer_keeps_the_round12_rules(
    composer: Composer,
    stage: Stage,
) -> None:
    """Per stage, so that one case stays well inside the per-test time limit under load."""
    held = rules_named("de", ROUND12)
    found = broken(composer, (s for s in cases() if s.stage is stage), PROFILE, held, label)
    assert not found, "\n".join(found[:12])
