"""The command line prints a recovery note once, as the README promises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bowout.storage import History, Record


def _bowout(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bowout", *argv],
        capture_output=True, text=True, timeout=60, check=False, env=dict(os.environ),
    )  # fmt: skip


def test_the_recovery_note_is_one_line(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        history.add(Record(company="Northwind"))
        history.add(Record(company="Contoso"))
    (data_dir / "history.json").write_bytes(b'{"records": [1, 2')
    result = _bowout("--data-dir", str(data_dir), "history", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("bowout: note: The history file could not")
    log = (data_dir / "logs" / "bowout.log").read_text(encoding="utf-8")
    assert "could not be read" in log  # the details are kept in the log instead
