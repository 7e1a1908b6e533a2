"""Repairing a history file that is missing or damaged: set it aside, restore a backup."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from bowout import readfile
from bowout.storage import atomic, backups
from bowout.storage.jsonstore import EMPTY, RECORDS, CorruptFile, dump, parse

logger = logging.getLogger(__name__)


def recover(path: Path, problem: str | None, folder: Path | None = None) -> str | None:
    """Set a damaged ``path`` aside, then restore the newest good backup (or start empty).

    ``problem`` says why the file could not be read (None: it is missing). Returns the
    note for the user, or None on a first run. Raises OSError if nothing can be written.
    ``folder``: where the backups are (see :func:`bowout.storage.backups.take`).
    """
    aside = backups.move_aside(path) if problem is not None else None
    try:
        return _restore(path, problem, aside, folder)
    except OSError:
        if aside is not None:  # e.g. a full disk: put the damaged file back where it was,
            with contextlib.suppress(OSError):  # so the next run says it is damaged, not
                os.rename(aside, path)  # missing, and tries the repair again
        raise


def _restore(
    path: Path, problem: str | None, aside: Path | None, folder: Path | None
) -> str | None:
    restored = None
    try:
        candidates = backups.newest_first(path, folder)
    except OSError as exc:
        logger.warning("cannot list the backups of %s: %s", path, exc)
        candidates = []
    for candidate in candidates:
        try:
            raw = readfile.read_bytes(candidate, readfile.DATA_LIMIT)
            tables = parse(raw)
        except (OSError, CorruptFile, readfile.UnreadableFile) as exc:
            logger.warning("backup %s is not usable: %s", candidate, exc)
            continue
        restored = (candidate, len(tables[RECORDS]))
        _write(path, raw)
        break
    if restored is None:
        _write(path, dump(EMPTY))
    return _recovery_message(problem, aside, restored)


def _write(path: Path, data: bytes) -> None:
    try:
        atomic.atomic_write_bytes(path, data)
    except atomic.RenamedNotSynced as exc:  # in place: the repair is done
        logger.warning("repaired %s, but its folder could not be synced: %s", path, exc)


def _recovery_message(
    problem: str | None, aside: Path | None, restored: tuple[Path, int] | None
) -> str | None:
    if aside is None:
        if restored is None:
            return None  # a first run: nothing to tell
        return (
            f"The history file was missing, so Bow Out restored the backup saved "
            f"{backups.saved_at(restored[0])} with {restored[1]} record(s)."
        )
    if restored is None:
        return (
            f"The history file could not be read ({problem}) and no good backup was found, so "
            f"Bow Out kept the damaged file as {aside} and started an empty history."
        )
    return (
        f"The history file could not be read ({problem}), so Bow Out kept it as {aside} and "
        f"restored the backup saved {backups.saved_at(restored[0])} with {restored[1]} record(s)."
    )
