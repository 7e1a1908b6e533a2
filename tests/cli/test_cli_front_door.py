"""The front door: ``bowout`` (the window) and ``bowout --version`` load no subcommand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bowout import __version__

# Print what the front door loaded instead of opening the window.
SPY = (
    "import sys\n"
    "import bowout.cli as cli\n"
    "def window(data_dir):\n"
    "    loaded = [m for m in sys.modules if m.startswith('bowout.cli.')\n"
    "              or m in ('bowout.core.composer', 'bowout.core.tone', 'jinja2')]\n"
    "    print('window', data_dir.name, sorted(loaded))\n"
    "    return 0\n"
    "cli._open_window = window\n"
    "status = cli.main(sys.argv[1:])\n"
    "print('loaded', sorted(m for m in sys.modules if m.startswith('bowout.cli.')))\n"
    "sys.exit(status)\n"
)


def _front(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SPY, *argv], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("joined", [False, True])
def test_the_window_starts_without_loading_any_subcommand(tmp_path: Path, joined: bool) -> None:
    """Measured: building the whole parser cost about 0.1 s before the first frame."""
    folder = str(tmp_path / "mine")
    out = _front(f"--data-dir={folder}") if joined else _front("--data-dir", folder)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "window mine []"


def test_version_loads_no_subcommand() -> None:
    out = _front("--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"bowout {__version__}", "loaded []"]


@pytest.mark.parametrize(
    ("argv", "status", "expected"),
    [
        (["--help"], 0, "COMMAND"),
        (["--data-dir"], 2, "expected one argument"),
        (["--no-such-flag"], 2, "unrecognized arguments"),
        (["--vers"], 0, f"bowout {__version__}"),  # argparse's abbreviation, as before
    ],
)
def test_anything_else_goes_to_the_whole_contract(
    argv: list[str], status: int, expected: str
) -> None:
    out = _front(*argv)
    assert out.returncode == status
    assert expected in out.stdout + out.stderr
