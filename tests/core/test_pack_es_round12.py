"""The Spanish pack against what the native panel of session 9 marked (issue 26).

Each test is one kind, checked over the matrix of ``test_pack_es_round10`` (stages x
reasons x channels x voices x wordings x forms of address, with the phone script and its
branches and every reply kind): a request to talk granted like a permission («Me parece
bien que lo hablemos»); no regret in that reply after rescinding an accepted offer; «no
quisiera extenderme más» as the first answer to "why?"; «no me es posible continuar» when
what is declined is an offer.
"""

from __future__ import annotations

import pytest
from test_pack_es_round10 import CHUNK_IDS, CHUNKS, broken_in, corpus, rules

from bowout.core import Stage
from bowout.core.situation import Voice
from bowout.core.wording import violations

RULE_IDS = (
    "a-talk-is-welcomed-not-permitted",
    "regret-in-the-talk-after-rescinding",
    "no-going-on-before-explaining",
    "an-offer-is-declined-not-discontinued",
)


@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_no_draft_script_or_reply_breaks_the_round12_rules(stage: Stage, voice: Voice) -> None:
    """The rules of :data:`RULE_IDS`, over every draft, script and reply of the piece."""
    found = broken_in(stage, voice, RULE_IDS)
    assert not found, "\n".join(found[:10])


def test_the_rules_read_the_sentences_the_panel_marked() -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    facts = {"reason": "personal", "reply": "asked-to-talk", "stage": "accepted"}
    samples = [
        ("a-talk-is-welcomed-not-permitted", "Me parece bien que lo hablemos."),
        (
            "regret-in-the-talk-after-rescinding",
            "Gracias por su mensaje. ¿Podría indicarme dos o tres horarios?",
        ),
        ("no-going-on-before-explaining", "Es definitiva; no quisiera extenderme más."),
    ]
    for rule_id, text in samples:
        assert violations((rules()[rule_id],), {"body": (text, facts)}), rule_id
    offer = {**facts, "stage": "offer", "reply": "none"}
    sentence = "Por motivos personales, no me es posible continuar en este momento."
    rule = rules()["an-offer-is-declined-not-discontinued"]
    assert violations((rule,), {"body": (sentence, offer)})


def test_the_talk_after_rescinding_regrets_before_asking_for_times() -> None:
    """The apology comes before the request for times, so the reply does not end on it."""
    found = [
        texts["body"][0]
        for stage, voice in CHUNKS
        if stage is Stage.ACCEPTED
        for where, _s, texts in corpus(stage, voice)
        if where.endswith("/reply asked-to-talk")
    ]
    assert found
    for body in found:
        assert body.index("Siento") < body.index("horarios"), body
