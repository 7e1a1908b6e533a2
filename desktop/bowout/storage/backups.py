"""Backups of the last good versions, and setting a damaged file aside (never deleting it)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from pathlib import Path

from bowout.private import make_private_dir
from bowout.storage import atomic

logger = logging.getLogger(__name__)

#: How many previous good versions are kept in ``<data folder>/backups``.
KEEP = 5
_PREFIX = "history-"


def _stamp() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def _unused(folder: Path, stem: str, suffix: str) -> Path:
    candidate = folder / f"{stem}{suffix}"
    counter = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return candidate


def backup_dir(history_path: Path) -> Path:
    """Where the backups of ``history_path`` live."""
    return history_path.parent / "backups"


def ensure_dir(folder: Path) -> None:
    """Create a private folder (0700 on POSIX) if it is missing."""
    make_private_dir(folder)


def take(history_path: Path, folder: Path | None = None) -> None:
    """Keep the current (good, just validated) file as a backup before it is replaced.

    A hard link costs no copy: the old version stays alive under the backup name once the
    new file replaces it. Where links are not supported, the bytes are copied. A failed
    backup is logged and does not stop the save (the save itself is still atomic).
    ``folder``: where backups go (default :func:`backup_dir`; a linked history keeps them
    in the data folder, out of the synced folder the link points into).
    """
    folder = folder or backup_dir(history_path)
    stem = _PREFIX + _stamp()
    target = folder / f"{stem}.json"
    try:
        newest = newest_first(history_path, folder)[:1]
        if newest and same_version(newest[0], history_path):
            return  # kept already (a save of this version failed before): keep versions distinct
    except OSError as exc:
        logger.warning("could not look at the backups of %s: %s", history_path, exc)
        return
    try:
        for attempt in range(2, 100):
            try:
                atomic.ops.link(history_path, target)
                return
            except FileExistsError:
                target = folder / f"{stem}-{attempt}.json"  # two saves in one microsecond
            except FileNotFoundError:
                if not history_path.exists():
                    return  # nothing saved yet, so nothing to keep
                ensure_dir(folder)
        raise FileExistsError(target)  # pragma: no cover - a hundred saves in a microsecond
    except OSError as exc:
        if isinstance(exc, (FileExistsError, FileNotFoundError)):
            logger.warning("could not back up %s before saving: %s", history_path, exc)
            return
        logger.debug("hard link for backup failed (%s); copying instead", exc)
        try:
            copy = _unused(folder, stem, ".json")
            atomic.atomic_write_bytes(copy, history_path.read_bytes())
            source = os.stat(history_path)  # the copy carries the version's time, as a link
            os.utime(copy, ns=(source.st_atime_ns, source.st_mtime_ns))
        except OSError as copy_exc:
            logger.warning("could not back up %s before saving: %s", history_path, copy_exc)


def same_version(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are one saved version: the same file (a backup is a hard
    link), or a copy carrying the original's size and modification time (see :func:`take`).
    Nothing is read, so this stays cheap for a history of hundreds of megabytes."""
    sa, sb = os.stat(a), os.stat(b)
    if (sa.st_ino, sa.st_dev) == (sb.st_ino, sb.st_dev):
        return True
    return (sa.st_size, sa.st_mtime_ns) == (sb.st_size, sb.st_mtime_ns)


def prune(history_path: Path, keep: int = KEEP, folder: Path | None = None) -> None:
    """Keep the newest ``keep`` *distinct* versions; delete older ones and repeats.

    Raises OSError when the backups cannot be listed; failures to delete are logged.
    """
    kept: list[Path] = []
    doomed: list[Path] = []
    for backup in newest_first(history_path, folder):
        try:
            repeat = any(same_version(backup, other) for other in kept)
        except FileNotFoundError:
            continue  # another copy of the app pruned it first
        if repeat or len(kept) >= keep:
            doomed.append(backup)
        else:
            kept.append(backup)
    for old in doomed:
        try:
            atomic.ops.unlink(old)
        except FileNotFoundError:
            pass  # another copy of the app pruned it first
        except OSError as exc:
            logger.warning("could not remove old backup %s: %s", old, exc)


def newest_first(history_path: Path, folder: Path | None = None) -> list[Path]:
    """The backups, newest first (names carry a sortable UTC time); OSError if unlistable."""
    folder = folder or backup_dir(history_path)
    try:
        names = [n for n in os.listdir(folder) if n.startswith(_PREFIX) and n.endswith(".json")]
    except FileNotFoundError:
        return []
    return [folder / name for name in sorted(names, reverse=True)]


def move_aside(history_path: Path) -> Path:
    """Rename a damaged history to a timestamped name beside it; never overwrites anything."""
    target = _unused(history_path.parent, f"history-damaged-{_stamp()}", ".json")
    os.rename(history_path, target)
    with contextlib.suppress(OSError):
        atomic.fsync_dir(history_path.parent)
    return target


def saved_at(path: Path) -> str:
    """When a backup's version was written, for the user ("2026-01-31 09:00 UTC")."""
    when = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
    return when.strftime("%Y-%m-%d %H:%M UTC")
