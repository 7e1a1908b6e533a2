"""Another offer is named as the user's reason, never why it won (issue 21; the French
reader marked the same kind in issue 26): "another offer that fits my plans more closely"
(Spanish: «que se ajusta mejor a mis planes») gives a cause the user never stated. The
decision is theirs to explain if they wish."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Voice

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind",
         "recruiter": "Alex Kim"}  # fmt: skip
#: A clause saying why the other offer was chosen, or what it is like.
#: Per language, a clause saying why the other offer was chosen, or what it is like.
WHY_IT_WON = {
    "en": re.compile(
        r"\b(offer|job|role|position)( elsewhere)? (that|which)\b|\bmy plans\b"
        r"|\bcloser match\b|\bbetter (fit|match|suited)\b|\bmore closely\b",
        re.I,
    ),
    "es": re.compile(r"\b(mejor|más)\b.{0,20}\b(planes|busco)\b|\bque se (ajusta|acerca)\b", re.I),
}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("language", list(WHY_IT_WON))
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_another_offer_is_named_without_why_it_won(
    composer: Composer, stage: Stage, voice: Voice, language: str
) -> None:
    for channel, wording in itertools.product(Channel, (1, 2, 3)):
        s = Situation(stage=stage, reason=Reason.OTHER_OFFER, channel=channel, voice=voice,
                      wording=wording, language=language, **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        for text in (d.body_text, d.phone_script or ""):
            assert not WHY_IT_WON[language].search(text), text
