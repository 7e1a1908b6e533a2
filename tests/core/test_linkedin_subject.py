"""A LinkedIn message has no subject line, in every language and for every kind of message
(the native panel found one on a German and a Spanish request to talk, issue 26): the
message box has no field for it, so the composer never gives one, whatever a pack says."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.draft import REPLY_KINDS
from bowout.core.situation import DealBreaker, Kind, negotiable
from bowout.paths import available_languages

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+44 20 7946 0321")


@pytest.mark.parametrize("language", available_languages())
def test_no_linkedin_message_has_a_subject(language: str) -> None:
    composer = Composer(today=lambda: TODAY)
    seen = 0
    for stage, reason in itertools.product(Stage, Reason):
        kinds = [Kind.WITHDRAW]
        if negotiable(stage, reason):
            kinds.append(Kind.NEGOTIATE)
        for kind in kinds:
            s = Situation(
                stage=stage, reason=reason, channel=Channel.LINKEDIN, kind=kind,
                deal_breaker=DealBreaker.SCOPE if kind is Kind.NEGOTIATE else None,
                start_date=TODAY + dt.timedelta(days=60) if stage is Stage.ACCEPTED else None,
                contact="Priya Nair", role="Data Analyst", company="Northwind",
                language=language,
            )  # fmt: skip
            draft = composer.compose(s, PROFILE)
            assert draft.subject == "", (s, draft.subject)
            seen += 1
            if kind is Kind.WITHDRAW:
                for reply in REPLY_KINDS:
                    assert composer.compose_reply(s, PROFILE, reply).subject == ""
    assert seen > len(Stage) * len(Reason)  # requests to talk were written too
