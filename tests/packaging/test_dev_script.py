"""scripts/dev.sh on a busy machine (issue 11, case 14): wait for apt's lock, show pip's steps."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a bash script for Linux")

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "dev.sh"


def source_and_run(code: str, cwd: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["bash", "-c", f'source "{SCRIPT}"; {code}'],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_waits_for_a_held_apt_lock_then_goes_on(tmp_path: Path) -> None:
    lock = tmp_path / "lock-frontend"
    lock.write_bytes(b"")
    with open(lock, "r+b") as held:
        fcntl.lockf(held, fcntl.LOCK_EX)  # as apt does (fcntl, not flock)
        proc = source_and_run(
            "wait_for_apt && echo AFTER",
            tmp_path,
            BOWOUT_APT_LOCKS=str(lock),
            BOWOUT_APT_LOCK_POLL="1",
        )
        time.sleep(2.5)
        assert proc.poll() is None  # still waiting while the lock is held
        fcntl.lockf(held, fcntl.LOCK_UN)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert f"Waiting for another package manager to finish (process {os.getpid()}" in out
    assert str(lock) in out
    assert out.rstrip().endswith("going on.\nAFTER")


def test_gives_up_with_one_clear_line_after_the_wait(tmp_path: Path) -> None:
    lock = tmp_path / "lock"
    lock.write_bytes(b"")
    with open(lock, "r+b") as held:
        fcntl.lockf(held, fcntl.LOCK_EX)
        proc = source_and_run(
            "wait_for_apt", tmp_path, BOWOUT_APT_LOCKS=str(lock), BOWOUT_APT_LOCK_WAIT="0"
        )
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert "another package manager still holds" in err and "Could not get lock" not in err


def test_free_locks_pass_silently(tmp_path: Path) -> None:
    proc = source_and_run(
        "wait_for_apt && echo AFTER", tmp_path, BOWOUT_APT_LOCKS=str(tmp_path / "missing")
    )
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0 and out == "AFTER\n"


def _fake_pip(tmp_path: Path, output: str, status: int) -> str:
    fake = tmp_path / "fake-pip"
    fake.write_text(f"#!/bin/sh\ncat <<'EOF'\n{output}\nEOF\nexit {status}\n")
    fake.chmod(0o755)
    (tmp_path / ".venv").mkdir()
    return str(fake)


def test_pip_install_shows_each_step(tmp_path: Path) -> None:
    pip = _fake_pip(
        tmp_path,
        "Collecting jinja2>=3.1\n  Downloading jinja2-3.1.4-py3-none-any.whl (133 kB)\n"
        "Collecting tinydb\nInstalling collected packages: tinydb, jinja2\n"
        "Successfully installed jinja2-3.1.4 tinydb-4.8.0",
        0,
    )
    proc = source_and_run('pip_install -e ".[dev]"', tmp_path, BOWOUT_PIP=pip)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert out.splitlines() == [
        "pip install -e .[dev] (full output in .venv/pip-install.log)",
        "  fetching jinja2>=3.1",
        "  fetching tinydb",
        "  installing the packages...",
        "  done: 2 package(s) installed",
    ]
    assert "Downloading" in (tmp_path / ".venv" / "pip-install.log").read_text()


def test_pip_failure_shows_the_reason(tmp_path: Path) -> None:
    pip = _fake_pip(
        tmp_path, "Collecting nosuch\nERROR: No matching distribution found for nosuch", 1
    )
    proc = source_and_run("pip_install nosuch", tmp_path, BOWOUT_PIP=pip)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert "ERROR: No matching distribution found for nosuch" in err


def test_packaging_ci_waits_for_apt_too() -> None:
    """Every apt-get the CI scripts run goes through the same wait (the kind, not one place)."""
    ci = (SCRIPT.parents[1] / "packaging" / "ci.sh").read_text(encoding="utf-8")
    calls = [line for line in ci.splitlines() if "apt-get " in line and "#" not in line]
    assert calls == ['    apt-get -o "DPkg::Lock::Timeout=$APT_LOCK_WAIT" "$@"']
    assert "source scripts/dev.sh" in ci
