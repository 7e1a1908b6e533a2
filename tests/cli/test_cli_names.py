"""Names as people write them, through ``bowout draft`` and ``bowout batch`` as a user runs
them: the greeting of every part of every draft, and the team greeting of a batch."""

from __future__ import annotations

import html
import itertools
import json
import re
import unicodedata
from pathlib import Path

import pytest
from cli_helpers import run

from bowout.core.applications import Application
from bowout.core.name_titles import GIVEN_NAME_TITLES, TITLE_RANKS, title_key
from bowout.core.situation import Stage, Voice
from bowout.storage import History

#: (contact as written, how a letter greets them, how an email or a call does).
NAMES = [
    ("Frau Schäfer", "Frau Schäfer", "Frau Schäfer"),
    ("Herr Dr. Müller", "Dr Müller", "Dr Müller"),
    ("Sra. García", "Sra. García", "Sra. García"),
    ("O'Brien-Smith, Mary", "Mary", "Mary"),
    ("Tanaka-san", "Tanaka-san", "Tanaka-san"),
    ("de heer Jan de Vries", "Mr de Vries", "Jan"),
    ("Mme Dupont", "Madame Dupont", "Madame Dupont"),
    ("Dott.ssa Giulia Romano", "Dott.ssa Romano", "Giulia"),
    # Decomposed, as some systems store it: the draft writes the letters composed.
    (unicodedata.normalize("NFD", "Zoë Ångström"), "Zoë", "Zoë"),
]
#: Every text part of a draft's JSON.
PARTS = ("subject", "body_text", "body_html", "phone_script", "follow_up_email",
         "recruiter_note", "linkedin_message")  # fmt: skip
GREETED = re.compile(r"\b(?:Dear|Hi|Hello) ([^,\n\"<>]+?),")
TITLE_WORDS = frozenset({*TITLE_RANKS, *GIVEN_NAME_TITLES})


def draft_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, *flags: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(
        capsys, "--data-dir", str(tmp_path), "draft", "--role", "Data Analyst",
        "--company", "Northwind", "--your-name", "Riley Quinn", "--format", "json", *flags,
    )  # fmt: skip
    assert (code, err) == (0, "")
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("contact", "tone", "first_line"),
    [
        ("Frau Schäfer", "brief", "Dear Frau Schäfer,"),
        ("Frau Schäfer", "formal", "Dear Frau Schäfer,"),
        ("Herr Dr. Müller", "warm", "Dear Dr Müller,"),
        ("Herr Dr. Müller", "formal", "Dear Dr Müller,"),
        ("Sra. García", "warm", "Dear Sra. García,"),
        ("O'Brien-Smith, Mary", "warm", "Dear Mary,"),
        ("O'Brien-Smith, Mary", "formal", "Dear Mary,"),
        ("Dr. Mary Lee", "formal", "Dear Dr Lee,"),
        ("Dr. Mary Lee", "brief", "Hi Mary,"),
        ("Tanaka-san", "brief", "Hi Tanaka-san,"),
    ],
)
def test_the_greeting_addresses_the_name_as_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, contact: str, tone: str, first_line: str
) -> None:
    data = draft_json(capsys, tmp_path, "--stage", "interviewing", "--contact", contact,
                      "--tone", tone)  # fmt: skip
    assert data["body_text"].split("\n", 1)[0] == first_line


def test_the_sign_off_and_the_call_give_the_users_name_without_a_title(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = draft_json(capsys, tmp_path, "--stage", "accepted", "--contact", "Jordan Lee",
                      "--your-name", "Dr. Aiko Tanaka")  # fmt: skip
    # The sign-off block: the sign-off, then the name (no empty email or phone line after it).
    assert data["body_text"].split("\n\n")[-1].split("\n")[1] == "Aiko Tanaka"
    assert "this is Aiko Tanaka" in data["phone_script"]
    assert "Dr. Aiko" not in json.dumps(data, ensure_ascii=False)


def test_the_checklist_names_a_last_first_contact_in_reading_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = draft_json(capsys, tmp_path, "--stage", "accepted", "--contact", "O'Brien-Smith, Mary",
                      "--keep-door-open")  # fmt: skip
    steps = " ".join(item["text"] for item in data["checklist"])
    assert "Call Mary O'Brien-Smith today" in steps and "check in with Mary O'Brien-Smith" in steps
    assert "O'Brien-Smith, Mary" not in steps


def test_running_text_names_a_last_first_contact_in_reading_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = draft_json(capsys, tmp_path, "--stage", "accepted", "--via-recruiter",
                      "--recruiter", "Hill, Sam", "--contact", "O'Brien-Smith, Mary")  # fmt: skip
    text = data["recruiter_note"] or data["body_text"]
    assert text.startswith("Hi Sam,") and "let Mary O'Brien-Smith know" in text
    assert "O'Brien-Smith, Mary" not in json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(("contact", "formal", "informal"), NAMES, ids=[n[1] for n in NAMES])
def test_every_voice_and_stage_greets_the_person_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, contact: str, formal: str, informal: str
) -> None:
    family = formal.rsplit(maxsplit=1)[-1]
    for voice, stage, channel in itertools.product(Voice, Stage, ("", "phone")):
        flags = ["--stage", stage.value, "--tone", voice.value, "--contact", contact]
        data = draft_json(capsys, tmp_path, *flags, *(["--channel", channel] if channel else []))
        texts = [html.unescape(data[part]) for part in PARTS if data.get(part)]
        where = f"{voice.value} {stage.value} {channel or 'recommended'}"
        assert texts and not any(",," in t for t in texts), where
        assert all(unicodedata.is_normalized("NFC", t) for t in texts), where
        assert not any("[Hiring manager" in t for t in texts), where
        greeted = {m for t in texts for m in GREETED.findall(t)} - {"Riley Quinn"}
        assert greeted, where
        for addressee in greeted:
            assert title_key(addressee.split()[-1]) not in TITLE_WORDS, (where, addressee)
            assert addressee in (formal, informal), (where, addressee)
            assert family in addressee or addressee == informal, (where, addressee)
        if voice is Voice.FORMAL and channel != "phone":
            assert data["body_text"].startswith(f"Dear {formal},"), where


# -- bowout batch: the team when nobody is named, and --greeting ---------------------------


@pytest.fixture
def open_applications(tmp_path: Path) -> Path:
    """A data folder with three open applications, one of them without a contact."""
    with History.open(tmp_path) as history:
        history.applications.add(Application(company="Northwind", role="Data Analyst"))
        history.applications.add(
            Application(company="Tailspin Toys, Inc.", role="Engineer", stage=Stage.SCREENING)
        )
        weber = Application(company="Litware", role="PM", contact="Frau Dr. Weber",
                            stage=Stage.FINAL)  # fmt: skip
        history.applications.add(weber)
    return tmp_path


def batch_json(capsys: pytest.CaptureFixture[str], data_dir: Path, *flags: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(capsys, "--data-dir", str(data_dir), "batch", "--reason", "other-offer",
                         "--your-name", "Riley Quinn", "--format", "json", *flags)  # fmt: skip
    assert (code, err) == (0, "")
    return {d["company"]: d for d in json.loads(out)}


@pytest.mark.parametrize(("tone", "word"), [("warm", "Dear"), ("formal", "Dear"), ("brief", "Hi")])
def test_batch_greets_the_hiring_team_where_nobody_is_named(
    capsys: pytest.CaptureFixture[str], open_applications: Path, tone: str, word: str
) -> None:
    drafts = batch_json(capsys, open_applications, "--tone", tone)
    first = {company: d["body_text"].split("\n", 1)[0] for company, d in drafts.items()}
    assert first["Northwind"] in (f"{word} Northwind hiring team,", "Hello Northwind hiring team,")
    assert first["Tailspin Toys, Inc."].endswith(" Tailspin Toys hiring team,")
    assert first["Litware"] == "Dear Dr Weber,"  # a title: never "Hi"
    assert not any("[Hiring manager" in d["body_text"] for d in drafts.values())


def test_a_call_to_a_team_greets_whoever_answers() -> None:
    """A rescind is a call; with nobody named, the script greets whoever answers. (``bowout
    batch`` never rescinds an accepted offer, so the batch's own drafting is asked here.)"""
    from bowout.core.batch import draft_batch
    from bowout.core.composer import Composer
    from bowout.core.situation import Profile, Reason

    application = Application(company="Northwind", role="PM", stage=Stage.ACCEPTED)
    [(_, draft)] = draft_batch(Composer(), Profile("Riley Quinn"), [application], Reason.PERSONAL)
    assert draft.channel.value == "phone"
    assert draft.body_text.startswith("Dear Northwind hiring team,")
    assert 'Open: "Hello there, this is Riley Quinn.' in (draft.phone_script or "")
    assert "hiring team, this is" not in (draft.phone_script or "")


def test_batch_greeting_sets_who_every_message_greets(
    capsys: pytest.CaptureFixture[str], open_applications: Path
) -> None:
    drafts = batch_json(
        capsys, open_applications, "--tone", "formal", "--greeting", "  hiring team "
    )
    assert {d["body_text"].split("\n", 1)[0] for d in drafts.values()} == {"Dear hiring team,"}
    assert {d["greeting"] for d in drafts.values()} == {"hiring team"}


def test_batch_greeting_is_kept_with_each_saved_draft(
    capsys: pytest.CaptureFixture[str], open_applications: Path
) -> None:
    code, out, err = run(capsys, "--data-dir", str(open_applications), "batch", "--reason",
                         "personal", "--greeting", "Recruiting team", "--save")  # fmt: skip
    assert code == 0 and err == "" and out.count("Saved to history:") == 3
    with History.open(open_applications) as history:
        records = history.list()
    assert sorted(r.greeting for r in records) == ["Recruiting team"] * 3
    assert all(r.body_text.startswith("Dear Recruiting team,") for r in records)


@pytest.mark.parametrize(
    ("greeting", "message"),
    [
        ("", "the greeting is empty"),
        ("team\nDear all", "line break"),
        ("x" * 61, "61 characters long; the limit is 60"),
        ("Dear hiring team,", "give only who to greet"),
        ("Hi all", "give only who to greet"),
    ],
)
def test_batch_refuses_a_greeting_that_cannot_stand_in_one_line(
    capsys: pytest.CaptureFixture[str], open_applications: Path, greeting: str, message: str
) -> None:
    code, out, err = run(capsys, "--data-dir", str(open_applications), "batch", "--reason",
                         "personal", "--greeting", greeting)  # fmt: skip
    assert code == 2 and out == ""
    assert err.startswith("bowout: error: argument --greeting: ") and message in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["draft", "reply"])
def test_draft_and_reply_refuse_a_whole_greeting_line_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    kind = ["--kind", "accepted"] if command == "reply" else []
    code, out, err = run(capsys, "--data-dir", str(tmp_path), command, "--stage", "final",
                         *kind, "--greeting", "Dear Jordan,")  # fmt: skip
    assert (code, out) == (2, "") and len(err.strip().splitlines()) == 1
    assert err.startswith("bowout: error: argument --greeting: give only who to greet")


def test_batch_help_explains_greeting(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "batch", "--help")
    assert code == 0
    assert "--greeting TEXT" in out and "hiring team" in out
