"""The Spanish pack against the kinds two fresh native panels named (issue 26, round 23).

The seed-726 and seed-727 panels read a decision and its reason in two clipped sentences
(«Me retiro del proceso de selección. He aceptado la propuesta de otra empresa.», «He decidido
retirar mi candidatura. He aceptado otra propuesta de trabajo.»); «propuesta» for a job offer;
the same root in two sentences in a row («Por motivos de traslado… ¿Podría trasladárselo…?»,
«Le agradezco… transmitir mi agradecimiento»); leísmo to a woman reader («Ha sido un placer
conocerle» to Amara and Priya: the pack cannot always know the reader's sex, so the sentence
says «hablar con usted»); «Le deseo lo mejor para encontrar a la persona adecuada» (a calque);
a stock trio of closing lines after declining an offer with rapport and the door open («Me
encantaría que siguiéramos en contacto. Ha sido un placer conocerle. Le deseo mucho acierto en
la selección.»); and «de verdad» said again and again in a call, or «a usted y al equipo»
twice in one letter.

Each kind is a rule of ``templates/es/wording/rules.toml`` read over every draft, phone script
(with its branches) and reply of round 10's matrix, round 15's (goodwill, money received,
through a recruiter) and round 13's requests to talk, through round 20's ``every_break``.
"""

from __future__ import annotations

import pytest
from test_pack_es_round10 import CHUNK_IDS, CHUNKS
from test_pack_es_round20 import every_break
from test_pack_es_round22 import reads_the_marked

from bowout.core import Stage
from bowout.core.situation import Voice

RULE_IDS = (
    "es-a-decision-takes-its-reason",
    "es-a-job-offer-is-an-oferta",
    "es-a-root-once-in-a-row",
    "es-no-leismo-to-a-reader",
    "es-wishes-said-natively",
    "es-a-phrase-once-in-a-text",
)

OTHER = {"reason": "other-offer", "kind": "withdraw", "reply": "none", "channel": "recruiter"}

#: (rule, facts, what a panel read, its native rewrite)
MARKED = [
    ("es-a-decision-takes-its-reason", OTHER,
     "Me retiro del proceso de selección. He aceptado la propuesta de otra empresa.",
     "Retiro mi candidatura porque he aceptado una oferta de otra empresa."),
    ("es-a-decision-takes-its-reason", OTHER,
     "He decidido retirar mi candidatura. He aceptado otra propuesta de trabajo.",
     "He decidido retirar mi candidatura, ya que he aceptado otra oferta de trabajo."),
    ("es-a-job-offer-is-an-oferta", {},
     "Le escribo para comunicarle que retiro mi candidatura. He aceptado otra propuesta de "
     "trabajo.",
     "He decidido retirar mi candidatura, ya que he aceptado otra oferta de trabajo."),
    ("es-a-job-offer-is-an-oferta", {},
     "Lo he meditado con calma y he decidido no aceptar su propuesta.",
     "Lo he meditado con calma y he decidido no aceptarla."),
    ("es-a-root-once-in-a-row", {},
     "Por motivos de traslado, he decidido retirar mi candidatura. ¿Podría trasladárselo a "
     "Amara Okafor, por favor?",
     "Por motivos de traslado, he decidido retirar mi candidatura. ¿Podría comunicárselo a "
     "Amara Okafor, por favor?"),
    ("es-a-root-once-in-a-row", {},
     "Le agradezco el apoyo y le pido que transmita mi agradecimiento al equipo.",
     "Le agradezco el apoyo. ¿Le importaría avisar a Sam Whitfield?"),
    ("es-no-leismo-to-a-reader", {},
     "Ha sido un placer conocerle.", "Ha sido un placer hablar con usted."),
    ("es-wishes-said-natively", {},
     "Le deseo lo mejor para encontrar a la persona adecuada.",
     "Les deseo que encuentren pronto a la persona adecuada."),
    ("es-a-phrase-once-in-a-text", {},
     "«Lamento de verdad las molestias.»\n«Se lo agradezco de verdad, pero mi decisión está "
     "tomada.»",
     "«Lamento de verdad las molestias.»\n«Se lo agradezco mucho, pero mi decisión está "
     "tomada.»"),
    ("es-a-phrase-once-in-a-text", {},
     "Lamento de verdad los inconvenientes que esto les causa a usted y al equipo.\n\nLes "
     "deseo a usted y a su equipo todo lo mejor.",
     "Lamento mucho los inconvenientes que esto les causa.\n\nLes deseo a usted y a su "
     "equipo todo lo mejor."),
]  # fmt: skip


@pytest.mark.parametrize("marked", MARKED, ids=lambda m: m[0])
def test_each_round23_rule_knows_its_quote(marked: tuple[str, dict[str, str], str, str]) -> None:
    """Each rule knows the sentence a panel quoted, and lets its native rewrite pass."""
    reads_the_marked(*marked)


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_the_round23_kinds_are_gone(stage: Stage, voice: Voice) -> None:
    """No draft, script, reply or request of the piece (round 20's corpus) breaks a rule of
    this round."""
    found = every_break(stage, voice, RULE_IDS)
    assert not found, "\n".join(found[:12])
