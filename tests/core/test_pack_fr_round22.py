"""The French pack against what the nineteenth to twenty-second native panels marked (issue 26,
round 22, seeds 726 to 729).

The panels scored French 23.67 (min 22), 23.92 (min 22), 23.83 (min 22) and 24.42 (min 23) and
read, as kinds: thanks « au sujet du poste » (a calque of "about the role", draft 6 of 729); «
Je regrette que cela intervienne pendant les démarches de visa » (a calque of "during", drafts 1
and 8 of 729); « La relocalisation que demanderait ce poste » (a business brought back, not a
person moving, draft 5 of 728); « un court entretien » and « Cette annonce arrivant si près… »
(a job interview and a job ad, where the user offers a call and breaks the news, draft 1 of
729); the civil-service « date d’entrée en fonction » (draft 1 of 727, draft 10 of 728) and the
stiff imperative « Veuillez m’excuser » (draft 10 of 728); an answer to a counter-offer thanking
in three clipped words (« Merci pour cette nouvelle proposition. », drafts 4 and 9 of 728, draft
11 of 727, « nouvelle » before any offer) and, after red flags, a door read as an invitation to
come back with more (« N’hésitez pas à me recontacter à l’avenir »). Two sentences in a row
opened on « J’ai » (« J’ai décidé… J’ai choisi… », « J’ai accepté l’offre, mais… J’ai conscience
que… »). Each kind is a rule of templates/fr/wording/rules.toml, checked over round 21's places:
round 18's matrix, requests to talk and doors kept open, round 19's recruiter notes and round
20's messages after talks or two payments.
"""

from __future__ import annotations

import pytest
from rule_corpus import breaks, quoted, rules_named
from test_pack_fr_round18 import PLACES
from test_pack_fr_round21 import CORPORA, corpus_at

from bowout.core import Stage
from bowout.core.wording import violations

#: What the panels quoted, by the rule that reads it: (part, text) each.
QUOTED_BY_RULE: dict[str, list[tuple[str, str]]] = {
    "fr-no-calque-or-hiring-jargon": [
        ("body", "Je tiens à vous remercier du temps que vous m’avez consacré au sujet du poste "
                 "de Data Analyst."),
        ("body", "Je regrette que cela intervienne pendant les démarches de visa."),
        ("body", "La relocalisation que demanderait ce poste ne correspond pas à mes projets."),
        ("body", "Je reste à votre disposition pour un court entretien, si cela peut être utile "
                 "pour relancer le recrutement."),
        ("body", "Cette annonce arrivant si près de mon entrée en fonction, je vous prie de bien "
                 "vouloir m’en excuser."),
        ("body", "Je suis désolé(e) de revenir vers vous si près de la date d’entrée en fonction."),
        ("body", "Veuillez m’excuser de vous répondre si près de la date de prise de poste."),
    ],
    "fr-a-counter-offer-is-thanked-as-a-gesture": [
        ("body", "Merci pour cette nouvelle proposition. Après réflexion, je maintiens ma "
                 "décision. N’hésitez pas à me recontacter à l’avenir."),
        ("body", "Merci pour cette nouvelle proposition. Ma décision reste toutefois inchangée. "
                 "Je vous souhaite de trouver rapidement la personne qu’il vous faut."),
        ("body", "Je vous remercie de cette nouvelle proposition\u202f; ma décision reste "
                 "toutefois inchangée."),
    ],
    "fr-no-new-proposal-before-an-offer": [
        ("body", "Merci pour cette nouvelle proposition. Ma décision reste toutefois inchangée."),
    ],
    "fr-no-two-sentences-open-with-j-ai": [
        ("body", "J’ai décidé de me retirer du processus de recrutement. J’ai choisi de "
                 "m’orienter vers une autre voie professionnelle."),
        ("body", "J’ai accepté l’offre, mais je dois encore soulever la question du salaire. "
                 "J’ai conscience que cela arrive tard."),
    ],
}  # fmt: skip
QUOTED = quoted(QUOTED_BY_RULE)
#: Facts of the place a rule reads when it has conditions.
FACTS = {
    "fr-a-counter-offer-is-thanked-as-a-gesture": {"reply": "counter-offer"},
    "fr-no-new-proposal-before-an-offer": {"reply": "counter-offer", "stage": "applied"},
}
RULE_IDS = tuple(QUOTED_BY_RULE)


#: Round 21's places: round 18's, then round 19's and round 20's corpora by name.
WHERE = [*PLACES, *((place, None) for place in CORPORA)]


# Round 10's corpus (about 14,000 drafts and replies) is built once, by the first case.
@pytest.mark.timeout(900)
@pytest.mark.parametrize(
    "where", WHERE, ids=lambda w: "-".join(str(getattr(v, "value", v)) for v in w)
)
def test_what_the_panels_read_is_written_nowhere(where: tuple[str, Stage | None]) -> None:
    assert not breaks(rules_named("fr", RULE_IDS), corpus_at(*where))[:10]


@pytest.mark.parametrize(("rule_id", "part", "text"), QUOTED)
def test_each_rule_reads_the_sentence_the_panel_quoted(rule_id: str, part: str, text: str) -> None:
    assert violations(rules_named("fr", [rule_id]), {part: (text, FACTS.get(rule_id, {}))})
