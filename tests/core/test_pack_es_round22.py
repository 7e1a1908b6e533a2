"""The Spanish pack against the kinds two fresh native panels named (issue 26, round 22).

The seed-724 and seed-725 panels read the decision said twice in a row after accepting
(«no podré incorporarme … y que retiro mi aceptación»; «Finalmente no podré incorporarme.
Por motivos personales, no me es posible dar este paso»); a free choice framed as an
impossibility («no me es posible aceptarla. Me he decantado por otra empresa»); «Gracias por
atender mi llamada» as the script's second line, echoed by the confirming email (and «¿Es buen
momento?»); office wording in plain or warm letters («en relación con», «Le escribo para
comunicarle que», «¿Podría confirmarme que ha quedado registrado?», «con su consentimiento»);
the key act in English shape («Me he comprometido con otra empresa», «retiro mi aceptación»);
«Con mis mejores deseos,» as the closing; an apology after the employer's own mistake, and to a
recruiter «el trastorno que esto le supone a usted» with no word for the company; «Le deseo …,
a usted y a todo el equipo»; and a word or a thanks said twice in a sentence or a pair («que
les ayude … si sirve de ayuda», «agradezco la pregunta» in two answers of a script, «Gracias
por su atención» before an apology, «vacante… la vacante», «la oferta… la oferta» from one step
of a call to the next, «el salario… ¿algún margen en el salario?», «sigue… seguir»).

Each kind is a rule of ``templates/es/wording/rules.toml`` read over every draft, phone script
(with its branches) and reply of round 10's matrix, round 15's (goodwill, money received,
through a recruiter) and round 13's requests to talk, through round 20's ``every_break``;
round 17's key-noun rule now also knows «vacante» and a noun said again in the next step of a
call. Left as the older tests hold them: «volver a coincidir», and «para que no se dedique más
trabajo a la solicitud de visado» (round 14 requires those words beside the petition).
"""

from __future__ import annotations

import pytest
from rule_corpus import rules_named
from test_pack_es_round10 import CHUNK_IDS, CHUNKS
from test_pack_es_round20 import every_break

from bowout.core import Stage
from bowout.core.situation import Voice
from bowout.core.wording import violations

RULE_IDS = (
    "es-the-decision-said-once",
    "es-a-choice-is-said-as-a-choice",
    "es-a-call-is-thanked-once",
    "es-the-confirming-email-thanks-for-more",
    "es-plain-words-not-office-words",
    "es-a-warm-letter-says-it-plainly",
    "es-the-key-act-said-natively",
    "es-no-best-wishes-closing",
    "es-no-apology-for-their-mistake",
    "es-a-recruiter-hears-the-company-s-cost",
    "es-wishes-to-two-are-plural",
    "es-a-word-once-in-a-pair",
    "es-the-key-noun-once-in-a-row",
)


PHONE = {"channel": "phone", "stage": "offer"}
WARM = {"voice": "warm"}
REPAY = {"reply": "repayment", "money_paid": "false", "stage": "applied"}
RECRUITER = {"audience": "recruiter", "stage": "accepted"}

#: (rule, facts, what a panel read, its native rewrite)
MARKED = [
    ("es-the-decision-said-once", {},
     "Como le he adelantado, le confirmo que no podré incorporarme al puesto de "
     "Operations Lead y que retiro mi aceptación.",
     "Le confirmo lo que le he comentado por teléfono: he decidido no incorporarme al "
     "puesto de Operations Lead."),
    ("es-the-decision-said-once", {},
     "Finalmente no podré incorporarme. Por motivos personales, no me es posible dar "
     "este paso.",
     "Finalmente he decidido no incorporarme. Se debe a motivos personales."),
    ("es-a-choice-is-said-as-a-choice", {},
     "Tras considerarla con calma, no me es posible aceptarla. Me he decantado por otra "
     "empresa.",
     "Tras considerarla con calma, he decidido no aceptarla. Me he decantado por otra "
     "empresa."),
    ("es-a-choice-is-said-as-a-choice", {},
     "Me cuesta decírselo, pero no voy a poder incorporarme.",
     "Me cuesta decírselo, pero finalmente no me incorporaré."),
    ("es-a-call-is-thanked-once", PHONE, "1. Saludar: «Hola, Sam, soy Riley Quinn. ¿Es "
     "buen momento?»\n\n2. Dar las gracias: «Gracias por atender mi llamada.»",
     "1. Saludar: «Hola, Sam, soy Riley Quinn. ¿Le pillo en buen momento?»\n\n2. Dar las "
     "gracias: «Antes de nada, gracias por haber pensado en mí.»"),
    ("es-the-confirming-email-thanks-for-more", PHONE,
     "Hola, Sam:\n\nGracias por atender mi llamada.",
     "Hola, Sam:\n\nGracias de nuevo por haber pensado en mí."),
    ("es-the-confirming-email-thanks-for-more", PHONE,
     "Les deseo de corazón lo mejor a usted y a todo el equipo.",
     "Les deseo lo mejor a usted y a todo el equipo."),
    ("es-plain-words-not-office-words", {},
     "Gracias por el tiempo que me han dedicado en relación con el puesto de Data Analyst.",
     "Gracias por el tiempo que me han dedicado para hablar del puesto de Data Analyst."),
    ("es-plain-words-not-office-words", {},
     "Conozco a una persona que podría encajar en la vacante y, con su consentimiento, "
     "tendría mucho gusto en ponerle en contacto con ella.",
     "Conozco a una persona que podría encajar en la vacante; si le parece bien, tendré "
     "mucho gusto en ponerle en contacto con ella."),
    ("es-a-warm-letter-says-it-plainly", WARM,
     "Le escribo para comunicarle que me retiro del proceso.",
     "Le escribo para decirle que me retiro del proceso."),
    ("es-the-key-act-said-natively", {},
     "Me he comprometido con otra empresa, por lo que retiro mi aceptación.",
     "He aceptado otra oferta, así que finalmente no me incorporaré."),
    ("es-no-best-wishes-closing", {}, "Le deseo mucho acierto.\n\nCon mis mejores deseos,",
     "Le deseo mucho acierto.\n\nUn cordial saludo,"),
    ("es-no-apology-for-their-mistake", REPAY,
     "Quedo a la espera de su respuesta; lamento sinceramente las molestias.",
     "Quedo a la espera de su respuesta."),
    ("es-a-recruiter-hears-the-company-s-cost", RECRUITER,
     "Siento de verdad el trastorno que esto le supone a usted.",
     "Siento de verdad las molestias que esto les causa, a usted y a Fabrikam."),
    ("es-wishes-to-two-are-plural", {},
     "Le deseo de corazón lo mejor, a usted y a todo el equipo.",
     "Les deseo lo mejor a usted y a todo el equipo."),
    ("es-a-word-once-in-a-pair", {},
     "Puedo reservar un rato para una llamada breve que les ayude a retomar la búsqueda, "
     "si sirve de ayuda.",
     "Puedo reservar un rato para una llamada breve que les ayude a retomar la búsqueda, "
     "si les resulta útil."),
    ("es-a-word-once-in-a-pair", {},
     "Si preguntan qué viene después: «De momento me lo reservo, pero agradezco la "
     "pregunta.»\nSi piden comentarios: «Agradezco la pregunta, pero no tengo ninguna "
     "crítica que hacer.»",
     "Si preguntan qué viene después: «De momento prefiero reservármelo.»\nSi piden "
     "comentarios: «Agradezco la pregunta, pero no tengo ninguna crítica que hacer.»"),
    ("es-a-word-once-in-a-pair", {},
     "Me gustaría comentar con usted el salario.\n¿Habría algún margen en el salario?",
     "Me gustaría comentar con usted el salario.\n¿Habría algún margen?"),
    ("es-a-word-once-in-a-pair", {},
     "Mi interés sigue en pie, pero antes de seguir adelante me gustaría aclarar el salario.",
     "Mi interés sigue en pie, pero antes de dar el paso me gustaría aclarar el salario."),
    ("es-the-key-noun-once-in-a-row", {},
     "Me presenté hace poco a la vacante de Data Analyst. Pensándolo bien, la vacante no "
     "es lo que busco.",
     "Me presenté hace poco a la vacante de Data Analyst. Pensándolo bien, esta "
     "oportunidad no es lo que busco."),
    ("es-the-key-noun-once-in-a-row", {},
     "2. Dar las gracias: «Antes de nada, muchas gracias por la oferta.»\n\n3. Decirlo con "
     "claridad: «Quería decírselo personalmente: he decidido no aceptar la oferta.»",
     "2. Dar las gracias: «Antes de nada, muchas gracias por la oferta.»\n\n3. Decirlo con "
     "claridad: «Quería decírselo personalmente: he decidido no aceptarla.»"),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "said", "old", "new"), MARKED, ids=lambda x: None)
def test_each_rule_reads_the_sentence_a_panel_marked(
    rule_id: str, said: dict[str, str], old: str, new: str
) -> None:
    """The rule knows the sentence a panel quoted, and lets its native rewrite pass."""
    reads_the_marked(rule_id, said, old, new)


def reads_the_marked(rule_id: str, said: dict[str, str], old: str, new: str) -> None:
    """Rule ``rule_id`` flags ``old`` (what a panel quoted) and passes ``new`` (its native
    rewrite), both read as a body written for the facts ``said`` (later rounds reuse it)."""
    (rule,) = rules_named("es", (rule_id,))
    assert violations((rule,), {"body": (old, said)}), old
    assert not violations((rule,), {"body": (new, said)}), new


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_no_draft_of_the_piece_breaks_a_round22_rule(stage: Stage, voice: Voice) -> None:
    """Every draft, script, reply and request of the piece (round 20's corpus) keeps this
    round's rules."""
    assert not (found := every_break(stage, voice, RULE_IDS)), "\n".join(found[:12])
