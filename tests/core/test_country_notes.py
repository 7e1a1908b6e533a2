"""Country notes in the checklist for rescinding an accepted offer (issue 26): Germany,
Austria, Switzerland, France, Spain and Mexico, each from a named source, each followed by
the "not legal advice" line; English, whatever the message's language."""

from __future__ import annotations

import re

import pytest

from bowout import paths
from bowout.core import Channel, Composer, Profile, Situation, Stage
from bowout.core.checklist import build_checklist
from bowout.core.country_notes import countries, country_note, not_advice
from bowout.core.errors import InputError
from bowout.core.situation import DealBreaker, Kind, Reason

SIX = {"DE", "AT", "CH", "FR", "ES", "MX"}
#: What names a source in a note: a section, an article, a court.
SOURCE = re.compile(r"§|\bart\. |\bCass\. soc\.|\bCO art\.")


def steps(**facts: object) -> list[tuple[str, str]]:
    situation = Situation(**{"stage": Stage.ACCEPTED, **facts})  # type: ignore[arg-type]
    return [(i.key, i.text) for i in build_checklist(situation, Channel.EMAIL)]


def test_the_six_countries_have_notes_that_name_their_source() -> None:
    assert set(countries()) == SIX
    assert countries()["CH"] == "Switzerland"
    for code in SIX:
        note = country_note(code)
        assert note.startswith(countries()[code] + ":"), note
        assert SOURCE.search(note), note
    assert "not legal advice" in not_advice()


def test_each_note_has_its_source_in_a_comment() -> None:
    text = (paths.pack_dir("en") / "country_notes.toml").read_text(encoding="utf-8")
    tables = re.split(r"^\[([A-Z]{2})\]$", text, flags=re.MULTILINE)[1:]
    found = dict(zip(tables[::2], tables[1::2], strict=True))
    assert set(found) == SIX
    for code, body in found.items():
        assert re.search(r"^# Sources?: ", body, re.MULTILINE), code


@pytest.mark.parametrize("code", sorted(SIX))
def test_rescinding_in_a_country_adds_its_note_and_the_caveat(code: str) -> None:
    found = steps(country=code)
    keys = [key for key, _ in found]
    assert ("logistics.country", country_note(code)) in found
    assert keys.index("logistics.not-legal-advice") == keys.index("logistics.country") + 1
    assert keys.index("logistics.contract") < keys.index("logistics.country")


def test_france_names_the_promesse_ruling_and_germany_the_notice_rule() -> None:
    assert "Cass. soc. 21 Sept 2017" in country_note("FR")
    assert "BGB § 622" in country_note("DE") and "before the start date" in country_note("DE")
    assert "CO art. 337d" in country_note("CH")


@pytest.mark.parametrize(
    "facts",
    [
        {"country": ""},
        {"country": "IT"},  # a country with no note
        {"country": "DE", "stage": Stage.OFFER},  # nothing accepted yet: nothing to rescind
        {
            "country": "DE",
            "kind": Kind.NEGOTIATE,
            "deal_breaker": DealBreaker.PAY,
            "reason": Reason.COMPENSATION,
        },
    ],
)
def test_no_note_where_none_applies(facts: dict[str, object]) -> None:
    keys = [key for key, _ in steps(**facts)]
    assert "logistics.country" not in keys and "logistics.not-legal-advice" not in keys


def test_the_note_stays_english_in_another_language() -> None:
    s = Situation(stage=Stage.ACCEPTED, country="fr", contact="Jo Lee", company="Acme")
    assert s.country == "FR"
    draft = Composer().compose(s, Profile("Maya"))
    assert country_note("FR") in [item.text for item in draft.checklist]
    assert draft.to_json_dict()["country"] == "FR"


@pytest.mark.parametrize("value", ["Germany", "D", "1A", "de-AT"])
def test_a_country_is_a_two_letter_code(value: str) -> None:
    with pytest.raises(InputError, match="two-letter code"):
        Situation(stage=Stage.ACCEPTED, country=value)


def test_germany_says_an_email_does_not_end_a_contract() -> None:
    """Notice ending an employment needs a signed letter (BGB § 623; the native panel's
    coach, issue 26): the German note says so, so nobody rescinds by email alone."""
    note = country_note("DE")
    assert "BGB § 623" in note and "email does not end" in note
