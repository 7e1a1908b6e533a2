"""The French pack against what the twelfth native panel marked (issue 26, round 18, seed 719).

The panel scored French 24.08 (min 23, no FALSE) and read, as kinds: « minutes » twice in a
call (« Avez-vous deux minutes ? » then « Merci de me consacrer quelques minutes ») and
« proposition » then « proposée » in sentences next to each other; the translated stock lines
« Ce poste n’est pas celui que je recherche aujourd’hui » and « J’ai apprécié notre récent
entretien »; « je décline l’offre » where French says « votre offre » (subject included);
the pronoun slips « l’en remercier » and « Je vous y informais »; two closings stitched with
« ; » and a bare « une pleine réussite »; the hedged « je préfère retirer »; the phone
script's guillemets with ordinary spaces. Round 17 left « finalement » twice in one message.
Each kind is a rule of templates/fr/wording/rules.toml, checked over round 17's corpora.
"""

from __future__ import annotations

import pytest
from rule_corpus import Texts, breaks, rules_named
from test_pack_fr_round10 import corpus
from test_pack_fr_round14 import corpus as requests_to_talk
from test_pack_fr_round16 import doors_kept_open
from test_pack_fr_round17 import TALKS

from bowout.core import Stage
from bowout.core.wording import violations

#: What the panel quoted, each with the rule that reads it (rule id, part, text).
QUOTED = [
    (
        "fr-no-echo-of-minutes-or-proposal",
        "script",
        "1. Ouvrir\u202f: «\u202fAvez-vous deux minutes\u202f?\u202f»\n\n"
        "2. Remercier\u202f: «\u202fMerci de me consacrer quelques minutes.\u202f»",
    ),
    (
        "fr-no-echo-of-minutes-or-proposal",
        "body",
        "Merci pour votre proposition. Je décline votre offre, la rémunération proposée "
        "ne correspondant pas à mes attentes.",
    ),
    ("fr-no-translated-stock-line", "body", "Ce poste n’est pas celui que je recherche."),
    ("fr-no-translated-stock-line", "body", "J’ai apprécié notre récent entretien."),
    ("fr-the-offer-declined-is-theirs", "subject", "Data Analyst : je décline l’offre"),
    (
        "fr-the-offer-declined-is-theirs",
        "body",
        "Après réflexion, je décline à regret l’offre.",
    ),
    ("fr-no-pronoun-slip", "body", "Pourriez-vous l’en remercier de ma part\u202f?"),
    ("fr-no-pronoun-slip", "body", "Je vous y informais du retrait de ma candidature."),
    (
        "fr-one-closing-not-two",
        "body",
        "Au plaisir de vous recroiser\u202f; je vous souhaite une pleine réussite.",
    ),
    ("fr-a-decision-is-not-a-preference", "body", "Je préfère retirer ma candidature."),
    (
        "fr-an-adverb-once-per-message",
        "body",
        "Je ne pourrai finalement pas vous rejoindre. Le déménagement s’avère finalement "
        "irréalisable.",
    ),
    ("fr-guillemets-with-a-narrow-space", "script", "1. Ouvrir\u202f: « Bonjour Tomás »"),
]
RULE_IDS = tuple(dict.fromkeys(rule_id for rule_id, _, _ in QUOTED))
#: Where the rules are checked: round 10's matrix, round 14's requests to talk at each stage
#: they exist, round 16's doors kept open at every stage.
PLACES = [("matrix", None)]
PLACES += [("talk", stage) for stage in TALKS] + [("door", stage) for stage in Stage]


def texts(place: str, stage: Stage | None) -> tuple[tuple[str, Texts], ...]:
    if place == "talk":
        return requests_to_talk(stage)
    return doors_kept_open(stage) if place == "door" else corpus()


# Round 10's corpus (about 14,000 drafts and replies) is built once, by the first case.
@pytest.mark.timeout(900)
@pytest.mark.parametrize(("place", "stage"), PLACES, ids=lambda v: getattr(v, "value", v))
def test_nothing_the_pack_writes_breaks_the_panels_kinds(place: str, stage: Stage | None) -> None:
    found = breaks(rules_named("fr", RULE_IDS), texts(place, stage))
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize(("rule_id", "part", "text"), QUOTED)
def test_the_rules_read_what_the_panel_quoted(rule_id: str, part: str, text: str) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations(rules_named("fr", [rule_id]), {part: (text, {})})
