"""The tone coach in a message's own language (issue 26): the word checks come from the
pack's tone.toml, the checks that need no words (length, shouting, placeholders) run for
every language, and English keeps its rules."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from bowout.core import Channel, Reason, Situation, Stage
from bowout.core.errors import TemplateError
from bowout.core.situation import DealBreaker, Kind
from bowout.core.tone import check_tone
from bowout.core.tone_words import load_tone_words
from bowout.core.vocabulary import Address
from fixture_packs import forget_packs, install_packs

TONE = """\
[thanks]
patterns = ["danke\\\\w*", "vielen dank"]
[decision]
patterns = ["ziehe\\\\s+\\\\w+\\\\s+bewerbung\\\\s+zurück", "sage\\\\s+ab"]
[criticism]
patterns = ["unprofessionell", "chaotisch\\\\w*"]
[absolutes]
patterns = ["nie wieder", "niemals"]
[money]
patterns = ["gehalt", "euro"]
[address.formal]
patterns = ["Ihnen", "Ihre?"]
[address.informal]
patterns = ["dich", "dir", "deine?"]
"""
GOOD = "Hallo Jo,\n\nvielen Dank für Ihre Zeit. Ich ziehe meine Bewerbung zurück.\n\nGruß\nMaya"


@pytest.fixture
def xx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Situation]:
    root = install_packs(tmp_path / "templates", monkeypatch)
    (root / "xx" / "tone.toml").write_text(TONE, encoding="utf-8")
    load_tone_words.cache_clear()
    yield Situation(stage=Stage.INTERVIEWING, channel=Channel.EMAIL, language="xx",
                    contact="Jo Lee", company="Northwind")  # fmt: skip
    forget_packs()
    load_tone_words.cache_clear()


def codes(text: str, situation: Situation, subject: str = "") -> list[str]:
    return [f.code for f in check_tone(text, situation, Channel.EMAIL, subject=subject)]


def test_a_good_message_in_its_language_has_no_remark(xx: Situation) -> None:
    assert codes(GOOD, xx) == []


def test_thanks_and_the_withdrawal_are_looked_for_in_the_packs_words(xx: Situation) -> None:
    no_thanks = GOOD.replace("vielen Dank für Ihre Zeit.", "Ihre Zeit war gut.")
    assert codes(no_thanks, xx) == ["missing-thanks"]
    # English thanks are not the pack's: the English rules do not run for this language.
    english = GOOD.replace("vielen Dank für Ihre Zeit.", "Thank you for your time.")
    assert codes(english, xx) == ["missing-thanks"]
    unclear = GOOD.replace("Ich ziehe meine Bewerbung zurück.", "Ich melde mich.")
    assert codes(unclear, xx) == ["unclear-withdrawal"]
    asking = Situation(
        **{
            **_fields(xx),
            "kind": Kind.NEGOTIATE,
            "deal_breaker": DealBreaker.PAY,
            "reason": Reason.COMPENSATION,
        }
    )
    assert "unclear-withdrawal" not in codes(unclear, asking)


def test_criticism_absolutes_and_money_are_found_where_they_are(xx: Situation) -> None:
    text = GOOD.replace(
        "Ich ziehe", "Der Ablauf war chaotisch und unprofessionell, nie wieder. Ich ziehe"
    ).replace("Zeit.", "Zeit. 5.000 Euro mehr Gehalt wären nötig.")
    found = check_tone(text, xx, Channel.EMAIL)
    spans = {(f.code, text[f.start : f.end]) for f in found}
    assert {("criticism", "chaotisch"), ("criticism", "unprofessionell"),
            ("absolute", "nie wieder"), ("money-figure", "Gehalt")} <= spans  # fmt: skip
    assert any(code == "money-figure" and said.startswith("5.000") for code, said in spans)
    subject = codes(GOOD, xx, subject="Unprofessionell")
    assert subject == ["criticism"]


def test_a_mixed_form_of_address_is_found_in_the_form_not_chosen(xx: Situation) -> None:
    mixed = GOOD.replace("Gruß", "Ich melde mich bei dir.\n\nGruß")
    found = [f for f in check_tone(mixed, xx, Channel.EMAIL) if f.code == "mixed-address"]
    assert [mixed[f.start : f.end] for f in found] == ["dir"]
    assert "formal form" in found[0].message
    informal = Situation(**{**_fields(xx), "address": Address.INFORMAL})
    found = [f for f in check_tone(mixed, informal, Channel.EMAIL) if f.code == "mixed-address"]
    assert [mixed[f.start : f.end] for f in found] == ["Ihre"]
    all_informal = mixed.replace("Ihre Zeit", "deine Zeit")
    assert "mixed-address" not in codes(all_informal, informal)


def test_the_checks_without_words_run_in_every_language(xx: Situation) -> None:
    loud = GOOD.replace("Ich ziehe", "ICH BIN SEHR ENTTÄUSCHT!! Ich ziehe")
    assert "shouting" in codes(loud, xx)
    long = GOOD.replace("Gruß", " ".join(["Wort"] * 130) + ".\n\nGruß")
    assert "too-long" in codes(long, xx)
    blank = GOOD.replace("Jo", "[XCONTACT]")
    (found,) = [f for f in check_tone(blank, xx, Channel.EMAIL) if f.code == "placeholder"]
    assert "the Contact name field" in found.message


def test_english_keeps_its_rules(xx: Situation) -> None:
    english = Situation(**{**_fields(xx), "language": "en"})
    text = "Hi Jo,\n\nThank you for your time. I am withdrawing my application.\n\nBest,\nMaya"
    assert codes(text, english) == []
    assert codes(GOOD, english) == ["missing-thanks", "unclear-withdrawal"]


def test_a_broken_tone_file_names_its_table(xx: Situation, tmp_path: Path) -> None:
    path = tmp_path / "templates" / "xx" / "tone.toml"
    path.write_text(TONE.replace('patterns = ["gehalt", "euro"]', 'patterns = "gehalt"'),
                    encoding="utf-8")  # fmt: skip
    load_tone_words.cache_clear()
    with pytest.raises(TemplateError, match=r"xx/tone.toml: \[money\] patterns"):
        load_tone_words("xx")


def _fields(situation: Situation) -> dict:  # type: ignore[type-arg]
    import dataclasses

    return {f.name: getattr(situation, f.name) for f in dataclasses.fields(situation)}


def _rescind_note(language: str) -> Situation:
    return Situation(
        stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.RECRUITER,
        contact="Claire Dupont", recruiter="Paul Martin", company="Contoso", role="Analyste",
        language=language,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("language", "says_call"),
    [
        ("fr", "Je souhaiterais aussi l’appeler moi-même pour le lui annoncer."),
        ("es", "También me gustaría llamarla directamente para decírselo."),
        ("de", "Ich möchte Frau Dupont auch selbst anrufen."),
    ],
)
def test_the_call_remark_goes_by_the_users_choice_in_every_language(
    language: str, says_call: str
) -> None:
    """Rescinding through a recruiter: the advice to call stands until the user chooses to
    call (``will_call``), whatever the note says; a draft never promises a call unchosen,
    so the words of the note cannot stand in for the choice (issue 21)."""
    situation = _rescind_note(language)
    note = f"Bonjour Paul,\n\nxx. {says_call}\n\nMaya"
    for text in (note, "Bonjour Paul,\n\nxx.\n\nMaya"):
        (remark,) = [
            f
            for f in check_tone(text, situation, Channel.RECRUITER)
            if f.code == "recruiter-rescind"
        ]
        assert "I'll also call the hiring manager myself" in remark.message
        chosen = dataclasses.replace(situation, will_call=True)
        codes = {f.code for f in check_tone(text, chosen, Channel.RECRUITER)}
        assert "recruiter-rescind" not in codes


def test_the_call_remark_needs_no_words_of_the_pack(xx: Situation) -> None:
    """The fixture pack lists no [call] words: the remark goes by the choice all the same."""
    situation = _rescind_note(xx.language)
    text = "Hallo Paul,\n\nxx xx xx.\n\nMaya"
    codes = {f.code for f in check_tone(text, situation, Channel.RECRUITER)}
    assert "recruiter-rescind" in codes
    chosen = dataclasses.replace(situation, will_call=True)
    assert "recruiter-rescind" not in {f.code for f in check_tone(text, chosen, Channel.RECRUITER)}
    assert load_tone_words(xx.language) is not None
