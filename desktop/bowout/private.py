"""Everything Bow Out writes is the user's alone: 0700 folders, 0600 files on POSIX.

The history, its log and its caches name companies and people. The process umask is
narrowed at start, so whatever creates a file first (Qt, logging, a library) makes it
private; folders are also created level by level with 0700, whatever the umask.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

#: Permission bits for folders and files Bow Out creates (POSIX).
DIR_MODE = 0o700
FILE_MODE = 0o600


def restrict_umask() -> None:
    """Make files and folders created from now on private (no-op where there is no umask)."""
    if os.name == "posix":
        os.umask(os.umask(0) | 0o077)


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents as 0700; existing folders are left alone.

    Raises OSError when a folder cannot be created (``Path.mkdir(parents=True)`` gives
    only the last level the mode; its parents get the umask's).
    """
    missing: list[Path] = []
    current = folder
    while not current.is_dir():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.chmod(path, DIR_MODE)  # mkdir's mode is also narrowed by the umask


def make_private_file(path: Path) -> None:
    """Create ``path`` empty as 0600 if missing, or narrow an existing file to 0600."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            with contextlib.suppress(OSError):
                if os.fstat(fd).st_mode & 0o077:
                    os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
