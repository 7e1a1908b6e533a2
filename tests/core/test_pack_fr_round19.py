"""The French pack against what the fourteenth native panel marked (issue 26, round 19, seed 721).

The panel scored French 23.83 (min 22, no FALSE) and read, as kinds: a personal reason given
as the cause of the point raised in a request to talk (« des raisons personnelles m’amènent à
soulever la question du visa », draft 7); the same offer of a call made twice (« Je tiens
également à l’appeler personnellement » then « Je reste disponible pour un court échange
avec Tomás Herrera », draft 2); stiff reasons (« Ce choix m’est dicté par des raisons
personnelles », « les missions ne correspondant pas », « Je mesure que cela vient tard »);
the same word or name in sentences next to each other (« J’espère… J’espère », the contact's
full name in two paragraphs in a row); English carried over (« J’espère que vous penserez
encore à moi », « Merci pour notre conversation téléphonique », « la prochaine étape
professionnelle », « le ou les deux points indispensables »); two thanks in one sentence
(« Je vous remercie… et j’y suis sensible »), and, from panel 720, « Je vous souhaite une
bonne journée » as a filler close to a recruiter; an infinitive subject line (« échanger sur
la question du visa »). Each kind is a rule of templates/fr/wording/rules.toml, checked over
round 18's places and over the recruiter notes after rescinding, with the call and the
handover chosen. A short formal answer to a counter-offer now closes on a wish (draft 12).
"""

from __future__ import annotations

import functools
import itertools

import pytest
import tomllib
from rule_corpus import Texts, breaks, quoted, rules_named, texts_of
from test_pack_fr_round10 import NAMES, PROFILE, TODAY
from test_pack_fr_round18 import PLACES, texts

from bowout import paths
from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.vocabulary import Address, Goodwill
from bowout.core.wording import violations

#: What the panel quoted, by the rule that reads it: (part, text) each.
QUOTED_BY_RULE: dict[str, list[tuple[str, str]]] = {
    "fr-a-personal-reason-causes-no-ask": [
        ("body", "J’ai accepté l’offre, mais des raisons personnelles m’amènent à soulever "
                 "la question du visa et de l’autorisation de travail."),
    ],
    "fr-the-call-is-offered-once": [
        ("body", "Je tiens également à l’appeler personnellement, si vous pouvez m’y aider.\n\n"
                 "Je reste disponible pour un court échange avec Tomás Herrera, si cela peut "
                 "aider à relancer le recrutement."),
    ],
    "fr-no-stiff-reason": [
        ("body", "Ce choix m’est dicté par des raisons personnelles."),
        ("body", "Après réflexion, je retire ma candidature, les missions ne correspondant pas "
                 "à ce que je recherche."),
        ("script", "« Je mesure que cela vient tard, mais… »"),
    ],
    "fr-no-word-or-name-twice-in-a-row": [
        ("body", "Ma décision reste toutefois inchangée ; j’espère que vous la comprendrez. "
                 "J’espère que nous garderons le contact."),
        ("body", "Pourriez-vous en informer Tomás Herrera et lui faire part de mes regrets ?\n\n"
                 "Je reste disponible pour un court échange avec Tomás Herrera."),
    ],
    "fr-no-english-carried-over": [
        ("body", "J’espère que vous penserez encore à moi à l’avenir."),
        ("body", "Merci pour notre conversation téléphonique."),
        ("body", "Je vous souhaite une pleine réussite dans les mois à venir."),
        ("script", "Avant l’appel, noter le ou les deux points indispensables."),
    ],
    "fr-no-filler-close-or-double-thanks": [
        ("body", "Je vous remercie d’avoir bien voulu revoir votre proposition, et j’y suis "
                 "sensible."),
    ],
    "fr-a-recruiter-note-ends-without-filler": [("body", "Je vous souhaite une bonne journée.")],
    "fr-a-subject-is-a-noun-phrase": [
        ("subject", "Product Designer chez Tailspin Toys : échanger sur la question du visa"),
    ],
}  # fmt: skip
QUOTED = quoted(QUOTED_BY_RULE)
RULE_IDS = tuple(QUOTED_BY_RULE)
#: Facts of the place a rule reads when it has conditions (the recruiter note's rule).
FACTS = {"fr-a-recruiter-note-ends-without-filler": {"audience": "recruiter"}}
FACTS["fr-the-call-is-offered-once"] = {"will_call": "true"}


# Round 10's corpus (about 14,000 drafts and replies) is built once, by the first case.
@pytest.mark.timeout(900)
@pytest.mark.parametrize(("place", "stage"), PLACES, ids=lambda v: getattr(v, "value", v))
def test_nothing_the_pack_writes_breaks_the_panels_kinds(place: str, stage: Stage | None) -> None:
    found = breaks(rules_named("fr", RULE_IDS), texts(place, stage))
    assert not found, "\n".join(found[:10])


@functools.cache
def recruiter_notes() -> tuple[tuple[str, Texts], ...]:
    """Every note to a recruiter after rescinding, the call and the goodwill chosen or not:
    each reason, voice, wording, form of address, door kept open or not (draft 2)."""
    composer = Composer(today=lambda: TODAY)
    out: list[tuple[str, Texts]] = []
    goodwill = ((), (Goodwill.HANDOVER,), (Goodwill.HANDOVER, Goodwill.REFERRAL))
    cells = itertools.product(Reason, Voice, (1, 2, 3), Address, (False, True), goodwill)
    for reason, voice, wording, address, door, offered in cells:
        s = Situation(language="fr", stage=Stage.ACCEPTED, reason=reason,
                      channel=Channel.RECRUITER, via_recruiter=True, will_call=True,
                      voice=voice, wording=wording, address=address, keep_door_open=door,
                      goodwill=offered, **NAMES)  # fmt: skip
        place = f"{reason.value}/{voice.value}/{address.value}/door={door}/{len(offered)}"
        out += texts_of(composer, s, PROFILE, place, subject=True)
    return tuple(out)


@pytest.mark.timeout(900)
def test_a_recruiter_note_after_rescinding_keeps_the_panels_kinds() -> None:
    """Draft 2: the call offered twice and the manager's full name in two paragraphs in a row."""
    found = breaks(rules_named("fr", RULE_IDS), recruiter_notes())
    assert not found, "\n".join(found[:10])


def test_the_call_branches_say_what_comes_next_in_french() -> None:
    """« Si la personne demande quelle est la prochaine étape professionnelle » (draft 8)."""
    pack = tomllib.loads((paths.pack_dir("fr") / "pack.toml").read_text(encoding="utf-8"))
    titles = {"script": ("\n".join(pack["branches"].values()), {})}
    assert not violations(rules_named("fr", ["fr-no-english-carried-over"]), titles)


@pytest.mark.parametrize(("rule_id", "part", "text"), QUOTED)
def test_the_rules_read_what_the_panel_quoted(rule_id: str, part: str, text: str) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations(rules_named("fr", [rule_id]), {part: (text, FACTS.get(rule_id, {}))})
