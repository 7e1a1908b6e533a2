"""German drafts as the native panel read them in round 17 (issue 26, seed 719), fixed in
round 18: each kind checked over stages, reasons, channels, voices, forms of address and
every wording, in every draft, its phone script with its branches and the answers to each
reply (the round-9 facts cycle with the wording, so each wording is fixed in turn).

- Thanks for the time, as English thanks: „Vielen Dank für Ihre Zeit“, „dass Sie sich kurz
  Zeit für diese Nachricht nehmen“, „Danke der Nachfrage“ twice in one phone script. A
  letter thanks for something concrete (the talks, the support, the offer) or not at all.
- A word echoed in the next sentence: „… nehme ich das Angebot leider nicht an. Das
  angebotene Gehalt …“, „Gern können wir kurz telefonieren … und gern bleiben wir …“.
- Compressed or stacked prepositions: „Bei einer anderen passenden Stelle würde ich mich
  freuen, wieder mit Ihnen zusammenzuarbeiten“, „für das Angebot für die Stelle“, „sage ich
  für die Stelle … ab“ (now „muss ich Ihnen für die Position als … absagen“).
- „Gern können wir …“ from the side that withdraws reads as granting a permission.
- At the applied stage the decision came third, after „vor Kurzem habe ich mich …
  beworben“ and a thanks (the LinkedIn note thanked for understanding before the news):
  the letter now opens with „ich ziehe meine Bewerbung als … bei … zurück“.
- „Die Stelle passt nicht zu meinen beruflichen Zielen.“ was blunt after interviews and in
  the warm voice: „Ich habe gemerkt, dass die Aufgabe nicht ganz zu meinen … passt.“
- „falls meine letzte Nachricht Sie nicht erreicht hat, hier noch einmal kurz:“ under
  „Sehr geehrte …“: „da ich noch keine Rückmeldung erhalten habe, bestätige ich gern …“.
"""

from __future__ import annotations

import pytest
from rule_corpus import broken, rules_named
from test_pack_de_round9 import PROFILE, TODAY, label, situations
from test_pack_de_round17 import ROUND_17

from bowout.core import Channel, Composer, Stage

ROUND_18 = (
    "de-thanks-for-something-concrete",
    "de-no-echo-in-the-next-sentence",
    "de-no-stacked-prepositions",
    "de-the-withdrawing-side-grants-nothing",
    "de-applied-the-decision-comes-first",
    "de-a-misfit-is-said-softly",
    "de-a-follow-up-keeps-the-register",
)


#: One composer for the module, dated as in round 9.
COMPOSER = Composer(today=lambda: TODAY)


@pytest.mark.parametrize("channel", list(Channel), ids=lambda c: c.value)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_thanks_echoes_prepositions_and_the_decision_first(stage: Stage, channel: Channel) -> None:
    """One stage on one channel, the wordings cycled (so each case stays short); round 17's
    key-noun rules too, since round 18 reworded decisions and reasons."""
    rules = rules_named("de", ROUND_18 + ROUND_17)
    found = broken(COMPOSER, situations(stage=stage, channel=channel), PROFILE, rules, label)
    assert not found, "\n".join(found[:12])


def test_the_applied_letter_opens_with_the_decision() -> None:
    """The first line after the greeting withdraws, naming role and company."""
    for s in situations(stage=Stage.APPLIED, channel=Channel.EMAIL):
        body = COMPOSER.compose(s, PROFILE).body_text
        first = body.split("\n\n")[1]
        assert first[0].islower() and "zurück" in first.split(".")[0], (label(s), first)
