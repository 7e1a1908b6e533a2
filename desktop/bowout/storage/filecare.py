"""Care of the history file itself: a symbolic link to it, its mode, leftover temp files."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from bowout import readfile
from bowout.storage import atomic
from bowout.storage.errors import HistoryError

logger = logging.getLogger("bowout.storage.history")  # the messages read as the history's


def linked_target(path: Path) -> Path:
    """``path``, or the file a symbolic link at ``path`` points to (written through it).

    Raises HistoryError when ``path`` (or what it links to) is a folder, a device, a
    FIFO or a loop of links, said as what it is, and when a link points nowhere:
    starting an empty history there would hide the user's real one (on an unmounted
    drive, say).
    """
    kind = readfile.kind_of(path)
    link = path.is_symlink()
    if kind is not None:
        what = (
            "is a loop of symbolic links"
            if "loop" in kind
            else (
                f"is a link to {os.path.realpath(path)}, which is {kind}" if link else f"is {kind}"
            )
        )
        raise HistoryError(
            f"Could not read the history: {path} {what}, not a history file; move it away "
            "(or point the link at the history file) and start Bow Out again."
        )
    if not link:
        return path
    target = Path(os.path.realpath(path))
    if not target.is_file():
        raise HistoryError(
            f"{path} is a link to {target}, which is missing; reconnect the drive or restore "
            "the file, or remove the link to start a new history."
        )
    return target


def backups_problem(folder: Path) -> str | None:
    """Why backups cannot be kept in ``folder`` (a loop of links, a file where the folder
    should be), for the user; None when it is a folder or can become one."""
    kind = readfile.kind_of(folder)
    if kind is None and (folder.is_file() or (folder.is_symlink() and not folder.exists())):
        kind = "a file" if folder.is_file() else "a link to something missing"
    if kind is None or kind == "a folder":
        return None
    return (
        f"Bow Out cannot keep backups in {folder} (it is {kind}), so every save goes on "
        "without a backup; move it away and Bow Out makes the folder again."
    )


def clean_temp_files(path: Path) -> None:
    """Remove temp files beside ``path`` left by a copy of the app killed mid-save (the
    caller holds the lock)."""
    folder = path.parent
    for name in os.listdir(folder):
        if atomic.is_temp_name(name, path.name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / name)
                logger.info("removed %s left by an interrupted save", name)


def make_private(path: Path) -> None:
    """Tighten a history file that others can read (it may predate this version)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            os.chmod(path, 0o600)
            logger.warning("made %s private (it was mode %o)", path, mode)
