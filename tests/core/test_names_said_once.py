"""A letter names the company and each person once, in every language (issues 21 and 26).

Panels marked a name said twice as assembled: "Thank you for considering me for the Data
Analyst role at Fabrikam. ... future openings at Fabrikam." (English), „Bitte informieren Sie
Sam Whitfield … Ich rufe Sam Whitfield auch selbst an." (German). After the first mention a
person writes "you", "the team", a pronoun, or nothing. The greeting and the signature block
are not the letter's text and are left out; the subject and the call's script are read
separately (a script may name who to ask for, then speak to them).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.core.situation import Money, Voice
from bowout.paths import available_languages

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Sam Whitfield", "role": "Data Analyst", "company": "Fabrikam Holdings",
         "recruiter": "Tom Baker"}  # fmt: skip
#: Facts turned in with the matrix, so the door, referral, relay, money and visa lines all
#: appear next to the thanks that name the company.
FACTS = (
    {},
    {"keep_door_open": True, "rapport": True},
    {"via_recruiter": True, "will_call": True, "goodwill": tuple(Goodwill)},
    {"keep_door_open": True, "visa_petition_started": True, "signing_bonus": Money.PAID,
     "start_date": TODAY + dt.timedelta(days=9)},
)  # fmt: skip


def situations(language: str, stage: Stage) -> Iterator[Situation]:
    """Every reason x channel x voice at ``stage``, the facts and wordings turned with them."""
    cells = itertools.product(Reason, Channel, Voice)
    for n, (reason, channel, voice) in enumerate(cells):
        yield Situation(
            language=language, stage=stage, reason=reason, channel=channel, voice=voice,
            wording=n % 3 + 1, **NAMES, **FACTS[n % len(FACTS)],  # type: ignore[arg-type]
        )  # fmt: skip


def letter(body: str) -> str:
    """A message's text between its greeting and its sign-off block."""
    blocks = body.strip().split("\n\n")
    return "\n\n".join(blocks[1:-1])


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("stage", list(Stage), ids=lambda stage: stage.value)
@pytest.mark.parametrize("language", available_languages())
def test_a_letter_names_the_company_and_each_person_once(
    composer: Composer, language: str, stage: Stage
) -> None:
    found: dict[str, None] = {}
    for s in situations(language, stage):
        text = letter(composer.compose(s, PROFILE).body_text)
        for name in ("Fabrikam Holdings", "Sam Whitfield", "Tom Baker"):
            if text.count(name) > 1:
                where = f"{s.reason.value}/{s.channel.value if s.channel else '-'}/{s.voice.value}"
                found[f"{where}/w{s.wording}: {name!r} twice in {text!r}"] = None
    assert not found, f"{len(found)} letters, e.g.:\n" + "\n".join(list(found)[:6])


def test_the_check_sees_a_name_said_twice() -> None:
    """The check reads what the panel quoted (not a check of nothing)."""
    body = (
        "Dear Sam,\n\nThank you for considering me for the role at Fabrikam Holdings.\n\n"
        "I would welcome news of openings at Fabrikam Holdings.\n\nKind regards,\nRiley"
    )
    assert letter(body).count("Fabrikam Holdings") == 2
    assert "Dear Sam" not in letter(body) and "Riley" not in letter(body)
