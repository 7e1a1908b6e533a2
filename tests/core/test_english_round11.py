"""The kinds the seventh English panel still charged, held over drafts, scripts and replies
(issue 21, English round 11). Each is a rule in templates/en/wording/rules.toml:

- A request to talk names what it is about ("one open point", never "so that I
  can explain it" or a bare "could we talk?"), opens once (not "I would like … I would like"),
  says "say yes" only once there is an offer, and with relocation as the must-have and no
  relocation package in the facts asks about the move, not the size of a package.
- No assembled formal phrase ("Having accepted,", "repayment or settlement", "the move this
  job would involve", an "On that call," bolted on); nothing says "corresponding" after a call.
- A relay to the hiring manager through the recruiter carries appreciation, an apology after
  accepting, or regards with concerns about the process: never a bare "let X know?".
- An apology for timing only after accepting, whatever the wording variant.
- A reason claims no review the tool cannot know ("a closer look at my finances").

Checked over stages x reasons x channels x voices x wordings with a few sets of facts, every
reply kind to the first wording, and every request to talk with each deal-breaker.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from rule_corpus import Texts, pack_rules, rules_named, texts_of

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice, negotiable
from bowout.core.wording import Rule, violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Priya Nair", "role": "Data Analyst", "company": "Northwind Traders",
         "recruiter": "Alex Morgan"}  # fmt: skip
RULE_IDS = (
    "a-request-names-what-it-is-about",
    "a-request-says-yes-only-to-an-offer",
    "a-request-opens-once",
    "a-move-is-not-a-package-nobody-named",
    "no-assembled-formal-phrases",
    "a-call-is-not-correspondence",
    "a-screening-call-is-not-correspondence",
    "a-relay-carries-a-courtesy",
    "a-timing-apology-only-after-accepting",
    "a-reason-claims-no-review",
)
NEAR = TODAY + dt.timedelta(days=10)
#: The facts the charged drafts had: a near start with money received and the door open
#: (rapport), a relay through the recruiter with a call chosen, and nothing at all.
FACTS = {
    "plain": {},
    "near-paid-rapport": dict(
        start_date=NEAR, signing_bonus=Money.PAID, relocation_assistance=Money.PAID,
        keep_door_open=True, rapport=True,
    ),
    "via-recruiter-will-call": dict(
        via_recruiter=True, will_call=True, goodwill=(Goodwill.HANDOVER,),
        signing_bonus=Money.PAID, start_date=NEAR,
    ),
}  # fmt: skip


def rules() -> tuple[Rule, ...]:
    return rules_named("en", RULE_IDS)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def test_every_rule_of_this_round_is_in_the_pack() -> None:
    assert set(RULE_IDS) <= set(pack_rules("en"))


def _broken(corpus: list[tuple[str, Texts]]) -> list[str]:
    return [f"{where}: {v}" for where, texts in corpus for v in violations(rules(), texts)]


@pytest.mark.parametrize("facts", list(FACTS))
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_withdrawals_and_their_replies_keep_this_rounds_rules(
    composer: Composer, voice: Voice, facts: str
) -> None:
    problems: list[str] = []
    for stage, reason, channel, wording in itertools.product(Stage, Reason, Channel, (1, 2, 3)):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, **NAMES, **FACTS[facts])  # fmt: skip
        place = f"{stage.value}/{reason.value}/{voice.value}/{facts}"
        problems += _broken(texts_of(composer, s, PROFILE, place, subject=True))
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_every_request_to_talk_keeps_this_rounds_rules(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    pairs = [(st, r) for st, r in itertools.product(Stage, Reason) if negotiable(st, r)]
    for (stage, reason), channel, breaker, wording in itertools.product(
        pairs, Channel, DealBreaker, (1, 2, 3)
    ):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice, wording=wording,
                      kind=Kind.NEGOTIATE, deal_breaker=breaker,
                      decide_by=TODAY + dt.timedelta(days=5), **NAMES)  # fmt: skip
        place = f"{stage.value}/{reason.value}/{breaker.value}/{voice.value}"
        problems += _broken(texts_of(composer, s, PROFILE, place, subject=True))
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


def test_an_unnamed_point_is_asked_about_as_one_open_point(composer: Composer) -> None:
    # Round 14: "a question about the role" placed the problem in the role whatever it was
    # (a pay reason read as FALSE); the point is named neutrally, and still named.
    for voice in Voice:
        s = Situation(stage=Stage.FINAL, reason=Reason.PERSONAL, channel=Channel.RECRUITER,
                      voice=voice, kind=Kind.NEGOTIATE, deal_breaker=DealBreaker.OTHER,
                      **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        text = d.subject + d.body_text
        assert "one open point" in text and "about the role" not in text, d.body_text
        assert "explain it?" not in d.body_text, d.body_text


def test_a_relay_after_accepting_carries_the_apology(composer: Composer) -> None:
    for voice, will_call in itertools.product(Voice, (False, True)):
        s = Situation(stage=Stage.ACCEPTED, reason=Reason.NONE, channel=Channel.RECRUITER,
                      voice=voice, will_call=will_call, **NAMES)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        relay = next(line for line in body.splitlines() if "Priya Nair" in line)
        assert "apologies to you both" in relay, body
