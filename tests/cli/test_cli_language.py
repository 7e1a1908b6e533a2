"""``--language`` and ``--address`` on ``draft``, ``reply`` and ``batch`` (issue 26), with
the fixture pack "xx" beside English."""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import run

from bowout.cli.language import ADDRESS_ALIASES
from fixture_packs import forget_packs, install_packs

DRAFT = ("draft", "--stage", "offer", "--reason", "personal", "--contact", "Jordan Lee",
         "--role", "Analyst", "--company", "Northwind", "--your-name", "Maya")  # fmt: skip


@pytest.fixture
def packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield install_packs(tmp_path / "templates", monkeypatch)
    forget_packs()


def test_draft_in_a_language_says_so_in_its_json(
    packs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *DRAFT, "--language", "xx", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["language"] == "xx" and data["address"] == "formal"
    assert "XTHANKS" in data["body_text"] and "Thank you" not in data["body_text"]
    code, out, err = run(capsys, *DRAFT, "--format", "json")
    english = json.loads(out)
    assert english["language"] == "en" and "XTHANKS" not in english["body_text"]


@pytest.mark.parametrize("given", sorted(ADDRESS_ALIASES))
def test_the_form_of_address_takes_the_languages_pronouns(
    given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *DRAFT, "--address", given.upper(), "--format", "json")
    assert code == 0, err
    expected = "informal" if given in ("informal", "du", "tu", "tú") else "formal"
    assert json.loads(out)["address"] == expected


@pytest.mark.parametrize(
    ("flag", "value", "said"),
    [("--language", "zz", "invalid choice: 'zz'"), ("--address", "ihr", "not a form of address")],
)
def test_an_unknown_language_or_address_is_one_line(
    flag: str, value: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *DRAFT, flag, value)
    assert code == 2 and out == ""
    assert said in err and "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2 and "error: argument" in err  # usage + one line


def test_the_eml_bytes_say_their_language(packs: Path, tmp_path: Path) -> None:
    import contextlib
    import io
    import sys

    from bowout.cli import main

    for language, tag in (("xx", "xx"), ("en", "en")):
        buffer = io.BytesIO()
        wrapper = io.TextIOWrapper(buffer, encoding="utf-8")
        with contextlib.redirect_stdout(wrapper):
            assert main([*DRAFT, "--language", language, "--format", "eml"]) == 0
            sys.stdout.flush()
        message = email.message_from_bytes(buffer.getvalue(), policy=email.policy.default)
        assert message["Content-Language"] == tag
        html = message.get_body(("html",))
        assert html is not None and f'<html lang="{tag}">' in html.get_content()


def test_reply_and_batch_take_the_language(packs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "reply", "--kind", "accepted", "--stage", "offer",
                         "--language", "xx", "--format", "json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["language"] == "xx" and data["subject"].startswith("AW: ")
    code, out, err = run(capsys, "applications", "add", "--company", "Contoso", "--role", "Dev")
    assert code == 0, err
    code, out, err = run(capsys, "batch", "--reason", "other-offer", "--language", "xx",
                         "--format", "json")  # fmt: skip
    assert code == 0, err
    (item,) = json.loads(out)
    assert item["language"] == "xx" and "XTEAM Contoso" in item["body_text"]


def test_country_adds_the_checklist_note(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [*DRAFT]
    argv[argv.index("offer")] = "accepted"
    code, out, err = run(capsys, *argv, "--country", "fr", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["country"] == "FR"
    assert any("Cass. soc. 21 Sept 2017" in item["text"] for item in data["checklist"])
    code, out, err = run(capsys, *argv, "--country", "IT")
    assert code == 2 and "no country note for 'IT'" in err and "Traceback" not in err


def test_templates_check_checks_each_language_subfolder(
    packs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    custom = tmp_path / "custom"
    (custom / "xx").mkdir(parents=True)
    (custom / "xx" / "email.txt.j2").write_text("{{ say.greeting }} {{ nonsense }}\n",
                                                encoding="utf-8")  # fmt: skip
    code, out, _ = run(capsys, "templates", "check", str(custom))
    assert code == 1
    assert f"{custom / 'xx' / 'email.txt.j2'}: unknown variables: nonsense" in out
    (custom / "xx" / "email.txt.j2").write_text("{{ say.greeting }}\n", encoding="utf-8")
    code, out, _ = run(capsys, "templates", "check", str(custom))
    assert code == 0, out
    assert f"{custom / 'xx'}: 1 template(s) checked, 0 problem(s)" in out


def test_a_custom_folders_language_wording_is_used_and_checked(
    packs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bowout.core import Composer, Profile, Situation, Stage

    custom = tmp_path / "custom"
    (custom / "xx" / "wording").mkdir(parents=True)
    warm = (packs / "xx" / "wording" / "warm.toml").read_text(encoding="utf-8")
    (custom / "xx" / "wording" / "warm.toml").write_text(
        warm.replace("XTHANKS", "MYTHANKS"), encoding="utf-8"
    )
    s = Situation(stage=Stage.INTERVIEWING, language="xx", contact="Jo Lee")
    draft = Composer([custom]).compose(s, Profile("Maya"))
    assert "MYTHANKS" in draft.body_text
    english = Composer([custom]).compose(Situation(stage=Stage.INTERVIEWING), Profile("Maya"))
    assert "MYTHANKS" not in english.body_text
    code, out, _ = run(capsys, "templates", "check", str(custom))
    assert code == 0, out
    assert f"{custom / 'xx'}: 1 template(s) checked, 0 problem(s)" in out


def test_a_german_draft_without_an_anrede_says_how_to_give_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    german = (*DRAFT, "--language", "de", "--tone", "formal")
    code, out, err = run(capsys, *german)
    assert code == 0, err
    assert out.startswith("Subject:") and "\nGuten Tag, Jordan Lee,\n" in out  # the fallback
    assert "bowout: note: how to address them (--greeting): Anrede" in err
    assert "Frau Nair" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, *german, "--greeting", "Herr Lee")
    assert code == 0 and err == ""
    assert "\nSehr geehrter Herr Lee,\n" in out
    code, out, err = run(capsys, *DRAFT)  # English greets by first name: nothing to say
    assert code == 0 and err == ""
    code, out, err = run(capsys, "draft", "--help")
    assert "Anrede" in " ".join(out.split())
