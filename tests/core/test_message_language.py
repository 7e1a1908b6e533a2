"""Messages in the language a situation names (issue 26): every word, template, wording
file and date of a draft comes from ``templates/<language>/``, while the checklist (advice
to the user, whose window is English) stays in English. A fixture pack "xx" (a copy of the
English one with changed words) stands in for a translation."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bowout import paths
from bowout.core import (
    Channel,
    Composer,
    Profile,
    Reason,
    Situation,
    Stage,
)
from bowout.core.addressing import contact_addressee, placeholders, team_addressee
from bowout.core.applications import Application
from bowout.core.batch import situation_for
from bowout.core.composer import reply_subject
from bowout.core.errors import InputError
from bowout.core.pack import load_pack, long_date
from bowout.core.situation import DealBreaker, Kind, Money
from fixture_packs import forget_packs, install_packs

TODAY = dt.date(2026, 11, 29)
START = dt.date(2027, 3, 5)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Built-in packs "en" (unchanged) and "xx" (a translator's copy with other words)."""
    yield install_packs(tmp_path / "templates", monkeypatch)
    forget_packs()


def test_the_packs_found_are_the_languages(root: Path) -> None:
    (root / "aa").mkdir()  # a folder without pack.toml is no pack
    assert paths.available_languages() == ("en", "xx")
    assert paths.check_language("xx") == "xx"


def test_the_built_in_packs_start_with_english() -> None:
    assert paths.available_languages()[0] == "en"


@pytest.mark.parametrize("language", ["zz", "", "../en", "EN"])
def test_an_unknown_language_is_one_line(language: str) -> None:
    with pytest.raises(InputError) as caught:
        Composer(today=lambda: TODAY).compose(
            Situation(stage=Stage.OFFER, language=language), Profile("Riley")
        )
    message = str(caught.value)
    assert "\n" not in message and "no language pack" in message and "en" in message
    with pytest.raises(InputError):
        load_pack(language)


def test_a_draft_is_written_from_its_language_pack(root: Path) -> None:
    composer = Composer(today=lambda: TODAY)
    s = Situation(stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.EMAIL,
                  signing_bonus=Money.PAID, start_date=START, language="xx")  # fmt: skip
    draft = composer.compose(s, Profile("Riley"))
    assert draft.body_text.startswith("XLAYOUT ")  # the pack's layout template
    assert "XTHANKS" in draft.body_text and "Thank you" not in draft.body_text  # its wording
    assert "[XCONTACT]" in draft.body_text and "[XROLE]" in draft.body_text  # its placeholders
    assert "XBONUS" in draft.body_text and "signing bonus" not in draft.body_text
    assert "[Hiring manager's name]" not in draft.body_text
    # The tone coach names the field of another pack's placeholder too.
    assert any("the Contact name field" in f.message for f in draft.findings)
    # The checklist is advice to the user: English, whatever the message's language.
    english = composer.compose(dataclasses.replace(s, language="en"), Profile("Riley"))
    assert [i.text for i in draft.checklist] == [i.text for i in english.checklist]
    assert "XREAD" not in " ".join(i.text for i in draft.checklist)
    # English is untouched by having rendered another language first, and after it.
    assert (
        english.body_text.startswith("Hi [Hiring manager's name],")
        or "Dear" in (english.body_text.split("\n")[0])
    )
    assert "XTHANKS" not in english.body_text and "XLAYOUT" not in english.body_text
    again = composer.compose(s, Profile("Riley"))
    assert again.body_text == draft.body_text


def test_dates_in_a_message_are_the_packs_but_the_checklist_stays_english(root: Path) -> None:
    composer = Composer(today=lambda: TODAY)
    ask = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                    deal_breaker=DealBreaker.PAY, decide_by=START, language="xx")  # fmt: skip
    draft = composer.compose(ask, Profile("Riley"))
    assert "5. März 2027" in draft.body_text and "March" not in draft.body_text
    assert "XPAY" in draft.body_text and "the salary" not in draft.body_text
    checklist = " ".join(item.text for item in draft.checklist)
    assert "5 March 2027" in checklist and "März" not in checklist
    assert long_date(START, "xx") == "5. März 2027" and long_date(START) == "5 March 2027"


def test_the_call_and_the_reply_use_the_packs_marks(root: Path) -> None:
    composer = Composer(today=lambda: TODAY)
    call = Situation(
        stage=Stage.OFFER,
        reason=Reason.PERSONAL,
        channel=Channel.PHONE,
        contact="info@northwind.example",
        company="Northwind",
        language="xx",
    )
    draft = composer.compose(call, Profile("Riley"))
    branches = dict(draft.phone_branches)
    assert "XFEEDBACK" in branches
    assert all(said.startswith("\u201e") for said in branches.values())
    assert draft.phone_script is not None and "XALL" in draft.phone_script  # a call to a team
    assert "XTEAM Northwind" in draft.body_text  # a mailbox greets the team, in its words
    reply = composer.compose_reply(call, Profile("Riley"), "accepted", subject="Ihre Absage")
    assert reply.subject == "AW: Ihre Absage"
    assert reply_subject("AW: Ihre Absage", "xx") == "AW: Ihre Absage"
    assert reply_subject("Re: Ihre Absage", "xx") == "Re: Ihre Absage"
    assert reply_subject("Your note") == "Re: Your note"


def test_a_follow_up_to_ones_own_message_is_not_marked_as_an_answer() -> None:
    """German marks an answer "AW:" (Antwort); a follow-up after no reply answers nothing,
    so it takes the pack's followup_prefix, which in German is none (the same subject: a
    native panel read „Nachfrage: …: …" as the wrong word and machine-built). English,
    French and Spanish send it in the thread as a reply, and no prefix is doubled."""
    composer = Composer(today=lambda: TODAY)
    for language, answer, follow_up in [
        ("de", "AW: ", ""),
        ("en", "Re: ", "Re: "),
        ("fr", "RE : ", "RE : "),
        ("es", "RE: ", "RE: "),
    ]:
        s = Situation(stage=Stage.FINAL, reason=Reason.OTHER_OFFER, contact="Anna Schäfer",
                      role="Data Analyst", company="Contoso", language=language)  # fmt: skip
        draft = composer.compose(s, Profile("Riley"))
        chased = composer.compose_reply(s, Profile("Riley"), "no-reply")
        answered = composer.compose_reply(s, Profile("Riley"), "accepted")
        assert chased.subject == f"{follow_up}{draft.subject}", language
        assert answered.subject == f"{answer}{draft.subject}", language
        assert reply_subject(chased.subject, language, follows_up=True) == chased.subject
        assert reply_subject(answered.subject, language, follows_up=True) == answered.subject


def test_names_and_teams_come_from_the_pack(root: Path) -> None:
    assert team_addressee("Tailspin Toys, Inc.", "xx") == "XTEAM Tailspin Toys"
    assert team_addressee("", "xx") == "XTEAM"
    assert team_addressee("Tailspin Toys, Inc.") == "Tailspin Toys hiring team"
    assert contact_addressee(Situation(stage=Stage.OFFER, language="xx")) == "[XCONTACT]"
    team = Situation(stage=Stage.OFFER, greeting="XTEAM Northwind", language="xx")
    assert contact_addressee(team, spoken=True) == "XALL"
    assert placeholders("xx")["company"] == "[XCOMPANY]"
    batch = situation_for(Application(company="Northwind", role="Analyst"), Reason.PERSONAL,
                          language="xx")  # fmt: skip
    assert batch.language == "xx" and batch.greeting == "XTEAM Northwind"


def test_a_custom_folder_holds_each_languages_templates(root: Path, tmp_path: Path) -> None:
    custom = tmp_path / "custom"
    (custom / "xx").mkdir(parents=True)
    layout = (root / "en" / "email.txt.j2").read_text(encoding="utf-8")
    (custom / "email.txt.j2").write_text("ENGLISH MINE\n" + layout, encoding="utf-8")
    (custom / "xx" / "email.txt.j2").write_text("XX MINE\n" + layout, encoding="utf-8")
    composer = Composer([custom], today=lambda: TODAY)
    english = composer.compose(
        Situation(stage=Stage.OFFER, channel=Channel.EMAIL), Profile("Riley")
    )
    other = composer.compose(
        Situation(stage=Stage.OFFER, channel=Channel.EMAIL, language="xx"), Profile("Riley")
    )
    assert english.body_text.startswith("ENGLISH MINE")
    assert other.body_text.startswith("XX MINE") and "ENGLISH MINE" not in other.body_text
    assert composer.take_template_problems() == []
