"""Every step of a withdrawal's life on the command line, through a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def bowout(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``bowout --data-dir DATA ARGV`` in its own process (no window anywhere)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "bowout", "--data-dir", str(data), *argv],
        capture_output=True, text=True, timeout=60, check=False, env=env,
    )  # fmt: skip


def ok(data: Path, *argv: str) -> str:
    result = bowout(data, *argv)
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(data: Path, *argv: str) -> str:
    """The one line a refusal prints (exit 2, no traceback)."""
    result = bowout(data, *argv)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("bowout: error: "), result.stderr
    return lines[0]


def kept_draft(data: Path, *flags: str) -> str:
    out = ok(data, "draft", "--stage", "final", "--company", "Northwind", "--role", "Analyst",
             "--contact", "Jordan Lee", "--your-name", "Maya Okafor", "--your-email",
             "maya@example.com", "--your-phone", "555 0100", *flags, "--format", "json",
             "--save")  # fmt: skip
    return str(json.loads(out)["id"])


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_mark_sent_once_keeps_the_message_and_undo_is_one_step(data: Path) -> None:
    record_id = kept_draft(data)
    out = ok(data, "history", "sent", record_id[:6], "--at", "2026-12-01 09:30")
    assert out.startswith("Marked sent: Northwind — Analyst at 2026-12-01")
    assert "Settings" not in out and "tab" not in out
    assert "already marked sent on 2026-12-01" in refused(data, "history", "sent", record_id)
    shown = json.loads(ok(data, "history", "show", record_id, "--json"))
    [event] = shown["timeline"]
    assert event["kind"] == "message-sent"
    assert event["text"] == f"Subject: {shown['subject']}\nTo: Jordan Lee\n\n{shown['body_text']}"
    assert "Back to a draft" in ok(data, "history", "sent", record_id, "--undo")
    back = json.loads(ok(data, "history", "show", record_id, "--json"))
    assert (back["status"], back["sent"], back["timeline"]) == ("draft", None, [])


def test_replies_and_call_notes_join_the_timeline(data: Path) -> None:
    record_id = kept_draft(data)
    assert "not marked sent" in refused(data, "history", "reply", record_id, "--kind", "accepted")
    ok(
        data,
        "history",
        "note",
        record_id,
        "--text",
        "Called Jordan first",
        "--at",
        "2026-12-01T08:00Z",
    )
    ok(data, "history", "sent", record_id, "--at", "2026-12-01T10:00:00Z")
    out = ok(data, "history", "reply", record_id, "--kind", "asked-why", "--text", "Why now?",
             "--at", "2026-12-02 08:00")  # fmt: skip
    assert f"bowout reply --record {record_id[:8]} --kind asked-why" in out
    assert "before the message went out" in refused(
        data, "history", "reply", record_id, "--kind", "accepted", "--at", "2026-11-30"
    )
    assert "in the future" in refused(data, "history", "note", record_id, "--text", "x",
                                      "--at", "2999-01-01")  # fmt: skip
    kinds = [
        e["kind"] for e in json.loads(ok(data, "history", "show", record_id, "--json"))["timeline"]
    ]
    assert kinds == ["call-note", "message-sent", "reply-received"]
    listed = ok(data, "history", "list")
    assert " replied " in listed
    assert "Why now?" in ok(data, "history", "show", record_id)


def test_placeholders_are_not_marked_sent_unless_said(data: Path) -> None:
    out = ok(data, "draft", "--stage", "applied", "--company", "Acme", "--format", "json", "--save")
    record_id = json.loads(out)["id"]
    line = refused(data, "history", "sent", record_id)
    assert "[Hiring manager" in line or "[Your name]" in line
    assert "--with-placeholders" in line
    ok(data, "history", "sent", record_id, "--with-placeholders")


def test_profile_show_and_set_sign_the_next_draft(data: Path) -> None:
    assert "Name:  (not set)" in ok(data, "profile", "show")
    assert "not an email address" in refused(data, "profile", "set", "--email", "maya")
    assert "say what to set" in refused(data, "profile", "set")
    ok(data, "profile", "set", "--name", "Maya Okafor", "--email", "maya@example.com")
    assert json.loads(ok(data, "profile", "show", "--json")) == {
        "name": "Maya Okafor", "email": "maya@example.com", "phone": "",
    }  # fmt: skip
    body = json.loads(ok(data, "draft", "--stage", "screening", "--format", "json"))["body_text"]
    assert "Maya Okafor\nmaya@example.com" in body


def test_reply_to_a_kept_record_signs_as_the_draft_was_signed(data: Path) -> None:
    record_id = kept_draft(data)
    out = ok(data, "reply", "--record", record_id[:8], "--kind", "accepted")
    assert "[Your name]" not in out and "Maya Okafor" in out and "maya@example.com" in out


def test_reminders_done_takes_a_unique_start_of_the_uid(data: Path) -> None:
    record_id = kept_draft(data)
    ok(data, "history", "sent", record_id)
    uids = [r["uid"] for r in json.loads(ok(data, "reminders", "list", "--json", "--all"))]
    first = uids[0]
    start = first[: first.index(".") + 3]
    assert [u for u in uids if u.startswith(start)] == [first]
    assert ok(data, "reminders", "done", start).strip() == f"{first} done"
    assert "starts" in refused(data, "reminders", "done", record_id[:4])
    assert "no follow-up has the UID" in refused(data, "reminders", "done", "zzz")


def test_the_command_line_never_speaks_of_the_window(data: Path) -> None:
    out = ok(data, "draft", "--stage", "final", "--rapport", "--company", "Acme")
    for window_words in ("Phone script tab", "Email tab", "in Settings", "the Contact name field"):
        assert window_words not in out
    assert "Give --contact" in out and "bowout profile set" in out
    warnings = json.loads(ok(data, "draft", "--stage", "applied", "--format", "json"))["warnings"]
    assert all("Settings" not in w["message"] for w in warnings)


CSV = (
    "Company,Role,Contact,Email,Status\n"
    "Northwind,Data Analyst,Jordan Lee,jordan@northwind.example,Final interview\n"
    "Contoso,QA Lead,Sam Hill,sam@contoso.example,Phone screen\n"
    "Fabrikam,Designer,Ana Ruiz,ana@fabrikam.example,Offer\n"
)


def test_a_command_line_user_finishes_the_whole_story(data: Path, tmp_path: Path) -> None:
    """applications import → batch --save → mark each sent → reminders export, no window."""
    sheet = tmp_path / "tracker.csv"
    sheet.write_text(CSV, encoding="utf-8")
    ok(data, "profile", "set", "--name", "Maya Okafor", "--email", "maya@example.com",
       "--phone", "555 0100")  # fmt: skip
    assert "Imported 3 application(s)" in ok(data, "applications", "import", str(sheet), "--yes")
    assert ok(data, "reminders", "list").startswith("Nothing coming up")
    drafts = json.loads(ok(data, "batch", "--reason", "other-offer", "--accepted", "Fabrikam",
                           "--save", "--format", "json"))  # fmt: skip
    assert sorted(d["company"] for d in drafts) == ["Contoso", "Northwind"]
    for draft in drafts:
        assert "Maya Okafor" in draft["body_text"]
        ok(data, "history", "sent", draft["id"][:8])
    states = {
        a["company"]: a["state"] for a in json.loads(ok(data, "applications", "list", "--json"))
    }
    assert states == {"Northwind": "withdrawn", "Contoso": "withdrawn", "Fabrikam": "accepted"}
    again = json.loads(ok(data, "batch", "--reason", "other-offer", "--format", "json"))
    assert again == []  # nobody left to tell: nothing drafted twice
    assert " sent " in ok(data, "history", "list")
    calendar = tmp_path / "follow-ups.ics"
    out = ok(data, "reminders", "export", str(calendar))
    count = int(out.split()[0])
    assert count >= 2 and calendar.read_text(encoding="utf-8").count("BEGIN:VEVENT") == count
    assert "Northwind" in calendar.read_text(encoding="utf-8")


def test_an_eml_with_placeholders_is_refused_unless_said(data: Path) -> None:
    line = refused(data, "draft", "--stage", "screening", "--format", "eml")
    assert "“[Hiring manager's name]”" in line and "--with-placeholders" in line
    whole = bowout(data, "draft", "--stage", "screening", "--company", "Acme", "--role", "Analyst",
                   "--contact", "Jordan Lee", "--your-name", "Maya", "--your-email",
                   "maya@example.com", "--your-phone", "555 0100", "--format", "eml")  # fmt: skip
    assert whole.returncode == 0 and "Subject:" in whole.stdout
