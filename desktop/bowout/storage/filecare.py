"""Care of the history file itself: a symbolic link to it, its mode, leftover temp files."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from bowout.storage import atomic
from bowout.storage.errors import HistoryError

logger = logging.getLogger("bowout.storage.history")  # the messages read as the history's


def linked_target(path: Path) -> Path:
    """``path``, or the file a symbolic link at ``path`` points to (written through it).

    Raises HistoryError when the link points nowhere: starting an empty history there
    would hide the user's real one (on an unmounted drive, say).
    """
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if not target.is_file():
        raise HistoryError(
            f"{path} is a link to {target}, which is missing; reconnect the drive or restore "
            "the file, or remove the link to start a new history."
        )
    return target


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
