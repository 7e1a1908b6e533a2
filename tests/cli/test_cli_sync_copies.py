"""A sync tool's conflict copies beside the history are merged at start, record by record,
moved into backups/, and the user is told once (Syncthing's and Dropbox's names)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.applications import Application
from bowout.storage import History, Record

COPIES = [
    "history.sync-conflict-20261205-101502-ABCD123.json",
    "history (Riley's conflicted copy 2026-12-05).json",
]


def _bowout(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bowout", "--data-dir", str(data), *argv],
        capture_output=True, text=True, timeout=60, check=False, env=dict(os.environ),
    )  # fmt: skip


def _record(company: str) -> Record:
    situation = Situation(stage=Stage.FINAL, company=company, contact="Jordan Lee")
    return Record.from_draft(Composer().compose(situation, Profile("Riley Quinn")))


def _two_computers(folder: Path, copy_name: str) -> dict[str, str]:
    """The history in ``folder`` and, beside it, what the other computer saved meanwhile:
    one withdrawal only it has, one both changed, one unchanged, one more application."""
    with History.open(folder) as history:
        same = history.add(_record("Northwind"))
        both = history.add(_record("Contoso"))
        history.applications.add(Application(company="Contoso", stage=Stage.FINAL))
    shutil.copy(folder / "history.json", folder / "other.json")
    other = folder / "other-computer"
    other.mkdir()
    shutil.move(folder / "other.json", other / "history.json")
    with History.open(other) as there:
        only = there.add(_record("Fabrikam"))
        there.update(
            Record.from_dict({**there.get(both.id).to_dict(), "notes": "Called them there"})
        )
        there.applications.add(Application(company="Initech", stage=Stage.OFFER))
    with History.open(folder) as here:
        here.update(Record.from_dict({**here.get(both.id).to_dict(), "notes": "Noted here"}))
    shutil.move(other / "history.json", folder / copy_name)
    return {"same": same.id, "both": both.id, "only": only.id}


@pytest.mark.parametrize("copy_name", COPIES)
def test_a_sync_conflict_copy_is_merged_moved_and_told_once(tmp_path: Path, copy_name: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    ids = _two_computers(data, copy_name)
    first = _bowout(data, "history", "list")
    assert first.returncode == 0, first.stderr
    [note] = first.stderr.splitlines()
    assert note.startswith("bowout: note: Your sync tool left 1 conflicting copy")
    assert copy_name in note and "1 withdrawal added" in note
    assert "1 application added" in note and "1 changed on both computers" in note
    assert not (data / copy_name).exists() and (data / "backups" / copy_name).exists()
    assert ids["only"][:8] in first.stdout  # the other computer's withdrawal is listed
    lines = first.stdout.splitlines()
    assert len(lines) == 4  # Northwind once, Contoso twice (both versions), Fabrikam
    with History.open(data) as history:
        notes = sorted(r.notes for r in history.list() if r.company == "Contoso")
        assert notes == ["Called them there", "Noted here"]
        assert {a.application.company for a in history.applications.list()} == {
            "Contoso",
            "Initech",
        }
    again = _bowout(data, "history", "list")
    assert again.stderr == "" and again.stdout == first.stdout  # told once, merged once


def test_a_copy_beside_a_linked_history_is_merged_and_backups_stay_home(tmp_path: Path) -> None:
    synced = tmp_path / "Sync"
    synced.mkdir()
    _two_computers(synced, COPIES[0])
    for made in synced.iterdir():  # what setting up the two computers left there
        if made.name.endswith(".lock"):
            made.unlink()
        elif made.is_dir():
            shutil.rmtree(made)
    data = tmp_path / "data"
    data.mkdir()
    (data / "history.json").symlink_to(synced / "history.json")
    result = _bowout(data, "history", "list")
    assert result.returncode == 0 and "conflicting copy" in result.stderr
    assert (data / "backups" / COPIES[0]).exists()  # out of the synced folder
    assert not (synced / COPIES[0]).exists()
    left = sorted(p.name for p in synced.iterdir())
    assert left == ["history.json"]  # no lock, backups or logs in the synced folder
    raw = orjson.loads((synced / "history.json").read_bytes())
    assert len(raw["records"]) == 4
