"""Small helpers shared by the command-line tests."""

from __future__ import annotations

import pytest

from bowout.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``bowout ARGV`` in this process: (exit status, stdout, stderr)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for --help/--version and usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
