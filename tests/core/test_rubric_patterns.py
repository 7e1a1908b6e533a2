"""The kinds behind the native panel's lost points (issue 21, docs/sample-drafts.md), each a
property of every draft over the matrix: stages x reasons x channels x voices x wordings,
with the facts that reach each pattern, and the replies to what they wrote back.

A pattern stated in data is a rule of templates/en/wording/rules.toml, checked here by its
id; the ones a rule cannot express (a sentence count, a name in two sentences in a row,
the greeting's name) are checked here directly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator

import pytest

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice, negotiable
from bowout.core.vocabulary import REPLY_KINDS
from bowout.core.wording import parse_rules, violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
RULES = {
    r.id: r
    for r in parse_rules((paths.pack_dir() / "wording" / "rules.toml").read_text("utf-8"))
}
#: The contacts of the facts whose drafts are also answered (every reply kind, wording 1).
REPLIED = ("Jordan Lee", "Dr. Amara Okafor", "Priya Nair")
NAMES = {"role": "Data Analyst", "company": "Northwind Traders", "recruiter": "Tom Baker"}

#: Facts that between them reach every pattern the panel named: rapport and an open door, a
#: title, a started petition with money paid and every goodwill offer, a failed conversation.
FACTS: dict[str, dict[str, object]] = {
    "rapport": dict(contact="Jordan Lee", rapport=True, keep_door_open=True),
    "titled": dict(contact="Dr. Amara Okafor"),
    "petition": dict(
        contact="Priya Nair", visa_petition_started=True, sponsorship_required=True,
        signing_bonus=Money.PAID, start_date=TODAY + dt.timedelta(days=10),
        goodwill=tuple(Goodwill), keep_door_open=True,
    ),
    "talked": dict(contact="Sam Whitfield", negotiated=True, deal_breaker=DealBreaker.RELOCATION),
}  # fmt: skip


def situations() -> Iterator[Situation]:
    """Every stage x reason x channel x voice x wording, under each set of :data:`FACTS`,
    and every request to talk (each deal-breaker, with and without a date to decide by)."""
    for facts, stage, reason, channel, voice, wording in itertools.product(
        FACTS.values(), Stage, Reason, Channel, Voice, (1, 2, 3)
    ):
        values = {**NAMES, **facts}
        if values.get("negotiated") and not negotiable(stage, reason):
            values.pop("negotiated"), values.pop("deal_breaker")
        yield Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                        wording=wording, **values)  # type: ignore[arg-type]  # fmt: skip
    for (stage, reason), channel, voice, breaker, decide_by in itertools.product(
        [(s, r) for s, r in itertools.product(Stage, Reason) if negotiable(s, r)],
        Channel, Voice, DealBreaker, (None, TODAY + dt.timedelta(days=5)),
    ):  # fmt: skip
        yield Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                        kind=Kind.NEGOTIATE, deal_breaker=breaker, decide_by=decide_by,
                        contact="Jordan Lee", **NAMES)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Written:
    """One composed text and the facts it was written for, per part (subject, body, script)."""

    situation: Situation
    texts: dict[str, tuple[str, dict[str, str]]]
    reply: str = "none"

    @property
    def body(self) -> str:
        return self.texts["body"][0]


@functools.cache
def corpus() -> tuple[Written, ...]:
    """Every draft of :func:`situations`, and every reply kind to the first wording of
    those written to a contact in :data:`REPLIED`."""
    composer = Composer(today=lambda: TODAY)
    out = []
    for s in situations():
        d = composer.compose(s, PROFILE)
        written = facts_of_channel(s, d.channel, WRITTEN_AUDIENCE[d.channel], TODAY)
        texts = {"subject": (d.subject, written), "body": (d.body_text, written)}
        if d.phone_script:
            spoken = facts_of_channel(s, d.channel, "spoken", TODAY)
            branches = "\n".join(f"{w}: {t}" for w, t in d.phone_branches)
            texts["script"] = (f"{d.phone_script}\n{branches}", spoken)
        out.append(Written(s, texts))
        if s.kind is Kind.WITHDRAW and s.wording == 1 and s.contact in REPLIED:
            for kind in REPLY_KINDS:
                answer = composer.compose_reply(s, PROFILE, kind)
                facts = facts_of_reply(s, d.channel, kind, TODAY)
                out.append(Written(s, {"body": (answer.body_text, facts)}, kind))
    return tuple(out)


def broken(rule_id: str) -> list[str]:
    """Where rule ``rule_id`` of rules.toml is broken over the corpus (the first 10)."""
    rule = RULES[rule_id]
    found = []
    for w in corpus():
        for v in violations((rule,), w.texts):
            s = w.situation
            found.append(f"{s.stage.value}/{s.reason.value}/{s.channel and s.channel.value}/"
                         f"{s.voice.value}/w{s.wording}/{s.kind.value}/{w.reply}: {v}")  # fmt: skip
    return found[:10]


# -- 1. sentences false for the stated facts ----------------------------------------------
@pytest.mark.parametrize(
    "rule_id",
    [
        "a-deadline-only-when-given",
        "the-start-date-has-no-direction",
        "relocation-money-only-when-mentioned",
        "own-situation-only-when-it-is-the-reason",
        "no-overclaimed-interest-when-it-is-not-a-fit",
    ],
)
def test_no_false_sentence_of_the_kinds_the_panel_flagged(rule_id: str) -> None:
    assert not broken(rule_id), "\n".join(broken(rule_id))
