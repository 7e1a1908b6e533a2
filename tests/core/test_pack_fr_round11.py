"""The French pack against what the sixth native panel marked (issue 26, round 11).

Each kind is a rule of templates/fr/wording/rules.toml, checked over the same matrix as round
10's (stages x reasons x channels x voices x wordings x forms of address, the phone script
with its branches, every reply kind): two sentences opening on « Après… », near-miss idioms
and calques (« d’ici peu », « si vos données font apparaître », « les sommes » for one
bonus), « mon dossier » after the interviews, a door and a wish (or a defensive « J’espère
que vous comprendrez ma décision ») stacked as the close, a reason after accepting hedged or
recast (« Je ne pense pas que… », « Après un examen attentif de ma situation
financière »), a reply that keeps its reasons without thanking for the question, and a call
branch that reopens the decision after an offer. Then what a rule cannot read: the branch
titles, and where the branches stand in the script as the user reads it.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from rule_corpus import pack_rules
from test_pack_fr_round10 import corpus

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.pack import load_pack
from bowout.core.situation import Voice
from bowout.core.wording import Rule, violations
from bowout.paths import available_languages

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley.quinn@example.org", "+44 20 7946 0321")
RULE_IDS = (
    "no-two-sentences-open-with-apres",
    "one-reflection-per-message",
    "native-idiom-not-a-near-miss",
    "after-interviews-no-file-thanked",
    "one-closing-line-and-not-defensive",
    "a-reason-after-accepting-is-said-plainly",
    "a-reply-that-keeps-its-reasons-thanks-for-the-question",
    "after-an-offer-no-branch-reopens-the-decision",
    # Round 12's panel (seed 713): a red-flags call script answered feedback with « Je n’ai
    # pas de remarque particulière », denying the user's real reason (FALSE).
    "red-flags-never-denied",
)


def rules() -> dict[str, Rule]:
    return pack_rules("fr")


# The first case builds the shared corpus (about 5,000 drafts and replies) on a shared machine.
@pytest.mark.timeout(600)
@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_no_draft_script_or_reply_breaks_the_rule(rule_id: str) -> None:
    rule = rules()[rule_id]
    found = [f"{where}: {v}" for where, texts in corpus() for v in violations((rule,), texts)]
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize(
    ("rule_id", "part", "facts", "text"),
    [
        (
            "no-two-sentences-open-with-apres",
            "body",
            {},
            "Bonjour,\n\nAprès mûre réflexion, je dois revenir sur mon acceptation de l’offre. "
            "Après un examen attentif de ma situation, je ne peux pas m’engager.",
        ),
        (
            "one-reflection-per-message",
            "body",
            {},
            "Après y avoir bien réfléchi, je souhaite retirer ma candidature. À la réflexion, "
            "ce poste ne correspond pas à ce que je recherche.",
        ),
        (
            "native-idiom-not-a-near-miss",
            "body",
            {},
            "J’espère que nos chemins se recroiseront d’ici peu.",
        ),
        (
            "native-idiom-not-a-near-miss",
            "body",
            {},
            "Si vos données font apparaître un paiement, pourriez-vous m’en transmettre le "
            "détail ?",
        ),
        (
            "native-idiom-not-a-near-miss",
            "body",
            {},
            "Pour les sommes déjà perçues au titre de la prime à la signature, comment procéder ?",
        ),
        (
            "after-interviews-no-file-thanked",
            "body",
            {"stage": "final"},
            "Je vous remercie du temps et de l’attention accordés à mon dossier.",
        ),
        (
            "one-closing-line-and-not-defensive",
            "body",
            {},
            "Au plaisir de garder le contact. J’espère que vous comprendrez ma décision.",
        ),
        (
            "one-closing-line-and-not-defensive",
            "body",
            {},
            "Si vous le souhaitez, ce serait un plaisir de rester en contact. "
            "Je vous sais gré de votre compréhension.",
        ),
        (
            "a-reason-after-accepting-is-said-plainly",
            "body",
            {"stage": "accepted"},
            "Je ne pense pas que ce poste corresponde à ce que je recherche.",
        ),
        (
            "a-reason-after-accepting-is-said-plainly",
            "body",
            {"stage": "accepted"},
            "Après un examen attentif de ma situation financière, je ne peux pas m’engager "
            "dans ce changement.",
        ),
        (
            "a-reply-that-keeps-its-reasons-thanks-for-the-question",
            "body",
            {"reply": "asked-why"},
            "Bonjour Tom,\n\nC’est une décision mûrement réfléchie, et je préfère ne pas entrer "
            "dans les détails ; j’espère que vous le comprendrez.",
        ),
        (
            "after-an-offer-no-branch-reopens-the-decision",
            "script",
            {"audience": "spoken", "kind": "withdraw", "stage": "accepted"},
            "« Merci d’y avoir pensé ; ma décision est prise. »\n« Cela pourrait changer les "
            "choses pour moi. Pourrions-nous en reparler avant que je vous écrive ? »",
        ),
        (
            "red-flags-never-denied",
            "script",
            {"audience": "spoken", "kind": "withdraw", "warm": "false"},
            "« Je n’ai pas de remarque particulière, mais c’est aimable de me le demander. »",
        ),
    ],
)
def test_the_rules_read_the_sentences_the_panel_marked(
    rule_id: str, part: str, facts: dict[str, str], text: str
) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations((rules()[rule_id],), {part: (text, facts)})


def test_a_reply_that_thanks_first_may_keep_its_reasons() -> None:
    """The rule on a reply that keeps its reasons reads the whole reply, not one line."""
    text = (
        "Bonjour Tom,\n\nJe comprends votre question, et merci de me l’avoir posée. C’est "
        "une décision mûrement réfléchie, mais je préfère ne pas entrer dans les détails."
    )
    rule = rules()["a-reply-that-keeps-its-reasons-thanks-for-the-question"]
    assert not violations((rule,), {"body": (text, {"reply": "asked-why"})})


# --- what a rule cannot read: the branch titles, and where the branches stand ---------------
def test_the_branch_titles_say_what_they_mean_in_french() -> None:
    """« quelle est la suite » reads as the next steps of the process, and « avant tout
    retrait » says the wrong word after an acceptance and reopens the decision announced."""
    titles = load_pack("fr").words["branches"]
    assert "la suite" not in titles["where"]
    assert "retrait" not in titles["reconsider"]
    assert "reconsidérer" not in titles["reconsider"]
    assert "(" not in " ".join(titles.values())


def call_drafts(language: str) -> list[Situation]:
    return [
        Situation(
            stage=stage,
            reason=reason,
            channel=Channel.PHONE,
            voice=voice,
            language=language,
            contact="Sam Whitfield",
            role="Data Analyst",
            company="Fabrikam",
        )
        for stage, reason, voice in itertools.product(
            Stage, (Reason.RELOCATION, Reason.NOT_A_FIT, Reason.COMPENSATION), Voice
        )
    ]


@pytest.mark.parametrize("language", available_languages())
def test_what_may_happen_during_the_call_comes_before_what_follows_it(language: str) -> None:
    """The script as one text (the sample drafts) sets the branches before its last
    paragraph, what to do after the call, in every language (the packs share the order)."""
    composer = Composer(today=lambda: TODAY)
    for s in call_drafts(language):
        draft = composer.compose(s, PROFILE)
        text = draft.script_with_branches()
        assert draft.phone_script and draft.branch_lines()
        last = draft.phone_script.rsplit("\n\n", 1)[1]
        assert text.endswith("\n\n" + last)
        for line in draft.branch_lines():
            assert text.index(line) < text.index(last), (s, line)


def test_the_french_reconsider_branch_never_sits_beside_a_decision_taken() -> None:
    """After an offer the counter-offer branch says the decision is taken: no branch reopens
    it there; before an offer the branch names what is new instead of reopening."""
    composer = Composer(today=lambda: TODAY)
    for s in call_drafts("fr"):
        branches = dict(composer.compose(s, PROFILE).phone_branches)
        reconsider = branches.get(load_pack("fr").word("branches", "reconsider"))
        if s.stage in (Stage.OFFER, Stage.ACCEPTED):
            assert reconsider is None, s
        elif reconsider:
            assert "confirme quoi que ce soit" not in reconsider
