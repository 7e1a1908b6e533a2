"""The French pack against what the eleventh native panel and review marked (issue 26, round 17).

Each kind is a rule of templates/fr/wording/rules.toml (ids ``fr-…``), checked over round 10's
matrix (stages x reasons x channels x voices x wordings x forms of address, the phone script
with its branches, every reply kind), over round 14's requests to talk at every stage they
exist, and over round 16's door kept open, with rapport or not: a key noun twice in two
sentences in a row (« votre offre … décliner cette offre », formal voice, red flags); the
stiff, translated « Cette décision tient à des raisons personnelles »; « Merci pour … pour … »
in one sentence of thanks; a follow-up after no reply ending on two stock formulas back to
back; « l’attention que vous avez pu porter » still hedging after an application; and
« prime d’arrivée », where a French HR reader says « prime à la signature ».
"""

from __future__ import annotations

import pytest
from rule_corpus import breaks, rules_named
from test_pack_fr_round10 import corpus
from test_pack_fr_round14 import corpus as requests_to_talk
from test_pack_fr_round16 import doors_kept_open

from bowout.core import Stage
from bowout.core.wording import violations

RULE_IDS = (
    "fr-one-key-noun-in-two-sentences",
    "fr-a-personal-reason-is-said-plainly",
    "fr-one-preposition-per-thanks",
    "fr-a-follow-up-ends-on-one-courtesy",
    "fr-thanks-for-the-file-without-a-hedge",
    "fr-the-signing-bonus-is-a-prime-a-la-signature",
)
#: The stages a request to talk exists at (round 14's corpus).
TALKS = (Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED)


# The first case builds round 10's corpus (about 14,000 drafts and replies) on a shared machine.
@pytest.mark.timeout(600)
@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_no_draft_script_or_reply_breaks_the_rounds_rules(rule_id: str) -> None:
    found = breaks(rules_named("fr", [rule_id]), corpus())
    assert not found, "\n".join(found[:10])


@pytest.mark.timeout(600)
@pytest.mark.parametrize("stage", TALKS, ids=lambda s: s.value)
def test_no_request_to_talk_breaks_the_rounds_rules(stage: Stage) -> None:
    """The requests name the point after « Mon intérêt reste entier », not « Le poste … »
    after thanks for the post, and the start date is « la date d’entrée en fonction »."""
    found = breaks(rules_named("fr", RULE_IDS), requests_to_talk(stage))
    assert not found, "\n".join(found[:10])


@pytest.mark.timeout(600)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_a_door_kept_open_keeps_the_rounds_rules(stage: Stage) -> None:
    """With the door kept open or rapport, a follow-up ends on the door or the wish alone."""
    found = breaks(rules_named("fr", RULE_IDS), doors_kept_open(stage))
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize(
    ("rule_id", "facts", "text"),
    [
        (
            "fr-one-key-noun-in-two-sentences",
            {},
            "Je vous remercie de votre offre pour le poste de Data Analyst.\n\n"
            "Après mûre réflexion, je suis au regret de devoir décliner cette offre.",
        ),
        (
            "fr-a-personal-reason-is-said-plainly",
            {},
            "Je souhaite retirer ma candidature. Cette décision tient à des raisons personnelles.",
        ),
        (
            "fr-one-preposition-per-thanks",
            {},
            "Merci pour votre proposition et pour notre échange téléphonique.",
        ),
        (
            "fr-a-follow-up-ends-on-one-courtesy",
            {"reply": "no-reply"},
            "Je vous remercie de votre compréhension. Au plaisir de recroiser votre route.",
        ),
        (
            "fr-thanks-for-the-file-without-a-hedge",
            {},
            "Merci de l’attention que vous avez pu porter à mon dossier.",
        ),
        (
            "fr-the-signing-bonus-is-a-prime-a-la-signature",
            {},
            "Pour les sommes perçues au titre de la prime d’arrivée, comment procéder ?",
        ),
    ],
)
def test_the_rules_read_what_the_panel_quoted(
    rule_id: str, facts: dict[str, str], text: str
) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations(rules_named("fr", [rule_id]), {"body": (text, facts)})
