"""Durable file replacement: a write returns only when the new bytes are on disk."""

from __future__ import annotations

import contextlib
import errno
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


def _replace_write_through(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """Windows: MoveFileExW with MOVEFILE_WRITE_THROUGH, so the rename is on disk when it
    returns (os.replace does not ask for that); elsewhere :func:`os.replace`."""
    if sys.platform != "win32":
        os.replace(src, dst)
        return
    import ctypes  # Windows only, once per save

    replace_existing, write_through = 0x1, 0x8
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    if not kernel32.MoveFileExW(str(src), str(dst), replace_existing | write_through):
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined,unused-ignore]


class FileOps:
    """Every OS call a durable write makes, in one place so tests can make each one fail.

    Fault-injection tests replace attributes of :data:`ops` (``monkeypatch.setattr``);
    production code never changes them.
    """

    mkstemp: Callable[..., tuple[int, str]] = staticmethod(tempfile.mkstemp)
    write: Callable[[int, Any], int] = staticmethod(os.write)
    fsync: Callable[[int], None] = staticmethod(_fsync)
    replace: Callable[[Any, Any], None] = staticmethod(_replace_write_through)
    link: Callable[[Any, Any], None] = staticmethod(os.link)
    unlink: Callable[[Any], None] = staticmethod(os.unlink)
    sleep: Callable[[float], None] = staticmethod(time.sleep)


#: The seam used by every write in the storage package.
ops = FileOps()


#: Windows errors for a file another program holds open: sharing violation, lock
#: violation, and access denied (what an open without FILE_SHARE_DELETE gives a rename).
SHARING_ERRORS = frozenset({32, 33, 5})
#: Waits between attempts to replace a file held open elsewhere (seconds): about 8 s in
#: all, enough for an antivirus scan or an indexer to let go of a large history.
REPLACE_WAITS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.5, 0.75, 1.0, 1.0, 1.5, 2.0)


class FileInUse(OSError):
    """Another program (a second reader, an antivirus, an indexer) kept the file open.

    ``maybe_denied``: Windows said "access denied" (5), which is also what a rename over
    a file open elsewhere gives, so a folder that is not writable remains possible.
    """

    def __init__(self, path: Path, *, maybe_denied: bool = False) -> None:
        super().__init__(errno.EBUSY, "another program has the file open", str(path))
        self.maybe_denied = maybe_denied


def is_sharing_violation(exc: OSError) -> bool:
    """True for the Windows errors of a file another program holds open."""
    return getattr(exc, "winerror", None) in SHARING_ERRORS


def _replace(src: Path, dst: Path) -> None:
    """Replace ``dst`` by ``src``, waiting with backoff while another program holds it open.

    Raises :class:`FileInUse` when it is still held after :data:`REPLACE_WAITS`.
    """
    for wait in (*REPLACE_WAITS, None):
        try:
            ops.replace(src, dst)
            return
        except PermissionError as exc:
            if not is_sharing_violation(exc):
                raise
            if wait is None:
                denied = getattr(exc, "winerror", None) == 5
                raise FileInUse(dst, maybe_denied=denied) from exc
            ops.sleep(wait)


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
    temp file is removed on failure. When only the folder's sync after the rename fails,
    :class:`RenamedNotSynced` says so: the new file is already in place. The file is
    never truncated in place. A symbolic link at ``path`` stays a link: its target is
    replaced (in the target's folder).
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
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)  # not through ops: cleanup must work while a fault is injected
        raise
    try:
        fsync_dir(folder)
    except OSError as exc:
        raise RenamedNotSynced(path, exc) from exc


class RenamedNotSynced(OSError):
    """The new file is in place (the rename happened) but its folder could not be synced.

    The write has happened: every reader sees the new bytes, and only a power cut in the
    next moments could bring the old file back. A caller that must not repeat the write
    (a save that would add a record twice) treats it as done and reports the rest.
    """

    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror, str(path))
        self.cause = cause
