"""The French pack against what the eighth native panel marked (issue 26, round 14).

Requests to talk (kind negotiate): the sentence that says why the user writes after accepting
names the user's own reason or the fact given, never a guessed obstacle (« la demande de visa
… pourrait ne pas aboutir », FALSE for the panel) nor the ask as what came up (« un élément
nouveau est apparu : la question du télétravail »). Each kind is a rule of
templates/fr/wording/rules.toml checked over every negotiable stage x reason x channel x voice
x form of address x deal-breaker, with and without a changed move timeline and a running
visa petition, the talking points with their email.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools

import pytest
from rule_corpus import Texts, drafts_of, pack_rules, request_label, texts_of

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Voice, negotiable
from bowout.core.vocabulary import Address
from bowout.core.wording import Rule, violations

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley.quinn@example.org", "+44 20 7946 0321")
NAMES = {"contact": "Sam Whitfield", "role": "Operations Lead", "company": "Fabrikam",
         "recruiter": "Tom Baker"}  # fmt: skip
RULE_IDS = (
    "a-request-guesses-no-new-obstacle",
    "a-personal-request-says-its-reason",
    "a-moved-request-names-the-move",
    "a-changed-timeline-is-what-changed",
    "a-request-names-only-the-users-move",
    "after-accepting-a-request-says-so",
    "after-accepting-a-request-is-no-open-offer",
)


def rules() -> dict[str, Rule]:
    return pack_rules("fr")


def requests(stage: Stage) -> list[Situation]:
    """Every request to talk at ``stage``: each reason, channel, voice, form of address and
    deal-breaker, each wording in turn, with the move's timeline changed or not and (for
    sponsorship) the visa petition under way or not."""
    out = []
    cells = itertools.product(Reason, Channel, Voice, Address, DealBreaker, (False, True))
    for n, (reason, channel, voice, address, breaker, changed) in enumerate(cells):
        if not negotiable(stage, reason):
            continue
        base = dict(language="fr", stage=stage, reason=reason, channel=channel, voice=voice,
                    address=address, kind=Kind.NEGOTIATE, deal_breaker=breaker,
                    wording=1 + n % 3, relocation_timeline_changed=changed,
                    **NAMES)  # fmt: skip
        if n % 2:
            base["decide_by"] = TODAY + dt.timedelta(days=7)
        if stage in (Stage.OFFER, Stage.ACCEPTED) and n % 3:
            base["start_date"] = TODAY + dt.timedelta(days=10)
        out.append(Situation(**base))  # type: ignore[arg-type]
        if breaker is DealBreaker.SPONSORSHIP:
            petition = {**base, "visa_petition_started": True, "wording": 1 + (n + 1) % 3}
            out.append(Situation(**petition))  # type: ignore[arg-type]
    return out


@functools.cache
def corpus(stage: Stage) -> tuple[tuple[str, Texts], ...]:
    """Each request to talk at ``stage`` alone (its replies are the withdrawal's)."""
    return drafts_of(Composer(today=lambda: TODAY), requests(stage), PROFILE, request_label)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("stage", [Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED],
                         ids=lambda s: s.value)  # fmt: skip
@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_no_request_to_talk_breaks_the_rule(rule_id: str, stage: Stage) -> None:
    rule = rules()[rule_id]
    found = [f"{where}: {v}" for where, texts in corpus(stage) for v in violations((rule,), texts)]
    assert not found, "\n".join(found[:10])


ACCEPTED = {"kind": "negotiate", "stage": "accepted"}


@pytest.mark.parametrize(
    ("rule_id", "part", "facts", "text"),
    [
        (
            "a-request-guesses-no-new-obstacle",
            "body",
            {**ACCEPTED, "reason": "relocation", "relocation_timeline_changed": "true"},
            "Depuis que j’ai accepté le poste, une inquiétude est apparue, et je dois la régler "
            "avec vous : la demande de visa est en cours, mais elle pourrait ne pas aboutir "
            "avant la date de prise de poste.",
        ),
        (
            "a-request-guesses-no-new-obstacle",
            "body",
            {**ACCEPTED, "reason": "personal"},
            "Depuis que j’ai accepté le poste, un élément nouveau est apparu : la question du "
            "télétravail. Je sais que cela arrive tard, mais c’est pour moi une condition "
            "essentielle.",
        ),
        (
            "a-personal-request-says-its-reason",
            "body",
            {**ACCEPTED, "reason": "personal"},
            "Depuis que j’ai accepté le poste, un élément nouveau est apparu : la question du "
            "télétravail.",
        ),
        (
            "a-changed-timeline-is-what-changed",
            "script",
            {**ACCEPTED, "reason": "relocation", "relocation_timeline_changed": "true"},
            "« Je vous appelle au sujet du poste que j’ai accepté : la demande de visa est en "
            "cours, mais elle pourrait ne pas aboutir avant la date de prise de poste. »",
        ),
        (
            "a-request-names-only-the-users-move",
            "body",
            {**ACCEPTED, "reason": "personal"},
            "Depuis que j’ai accepté le poste, le calendrier de mon déménagement a changé.",
        ),
    ],
)
def test_the_rules_read_the_sentences_the_panel_marked(
    rule_id: str, part: str, facts: dict[str, str], text: str
) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations((rules()[rule_id],), {part: (text, facts)})


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_panels_request_after_accepting_names_the_move(voice: Voice) -> None:
    """samples3 draft 12 (relocation, the timeline changed, a petition under way, call then
    write): the email and its talking points say the move's timeline changed, not the visa."""
    s = Situation(language="fr", stage=Stage.ACCEPTED, reason=Reason.RELOCATION,
                  channel=Channel.PHONE, voice=voice, kind=Kind.NEGOTIATE,
                  deal_breaker=DealBreaker.SPONSORSHIP, visa_petition_started=True,
                  relocation_timeline_changed=True, start_date=TODAY + dt.timedelta(days=10),
                  **NAMES)  # fmt: skip
    draft = Composer(today=lambda: TODAY).compose(s, PROFILE)
    for text in (draft.body_text, draft.phone_script or ""):
        assert "le calendrier de mon déménagement a changé" in text, text
        assert "pourrait ne pas aboutir" not in text, text


# --- the pay reason is the pay offered, never the user's finances (samples2, draft 11) --------
@functools.cache
def pay_corpus() -> tuple[tuple[str, Texts], ...]:
    """Every withdrawal for pay: each stage, channel, voice and form of address, each wording
    in turn, money received or not, with every reply to it."""
    composer = Composer(today=lambda: TODAY)
    out: list[tuple[str, Texts]] = []
    cells = itertools.product(Stage, Channel, Voice, Address)
    for n, (stage, channel, voice, address) in enumerate(cells):
        for wording in (1, 2):
            s = Situation(language="fr", stage=stage, reason=Reason.COMPENSATION,
                          channel=channel, voice=voice, address=address,
                          wording=1 + (n + wording) % 3, **NAMES)  # fmt: skip
            place = f"{stage.value}/{voice.value}/{address.value}"
            out.extend(texts_of(composer, s, PROFILE, place, subject=True))
    return tuple(out)


@pytest.mark.timeout(600)
def test_a_pay_reason_is_never_the_users_finances() -> None:
    rule = rules()["a-pay-reason-says-the-pay"]
    found = [f"{where}: {v}" for where, texts in pay_corpus() for v in violations((rule,), texts)]
    assert not found, "\n".join(found[:10])


def test_the_pay_rule_reads_the_sentence_the_panel_marked() -> None:
    text = (
        "Ma situation financière ne me permettant pas d’occuper ce poste, je dois revenir sur "
        "mon acceptation de l’offre."
    )
    facts = {"reason": "compensation", "stage": "accepted"}
    assert violations((rules()["a-pay-reason-says-the-pay"],), {"body": (text, facts)})
