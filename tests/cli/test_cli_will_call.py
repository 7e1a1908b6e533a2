"""``--will-call``: the user chose to call the hiring manager too (issue 21). Only then does
a note to the recruiter promise a call; the choice is in the JSON, the kept record, a reply
drafted from flags, and ``--help``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run

RESCIND = ("draft", "--stage", "accepted", "--channel", "recruiter", "--contact", "Priya Nair",
           "--recruiter", "Tom Baker", "--role", "Analyst", "--company", "Northwind",
           "--your-name", "Aiko")  # fmt: skip
CALL = "help me arrange a short call"


def test_without_the_flag_the_note_relays_and_the_coach_advises(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, *RESCIND)
    assert code == 0 and "pass --will-call" in out, err  # the text output's advice too
    code, out, err = run(capsys, *RESCIND, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["will_call"] is False
    assert "Could you please let Priya Nair know?" in data["body_text"]
    assert "call" not in data["body_text"]
    (advice,) = [w for w in data["warnings"] if w["code"] == "recruiter-rescind"]
    assert "pass --will-call" in advice["message"] and "tick" not in advice["message"]


def test_with_the_flag_the_note_says_the_call_and_the_advice_is_settled(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, *RESCIND, "--will-call", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["will_call"] is True and CALL in data["body_text"]
    assert "recruiter-rescind" not in {w["code"] for w in data["warnings"]}


def test_the_choice_is_kept_with_the_record(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ("--data-dir", str(data_dir))
    code, out, err = run(capsys, *base, *RESCIND, "--will-call", "--save", "--format", "json")
    assert code == 0, err
    record_id = json.loads(out)["id"]
    code, out, err = run(capsys, *base, "history", "show", record_id, "--json")
    assert code == 0, err
    assert json.loads(out)["relationship"]["will_call"] is True
    # A reply for the kept record is drafted from its facts, the call included.
    code, out, err = run(capsys, *base, "reply", "--kind", "asked-why", "--record", record_id[:8])
    assert code == 0, err


def test_reply_takes_the_flag_and_help_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    flags = ("--stage", "accepted", "--channel", "recruiter", "--contact", "Priya Nair")
    for extra in ((), ("--will-call",)):
        code, out, err = run(capsys, "reply", "--kind", "asked-why", *flags, *extra)
        assert code == 0, err
    for command in ("draft", "reply"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and "--will-call" in out
