"""The French pack against what the tenth native panel marked (issue 26, round 16).

Each kind is a rule of templates/fr/wording/rules.toml, checked over round 10's matrix (stages
x reasons x channels x voices x wordings x forms of address, the phone script with its
branches, every reply kind) and over the door kept open, with rapport or not, at every stage:
after applying nobody has met, so no line presumes a meeting (« Au plaisir de vous
recroiser », FALSE for the panel, draft 3); stiff lines and calques (« Je reste joignable à
l'avenir », « Il vous confirmait le retrait », « Je vous remercie de notre entretien
téléphonique », drafts 5, 6, 10, 12); the tone pitched to the stage: an offer declined says a
word of regret in every voice (drafts 4, 11), a bare application is no « mûre réflexion »
(draft 3), and a declined offer or a final-round withdrawal is not signed off with a bare
« Cordialement » (drafts 2, 4, 12).
"""

from __future__ import annotations

import functools
import itertools

import pytest
from rule_corpus import Texts, pack_rules, texts_of
from test_pack_fr_round10 import NAMES, PROFILE, TODAY, corpus

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.vocabulary import Address
from bowout.core.wording import violations

RULE_IDS = (
    "no-meeting-presumed-after-applying",
    "no-stiff-door-or-calque",
    "a-declined-offer-says-its-regret",
    "no-solemn-reflection-for-an-application",
    "a-late-withdrawal-is-not-signed-off-coldly",
)


# The first case builds round 10's corpus (about 14,000 drafts and replies) on a shared machine.
@pytest.mark.timeout(600)
@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_no_draft_script_or_reply_breaks_the_rule(rule_id: str) -> None:
    rule = pack_rules("fr")[rule_id]
    found = [f"{where}: {v}" for where, texts in corpus() for v in violations((rule,), texts)]
    assert not found, "\n".join(found[:10])


@functools.cache
def doors_kept_open(stage: Stage) -> tuple[tuple[str, Texts], ...]:
    """Every draft and reply at ``stage`` with the door kept open, with rapport or not: each
    reason, channel, voice, wording and form of address (round 10's corpus keeps the door
    open only at the offer and accepted stages)."""
    composer = Composer(today=lambda: TODAY)
    out: list[tuple[str, Texts]] = []
    cells = itertools.product(Reason, Channel, Voice, (1, 2, 3), Address, (False, True))
    for reason, channel, voice, wording, address, rapport in cells:
        s = Situation(language="fr", stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, address=address, keep_door_open=True, rapport=rapport,
                      **NAMES)  # fmt: skip
        place = f"{reason.value}/{voice.value}/{address.value}/rapport={rapport}"
        out += texts_of(composer, s, PROFILE, place, subject=True)
    return tuple(out)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_a_door_kept_open_fits_the_stage(stage: Stage) -> None:
    """Draft 3: « Au plaisir de vous recroiser » after a bare application; drafts 5 and 12:
    « Je reste joignable à l'avenir »; and the rest of the round's kinds, door kept open."""
    chosen = tuple(pack_rules("fr")[rule_id] for rule_id in RULE_IDS)
    found = [f"{where}: {v}" for where, texts in doors_kept_open(stage)
             for v in violations(chosen, texts)]  # fmt: skip
    assert not found, "\n".join(found[:10])
