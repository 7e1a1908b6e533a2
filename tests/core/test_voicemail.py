"""A voicemail asks to be called back and leaves no news, in every language (issue 21; the
German, Spanish and French readers marked the kind in issue 26): the confirming email thanks
them for the call ("As we discussed, …"), so a voicemail that gave the news and promised that
email made the email false."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Address, Voice

TODAY = dt.date(2026, 11, 29)
WITH_PHONE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NO_PHONE = Profile("Riley Quinn", "riley@example.org", "")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}
#: Per language: how the script heads the voicemail line, the request to call back, and
#: words that would give the news or promise the email.
LANGUAGES = {
    "en": ("If voicemail answers", r"call me back",
           r"withdraw|email|decided|declin|accept"),
    "de": ("Falls die Mailbox antwortet", r"zurückrufen",
           r"zurück(ziehe|nehme)|E-Mail|bestätige|Entscheidung|entschieden"),
    "fr": ("En cas de messagerie vocale", r"rappeler",
           r"retire|confirm|écrit|décid|décision"),
    "es": ("Si salta el buzón de voz", r"devolverme la llamada|llámame|llamarme",
           r"retiro|correo|confirm|decid|decisión"),
}  # fmt: skip


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def voicemail(script: str, heading: str) -> str:
    lines = [line for line in script.splitlines() if line.startswith(heading)]
    assert len(lines) == 1, script
    return lines[0][len(heading) :]  # what is said, not the heading ("voicemail" holds "email")


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_a_voicemail_asks_for_a_call_back_and_gives_no_news(
    composer: Composer, stage: Stage, voice: Voice, language: str
) -> None:
    heading, call_back, news = LANGUAGES[language]
    addresses = [Address.FORMAL] if language == "en" else list(Address)
    for reason, profile, address in itertools.product(
        (Reason.PERSONAL, Reason.OTHER_OFFER, Reason.NONE), (WITH_PHONE, NO_PHONE), addresses
    ):
        s = Situation(stage=stage, reason=reason, channel=Channel.PHONE, voice=voice,
                      language=language, address=address, **NAMES)  # fmt: skip
        script = composer.compose(s, profile).phone_script
        assert script is not None
        said = voicemail(script, heading)
        assert re.search(call_back, said, re.I), said
        assert not re.search(news, said, re.I), said
        assert ("+1 555 0100" in said) is bool(profile.phone), said
