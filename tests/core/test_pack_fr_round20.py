"""The French pack against what the fifteenth and sixteenth native panels marked (issue 26,
round 20, seeds 722 and 723).

The panels scored French 23.25 (min 20) and 23.75 (min 23), no FALSE, and read, as kinds: a
follow-up after no reply that reaches the decision at the end of a long relative clause and
says « message » twice (« Je reviens vers vous au cas où mon précédent message ne vous serait
pas parvenu, message dans lequel je vous annonçais… »), with no thanks after a negotiated
offer (draft 1 of 722, 20); agreement and coordination slips (« la somme perçue » for two
payments, « Je vous remercie pour notre échange… et la confiance »); replies with no thanks
(« Je suis sensible à votre message », « Je vous réponds bien volontiers »); a hedged
« je ne pense donc pas avoir quoi que ce soit à rembourser » where nothing was received;
« selon les termes du contrat » where no contract is given; « Je reste à votre disposition
pour tout complément » as the administrative close of a note to the recruiter; the same word
in sentences next to each other (« acceptation » then « depuis mon acceptation », « à regret »
then « Je regrette », « bien vouloir » or « gré » twice, « si cela » opening two sentences in
a row). Each kind is a rule of templates/fr/wording/rules.toml, checked over round 18's places
and round 19's recruiter notes, over the follow-ups after a conversation about a deal-breaker,
and over the messages after both payments were received. Round 21 (seed 726) dropped the
contract after a paid signing bonus too: the user never names one.
"""

from __future__ import annotations

import functools
import itertools
import re

import pytest
from rule_corpus import Texts, breaks, quoted, rules_named, texts_of
from test_pack_fr_round10 import NAMES, PROFILE, TODAY, corpus
from test_pack_fr_round18 import PLACES, texts
from test_pack_fr_round19 import recruiter_notes

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.vocabulary import REASONS, Address, DealBreaker, Money
from bowout.core.wording import violations

#: What the panels quoted, by the rule that reads it: (part, text) each.
QUOTED_BY_RULE: dict[str, list[tuple[str, str]]] = {
    "fr-a-follow-up-says-it-in-one-clause": [
        ("body", "Je reviens vers vous au cas où mon précédent message ne vous serait pas "
                 "parvenu, message dans lequel je vous annonçais que je déclinais votre offre."),
    ],
    "fr-a-follow-up-after-talks-thanks": [
        ("body", "Bonjour Priya,\n\nFaute de retour à mon précédent message, je me permets de "
                 "vous confirmer que je décline votre offre. Je vous souhaite une très belle "
                 "continuation.\n\nBien à vous,\nRiley Quinn"),
    ],
    "fr-agreement-and-coordination": [
        ("body", "Pour la somme perçue au titre de la prime à la signature et de l’aide à la "
                 "mobilité, pourriez-vous m’indiquer comment procéder ?"),
        ("body", "Je vous remercie pour notre échange téléphonique de tout à l’heure et la "
                 "confiance que vous m’avez témoignée."),
    ],
    "fr-a-reply-thanks-for-the-message": [
        ("body", "Je suis sensible à votre message. Ma décision reste toutefois la même."),
        ("body", "Je vous réponds bien volontiers. Les missions ne correspondent pas à ce que "
                 "je recherche."),
    ],
    "fr-a-position-is-not-hedged": [
        ("body", "Je précise que je n’ai reçu aucun versement de la part de Fabrikam ; je ne "
                 "pense donc pas avoir quoi que ce soit à rembourser."),
    ],
    "fr-no-contract-presumed": [
        ("body", "Pourriez-vous m’indiquer comment procéder selon les termes du contrat ?"),
    ],
    "fr-a-recruiter-note-ends-without-filler": [
        ("body", "Je reste à votre disposition pour tout complément."),
    ],
    "fr-no-word-or-name-twice-in-a-row": [
        ("body", "Je dois revenir sur mon acceptation de votre offre. Je sais que votre équipe "
                 "comptait sur moi depuis mon acceptation."),
        ("body", "Je reviens sur mon acceptation de l’offre. J’ai accepté entre-temps un poste "
                 "ailleurs."),
        ("body", "Après réflexion, c’est à regret que je décline votre offre. Je regrette de "
                 "vous répondre si près de la date d’entrée en fonction envisagée."),
        ("body", "Je vous prie de bien vouloir m’en excuser. Concernant la somme déjà perçue, je "
                 "vous saurais gré de bien vouloir m’indiquer comment procéder."),
        ("body", "Concernant la somme déjà perçue, je vous saurais gré de m’indiquer comment "
                 "procéder.\n\nJe vous sais gré de votre compréhension."),
        ("body", "Je reste disponible pour un court échange, si cela peut aider à relancer le "
                 "recrutement.\n\nSi cela vous convient, j’aimerais beaucoup que nous restions "
                 "en contact."),
    ],
}  # fmt: skip
QUOTED = quoted(QUOTED_BY_RULE)
RULE_IDS = tuple(QUOTED_BY_RULE)
#: Facts of the place a rule reads when it has conditions.
FACTS = {
    "fr-a-follow-up-after-talks-thanks": {"reply": "no-reply", "negotiated": "true"},
    "fr-a-recruiter-note-ends-without-filler": {"audience": "recruiter"},
    "fr-no-contract-presumed": {"signing_bonus": "promised"},
}


# Round 10's corpus (about 14,000 drafts and replies) is built once, by the first case.
@pytest.mark.timeout(900)
@pytest.mark.parametrize(("place", "stage"), PLACES, ids=lambda v: getattr(v, "value", v))
def test_nothing_the_pack_writes_breaks_the_panels_kinds(place: str, stage: Stage | None) -> None:
    found = breaks(rules_named("fr", RULE_IDS), texts(place, stage))
    assert not found, "\n".join(found[:10])


@pytest.mark.timeout(900)
def test_a_recruiter_note_closes_on_a_plain_line() -> None:
    """« Je reste à votre disposition pour tout complément » closed every note to the
    recruiter (draft 12 of seed 722, draft 7 of seed 723)."""
    found = breaks(rules_named("fr", RULE_IDS), recruiter_notes())
    assert not found, "\n".join(found[:10])


@functools.cache
def after_talks_and_payments() -> tuple[tuple[str, Texts], ...]:
    """Every draft and answer after a conversation about a deal-breaker that found no way
    (each negotiable reason, at the offer and after accepting), and every message after both
    the signing bonus and the relocation assistance were paid: each voice, wording, channel,
    form of address, door kept open or not, rapport or not."""
    composer = Composer(today=lambda: TODAY)
    out: list[tuple[str, Texts]] = []
    negotiable = [reason for reason in Reason if REASONS[reason].negotiable]
    written = (Channel.EMAIL, Channel.LINKEDIN, Channel.PHONE)
    cells = itertools.product(Voice, Address, (False, True), (False, True), written)
    for voice, address, door, rapport, channel in cells:
        base = {"language": "fr", "voice": voice, "address": address, "channel": channel,
                "keep_door_open": door, "rapport": rapport, **NAMES}  # fmt: skip
        for stage, reason in itertools.product((Stage.OFFER, Stage.ACCEPTED), negotiable):
            s = Situation(stage=stage, reason=reason, negotiated=True,
                          deal_breaker=DealBreaker.PAY, **base)  # fmt: skip
            place = f"talked/{stage.value}/{reason.value}/{voice.value}/{address.value}/{door}"
            out += texts_of(composer, s, PROFILE, place, subject=True)
        for reason, wording in itertools.product(Reason, (1, 2, 3)):
            s = Situation(stage=Stage.ACCEPTED, reason=reason, wording=wording,
                          signing_bonus=Money.PAID, relocation_assistance=Money.PAID,
                          visa_petition_started=wording == 2, **base)  # fmt: skip
            place = f"paid/{reason.value}/{voice.value}/{address.value}/{door}"
            out += texts_of(composer, s, PROFILE, place, subject=True)
    return tuple(out)


@pytest.mark.timeout(900)
def test_after_talks_or_two_payments_the_panels_kinds_hold() -> None:
    """Draft 1 of seed 722 (a follow-up after a negotiated offer, no thanks) and draft 5 of
    seed 723 (« la somme perçue » for two payments)."""
    found = breaks(rules_named("fr", RULE_IDS), after_talks_and_payments())
    assert not found, "\n".join(found[:10])


@pytest.mark.timeout(900)
def test_two_payments_are_named_as_sums() -> None:
    """Where both payments are named, the money sentence says « les sommes … perçues »."""
    found = []
    for where, parts in after_talks_and_payments():
        for text, _ in parts.values():
            if re.search(r"\bsommes? (déjà )?(perçues?|reçues?) au titre", text) and not re.search(
                r"\bles sommes (déjà )?(perçues|reçues) au titre", text
            ):
                found.append(f"{where}: {text}")
    assert not found, "\n".join(found[:10])


@pytest.mark.timeout(900)
def test_a_reply_to_why_or_to_later_thanks_first() -> None:
    """« Je suis sensible à votre message », « Je vous réponds bien volontiers »: every answer
    to « why? » and to « come back later » thanks in its first sentence (drafts 7 and 9 of
    seed 722, draft 10 of seed 723)."""
    found = []
    for where, parts in corpus():
        if where.endswith(("reply asked-why", "reply reconsider-later")):
            body = parts["body"][0].split("\n\n")[1]
            first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
            if not re.search(r"\b(merci|remerci)", first, re.IGNORECASE):
                found.append(f"{where}: {first}")
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize(("rule_id", "part", "text"), QUOTED)
def test_the_rules_read_what_the_panel_quoted(rule_id: str, part: str, text: str) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations(rules_named("fr", [rule_id]), {part: (text, FACTS.get(rule_id, {}))})
