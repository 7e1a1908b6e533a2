"""What a draft keeps from one keystroke to the next gives what making it afresh gives
(issues 21, 26): the facts and template values not read from the contact's name, the plan of
the wording render (each phrasing compiled once), each tidied line; and the shortcuts of the
step numbering and the HTML paragraphs give what the line-by-line rules give."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage, message_text
from bowout.core.situation import Money
from bowout.core.vocabulary import Address
from bowout.core.wording import conditions

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Maya Okafor", "maya@example.com", "+1 555 0100")
BASE = Situation(
    stage=Stage.ACCEPTED, reason=Reason.RELOCATION, channel=Channel.PHONE,
    keep_door_open=True, visa_petition_started=True, relocation_assistance=Money.PAID,
    signing_bonus=Money.PAID, start_date=TODAY + dt.timedelta(days=20), contact="Jordan",
    role="Analyst", company="Northwind", recruiter="Tom Baker",
)  # fmt: skip
#: Names as a user types them, and the kinds a greeting reads differently.
CONTACTS = ["J", "Jo", "Jordan", "Jordan Lee", "Dr. Amara Okafor", "Mme Priya Nair",
            "careers@northwind.example", "", "Lee, Jordan", "Frau Nair"]  # fmt: skip
LANGUAGES = ["en", "de", "fr", "es"]


def test_situations_differing_only_in_names_share_their_facts_key() -> None:
    other = dataclasses.replace(
        BASE, contact="Priya Nair", role="Designer", company="Fabrikam", recruiter="",
        greeting="Priya", contact_email="priya@example.com", wording=3,
    )  # fmt: skip
    assert other.facts_key == BASE.facts_key
    assert hash(other.facts_key) == hash(BASE.facts_key)
    for change in ({"rapport": True}, {"voice": "formal"}, {"language": "de"},
                   {"start_date": None}, {"address": Address.INFORMAL}):  # fmt: skip
        assert dataclasses.replace(BASE, **change).facts_key != BASE.facts_key


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("audience", ["manager", "recruiter", "spoken"])
def test_facts_kept_while_typing_equal_facts_made_afresh(language: str, audience: str) -> None:
    typed = [dataclasses.replace(BASE, contact=c, language=language) for c in CONTACTS]
    kept = [conditions.facts_of(s, audience, TODAY) for s in typed]
    conditions._UNNAMED.clear()
    for situation, facts in zip(typed, kept, strict=True):
        fresh = conditions.facts_of(situation, audience, TODAY)
        conditions._UNNAMED.clear()
        assert list(facts.items()) == list(fresh.items())  # the same facts, in the same order


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("channel", list(Channel))
def test_template_values_kept_while_typing_equal_values_made_afresh(
    language: str, channel: Channel
) -> None:
    typed = [dataclasses.replace(BASE, contact=c, language=language) for c in CONTACTS]
    kept = [message_text.template_context(s, PROFILE, channel, TODAY) for s in typed]
    for situation, context in zip(typed, kept, strict=True):
        message_text._CONTEXTS.clear()
        fresh = message_text.template_context(situation, PROFILE, channel, TODAY)
        assert list(context.items()) == list(fresh.items())
    # Each draft has containers of its own: a template changing one changes no other.
    assert kept[0]["say"] is not kept[1]["say"]
    assert kept[0]["paragraphs"] is not kept[1]["paragraphs"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_drafts_composed_while_typing_equal_drafts_composed_afresh(language: str) -> None:
    typing = Composer(today=lambda: TODAY)
    for contact in CONTACTS:
        situation = dataclasses.replace(BASE, contact=contact, language=language)
        kept = typing.compose(situation, PROFILE)
        message_text._CONTEXTS.clear()
        conditions._UNNAMED.clear()
        message_text._TIDY_LINES.clear()
        fresh = Composer(today=lambda: TODAY).compose(situation, PROFILE)
        for field in ("subject", "body_text", "body_html", "phone_script", "checklist",
                      "phone_branches", "greeting", "wording", "wordings"):  # fmt: skip
            assert getattr(kept, field) == getattr(fresh, field), (contact, field)


def numbered_line_by_line(text: str) -> str:
    """The step numbering as first written: each line starting with "#." in turn."""
    lines = text.split("\n")
    number = 0
    for index, line in enumerate(lines):
        if line.startswith("#."):
            number += 1
            lines[index] = f"{number}.{line[2:]}"
    return "\n".join(lines)


@given(st.lists(st.sampled_from(["#.", "#", ".", "\n", "a", " ", "1."]), max_size=30).map("".join))
def test_steps_are_numbered_as_line_by_line(text: str) -> None:
    assert message_text.number_steps(text) == numbered_line_by_line(text)


@given(st.lists(st.lists(st.text(alphabet=st.characters(exclude_characters="\n")), min_size=1)))
def test_html_paragraphs_are_each_line_escaped_and_joined(blocks: list[list[str]]) -> None:
    html = message_text.html_context({}, blocks)["html_paragraphs"]
    assert html == [Markup("<br>").join(block) for block in blocks]
    assert all(isinstance(paragraph, Markup) for paragraph in html)
