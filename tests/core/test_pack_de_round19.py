"""German drafts as the native panel read them in round 19 (issue 26, seed 721), each kind
held over stages, reasons, channels, voices, forms of address and wordings, in every draft,
its phone script with its branches and the answers to each reply.

- „vielen Dank für Ihre Unterstützung rund um die Position als …“ read as "around the role":
  the recruiter is thanked for the support „auf dem Weg zur Position als …“ (no selection
  process claimed before there was one, no „Bewerbung“ before the decision names it).
- „Ein anderes Angebot passt für mich besser.“ read as colloquial ("works better for me"):
  „Ich habe ein anderes Angebot erhalten, das besser zu mir passt.“
- „Meine Bewerbung ziehe ich leider zurück.“ fronts the object and sounds abrupt: „Leider ziehe
  ich meine Bewerbung zurück.“ (and „Leider muss ich das Angebot ablehnen.“).
- „dass die Position nicht zu meiner beruflichen Richtung passt“: „dass die Stelle doch nicht
  zu mir passt“.
- „Gern bleibe ich mit Ihnen in Kontakt. Ich wünsche Ihnen alles Gute.“ read as two stock
  lines: one sentence, „Gern bleibe ich mit Ihnen in Kontakt und wünsche Ihnen alles Gute.“
- The call's branches said „danke der Nachfrage“ twice in a row: the answer to a request for
  feedback begins „Gern – …“.
- With rapport after interviews, „ich danke Ihnen für die Gespräche“ could go to anyone: „für
  die angenehmen und offenen Gespräche“.

The next panel (seed 723) read two more, held by the same matrix:

- An answer to „we would keep you in mind“ wished twice („Ich wünsche Ihnen weiterhin alles
  Gute. Ich wünsche Ihnen alles Gute.“): the answer ends on the decision, the close wishes.
- The call's answer to a request for feedback praised everyone the user met without any
  rapport given: „Ehrlich gesagt habe ich nichts zu bemängeln.“, the praise with rapport only.
"""

from __future__ import annotations

import pytest
from rule_corpus import broken, rules_named
from test_pack_de_round9 import PROFILE, TODAY, label, situations

from bowout.core import Composer, Situation, Stage


def cases(stage: Stage, door: bool) -> list[Situation]:
    """The matrix of round 9 at ``stage``, the door open or not, with rapport (the panel's
    draft 9) and without."""
    return [s for rapport in (True, False)
            for s in situations(stage=stage, keep_door_open=door, rapport=rapport)]  # fmt: skip


@pytest.mark.parametrize("door", [True, False], ids=["door", "no-door"])
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_round_19_kinds_everywhere(stage: Stage, door: bool) -> None:
    rules = rules_named(
        "de",
        (
            "de-no-phrase-the-panel-heard-round-19",
            "de-the-door-and-the-wish-are-one-sentence",
            "de-a-script-formula-once",
            "de-with-rapport-the-thanks-say-what-the-talks-were-like",
            "de-a-wish-once",
            "de-praise-for-the-people-only-with-rapport",
        ),
    )
    found = broken(Composer(today=lambda: TODAY), cases(stage, door), PROFILE, rules, label)
    assert not found, "\n".join(found[:12])
