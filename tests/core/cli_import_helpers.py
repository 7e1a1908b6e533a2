"""Importing bytes through ``bowout applications import`` in this process."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowout.cli import main


def import_bytes(
    capsys: pytest.CaptureFixture[str], folder: Path, data: bytes, *flags: str
) -> tuple[int, str, str]:
    """Write ``data`` as jobs.csv in ``folder`` and import it with its own data folder
    (``folder/d``): (exit status, stdout, stderr)."""
    path = folder / "jobs.csv"
    path.write_bytes(data)
    argv = ["--data-dir", str(folder / "d"), "applications", "import", str(path), "--yes",
            "--date-order", "dmy", *flags]  # fmt: skip
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
