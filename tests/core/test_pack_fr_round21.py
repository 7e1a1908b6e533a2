"""The French pack against what the seventeenth and eighteenth native panels marked (issue 26,
round 21, seeds 724 and 725).

The panels scored French 23.67 (min 22) and 23.75 (min 22), no FALSE, and read, as kinds: a
message declining an offer or withdrawing an acceptance that ends cold, on the decision
(« Ma décision concernant ce poste reste toutefois inchangée. »), on a thanks that presumes
their understanding (« Je vous remercie de votre compréhension. »), or on « bonne
continuation » signed with a bare « Cordialement » (draft 8 of 724, drafts 3, 6 and 8 of 725);
a follow-up after no reply that opens on a reproach (« Faute de retour à mon précédent
message »); « C’est pour des raisons personnelles. » as a bare sentence after the decision
(drafts 2 and 7 of 724); « la bonne personne » (drafts 2 and 11 of 724); « ce jour » (draft
7 of 724, draft 9 of 725); « J’ai le regret de vous informer » in a warm note, to someone
known or on LinkedIn (drafts 5 and 10 of 724); the same word in sentences or steps next to
each other (« souhaite… souhaite », « Pourriez-vous… ? Pourriez-vous… ? », « m’accorder…
m’accorder », « salaire… salaire »); « je dois donc » for a choice (draft 7 of 725); the
calques « Mon intérêt est intact », « Ma réponse arrive bien près de », « il ne s’accorde
plus avec ce poste », « m’engager dans ce projet ». Each kind is a rule of
templates/fr/wording/rules.toml, checked over round 18's places, round 19's recruiter notes and
round 20's messages after talks or two payments. The seed-726 and seed-727 panels then read
the call announcing its decision after a colon (« Je tenais à vous le dire moi-même : j’ai
décidé… »): one sentence, « Je tenais à vous annoncer moi-même que… ». The seed-728 panel read
a note to the recruiter that claimed the talks (« Comme nous l’avons évoqué, nous n’avons pas
pu trouver d’accord sur la question du salaire ») as FALSE: through a recruiter, no « nous »,
as German and Spanish hold.
"""

from __future__ import annotations

import pytest
from rule_corpus import Texts, breaks, quoted, rules_named
from test_pack_fr_round18 import PLACES, texts
from test_pack_fr_round19 import recruiter_notes
from test_pack_fr_round20 import after_talks_and_payments

from bowout.core import Stage
from bowout.core.wording import violations

#: What the panels quoted, by the rule that reads it: (part, text) each.
QUOTED_BY_RULE: dict[str, list[tuple[str, str]]] = {
    "fr-a-refusal-ends-warmly": [
        ("body", "Bonjour Tomás,\n\nFaute de retour à mon précédent message, je me permets de "
                 "vous confirmer que je reviens sur mon acceptation de votre offre pour le poste "
                 "d’Operations Lead. Je vous remercie de votre compréhension.\n\nBien cordialement,"
                 "\nRiley Quinn"),
        ("body", "Je vous remercie d’avoir pensé à moi. Ma décision concernant ce poste reste "
                 "toutefois inchangée.\n\nBien cordialement,\nRiley Quinn"),
        ("body", "J’ai décidé de retirer ma candidature.\n\nJe vous souhaite une bonne "
                 "continuation.\n\nCordialement,\nRiley Quinn"),
    ],
    "fr-a-follow-up-is-not-a-reproach": [
        ("body", "Faute de retour à mon précédent message, je me permets de vous confirmer que "
                 "je décline votre offre pour le poste d’Operations Lead."),
        ("body", "Sans nouvelles de votre part depuis mon précédent message, je vous confirme "
                 "le retrait de ma candidature."),
    ],
    "fr-a-personal-reason-joins-the-decision": [
        ("body", "Je souhaite retirer ma candidature. C’est pour des raisons personnelles."),
        ("body", "Je vous remercie de l’échange que nous avons eu aujourd’hui par téléphone. "
                 "Ainsi que je vous l’ai indiqué, je suis au regret de devoir décliner votre "
                 "offre. C’est pour des raisons personnelles."),
    ],
    "fr-the-person-you-need": [
        ("body", "Je vous souhaite de trouver rapidement la bonne personne."),
    ],
    "fr-today-not-ce-jour": [
        ("body", "Je vous remercie de l’échange que nous avons eu ce jour par téléphone."),
        ("body", "Merci pour notre échange téléphonique de ce jour."),
    ],
    "fr-a-choice-is-no-obligation": [
        ("body", "J’ai choisi une autre orientation professionnelle et je dois donc, à regret, "
                 "décliner votre offre."),
    ],
    "fr-no-calque-or-notice-formula": [
        ("body", "Mon intérêt est intact, mais la question du salaire reste à régler."),
        ("body", "Ma réponse arrive bien près de la date d’entrée en fonction envisagée."),
        ("body", "Le calendrier de mon déménagement a changé, et il ne s’accorde plus avec ce "
                 "poste."),
        ("script", "« Pour des raisons personnelles, je ne suis plus en mesure de m’engager dans "
                   "ce projet. »"),
        ("body", "J’ai le regret de vous informer que je dois revenir sur mon acceptation de "
                 "l’offre."),
    ],
    "fr-no-word-or-name-twice-in-a-row": [
        ("body", "Je souhaite retirer ma candidature. Je vous souhaite de trouver rapidement le "
                 "profil idéal."),
        ("body", "Pourriez-vous m’indiquer comment procéder ?\n\nPourriez-vous en informer "
                 "Sam Whitfield et lui faire part de mes regrets ?"),
    ],
    "fr-no-echo-of-minutes-or-proposal": [
        ("script", "1. Ouvrir : « Auriez-vous un moment à m’accorder ? »\n\n2. Remercier : "
                   "« Merci de m’accorder ce moment. »"),
        ("script", "2. « J’aimerais aborder avec vous la question du salaire. »\n\n3. Demander : "
                   "« Y a-t-il une marge de manœuvre sur le salaire ? »"),
    ],
    "fr-the-call-announces-without-a-colon": [
        ("script", "2. « Je tenais à vous le dire moi-même\u202f: j’ai décidé de décliner votre "
                   "offre. »"),
        ("script", "« Je vous le dis à regret\u202f: je dois revenir sur mon acceptation de "
                   "l’offre. »"),
    ],
    "fr-no-talks-claimed-through-a-recruiter": [
        ("body", "Je ne pourrai pas m’engager et reviens donc sur mon acceptation. Comme nous "
                 "l’avons évoqué, nous n’avons pas pu trouver d’accord sur la question du "
                 "salaire."),
    ],
}  # fmt: skip
QUOTED = quoted(QUOTED_BY_RULE)
RULE_IDS = tuple(QUOTED_BY_RULE)
#: Facts of the place a rule reads when it has conditions.
FACTS = {
    "fr-a-refusal-ends-warmly": {"stage": "accepted"},
    "fr-no-talks-claimed-through-a-recruiter": {
        "via_recruiter": "true", "kind": "withdraw", "channel": "recruiter",
    },
}  # fmt: skip
#: Round 19's recruiter notes and round 20's messages after talks or two payments, beside
#: round 18's places.
CORPORA = {"recruiter-notes": recruiter_notes, "talks-and-payments": after_talks_and_payments}


def corpus_at(place: str, stage: Stage | None) -> tuple[tuple[str, Texts], ...]:
    return CORPORA[place]() if place in CORPORA else texts(place, stage)


# Round 10's corpus (about 14,000 drafts and replies) is built once, by the first case.
@pytest.mark.timeout(900)
@pytest.mark.parametrize(
    ("place", "stage"),
    [*PLACES, *((place, None) for place in CORPORA)],
    ids=lambda v: getattr(v, "value", v),
)
def test_nothing_the_pack_writes_breaks_the_panels_kinds(place: str, stage: Stage | None) -> None:
    found = breaks(rules_named("fr", RULE_IDS), corpus_at(place, stage))
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize(("rule_id", "part", "text"), QUOTED)
def test_the_rules_read_what_the_panel_quoted(rule_id: str, part: str, text: str) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations(rules_named("fr", [rule_id]), {part: (text, FACTS.get(rule_id, {}))})
