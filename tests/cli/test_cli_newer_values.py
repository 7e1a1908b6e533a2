"""A record holding values a newer Bow Out wrote is kept, listed, shown and exported as it is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson

from bowout.core import Composer, Profile, Situation, Stage
from bowout.storage import History, Record


def _bowout(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bowout", "--data-dir", str(data), *argv],
        capture_output=True, text=True, timeout=60, check=False, env=dict(os.environ),
    )  # fmt: skip


def _newer(data: Path) -> str:
    """Two records; the second as a newer version would write it (values unknown here)."""
    with History.open(data) as history:
        history.add(Record.from_draft(Composer().compose(Situation(stage=Stage.FINAL), Profile())))
        newer = history.add(Record.from_draft(Composer().compose(
            Situation(stage=Stage.OFFER, company="Initech"), Profile())))  # fmt: skip
        history.lifecycle.mark_sent(newer.id)
    path = data / "history.json"
    raw = orjson.loads(path.read_bytes())
    doc = raw["records"][newer.id]
    doc["reason"], doc["voice"] = "career-break", "playful"
    doc["negotiation"] = {**doc["negotiation"], "kind": "negotiate", "deal_breaker": "equity"}
    doc["timeline"].append(
        {"at": "2099-01-01T00:00:00.000000Z", "kind": "reply-received", "channel": "email",
         "reply": "ghosted-then-back", "text": "Hi"}
    )  # fmt: skip
    path.write_bytes(orjson.dumps(raw))
    return newer.id


def test_values_of_a_newer_version_are_kept_listed_shown_and_exported(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    newer = _newer(data)
    listed = _bowout(data, "history", "list")
    assert (
        listed.returncode == 0
        and newer[:8] in listed.stdout
        and len(listed.stdout.splitlines()) == 2
    )
    shown = _bowout(data, "history", "show", newer[:8])
    assert shown.returncode == 0, shown.stderr
    assert (
        "Not understood: reason 'career-break', voice 'playful', deal-breaker 'equity', "
        "reply kind 'ghosted-then-back'" in shown.stdout
    )
    assert "Reason:    career-break" in shown.stdout
    as_json = json.loads(_bowout(data, "history", "show", newer, "--json").stdout)
    assert as_json["reason"] == "career-break"
    assert as_json["not_understood"][0] == "reason 'career-break'"
    out = tmp_path / "export.json"
    exported = _bowout(data, "history", "export", str(out))
    assert exported.stdout.startswith("Exported 2 record(s)")
    kept = {r["id"]: r for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
    assert kept[newer]["reason"] == "career-break" and kept[newer]["voice"] == "playful"
    assert _bowout(data, "reminders", "list").returncode == 0  # its follow-ups still come up
    note = _bowout(data, "history", "note", newer[:8], "--text", "Called")
    assert note.returncode == 0, note.stderr  # a change keeps the newer values as they are
    raw = orjson.loads((data / "history.json").read_bytes())["records"][newer]
    assert (raw["reason"], raw["negotiation"]["deal_breaker"]) == ("career-break", "equity")


def test_a_value_no_version_would_write_is_still_damage(tmp_path: Path) -> None:
    data = tmp_path / "data"
    newer = _newer(data)
    path = data / "history.json"
    raw = orjson.loads(path.read_bytes())
    raw["records"][newer]["reason"] = "Not An Identifier!"
    path.write_bytes(orjson.dumps(raw))
    shown = _bowout(data, "history", "show", newer)
    assert shown.returncode == 2 and "damaged" in shown.stderr
