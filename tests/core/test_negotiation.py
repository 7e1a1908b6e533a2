"""Try to resolve it first: a request to talk about one deal-breaker, and what follows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.errors import InputError
from bowout.core.negotiation import LIKELY, negotiable
from bowout.core.situation import DealBreaker, Kind

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def test_only_reasons_a_conversation_can_change_from_the_first_interview_on() -> None:
    assert negotiable(Stage.OFFER, Reason.COMPENSATION)
    assert negotiable(Stage.INTERVIEWING, Reason.PERSONAL)
    assert not negotiable(Stage.SCREENING, Reason.COMPENSATION)
    assert not negotiable(Stage.OFFER, Reason.RED_FLAGS)
    assert not negotiable(Stage.FINAL, Reason.OTHER_OFFER)
    with pytest.raises(InputError, match="fits the reasons"):
        Situation(stage=Stage.OFFER, reason=Reason.RED_FLAGS, kind=Kind.NEGOTIATE,
                  deal_breaker=DealBreaker.PAY)  # fmt: skip
    with pytest.raises(InputError, match="needs the deal-breaker"):
        Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE)
    assert set(LIKELY) == {Reason.COMPENSATION, Reason.NOT_A_FIT, Reason.RELOCATION,
                           Reason.PERSONAL}  # fmt: skip


def test_a_request_to_talk_names_the_point_and_the_date_without_threat_or_figure(
    composer: Composer,
) -> None:
    s = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                  deal_breaker=DealBreaker.PAY, decide_by=TODAY + dt.timedelta(days=5),
                  channel=Channel.PHONE, **NAMES)  # fmt: skip
    d = composer.compose(s, PROFILE)
    assert "salary" in d.subject and "declin" not in d.subject.lower()
    assert "talk about the salary" in d.body_text and "Friday 4 December" in d.body_text
    assert not re.search(r"withdraw|declin|otherwise|ultimatum|[$€£]|\d+k", d.body_text)
    assert d.body_text.startswith("Dear Jordan,")
    assert "making time to talk with me today" not in d.body_text, "written before any call"
    script = d.phone_script or ""
    assert "Ask:" in script and "flexibility on the salary" in script
    assert "If the answer is still no" in script and "Friday 4 December" in script
    assert d.follow_up_email is None
    phases = {i.key: i.phase for i in d.checklist}
    assert phases["negotiate.must-haves"] == "before" and phases["negotiate.decide"] == "after"
    assert any("4 December 2026" in i.text for i in d.checklist)
    assert [f.code for f in d.findings] == [], "asking to talk is not an unclear withdrawal"
    assert d.to_json_dict()["kind"] == "negotiate"
    assert d.to_json_dict()["deal_breaker"] == "pay"


def test_a_withdrawal_after_talking_mentions_it_neutrally(composer: Composer) -> None:
    s = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, negotiated=True,
                  deal_breaker=DealBreaker.PAY, **NAMES)  # fmt: skip
    d = composer.compose(s, PROFILE)
    assert re.search(r"(could not|couldn't) agree on the salary", d.body_text)
    assert "below what I need" not in d.body_text, "the recap replaces the reason"
    assert re.search(r"declin", d.body_text)
    phone = composer.compose(dataclasses.replace(s, channel=Channel.PHONE), PROFILE)
    assert phone.body_text.count("As we discussed") <= 1
