"""The French pack against what the seventh native panel marked (issue 26, round 13).

Requests to talk (kind negotiate), each kind a rule of templates/fr/wording/rules.toml
checked over every negotiable stage x reason x channel x voice x form of address x
deal-breaker, the talking points with their email: with a visa petition under way, the
request never asks for sponsorship (FALSE, draft 12); after accepting, it reads as neither an
open offer nor a decision still to take, says it is a condition that comes late, and keeps
its date (drafts 4 and 12). Then the seams the panel heard (a bare « Merci ; » spoken).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools

import pytest
from rule_corpus import Texts, drafts_of, pack_rules, request_label

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Voice, negotiable
from bowout.core.vocabulary import Address
from bowout.core.wording import Rule, violations

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley.quinn@example.org", "+44 20 7946 0321")
NAMES = {"contact": "Sam Whitfield", "role": "Operations Lead", "company": "Fabrikam",
         "recruiter": "Tom Baker"}  # fmt: skip
RULE_IDS = (
    "a-running-petition-is-never-asked-for",
    "after-accepting-a-request-is-no-open-offer",
    "after-accepting-a-request-says-so",
    "after-accepting-the-date-stays",
)


def rules() -> dict[str, Rule]:
    return pack_rules("fr")


def requests(stage: Stage) -> list[Situation]:
    """Every request to talk at ``stage``: each reason, channel, voice, form of address and
    deal-breaker, each wording in turn; sponsorship again with a petition under way and a
    start date near, and every request again with no date to decide by."""
    out = []
    cells = itertools.product(Reason, Channel, Voice, Address, DealBreaker)
    for n, (reason, channel, voice, address, breaker) in enumerate(cells):
        if not negotiable(stage, reason):
            continue
        base = dict(language="fr", stage=stage, reason=reason, channel=channel, voice=voice,
                    address=address, kind=Kind.NEGOTIATE, deal_breaker=breaker,
                    wording=1 + n % 3, **NAMES)  # fmt: skip
        decide = TODAY + dt.timedelta(days=7)
        out.append(Situation(**base, decide_by=decide))  # type: ignore[arg-type]
        out.append(Situation(**base))  # type: ignore[arg-type]
        if breaker is DealBreaker.SPONSORSHIP:
            for wording in (1, 2, 3):
                more = {**base, "wording": wording, "visa_petition_started": True,
                        "decide_by": decide, "relocation_timeline_changed": True}  # fmt: skip
                if stage in (Stage.OFFER, Stage.ACCEPTED):
                    more["start_date"] = TODAY + dt.timedelta(days=10)
                out.append(Situation(**more))  # type: ignore[arg-type]
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


@pytest.mark.parametrize(
    ("rule_id", "part", "facts", "text"),
    [
        (
            "a-running-petition-is-never-asked-for",
            "script",
            {"kind": "negotiate", "visa_petition_started": "true", "audience": "spoken"},
            "« L’entreprise pourrait-elle prendre en charge les démarches de visa et "
            "d’autorisation de travail pour ce poste ? »",
        ),
        (
            "a-running-petition-is-never-asked-for",
            "body",
            {"kind": "negotiate", "visa_petition_started": "true"},
            "Je tiens à ce que tout se passe bien, et j’aimerais que nous réglions ensemble "
            "la question du visa et de l’autorisation de travail.",
        ),
        (
            "after-accepting-a-request-is-no-open-offer",
            "body",
            {"kind": "negotiate", "stage": "accepted"},
            "Le poste m’intéresse toujours, mais la question du télétravail reste à régler "
            "avant d’aller plus loin. J’aimerais me positionner d’ici le mardi 8 décembre.",
        ),
        (
            "after-accepting-a-request-is-no-open-offer",
            "body",
            {"kind": "negotiate", "stage": "accepted"},
            "Je reste très sensible à l’offre que vous m’avez faite pour le poste.",
        ),
        (
            "after-accepting-a-request-says-so",
            "body",
            {"kind": "negotiate", "stage": "accepted"},
            "Merci pour nos échanges.\n\nJ’ai hâte de rejoindre l’équipe, et j’aimerais "
            "parler avec vous de la question du télétravail.",
        ),
    ],
)
def test_the_rules_read_the_sentences_the_panel_marked(
    rule_id: str, part: str, facts: dict[str, str], text: str
) -> None:
    """Each rule knows the sentence the panel quoted (not a rule of nothing)."""
    assert violations((rules()[rule_id],), {part: (text, facts)})


def test_a_spoken_thanks_is_never_a_bare_merci_before_a_semicolon() -> None:
    """« Merci ; je vous confirme tout cela par écrit » is no French usage (draft 4): the
    close of the talking points thanks in a sentence of its own, in every voice."""
    composer = Composer(today=lambda: TODAY)
    for s in requests(Stage.OFFER):
        script = composer.compose(s, PROFILE).phone_script or ""
        assert "Merci\u202f;" not in script and "Merci ;" not in script, script
