"""German drafts as the native panel read them in round 13 (issue 26; merged in round 14):
sentences built in English or from stock frames, and reasons that know more than the facts,
each kind checked over every stage x reason x channel x voice x form of address, the
wordings cycled, the phone script with its branches and every reply kind.

- The reason stays at the level of the facts: no discovery about the daily work („Seit ich
  mehr über die tägliche Arbeit weiß“), no published „Gehaltsband“; through a recruiter no
  talks the user held („Wie besprochen, konnten wir uns … nicht einigen“).
- German word order: „Ich habe bereits die Umzugsbeihilfe erhalten; bitte …“, not „Was die
  Umzugsbeihilfe betrifft, die ich erhalten habe:“; „Angebot für die Position“; no comma
  after a leading „Wie besprochen“; no stock „Mir ist bewusst, dass …, und das tut mir leid“.
- Two sentences in a row never open alike („Ich hoffe … Ich hoffe …“), and staying in touch
  is asked, not hedged twice („Vielleicht bleiben wir trotz allem weiterhin in Kontakt“).

The rules are in templates/de/wording/rules.toml; tests/core/rule_corpus.py builds the texts.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rule_corpus import broken, pack_rules, rules_named
from test_pack_de_round9 import PROFILE, TODAY, label, situations

from bowout.core import Composer, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Money

FRAMES = (
    "de-reason-at-the-level-of-the-facts",
    "de-no-talks-claimed-through-a-recruiter",
    "de-no-frame-built-in-english",
    "de-no-opener-twice-in-a-row",
)
#: Facts that bring out the door lines, the money received and a recap of failed talks.
FACTS: tuple[dict[str, object], ...] = (
    {"keep_door_open": True, "rapport": True, "goodwill": tuple(Goodwill)},
    {"relocation_assistance": Money.PAID, "keep_door_open": True, "will_call": True},
    {"negotiated": True, "deal_breaker": DealBreaker.PAY, "via_recruiter": True},
)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def cases(stage: Stage) -> Iterator[Situation]:
    """Every reason x channel x voice x address at ``stage``, with each set of facts."""
    for facts in FACTS:
        yield from (s for s in situations(**facts) if s.stage is stage)


def test_the_round13_frame_rules_are_in_the_pack() -> None:
    assert set(FRAMES) <= set(pack_rules("de"))


@pytest.mark.parametrize("stage", list(Stage), ids=lambda stage: stage.value)
def test_every_draft_and_answer_keeps_the_round13_frame_rules(
    composer: Composer, stage: Stage
) -> None:
    """Per stage, so that one case stays well inside the per-test time limit under load."""
    found = broken(composer, cases(stage), PROFILE, rules_named("de", FRAMES), label)
    assert not found, "\n".join(found[:12])
