"""The Spanish pack against what the native panel of session 10 marked (issue 26).

Each test is one kind, checked over the requests to talk (kind negotiate) at every stage
that can have one: every deal-breaker, channel, voice, wording and form of address, with
and without a started visa petition, the email (or note) and its talking points. A request
that asks for sponsorship while the visa petition is already under way; a request after
accepting that reads as if the offer were still open (thanks "for your offer", "still
interested", "before going further"), hides that the point is a condition, or drops the
date. Then, over every draft, script and reply of ``test_pack_es_round10``'s matrix: the
seams of assembly (the same opener twice in a row, two thanks in a row, «También» opening
a paragraph, «en cuenta» twice) and phrases that read translated or stock.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re

import pytest
from rule_corpus import Texts, draft_texts
from test_pack_es_round10 import CHUNK_IDS as R10_CHUNK_IDS
from test_pack_es_round10 import CHUNKS as R10_CHUNKS
from test_pack_es_round10 import corpus, rules

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import NEGOTIABLE_STAGES, DealBreaker, Kind, Voice
from bowout.core.vocabulary import Address
from bowout.core.wording import violations

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+34 600 123 456")
NAMES = {"contact": "Priya Nair", "role": "Analista de datos", "company": "Fabrikam",
         "recruiter": "Tom Baker"}  # fmt: skip
RULE_IDS = (
    "no-sponsorship-request-once-a-petition-started",
    "a-started-petition-asks-about-timing",
    "a-request-after-accepting-owns-it",
    "a-request-after-accepting-keeps-the-date",
)
#: A reason per wording, so each deal-breaker is read with more than one cause.
REASONS = {1: Reason.RELOCATION, 2: Reason.PERSONAL, 3: Reason.COMPENSATION}
STAGES = sorted(NEGOTIABLE_STAGES, key=lambda s: s.order)
CHUNKS = list(itertools.product(STAGES, Voice))
CHUNK_IDS = [f"{stage.value}-{voice.value}" for stage, voice in CHUNKS]


@functools.cache
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def requests(stage: Stage, voice: Voice) -> list[tuple[str, Texts]]:
    """Each request to talk at ``stage`` in ``voice`` (subject, body, talking points), with
    the facts each part was written for, named by where it comes from."""
    out = []
    petitions = (False, True) if stage is Stage.ACCEPTED else (False,)
    cases = itertools.product(DealBreaker, Channel, (1, 2, 3), Address, petitions)
    for breaker, channel, wording, address, petition in cases:
        s = Situation(language="es", stage=stage, reason=REASONS[wording], kind=Kind.NEGOTIATE,  # type: ignore[arg-type]
                      deal_breaker=breaker, channel=channel, voice=voice, wording=wording,
                      address=address, visa_petition_started=petition,
                      decide_by=TODAY + dt.timedelta(days=7), **NAMES)  # fmt: skip
        texts = draft_texts(composer(), s, PROFILE)
        where = f"{stage.value}/{breaker.value}/{channel.value}/{voice.value}/{address.value}"
        out.append((f"{where}/w{wording}/petition={petition}", texts))
    return out


@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_no_request_to_talk_breaks_the_round13_rules(stage: Stage, voice: Voice) -> None:
    """The rules of :data:`RULE_IDS` and :data:`SEAM_RULES` and no :func:`seams`, over
    every request to talk of the piece."""
    kept = tuple(rules()[rule_id] for rule_id in RULE_IDS + SEAM_RULES)
    found = []
    for where, texts in requests(stage, voice):
        found += [f"{where}: {v}" for v in violations(kept, texts)]
        found += [f"{where} {part}: {seam}" for part, (text, _) in texts.items()
                  if part != "subject" for seam in seams(text)]  # fmt: skip
    assert not found, "\n".join(found[:10])


def test_the_rules_read_the_sentences_the_panel_marked() -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    facts = {"kind": "negotiate", "stage": "accepted", "deal_breaker": "sponsorship",
             "visa_petition_started": "true", "decide_by": "given"}  # fmt: skip
    samples = [
        ("no-sponsorship-request-once-a-petition-started",
         "¿Podría la empresa encargarse de tramitar mi visado para este puesto?"),
        ("a-started-petition-asks-about-timing",
         "Me gustaría que pudiéramos hablar sobre la tramitación del visado."),
        ("a-request-after-accepting-owns-it",
         "Quiero agradecerle su oferta. El puesto me sigue interesando, pero antes de seguir "
         "adelante me gustaría aclarar el teletrabajo."),
        ("a-request-after-accepting-keeps-the-date",
         "Desde que acepté la oferta ha surgido una condición; lo siento."),
    ]  # fmt: skip
    for rule_id, text in samples:
        assert violations((rules()[rule_id],), {"body": (text, facts)}), rule_id


# --- seams of assembly and stock phrases, over every draft, script and reply ---------------
SEAM_RULES = ("no-stock-or-translated-phrases", "an-accepted-offer-is-not-a-bother")
#: Openers that, repeated in the next sentence, show the pieces a text was assembled from.
OPENERS = ("después", "tras", "quiero", "finalmente", "al", "si", "también", "gracias",
           "como", "siento", "lamento", "sé")  # fmt: skip
THANKS = re.compile(r"«?((muchas )?gracias|(le |te |les )?agradezco)\b", re.IGNORECASE)


def _sentences(paragraph: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.?!»])\s+", paragraph.strip()) if x]


def _opener(sentence: str) -> str:
    return sentence.split(maxsplit=1)[0].lower().strip("«¿¡,:")


def seams(text: str) -> list[str]:
    """What in ``text`` shows its assembly: the same opener (of :data:`OPENERS`) in two
    sentences in a row, two thanks in a row, a paragraph opening on «También» (pointing at
    nothing before it), «en cuenta» said twice."""
    found = []
    for paragraph in text.split("\n\n"):
        said = _sentences(paragraph)
        for a, b in itertools.pairwise(said):
            if _opener(a) == _opener(b) and _opener(a) in OPENERS:
                found.append(f"same opener: {a} | {b}")
            if THANKS.match(a) and THANKS.match(b):
                found.append(f"two thanks: {a} | {b}")
        if said and _opener(said[0]) == "también":
            found.append(f"«También» opens a paragraph: {said[0]}")
    if len(re.findall(r"\ben cuenta\b", text)) > 1:
        found.append("«en cuenta» twice")
    return found


@pytest.mark.parametrize(("stage", "voice"), R10_CHUNKS, ids=R10_CHUNK_IDS)
def test_no_seams_or_stock_phrases(stage: Stage, voice: Voice) -> None:
    """The rules of :data:`SEAM_RULES` and no :func:`seams`, over every draft, script and
    reply of the piece (the matrix of ``test_pack_es_round10``)."""
    kept = tuple(rules()[rule_id] for rule_id in SEAM_RULES)
    found = []
    for where, _s, texts in corpus(stage, voice):
        found += [f"{where}: {v}" for v in violations(kept, texts)]
        for part, (text, _facts) in texts.items():
            if part != "subject":
                found += [f"{where} {part}: {seam}" for seam in seams(text)]
    assert not found, "\n".join(found[:10])


def test_the_seams_the_panel_marked_are_found() -> None:
    """The check knows the seams the panel quoted (not a check of nothing)."""
    assert seams("Después de estudiar su oferta, la declino. Después de conocer mejor el puesto…")
    assert seams("Lo he retirado. Gracias por todo. Le agradezco la confianza que depositó en mí.")
    assert seams("Le escribo.\n\nTambién puedo dedicar un rato a ayudar a retomar la búsqueda.")
    facts = {"stage": "accepted", "reply": "none"}
    for sentence in ("Quiero agradecerle su oferta.", "Para que quede claro: no he recibido nada.",
                     "Siento de verdad el trastorno que esto le supone también a usted.",
                     "Le pido sinceras disculpas por las molestias."):  # fmt: skip
        assert violations(tuple(rules()[r] for r in SEAM_RULES), {"body": (sentence, facts)})
