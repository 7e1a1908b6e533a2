"""``bowout draft`` flags of the wording model: voice, wording, greeting, money, dates, To:."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import re

import pytest
from cli_helpers import run

from bowout.cli import main

BASE = ("draft", "--contact", "Jordan Lee", "--role", "Data Analyst", "--company", "Northwind",
        "--your-name", "Riley Quinn", "--your-email", "riley@example.org")  # fmt: skip


def as_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(capsys, *BASE, *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_json_carries_tone_wording_wordings_greeting_and_phases(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = as_json(capsys, "--stage", "final", "--tone", "formal", "--wording", "2")
    assert data["tone"] == "formal" and data["wording"] == 2 and data["wordings"] >= 2
    assert data["greeting"] == "Jordan" and data["body_text"].startswith("Dear Jordan,")
    assert next(i["phase"] for i in data["checklist"]) == "before"
    assert {i["phase"] for i in data["checklist"]} == {"before", "during", "after", "later"}
    warm = as_json(capsys, "--stage", "final")
    assert warm["tone"] == "warm" and warm["wording"] == 1 and warm["greeting"] == "Jordan"


def test_the_same_wording_gives_the_same_text(capsys: pytest.CaptureFixture[str]) -> None:
    one = as_json(capsys, "--stage", "screening", "--wording", "1")
    two = as_json(capsys, "--stage", "screening", "--wording", "2")
    again = as_json(capsys, "--stage", "screening", "--wording", "2")
    assert one["body_text"] != two["body_text"] and two == again
    # Beyond the wordings there are is an error, not wording 1 again (issue 21).
    beyond = str(1 + one["wordings"])
    code, _, err = run(capsys, "draft", "--stage", "screening", "--wording", beyond)
    assert code == 2 and f"choose 1 to {one['wordings']}" in err


def test_greeting_flag(capsys: pytest.CaptureFixture[str]) -> None:
    data = as_json(capsys, "--stage", "offer", "--greeting", "Dr. Lee", "--channel", "phone")
    assert data["greeting"] == "Dr. Lee" and "Hello Dr. Lee," in data["phone_script"]


def test_money_flags_bare_means_paid(capsys: pytest.CaptureFixture[str]) -> None:
    paid = as_json(capsys, "--stage", "accepted", "--signing-bonus")
    assert "signing bonus" in paid["body_text"]
    promised = as_json(capsys, "--stage", "accepted", "--signing-bonus", "promised",
                       "--relocation-assistance", "promised")  # fmt: skip
    assert not re.search(r"repay|signing bonus|relocation assistance", promised["body_text"])
    code, _, err = run(capsys, *BASE, "--stage", "accepted", "--signing-bonus", "maybe")
    assert code == 2 and "invalid choice" in err


def test_a_past_start_date_is_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *BASE, "--stage", "offer", "--start-date", "2020-01-01")
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "in the past" in err and "Traceback" not in err
    today = dt.date.today().isoformat()
    assert run(capsys, *BASE, "--stage", "offer", "--start-date", today)[0] == 0


def test_a_contact_email_with_a_line_break_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, *BASE, "--stage", "screening", "--contact-email",
                       "jordan@northwind.example\nBcc: x@evil.example")  # fmt: skip
    assert code == 2 and "line break" in err
    code, _, err = run(capsys, *BASE, "--stage", "screening", "--contact-email", "not-an-address")
    assert code == 2 and "email address" in err


def test_contact_email_fills_to(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    main([*BASE, "--stage", "screening", "--contact-email", "jordan@northwind.example",
          "--format", "eml", "--with-placeholders"])  # fmt: skip
    raw = capsysbinary.readouterr().out
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["To"] == "jordan@northwind.example"


def test_every_draft_flag_is_described(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from bowout.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    draft = sub.choices["draft"]
    flags = [a for a in draft._actions if a.option_strings]
    assert len(flags) >= 28
    undescribed = [a.option_strings[0] for a in flags if not (a.help and len(a.help) > 8)]
    assert undescribed == []
    code, out, _ = run(capsys, "draft", "--help")
    assert code == 0 and "--contact-email ADDR" in out and "--tone {brief,warm,formal}" in out


def test_the_cli_drafts_a_request_to_talk(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "draft", "--stage", "final", "--reason", "relocation",
                             "--kind", "negotiate", "--deal-breaker", "start-date",
                             "--contact", "Jordan Lee", "--format", "json")  # fmt: skip
    assert code == 0, err
    assert '"kind": "negotiate"' in out and '"deal_breaker": "start-date"' in out
    code, _, err = run(capsys, "draft", "--stage", "offer", "--reason", "compensation",
                           "--kind", "negotiate", "--deal-breaker", "pay",
                           "--decide-by", "2020-01-01")  # fmt: skip
    assert code == 2 and "in the past" in err
    code, _, err = run(capsys, "draft", "--stage", "offer", "--reason", "red-flags",
                           "--kind", "negotiate", "--deal-breaker", "pay")  # fmt: skip
    assert code == 2 and "fits the reasons" in err and "Traceback" not in err
    code, out, _ = run(capsys, "draft", "--stage", "offer", "--reason", "compensation",
                           "--deal-breaker", "pay", "--contact", "Jordan Lee")  # fmt: skip
    assert code == 0 and "couldn't agree on the salary" in out
