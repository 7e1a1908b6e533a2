"""Through a recruiter, a negotiation's talking points are for the call with that recruiter:
they greet the person the note greets, never the hiring manager (issue 26: three native
panels read "Hola, Tom:" in the note and "Hola, Tomás" in the script as a name changed
midway). Without a recruiter the call is with the contact, as before.

Checked in every language, voice, form of address, negotiable stage and deal-breaker.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.addressing import available_languages
from bowout.core.situation import Address, DealBreaker, Kind, Voice

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "")
#: A German user types the courtesy title with the name (the app never guesses one).
RECRUITER = {"de": "Herr Tom Baker"}
CONTACT = "Tomás Herrera"


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def _negotiation(language: str, channel: Channel, **more: object) -> Situation:
    fields: dict[str, object] = {
        "stage": Stage.ACCEPTED, "reason": Reason.PERSONAL, "kind": Kind.NEGOTIATE,
        "deal_breaker": DealBreaker.REMOTE, "channel": channel, "language": language,
        "contact": CONTACT, "recruiter": RECRUITER.get(language, "Tom Baker"),
        "role": "Data Analyst", "company": "Fabrikam",
    }  # fmt: skip
    fields.update(more)
    return Situation(**fields)  # type: ignore[arg-type]


def _opening(script: str) -> str:
    return next(line for line in script.splitlines() if line.startswith("1."))


@pytest.mark.parametrize("language", available_languages())
def test_the_call_through_a_recruiter_greets_the_recruiter(
    composer: Composer, language: str
) -> None:
    wrong: list[str] = []
    cases = itertools.product(
        list(Voice), list(Address), (Stage.OFFER, Stage.ACCEPTED), list(DealBreaker)
    )
    for voice, address, stage, breaker in cases:
        situation = _negotiation(
            language, Channel.RECRUITER, voice=voice, address=address, stage=stage,
            deal_breaker=breaker,
        )  # fmt: skip
        draft = composer.compose(situation, PROFILE)
        assert draft.phone_script is not None
        opening = _opening(draft.phone_script)
        greeting_line = draft.body_text.splitlines()[0]
        named = "Baker" if "Baker" in opening else "Tom"
        if (
            "Tomás" in opening
            or "Herrera" in opening
            or f"{named}" not in opening
            or (named not in greeting_line)
        ):
            wrong.append(f"{voice.value}/{address.value}/{stage.value}/{breaker.value}: "
                         f"note greets {greeting_line!r}, call opens {opening!r}")  # fmt: skip
    assert not wrong, "\n".join(wrong[:8])


@pytest.mark.parametrize("language", available_languages())
def test_a_call_without_a_recruiter_greets_the_contact(composer: Composer, language: str) -> None:
    for voice in Voice:
        situation = _negotiation(language, Channel.EMAIL, voice=voice, recruiter="")
        draft = composer.compose(situation, PROFILE)
        assert draft.phone_script is not None
        opening = _opening(draft.phone_script)
        assert "Tom " not in opening and "Baker" not in opening, opening
