"""A read-only data folder named with --data-dir or BOWOUT_DATA_DIR (issue 23): reading
works (history list, export, draft), a write is refused in one line that says read-only.

Root is not stopped by file modes, so as root each command runs in a private mount
namespace where the data folder is bound onto itself read-only (``unshare -m``; the mount
goes away with the command); as anyone else the folder's write bits are taken away.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bowout.storage import History, Record

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding one kept record, made read-only for the commands run."""
    folder = tmp_path / "ro-data"
    with History.open(folder) as history:
        history.add(Record(company="Northwind", subject="Withdrawing"))
    if not AS_ROOT:
        mode = folder.stat().st_mode
        os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
        yield folder
        os.chmod(folder, mode)
    else:
        assert shutil.which("unshare"), "tests as root need unshare(1) for a read-only bind"
        yield folder


def bowout(folder: Path, *argv: str, env_var: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    command = [sys.executable, "-m", "bowout"]
    if env_var:
        env["BOWOUT_DATA_DIR"] = str(folder)
    else:
        command += ["--data-dir", str(folder)]
    command += argv
    if AS_ROOT:
        bind = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", bind, "sh", str(folder), *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env, check=False)


def test_the_folder_really_is_read_only(read_only: Path) -> None:
    probe = bowout(read_only, "history", "list")
    assert probe.returncode == 0, probe.stderr
    if AS_ROOT:
        touch = subprocess.run(
            ["unshare", "-m", "sh", "-c",
             f'mount --bind "{read_only}" "{read_only}" && mount -o remount,ro,bind '
             f'"{read_only}" "{read_only}" && touch "{read_only}/x"'],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert touch.returncode != 0 and "Read-only" in touch.stderr


@pytest.mark.parametrize("env_var", [False, True], ids=["--data-dir", "BOWOUT_DATA_DIR"])
def test_reading_a_read_only_folder_works(read_only: Path, tmp_path: Path, env_var: bool) -> None:
    listed = bowout(read_only, "history", "list", env_var=env_var)
    assert listed.returncode == 0, listed.stderr
    assert "Northwind" in listed.stdout
    out = tmp_path / "export.json"
    exported = bowout(read_only, "history", "export", str(out), env_var=env_var)
    assert exported.returncode == 0, exported.stderr
    assert "Northwind" in out.read_text(encoding="utf-8")
    drafted = bowout(read_only, "draft", "--stage", "screening", "--company", "Contoso",
                     env_var=env_var)  # fmt: skip
    assert drafted.returncode == 0, drafted.stderr
    assert "Contoso" in drafted.stdout


@pytest.mark.parametrize("env_var", [False, True], ids=["--data-dir", "BOWOUT_DATA_DIR"])
def test_a_write_to_a_read_only_folder_is_one_line(read_only: Path, env_var: bool) -> None:
    before = (read_only / "history.json").read_bytes()
    saved = bowout(read_only, "draft", "--stage", "screening", "--save", env_var=env_var)
    assert saved.returncode == 2
    assert saved.stderr.count("\n") == 1 and "read-only" in saved.stderr
    assert (read_only / "history.json").read_bytes() == before


def test_a_read_only_folder_without_a_history_lists_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "empty-ro"
    folder.mkdir()
    mode = folder.stat().st_mode
    if not AS_ROOT:
        os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
    try:
        listed = bowout(folder, "history", "list")
        assert listed.returncode == 0, listed.stderr
        assert "Northwind" not in listed.stdout and "read-only" not in listed.stderr
        saved = bowout(folder, "draft", "--stage", "screening", "--save")
        assert saved.returncode == 2 and "read-only" in saved.stderr
        assert saved.stderr.count("\n") == 1
    finally:
        os.chmod(folder, mode)
    assert not (folder / "history.json").exists()
