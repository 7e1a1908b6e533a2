"""``bowout history export`` / ``import`` move all of a user's data between computers, and a
damaged application is shown by ``applications list`` and can be removed (issue 23)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson

from bowout.core.applications import Application
from bowout.storage import History, ImportMapping


def bowout(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bowout", "--data-dir", str(data), *argv],
        capture_output=True, text=True, timeout=60, check=False, env=dict(os.environ),
    )  # fmt: skip


def test_export_then_import_on_another_computer(tmp_path: Path) -> None:
    old, new, moved = tmp_path / "old", tmp_path / "new", tmp_path / "moved.json"
    saved = bowout(old, "draft", "--stage", "offer", "--company", "Northwind", "--save")
    assert saved.returncode == 0, saved.stderr
    added = bowout(old, "applications", "add", "--company", "Contoso", "--role", "Analyst")
    assert added.returncode == 0, added.stderr
    with History.open(old) as history:
        history.applications.remember_mapping(ImportMapping(("Employer",), {"Employer": "company"}))
    exported = bowout(old, "history", "export", str(moved))
    assert exported.returncode == 0, exported.stderr
    imported = bowout(new, "history", "import", str(moved), "--json")
    assert imported.returncode == 0, imported.stderr
    report = json.loads(imported.stdout)
    assert report["added"] == 1 and report["applications"] == 1 and report["mappings"] == 1
    listed = bowout(new, "applications", "list")
    assert "Contoso" in listed.stdout
    history_list = bowout(new, "history", "list")
    assert "Northwind" in history_list.stdout


def test_a_damaged_application_is_listed_and_removable(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        history.applications.add(Application(company="Contoso"))
        bad = history.applications.add(Application(company="Globex"))
    path = data_dir / "history.json"
    raw = orjson.loads(path.read_bytes())
    raw["applications"][bad]["applied"] = "yesterday"
    path.write_bytes(orjson.dumps(raw))
    listed = bowout(data_dir, "applications", "list")
    assert listed.returncode == 0, listed.stderr
    assert "Contoso" in listed.stdout
    assert bad[:8] in listed.stderr and "cannot be read" in listed.stderr
    removed = bowout(data_dir, "applications", "remove", bad[:8])
    assert removed.returncode == 0, removed.stderr
    again = bowout(data_dir, "applications", "list")
    assert again.stderr == "" and "Contoso" in again.stdout
