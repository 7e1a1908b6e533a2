"""Durable file replacement: a write returns only when the new bytes are on disk."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Permission bits for everything Bow Out writes about the user (POSIX).
PRIVATE_MODE = 0o600
#: Prefix and suffix of the temporary files a write leaves only if killed mid-way.
TEMP_SUFFIX = ".tmp"


def _fsync(fd: int) -> None:
    if sys.platform == "darwin":  # plain fsync does not flush the drive's cache on macOS
        import fcntl

        fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
    else:
        os.fsync(fd)


class FileOps:
    """Every OS call a durable write makes, in one place so tests can make each one fail.

    Fault-injection tests replace attributes of :data:`ops` (``monkeypatch.setattr``);
    production code never changes them.
    """

    mkstemp: Callable[..., tuple[int, str]] = staticmethod(tempfile.mkstemp)
    write: Callable[[int, Any], int] = staticmethod(os.write)
    fsync: Callable[[int], None] = staticmethod(_fsync)
    replace: Callable[[Any, Any], None] = staticmethod(os.replace)
    link: Callable[[Any, Any], None] = staticmethod(os.link)
    unlink: Callable[[Any], None] = staticmethod(os.unlink)


#: The seam used by every write in the storage package.
ops = FileOps()


def _replace(src: Path, dst: Path, attempts: int = 8) -> None:
    """os.replace, retried with backoff on Windows sharing violations (virus scanners)."""
    delay = 0.01
    for attempt in range(attempts):
        try:
            ops.replace(src, dst)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == attempts - 1:
                raise
            time.sleep(delay)
            delay *= 2


def fsync_dir(folder: Path) -> None:
    """Make a rename or link inside ``folder`` durable (a no-op on Windows)."""
    if sys.platform == "win32":
        return  # directories cannot be opened for fsync on Windows; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        ops.fsync(fd)
    finally:
        os.close(fd)


def is_temp_name(name: str, target: str) -> bool:
    """True for a temporary file that :func:`atomic_write_bytes` made for ``target``."""
    return name.startswith(f".{target}.") and name.endswith(TEMP_SUFFIX)


def atomic_write_bytes(path: Path, data: bytes, mode: int = PRIVATE_MODE) -> None:
    """Replace ``path`` with ``data``: temp file in the same folder, fsync, rename, fsync dir.

    A crash at any point leaves either the old file or the new one, never a mix; the
    temp file is removed on failure. The file is never truncated in place. A symbolic
    link at ``path`` stays a link: its target is replaced (in the target's folder).
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent
    fd, tmp_name = ops.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    tmp = Path(tmp_name)
    try:
        if hasattr(os, "fchmod"):  # POSIX only; mkstemp already makes it 0600
            with contextlib.suppress(OSError):
                os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            written = ops.write(fd, view)
            view = view[written:]
        ops.fsync(fd)
        os.close(fd)
        fd = -1
        _replace(tmp, path)
        fsync_dir(folder)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)  # not through ops: cleanup must work while a fault is injected
        raise
