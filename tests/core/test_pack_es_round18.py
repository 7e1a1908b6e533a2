"""The Spanish pack against the kinds a fresh native panel named (issue 26, round 18).

The panel (seed 719) read a reason with no subject, «Con sinceridad, no encaja con lo que busco»
(an English "Honestly, it's not a fit": after «retiro mi candidatura» it says the application
does not fit); «sinceramente» and «Con sinceridad» in one letter, and «Gracias por su tiempo» and
«Gracias por escucharme» in one two-minute call; English stock openers, «Espero que se
encuentre bien» before a follow-up (with «por si no le llegó… ¿Podría confirmarme que lo ha
recibido?», tenses mixed and a vague «lo») and «Gracias por la oportunidad de optar al puesto»
at the applied stage, where nobody gave an opportunity; «Quedo a su disposición para futuras
ocasiones» to keep the door open (that formula offers to answer questions); «¿Podría hacérselo
saber, por favor, a Jordan Lee…?»; «dos o tres horarios» (in Spain a timetable); and an offer
declined with rapport whose only warm line was «Le deseo mucho acierto en la selección».
Each kind is a rule of ``templates/es/wording/rules.toml``, read here over every draft, phone
script (with its branches) and reply of round 10's matrix (every reason, channel and form of
address, the door kept open with rapport, an offer carrying every fact), round 15's (goodwill,
money received, through a recruiter) and round 13's requests to talk.
"""

from __future__ import annotations

import pytest
from rule_corpus import breaks, rules_named
from test_pack_es_round10 import CHUNK_IDS, CHUNKS, broken_in
from test_pack_es_round13 import CHUNKS as REQUEST_CHUNKS
from test_pack_es_round13 import requests
from test_pack_es_round15 import corpus as round15_corpus

from bowout.core import Stage
from bowout.core.situation import Voice
from bowout.core.wording import violations

RULE_IDS = (
    "es-a-reason-names-its-subject",
    "es-sincerity-said-once",
    "es-one-thanks-per-call",
    "es-no-stock-openers",
    "es-a-door-is-not-a-disposal",
    "es-a-request-asked-plainly",
    "es-time-slots-are-huecos",
    "es-an-offer-declined-with-rapport-is-warm",
)


def every_break(stage: Stage, voice: Voice) -> list[str]:
    """The breaks of :data:`RULE_IDS` in the piece's drafts, scripts and replies of rounds 10
    and 15, and in its requests to talk when round 13 reads that stage."""
    kept = rules_named("es", RULE_IDS)
    found = broken_in(stage, voice, RULE_IDS) + breaks(kept, round15_corpus(stage, voice))
    if (stage, voice) in REQUEST_CHUNKS:
        found += breaks(kept, requests(stage, voice))
    return found


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_the_round18_kinds_are_gone(stage: Stage, voice: Voice) -> None:
    """No draft, script, reply or request of the piece breaks a rule of this round."""
    found = every_break(stage, voice)
    assert not found, "\n".join(found[:12])


def test_the_rules_read_the_sentences_the_panel_marked() -> None:
    """Each rule knows the sentence the panel quoted, and lets its native rewrite pass."""
    rules = dict(zip(RULE_IDS, rules_named("es", RULE_IDS), strict=True))
    offer = {"stage": "offer", "rapport": "true", "audience": "manager", "kind": "withdraw",
             "reply": "none", "warm": "true", "contact_known": "true"}  # fmt: skip
    facts = {"es-an-offer-declined-with-rapport-is-warm": offer,
             "es-one-thanks-per-call": {"audience": "spoken"}}  # fmt: skip
    marked = [
        ("es-a-reason-names-its-subject", "body",
         "Retiro mi candidatura. Con sinceridad, no encaja con lo que busco en este momento.",
         "Retiro mi candidatura. El puesto no termina de encajar con lo que busco ahora mismo."),
        ("es-a-reason-names-its-subject", "body",
         "Pensarlo me ha hecho ver que no es lo que busco.",
         "Pensarlo me ha hecho ver que el puesto no es lo que busco."),
        ("es-sincerity-said-once", "body",
         "Agradezco sinceramente su tiempo.\n\nCon sinceridad, lo he pensado.",
         "Agradezco sinceramente su tiempo.\n\nLo he pensado con calma."),
        ("es-one-thanks-per-call", "script",
         "2. Dar las gracias: «Gracias por su tiempo.»\n\n7. Despedirse: «Se lo confirmaré "
         "por correo. Gracias por escucharme.»\n«Mi decisión es firme. Gracias por escucharme.»",
         "2. Dar las gracias: «Gracias por su tiempo.»\n\n7. Despedirse: «Se lo confirmaré "
         "por correo. Un saludo.»\n\nSi salta el buzón de voz: «¿Podría llamarme? Gracias.»"),
        ("es-no-stock-openers", "body",
         "Espero que se encuentre bien. Le escribo por si no le llegó mi mensaje anterior.",
         "Le escribo por si no le ha llegado mi mensaje anterior."),
        ("es-no-stock-openers", "body",
         "Gracias por la oportunidad de optar al puesto de Product Designer.",
         "Hace poco me presenté a la vacante de Product Designer."),
        ("es-no-stock-openers", "body",
         "¿Podría confirmarme que lo ha recibido?",
         "¿Podría confirmarme que ha quedado registrado?"),
        ("es-a-door-is-not-a-disposal", "body",
         "Quedo a su disposición para futuras ocasiones.",
         "Me gustaría que me tuvieran en cuenta en otra ocasión."),
        ("es-a-request-asked-plainly", "body",
         "¿Podría hacérselo saber, por favor, a Jordan Lee?",
         "¿Podría comunicárselo a Jordan Lee?"),
        ("es-time-slots-are-huecos", "body",
         "¿Podría indicarme dos o tres horarios que le vengan bien?",
         "¿Podría indicarme dos o tres huecos que le vengan bien?"),
        ("es-an-offer-declined-with-rapport-is-warm", "body",
         "He decidido declinar la oferta. Le deseo mucho acierto en la selección.",
         "He decidido declinar la oferta. Ha sido un placer tratar con usted. Le deseo mucho "
         "acierto en la selección."),
    ]  # fmt: skip
    for rule_id, part, old, new in marked:
        rule, said = (rules[rule_id],), facts.get(rule_id, {})
        assert violations(rule, {part: (old, said)}), old
        assert not violations(rule, {part: (new, said)}), new
