"""German requests to talk as the native panel read them in round 13 (issue 26), each kind
checked over deal-breakers, channels, voices, forms of address and wordings, the talking
points with the e-mail.

- With a visa petition already under way, a request about sponsorship never asks for
  support with the visa (the company is giving it): it asks whether the start can wait
  for the visa, in the subject, the letter, the note and the call.
- After accepting, a request to talk never reads as if the offer were still open (no
  thanks „für Ihr Angebot“, no „interessiert mich weiterhin“, no „bevor ich zusage“, no
  „wäre mir wichtig“): it says that one point has come up since accepting, that it matters
  and that it comes late, and it keeps the decide-by date.

The rules are in templates/de/wording/rules.toml; tests/core/rule_corpus.py builds the texts.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from rule_corpus import broken, pack_rules, rules_named
from test_pack_de_round9 import NAMES, PROFILE, TODAY

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Voice
from bowout.core.vocabulary import Address

ROUND13 = (
    "de-a-running-petition-is-not-asked-for",
    "de-a-running-petition-is-asked-about-its-timing",
    "de-a-request-after-accepting-is-not-a-decision",
    "de-a-request-after-accepting-says-what-came-up",
    "de-a-request-after-accepting-keeps-its-date",
)
REASONS = (Reason.RELOCATION, Reason.PERSONAL, Reason.COMPENSATION, Reason.NOT_A_FIT)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def requests(petition: bool, voice: Voice) -> Iterator[Situation]:
    """Every deal-breaker x channel x address of an accepted request to talk in ``voice``,
    the wordings, reasons and a decide-by date cycled."""
    cases = itertools.product(DealBreaker, Channel, Address, (1, 2, 3))
    for n, (point, channel, address, wording) in enumerate(cases):
        yield Situation(
            language="de", stage=Stage.ACCEPTED, reason=REASONS[n % len(REASONS)],
            channel=channel, voice=voice, address=address, wording=wording,
            kind=Kind.NEGOTIATE, deal_breaker=point, visa_petition_started=petition,
            start_date=dt.date(2026, 12, 11), rapport=n % 2 == 0,
            decide_by=dt.date(2026, 12, 10) if n % 4 else None, **NAMES,
        )  # fmt: skip


def test_the_round13_rules_are_in_the_pack() -> None:
    assert set(ROUND13) <= set(pack_rules("de"))


@pytest.mark.parametrize("voice", list(Voice), ids=lambda voice: voice.value)
@pytest.mark.parametrize("petition", [False, True], ids=["no-petition", "petition"])
def test_every_request_after_accepting_keeps_the_round13_rules(
    composer: Composer,
    petition: bool,
    voice: Voice,
) -> None:
    """Per voice and petition, so that one case stays well inside the per-test time limit."""
    held = rules_named("de", ROUND13)
    found = broken(composer, requests(petition, voice), PROFILE, held, place)
    assert not found, "\n".join(found[:12])


def place(s: Situation) -> str:
    assert s.deal_breaker is not None
    return f"{s.deal_breaker.value}/{s.channel.value}/{s.address.value}"


def test_a_running_petition_asks_whether_the_start_can_wait(composer: Composer) -> None:
    """The panel's false sentence: the call asked the company to support the visa."""
    s = next(r for r in requests(True, Voice.FORMAL) if r.deal_breaker is DealBreaker.SPONSORSHIP)
    draft = composer.compose(s, PROFILE)
    for text in (draft.subject, draft.body_text, draft.phone_script):
        assert "Unterstützung beim Visum" not in text and "beim Visum unterstützen" not in text
    assert "warten" in draft.body_text and "warten" in draft.phone_script
