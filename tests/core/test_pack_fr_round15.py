"""The French pack against what the ninth native panel marked (issue 26, round 15).

Each kind is a rule of templates/fr/wording/rules.toml, checked over round 10's matrix (stages
x reasons x channels x voices x wordings x forms of address, the phone script with its
branches, every reply kind) and, for the answers after rescinding, over each goodwill the
user may choose: an answer about money or a new proposal after rescinding ends on a line of
regret or of the goodwill chosen, and asks nothing « par écrit » (draft 5); an offer declined
is thanked for, in the call and its email (draft 8), and the warm voice regrets it and says
a word of the people (draft 6); asked to come back to it later, a warm answer with rapport or
the door open leaves room for other roles (draft 4); calques of English courtesy (drafts 2,
3, 4, 11); no thanks for a call the user placed, nor, after applying, for an approach or a
reading nobody may have made (drafts 2, 8, 12). Then what a rule cannot read: a LinkedIn
message names the role (draft 11).
"""

from __future__ import annotations

import functools
import itertools

import pytest
from rule_corpus import Texts, breaks, pack_rules, rules_named, texts_of
from test_pack_fr_round10 import NAMES, PROFILE, TODAY, corpus

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.composer import facts_of_reply
from bowout.core.situation import Money, Voice
from bowout.core.vocabulary import Address, Goodwill
from bowout.core.wording import Rule, violations

RULE_IDS = (
    "a-written-answer-asks-nothing-in-writing",
    "a-declined-offer-is-thanked",
    "a-warm-decline-says-its-regret",
    "a-warm-decline-speaks-of-the-people",
    "reconsider-later-leaves-room-for-other-roles",
    "reconsider-later-open-door-leaves-room",
    "no-calque-of-english-courtesy",
    "no-thanks-for-the-users-own-call",
    "after-applying-no-approach-presumed",
)
#: The rules an answer after rescinding keeps, whatever goodwill the user chose.
RESCINDING_RULE_IDS = (
    "an-answer-after-rescinding-ends-with-regret",
    "an-answer-after-rescinding-keeps-the-referral",
    "an-answer-after-rescinding-keeps-the-handover",
    "an-answer-after-rescinding-keeps-in-touch",
    "a-written-answer-asks-nothing-in-writing",
    "no-calque-of-english-courtesy",
)
GOODWILL = (
    (),
    (Goodwill.REFERRAL,),
    (Goodwill.HANDOVER,),
    (Goodwill.STAY_IN_TOUCH,),
    (Goodwill.HANDOVER, Goodwill.STAY_IN_TOUCH),
    (Goodwill.REFERRAL, Goodwill.HANDOVER, Goodwill.STAY_IN_TOUCH),
)


def rules() -> dict[str, Rule]:
    return pack_rules("fr")


#: The panel's warm decline of an offer (draft 6): no regret, nothing of the people.
WARM_OFFER = {
    "stage": "offer",
    "kind": "withdraw",
    "reply": "none",
    "voice": "warm",
    "warm": "true",
}
BARE_WARM_DECLINE = (
    "Merci beaucoup pour votre offre.\n\nAprès réflexion, je ne donnerai pas suite à "
    "votre offre.\n\nAu plaisir de garder le contact."
)


# The first case builds round 10's corpus (about 5,000 drafts and replies) on a shared machine.
@pytest.mark.timeout(600)
@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_no_draft_script_or_reply_breaks_the_rule(rule_id: str) -> None:
    found = breaks(rules_named("fr", [rule_id]), corpus())
    assert not found, "\n".join(found[:10])


@functools.cache
def rescinding_answers(voice: Voice) -> tuple[tuple[str, Texts], ...]:
    """Every reply to a rescinded acceptance in ``voice``: each reason, form of address and
    goodwill chosen, with the door kept open or not, the relocation assistance paid or not."""
    composer = Composer(today=lambda: TODAY)
    out: list[tuple[str, Texts]] = []
    cells = itertools.product(Reason, Address, GOODWILL, (False, True), (False, True))
    for reason, address, goodwill, door, paid in cells:
        s = Situation(language="fr", stage=Stage.ACCEPTED, reason=reason, channel=Channel.EMAIL,
                      voice=voice, address=address, goodwill=goodwill, keep_door_open=door,
                      rapport=door, relocation_assistance=Money.PAID if paid else Money.NONE,
                      **NAMES)  # fmt: skip
        place = (f"{reason.value}/{address.value}/{'+'.join(g.value for g in goodwill)}"
                 f"/door={door}/paid={paid}")  # fmt: skip
        out += texts_of(composer, s, PROFILE, place)[1:]  # the replies only
    return tuple(out)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_an_answer_after_rescinding_keeps_its_regret_and_goodwill(voice: Voice) -> None:
    found = breaks(rules_named("fr", RESCINDING_RULE_IDS), rescinding_answers(voice))
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_asked_to_reconsider_later_a_warm_answer_leaves_room(stage: Stage) -> None:
    """Draft 4: with rapport (or the door kept open), an answer to « reconsider later » ended
    on a wish and a goodbye; it leaves room for other roles, in every voice and reason."""
    composer = Composer(today=lambda: TODAY)
    chosen = rules_named(
        "fr",
        ("reconsider-later-leaves-room-for-other-roles", "reconsider-later-open-door-leaves-room"),
    )
    found = []
    for reason, voice, address, door in itertools.product(Reason, Voice, Address, (False, True)):
        s = Situation(language="fr", stage=stage, reason=reason, channel=Channel.EMAIL,
                      voice=voice, address=address, rapport=not door, keep_door_open=door,
                      **NAMES)  # fmt: skip
        answer = composer.compose_reply(s, PROFILE, "reconsider-later")
        facts = facts_of_reply(s, Channel.EMAIL, "reconsider-later", TODAY)
        where = f"{reason.value}/{voice.value}/{address.value}/door={door}"
        found += [f"{where}: {v}" for v in violations(chosen, {"body": (answer.body_text, facts)})]
    assert not found, "\n".join(found[:10])


ANSWER = {"stage": "accepted", "warm": "true"}


@pytest.mark.parametrize(
    ("rule_id", "part", "facts", "text"),
    [
        (
            "an-answer-after-rescinding-ends-with-regret",
            "body",
            {**ANSWER, "reply": "repayment"},
            "Je vous remercie de votre message. Afin de pouvoir l’examiner, pourriez-vous me "
            "faire parvenir le détail de votre demande ?",
        ),
        (
            "an-answer-after-rescinding-keeps-the-referral",
            "body",
            {**ANSWER, "reply": "repayment", "offer_referral": "true"},
            "Pourriez-vous me préciser le montant ? Je regrette sincèrement la gêne occasionnée.",
        ),
        (
            "a-written-answer-asks-nothing-in-writing",
            "body",
            {**ANSWER, "reply": "repayment"},
            "Pourriez-vous me faire parvenir par écrit le détail de votre demande au titre de "
            "l’aide à la mobilité ?",
        ),
        (
            "a-declined-offer-is-thanked",
            "script",
            {"stage": "offer", "kind": "withdraw", "reply": "none"},
            "2. Remercier : « Merci de m’accorder un moment. »\n"
            "3. Annoncer la décision clairement : « Je vous appelle pour décliner l’offre. »",
        ),
        (
            "a-declined-offer-is-thanked",
            "body",
            {"stage": "offer", "kind": "withdraw", "reply": "none"},
            "Merci pour l’appel de tout à l’heure.\n\nJe vous confirme que je décline votre offre.",
        ),
        ("a-warm-decline-says-its-regret", "body", WARM_OFFER, BARE_WARM_DECLINE),
        ("a-warm-decline-speaks-of-the-people", "body", WARM_OFFER, BARE_WARM_DECLINE),
        (
            "reconsider-later-leaves-room-for-other-roles",
            "body",
            {
                "reply": "reconsider-later",
                "rapport": "true",
                "warm": "true",
                "reason": "relocation",
            },
            "Merci pour votre message, qui me touche beaucoup. Ma décision concernant ce poste "
            "reste toutefois la même, et je vous souhaite de trouver la bonne personne.",
        ),
        ("no-calque-of-english-courtesy", "body", {}, "je dois respectueusement la décliner"),
        (
            "no-calque-of-english-courtesy",
            "body",
            {},
            "Merci pour votre message, qui me touche beaucoup.",
        ),
        ("no-calque-of-english-courtesy", "body", {}, "et lui transmettre mes salutations ?"),
        ("no-calque-of-english-courtesy", "body", {}, "Gardons le contact."),
        ("no-calque-of-english-courtesy", "body", {}, "et du soin apporté à sa préparation."),
        ("no-thanks-for-the-users-own-call", "body", {}, "Merci pour l’appel de tout à l’heure."),
        (
            "after-applying-no-approach-presumed",
            "body",
            {"stage": "applied", "reply": "none"},
            "Merci d’avoir pensé à moi pour le poste de Data Analyst.",
        ),
    ],
)
def test_the_rules_read_the_sentences_the_panel_marked(
    rule_id: str, part: str, facts: dict[str, str], text: str
) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations((rules()[rule_id],), {part: (text, facts)})


@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_a_linkedin_message_names_the_role(stage: Stage) -> None:
    """Draft 11: after a whole process, « J’ai décidé de retirer ma candidature. » left a
    recruiter with several searches guessing which; every LinkedIn message names the role."""
    composer = Composer(today=lambda: TODAY)
    missing = []
    cells = itertools.product(Reason, Voice, (1, 2, 3), Address, (False, True))
    for reason, voice, wording, address, rapport in cells:
        s = Situation(language="fr", stage=stage, reason=reason, channel=Channel.LINKEDIN,
                      voice=voice, wording=wording, address=address, rapport=rapport,
                      keep_door_open=rapport, **NAMES)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        if NAMES["role"] not in body:
            missing.append(f"{reason.value}/{voice.value}/w{wording}/{address.value}: {body}")
    assert not missing, "\n".join(missing[:5])
