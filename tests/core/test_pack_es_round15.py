"""The Spanish pack against what the native panel of session 11 marked (issue 26, round 15).

Each test is one kind, checked over voices, forms of address, reasons, channels, wordings,
the goodwill the user chose and the money received, with the phone script and its branches
and every reply kind. Replies and short drafts that drop the relationship: a repayment
answer that reads as a dispute being prepared, an answer after rescinding that ends on the
refusal, a «reconsider later» answer that never takes up «later», a bare warm decline, a
brief thanks after interviews that does not name the process. Then echoes and stitched
formulas (the same key verb in two sentences in a row, two decision statements in a row, «su
oferta» said to a recruiter), formulas translated from English, call-script branches that
contradict each other, and a move said as what the job requires.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re

import pytest
from rule_corpus import Texts, rules_named, texts_of

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.vocabulary import Address, Goodwill, Money
from bowout.core.wording import violations

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+34 600 123 456")
NAMES = {"contact": "Priya Nair", "role": "Analista de datos", "company": "Fabrikam",
         "recruiter": "Tom Baker"}  # fmt: skip
#: What the user may have chosen after rescinding: nothing, the door kept open, each goodwill
#: gesture alone and all of them together.
CHOICES = {
    "nothing": {},
    "door": {"keep_door_open": True},
    "referral": {"goodwill": frozenset({Goodwill.REFERRAL})},
    "handover": {"goodwill": frozenset({Goodwill.HANDOVER})},
    "in-touch": {"goodwill": frozenset({Goodwill.STAY_IN_TOUCH})},
    "all": {"goodwill": frozenset(Goodwill), "keep_door_open": True},
}
#: Money received, money only promised.
CHANNELS = (Channel.EMAIL, Channel.PHONE, Channel.RECRUITER, Channel.LINKEDIN)
MONEY = {
    "paid": {"relocation_assistance": Money.PAID, "signing_bonus": Money.PROMISED},
    "promised": {"signing_bonus": Money.PROMISED},
}
REASONS = (Reason.NONE, Reason.OTHER_OFFER, Reason.RED_FLAGS, Reason.RELOCATION, Reason.NOT_A_FIT,
           Reason.COMPENSATION)  # fmt: skip
RELATIONSHIP_RULES = (
    "a-repayment-answer-is-in-good-faith",
    "an-answer-after-rescinding-keeps-the-relationship",
    "a-later-is-taken-up",
    "a-later-with-the-door-open-looks-ahead",
    "a-warm-decline-is-never-bare",
    "thanks-after-interviews-name-the-process",
)
#: Echoes, translated formulas, contradicting call branches and a move said as the job's.
WORDING_RULES = (
    "no-echo-in-the-next-sentence",
    "the-offer-is-the-company-s",
    "no-translated-formulas",
    "a-script-never-contradicts-itself",
    "a-pay-reason-leaves-room-for-a-counter-offer",
    "a-move-is-not-said-as-the-job-s",
)
THANKS = re.compile(r"\b(gracias|agradezco|agradecer)\b", re.IGNORECASE)
REGRET = re.compile(r"\b(lamento|siento)\b", re.IGNORECASE)


@functools.cache
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@functools.cache
def corpus(stage: Stage, voice: Voice) -> tuple[tuple[str, Texts], ...]:
    """Each draft at ``stage`` in ``voice`` (subject, body, script with its branches) and each
    reply to its first wording, over :data:`CHOICES`, :data:`MONEY`, :data:`REASONS`, both
    forms of address, the email and the call, named by where it comes from."""
    out: list[tuple[str, Texts]] = []
    cases = itertools.product(
        CHOICES.items(), MONEY.items(), REASONS, Address, CHANNELS, (1, 2, 3), (False, True)
    )
    for (choice, chosen), (money, held), reason, address, channel, wording, via in cases:
        if stage is not Stage.ACCEPTED and (chosen.get("goodwill") or money == "paid"):
            continue  # goodwill and money received belong to a rescinded acceptance
        if via and (choice not in ("nothing", "door") or money == "paid"):
            continue  # through a recruiter: the plain cases suffice
        s = Situation(language="es", stage=stage, reason=reason, voice=voice, address=address,
                      channel=channel, wording=wording, via_recruiter=via, **NAMES, **chosen,
                      **held)  # type: ignore[arg-type]  # fmt: skip
        place = f"{stage.value}/{voice.value}/{reason.value}/{address.value}/{choice}/{money}/{via}"
        out += texts_of(composer(), s, PROFILE, place, subject=True)
    return tuple(out)


CHUNKS = list(itertools.product(Stage, Voice))
CHUNK_IDS = [f"{stage.value}-{voice.value}" for stage, voice in CHUNKS]


@pytest.mark.timeout(600)
@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_replies_and_short_drafts_keep_the_relationship(stage: Stage, voice: Voice) -> None:
    """The rules of :data:`RELATIONSHIP_RULES` over every draft and reply of the piece, and an
    answer after rescinding whose closing line echoes it: two thanks or two apologies."""
    kept = rules_named("es", RELATIONSHIP_RULES)
    found = []
    for where, texts in corpus(stage, voice):
        found += [f"{where}: {v}" for v in violations(kept, texts)]
        if "/reply " in where:
            body = texts["body"][0]
            if len(THANKS.findall(body)) > 1 or len(REGRET.findall(body)) > 1:
                found.append(f"{where}: the closing line echoes the answer: {body}")
    assert not found, "\n".join(found[:10])


def test_the_relationship_rules_read_the_sentences_the_panel_marked() -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    samples = [
        ("a-repayment-answer-is-in-good-faith", {"reply": "repayment", "stage": "accepted"},
         "Gracias por su mensaje. ¿Podría enviarme por escrito las condiciones relativas a la "
         "ayuda para el traslado, con el importe y la cláusula del acuerdo en la que se basan, "
         "para que pueda revisarlas?"),
        ("an-answer-after-rescinding-keeps-the-relationship",
         {"reply": "counter-offer", "stage": "accepted"},
         "Gracias por la contraoferta. Aun así, mi decisión es firme."),
        ("a-later-is-taken-up", {"reply": "reconsider-later", "stage": "applied"},
         "Le agradezco mucho que me tenga en cuenta. Mi decisión sobre este puesto está "
         "tomada, pero le deseo lo mejor, a usted y a su equipo."),
        ("a-later-with-the-door-open-looks-ahead",
         {"reply": "reconsider-later", "keep_door_open": "true", "warm": "true"},
         "Le agradezco que me lo proponga, pero prefiero cerrarlo aquí."),
        ("a-warm-decline-is-never-bare", {"voice": "warm", "stage": "offer"},
         "Muchas gracias por la oferta.\n\nLe escribo para declinar la oferta."),
        ("thanks-after-interviews-name-the-process", {"stage": "final", "reply": "none"},
         "Gracias por su tiempo. Le escribo para comunicarle que retiro mi candidatura."),
    ]  # fmt: skip
    for rule_id, facts, text in samples:
        (rule,) = rules_named("es", (rule_id,))
        assert violations((rule,), {"body": (text, facts)}), rule_id


@pytest.mark.timeout(600)
@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_no_echo_calque_or_contradiction(stage: Stage, voice: Voice) -> None:
    """The rules of :data:`WORDING_RULES` over every draft, script and reply of the piece."""
    kept = rules_named("es", WORDING_RULES)
    found = [f"{where}: {v}" for where, texts in corpus(stage, voice)
             for v in violations(kept, texts)]  # fmt: skip
    assert not found, "\n".join(found[:10])


def test_the_wording_rules_read_the_sentences_the_panel_marked() -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    spoken = {"audience": "spoken", "reason": "compensation", "kind": "withdraw", "warm": "true"}
    samples = [
        ("no-echo-in-the-next-sentence", {}, "body",
         "Le escribo para comunicarle que retiro mi candidatura. ¿Podría comunicárselo a "
         "Tomás Herrera, por favor?"),
        ("no-echo-in-the-next-sentence", {}, "body",
         "He estudiado la oferta con atención y he decidido declinarla. He llegado a la "
         "conclusión de que el puesto no es lo que estoy buscando."),
        ("the-offer-is-the-company-s", {"audience": "recruiter"}, "body",
         "He estudiado su oferta con atención."),
        ("no-translated-formulas", {}, "body",
         "Como le he explicado por teléfono, retiro mi aceptación de su oferta."),
        ("no-translated-formulas", {}, "body", "Le deseo mucha suerte en la selección."),
        ("no-translated-formulas", {}, "body", "Será un placer seguir en contacto."),
        ("no-translated-formulas", {}, "script",
         "Gracias por pensar en ello; ya lo tengo decidido."),
        ("no-translated-formulas", {}, "body", "El traslado no me encaja ahora mismo."),
        ("a-script-never-contradicts-itself", {"audience": "spoken"}, "script",
         "Ya lo tengo decidido y no voy a volver a plantearlo."),
        ("a-pay-reason-leaves-room-for-a-counter-offer", spoken, "script",
         "Se lo agradezco de verdad, pero mi decisión está tomada."),
        ("a-move-is-not-said-as-the-job-s", {"reason": "relocation"}, "body",
         "El traslado que requiere el puesto no me encaja ahora mismo."),
    ]  # fmt: skip
    for rule_id, facts, part, text in samples:
        (rule,) = rules_named("es", (rule_id,))
        assert violations((rule,), {part: (text, facts)}), (rule_id, text)
