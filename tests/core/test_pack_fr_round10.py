"""The French pack against what the fifth native panel marked (issue 26, round 10).

Each kind is a rule of templates/fr/wording/rules.toml, checked here over stages x reasons x
channels x voices x wordings x forms of address, with the phone script and its branches and
every reply kind: a plain reason read as a discovery (« En découvrant le quotidien du
poste »), a call that thanks for the time three times and still has a decision to take
after announcing it, the customer-service « désagrément causé » as the apology for
rescinding, « Avec mes excuses, bien cordialement » as a closing, English shapes
(« Ce choix s’explique par… », « tout le travail accompli pour moi »), a spoken « en
effet », and a motive denied that the facts cannot know. Then what the rules cannot say: a
written withdrawal never ends on a question, and a visa petition's regret never stands
alone in its paragraph.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re

import pytest
from rule_corpus import Texts, pack_rules, texts_of

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Money, Voice
from bowout.core.vocabulary import Address
from bowout.core.wording import Rule, violations

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley.quinn@example.org", "+44 20 7946 0321")
NAMES = {
    "contact": "Sam Whitfield",
    "role": "Data Analyst",
    "company": "Fabrikam",
    "recruiter": "Tom Baker",
}
#: The facts that change the closing lines: the door kept open with rapport, and after an
#: acceptance a bonus received, a petition under way and a start ten days away.
RICH = {"keep_door_open": True, "rapport": True}
RESCINDED = {
    "signing_bonus": Money.PAID,
    "visa_petition_started": True,
    "start_date": TODAY + dt.timedelta(days=10),
}
RULE_IDS = (
    "a-plain-reason-says-only-itself",
    "a-call-thanks-for-the-time-once",
    "a-decision-announced-is-taken",
    "an-apology-is-no-customer-service-formula",
    "no-closing-formula-of-excuses",
    "native-phrasing-not-english-shapes",
    "after-acceptance-no-proposal-to-thank",
    "a-spoken-answer-stands-alone",
    "no-motive-denied-the-facts-lack",
)


def rules() -> dict[str, Rule]:
    return pack_rules("fr")


def situations() -> list[Situation]:
    """Every stage x reason x channel x voice x wording x address with the plain facts, the
    offer and accepted stages again with the door, rapport and money, and the accepted stage
    with a petition under way and no money received."""
    out = []
    cells = itertools.product(Stage, Reason, Channel, Voice, (1, 2, 3), Address)
    for stage, reason, channel, voice, wording, address in cells:
        base = {"stage": stage, "reason": reason, "channel": channel, "voice": voice,
                "wording": wording, "address": address, "language": "fr", **NAMES}  # fmt: skip
        out.append(Situation(**base))  # type: ignore[arg-type]
        if stage in (Stage.OFFER, Stage.ACCEPTED):
            more = {**RICH, **(RESCINDED if stage is Stage.ACCEPTED else {})}
            out.append(Situation(**base, **more))  # type: ignore[arg-type]
        if stage is Stage.ACCEPTED:  # a petition under way, nothing received
            out.append(Situation(**base, visa_petition_started=True))  # type: ignore[arg-type]
    return out


@functools.cache
def corpus() -> tuple[tuple[str, Texts], ...]:
    """Each draft (subject, body, and the phone script with its branches) and each reply to
    its first wording, with the facts it was written for, named by where it comes from."""
    composer = Composer(today=lambda: TODAY)
    out: list[tuple[str, Texts]] = []
    for s in situations():
        place = (f"{s.stage.value}/{s.reason.value}/{s.voice.value}/{s.address.value}"
                 f"/door={s.keep_door_open}/petition={s.visa_petition_started}")  # fmt: skip
        out += texts_of(composer, s, PROFILE, place, subject=True)
    return tuple(out)


# The first case builds the corpus (about 5,000 drafts and replies) on a shared machine.
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
            "a-plain-reason-says-only-itself",
            "body",
            {},
            "En découvrant le quotidien du poste, j’ai compris qu’il ne me convenait pas.",
        ),
        (
            "a-plain-reason-says-only-itself",
            "body",
            {},
            "Ce que j’ai appris du poste m’a montré qu’il ne me convenait pas.",
        ),
        (
            "a-call-thanks-for-the-time-once",
            "script",
            {"audience": "spoken"},
            "Je vous le confirme par écrit. Merci d’avoir pris le temps de m’écouter.",
        ),
        (
            "a-decision-announced-is-taken",
            "script",
            {"audience": "spoken", "kind": "withdraw"},
            "Pourrions-nous en parler avant que je prenne ma décision ?",
        ),
        (
            "an-apology-is-no-customer-service-formula",
            "body",
            {},
            "Je vous prie de m’excuser pour le désagrément causé.",
        ),
        (
            "no-closing-formula-of-excuses",
            "body",
            {},
            "Merci.\n\nAvec mes excuses, bien cordialement,\nRiley Quinn",
        ),
        (
            "native-phrasing-not-english-shapes",
            "body",
            {},
            "Ce choix s’explique par des raisons personnelles.",
        ),
        (
            "native-phrasing-not-english-shapes",
            "body",
            {},
            "Je vous remercie pour tout le travail accompli pour moi.",
        ),
        (
            "native-phrasing-not-english-shapes",
            "body",
            {},
            "Ce serait précieux pour moi de rester en contact.",
        ),
        (
            "native-phrasing-not-english-shapes",
            "body",
            {},
            "Après réflexion. Déménager pour ce poste n’est pas envisageable.",
        ),
        (
            "after-acceptance-no-proposal-to-thank",
            "body",
            {"stage": "accepted"},
            "Merci pour votre proposition concernant le poste.",
        ),
        (
            "a-spoken-answer-stands-alone",
            "script",
            {"audience": "spoken"},
            "Si la personne demande pourquoi : « J’ai en effet accepté une autre offre. »",
        ),
        (
            "no-motive-denied-the-facts-lack",
            "script",
            {},
            "Ma décision ne tient pas à la façon dont le recrutement est mené.",
        ),
    ],
)
def test_the_rules_read_the_sentences_the_panel_marked(
    rule_id: str, part: str, facts: dict[str, str], text: str
) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations((rules()[rule_id],), {part: (text, facts)})


# --- what a rule cannot say: where a message ends, what stands alone ------------------------
def paragraphs_before_signoff(body: str) -> list[str]:
    """The body's paragraphs between the greeting and the sign-off block."""
    parts = [p.strip() for p in body.split("\n\n") if p.strip()]
    return parts[1:-1]


@pytest.mark.timeout(600)
def test_a_written_withdrawal_never_ends_on_a_question() -> None:
    """After rescinding, the brief voice ended on the money question (« …comment procéder
    selon le contrat ? ») and a note to the recruiter on its request: every written
    withdrawal ends on a sentence for the reader, in every voice, stage and channel."""
    found = []
    for where, texts in corpus():
        if "reply" in where:
            continue
        last = paragraphs_before_signoff(texts["body"][0])[-1]
        if last.endswith("?"):
            found.append(f"{where}: {last}")
    assert not found, "\n".join(found[:10])


@pytest.mark.timeout(600)
def test_a_visa_petition_regret_is_never_a_paragraph_alone() -> None:
    """« Je regrette que cela survienne pendant les démarches de visa. » stood alone in its
    paragraph: the regret goes with the apology it belongs to."""
    found = []
    for where, texts in corpus():
        for paragraph in paragraphs_before_signoff(texts["body"][0]):
            if (
                re.search(r"\bvisa\b", paragraph)
                and len(re.findall(r"[.?!](?:\s|$)", paragraph)) < 2
            ):
                found.append(f"{where}: {paragraph}")
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize("contact", ["Jordan Lee", "Dr. Amara Okafor", "Mme Priya Nair"])
def test_a_formal_follow_up_greets_as_the_letter_it_follows(contact: str) -> None:
    """« Bonjour Jordan, » opened a formal follow-up to someone the user never exchanged
    with (nobody had answered): the chaser greets as its withdrawal did (the first name
    since session 12's panels read a bare « Bonjour, » as a form letter, or the civility the
    user wrote), at every stage."""
    composer = Composer(today=lambda: TODAY)
    found = []
    for stage, reason in itertools.product(Stage, Reason):
        s = Situation(stage=stage, reason=reason, channel=Channel.EMAIL, voice=Voice.FORMAL,
                      language="fr", **{**NAMES, "contact": contact})  # fmt: skip
        letter = composer.compose(s, PROFILE).body_text.split("\n")[0]
        chaser = composer.compose_reply(s, PROFILE, "no-reply").body_text.split("\n")[0]
        if chaser != letter:
            found.append(f"{stage.value}/{reason.value}: {letter!r} then {chaser!r}")
    assert not found, "\n".join(found[:5])
