"""The Spanish pack against the kind the native panels left open (issue 26, round 17).

The panel read the same key noun in two sentences in a row: «Gracias por la oferta… He
decidido no aceptar la oferta.», «…el puesto de Analista de datos. El puesto no encaja…»,
«…retirar mi candidatura. Le agradezco que haya tenido en cuenta mi candidatura.». A native
writer takes it up with a pronoun («la», «lo»), leaves it unsaid or says it another way
(«esta propuesta», «la vacante»). The rule ``es-the-key-noun-once-in-a-row`` reads oferta,
puesto, candidatura, proceso, entrevista and decisión across a sentence break, a line break,
closing quotation marks and brackets, in every body and phone script (with its branches) and
every reply, over the matrices of the earlier rounds: round 10's (every reason and channel,
the door kept open, an offer carrying every fact), round 15's (goodwill, money received,
through a recruiter), every withdrawal that recaps a failed negotiation, and round 13's
requests to talk with their talking points («…el puesto de Analista de datos. El puesto me
sigue interesando…», «las funciones del puesto» after it).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterator

import pytest
from rule_corpus import breaks, rules_named, texts_of
from test_pack_es_round10 import CHUNK_IDS, CHUNKS, broken_in
from test_pack_es_round13 import CHUNK_IDS as REQUEST_CHUNK_IDS
from test_pack_es_round13 import CHUNKS as REQUEST_CHUNKS
from test_pack_es_round13 import requests
from test_pack_es_round15 import NAMES, PROFILE, composer
from test_pack_es_round15 import corpus as round15_corpus

from bowout.core import Channel, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Voice
from bowout.core.vocabulary import Address, recap_fits
from bowout.core.wording import violations

RULE_IDS = ("es-the-key-noun-once-in-a-row",)


@pytest.mark.timeout(600)
@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_no_key_noun_in_two_sentences_in_a_row(stage: Stage, voice: Voice) -> None:
    """The rule over every draft, script and reply of both matrices' piece."""
    found = broken_in(stage, voice, RULE_IDS)
    found += breaks(rules_named("es", RULE_IDS), round15_corpus(stage, voice))
    assert not found, "\n".join(found[:12])


@pytest.mark.parametrize(("stage", "voice"), REQUEST_CHUNKS, ids=REQUEST_CHUNK_IDS)
def test_no_key_noun_twice_in_a_row_in_a_request_to_talk(stage: Stage, voice: Voice) -> None:
    """The rule over every request to talk of the piece and its talking points."""
    found = breaks(rules_named("es", RULE_IDS), requests(stage, voice))
    assert not found, "\n".join(found[:12])


def recaps(stage: Stage) -> Iterator[Situation]:
    """Each withdrawal at ``stage`` after a negotiation about a deal-breaker that is the
    reason said another way, in every voice, channel, wording and form of address."""
    cases = itertools.product(Reason, DealBreaker, Voice, Channel, (1, 2, 3), Address)
    for reason, breaker, voice, channel, wording, address in cases:
        if recap_fits(reason, breaker):
            yield Situation(language="es", stage=stage, reason=reason, deal_breaker=breaker,
                            negotiated=True, voice=voice, channel=channel, wording=wording,
                            address=address, **NAMES)  # type: ignore[arg-type]  # fmt: skip


@pytest.mark.timeout(600)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_no_key_noun_twice_in_a_row_after_a_failed_negotiation(stage: Stage) -> None:
    """The rule over every withdrawal that recaps the negotiation (its thanks name the
    negotiation, «Gracias por su ayuda con la oferta…» before «No voy a aceptar la oferta.»)
    and its replies."""
    label = operator.attrgetter("reason.value", "deal_breaker.value", "voice.value")
    corpus = (entry for s in recaps(stage)
              for entry in texts_of(composer(), s, PROFILE, "/".join(label(s))))  # fmt: skip
    found = breaks(rules_named("es", RULE_IDS), corpus)
    assert not found, "\n".join(found[:12])


def test_the_rule_reads_the_sentences_the_panel_marked() -> None:
    """The rule knows the pairs the panel quoted, through quotation marks, brackets and line
    breaks, and lets a noun taken up by a pronoun or a synonym pass."""
    (rule,) = rules_named("es", RULE_IDS)
    marked = [
        ("body", "Muchas gracias por la oferta.\n\nHe decidido no aceptar la oferta."),
        ("body", "Gracias por su tiempo durante el proceso para el puesto de Analista de "
                 "datos. El puesto no encaja con lo que busco."),
        ("body", "He decidido retirar mi candidatura. Le agradezco que haya tenido en "
                 "cuenta mi candidatura."),
        ("script", "Diga: «Le llamo por la oferta.» «¿La oferta sigue en pie?»"),
        ("script", "Gracias por las entrevistas (fueron muy útiles). Las entrevistas me "
                   "ayudaron."),
        ("body", "Mi decisión es firme.\nEs una decisión meditada."),
        ("script", "Repetir el proceso.\n¿Podría cerrar el proceso?"),
    ]  # fmt: skip
    for part, text in marked:
        assert violations((rule,), {part: (text, {})}), text
    kept = [
        "Muchas gracias por la oferta. He decidido no aceptarla.",
        "Gracias por la oferta. Lo he pensado con calma. Declino la oferta.",
    ]
    for text in kept:
        assert not violations((rule,), {"body": (text, {})}), text
