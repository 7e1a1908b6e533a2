"""Copies a sync tool leaves beside the history when two computers changed it at once.

Syncthing names its copy ``history.sync-conflict-20261205-101502-ABCD123.json``; Dropbox
``history (Riley's conflicted copy 2026-12-05).json``. Each holds what the other computer
saved. At start, :meth:`SyncCopies.merge` merges every copy found beside the
history (beside a linked history's target) record by record, in one save, then moves the
copy into the backups folder and says what it did, once:

- a withdrawal only the copy has is added (unless it was deleted here: it stays in the
  trash); one in the copy's trash only joins the trash;
- a withdrawal changed on both computers is kept twice, as two windows are
  (:mod:`bowout.storage.conflicts`): the copy's version becomes a record of its own beside
  this one, for ``bowout history compare``;
- an application only the copy has is added; one on both keeps every linked withdrawal and
  the state that moved on from "open"; a follow-up ticked off on either side stays done.

Merging twice (a crash between the save and the move) adds nothing twice: the copy's
version of a record kept beside ours has an id derived from its own id and version.
"""

from __future__ import annotations

import builtins
import dataclasses
import hashlib
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bowout.core.counting import counted
from bowout.storage.errors import HistoryError
from bowout.storage.jsonstore import (
    APPLICATIONS,
    IMPORT_MAPPINGS,
    RECORDS,
    REMINDERS,
    TRASH,
    CorruptFile,
    parse,
)
from bowout.storage.records import Record
from bowout.storage.schema import later_than

if TYPE_CHECKING:
    from bowout.storage.historyfile import HistoryFile

logger = logging.getLogger(__name__)

_SYNCTHING = re.compile(
    r"(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}-[0-9A-Za-z]{7}(?P<suffix>\.[^.]+)?"
)
_DROPBOX = re.compile(r"(?P<stem>.+) \([^()]*conflicted copy[^()]*\)(?P<suffix>\.[^.]+)?")


def find_copies(path: Path) -> list[Path]:
    """Sync-conflict copies of ``path`` in its folder (Syncthing's and Dropbox's names),
    sorted by name; OSError when the folder cannot be listed."""
    found = []
    for name in os.listdir(path.parent):
        for pattern in (_SYNCTHING, _DROPBOX):
            match = pattern.fullmatch(name)
            if match and match["stem"] == path.stem and (match["suffix"] or "") == path.suffix:
                found.append(path.parent / name)
    return sorted(found)


@dataclasses.dataclass
class MergeCount:
    """What merging the copies changed: withdrawals added and kept beside ours (conflicts),
    applications added, and copies that could not be read (moved aside all the same)."""

    added: int = 0
    conflicts: builtins.list[str] = dataclasses.field(default_factory=list)
    applications: int = 0
    unreadable: builtins.list[str] = dataclasses.field(default_factory=list)


class SyncCopies:
    """Merges a sync tool's conflicting copies into the history ``file``
    (``History.sync_copies``)."""

    def __init__(self, file: HistoryFile) -> None:
        self.file = file
        self._records = file.records
        self._trash = file.trash
        self._reminders = file.reminders
        self._applications = file.applications
        self._mappings = file.mappings

    def merge_at_start(self) -> None:
        """At start: merge what a sync tool left beside the history, and say so once (in
        the file's ``recovery_message``, which both fronts show)."""
        try:
            merged = self.merge()
        except HistoryError as exc:
            merged = str(exc)
        if merged:
            logger.warning("%s", merged)
            said = self.file.recovery_message
            self.file.recovery_message = " ".join(filter(None, (said, merged)))

    def merge(self) -> str | None:
        """Merge every sync-conflict copy beside the history into it (one save), move the
        copies into the backups folder, and return what to tell the user (None when there
        was no copy). HistoryError when the history cannot be saved (the copies stay)."""
        try:
            copies = find_copies(self.file.path)
        except OSError as exc:
            logger.warning("could not look for sync-conflict copies of %s: %s", self.file.path, exc)
            return None
        if not copies:
            return None
        count = MergeCount()
        with self.file.transaction():
            for copy in copies:
                try:
                    theirs = parse(copy.read_bytes())
                except (OSError, CorruptFile) as exc:
                    logger.warning("sync-conflict copy %s is unreadable: %s", copy, exc)
                    count.unreadable.append(copy.name)
                    continue
                self._merge_tables(theirs, count)
        moved = [self._move_to_backups(copy) for copy in copies]
        return _message(copies, moved, count)

    def _merge_tables(self, theirs: dict[str, Any], count: MergeCount) -> None:
        for doc_id, doc in theirs.get(RECORDS, {}).items():
            ours = self._records.get(doc_id)
            if self._trash.has(doc_id) or ours == doc or not _readable(doc):
                continue
            if ours is None:
                self._records.insert(doc_id, doc)
                count.added += 1
                continue
            beside = hashlib.sha256(f"{doc_id}:{doc.get('updated')}:sync".encode()).hexdigest()
            beside = beside[:32]
            if not self._records.has(beside) and not self._trash.has(beside):
                self._records.insert(beside, {**doc, "id": beside})
                count.conflicts.append(f"{doc_id[:8]} {beside[:8]}")
        for doc_id, entry in theirs.get(TRASH, {}).items():
            if not self._records.has(doc_id) and not self._trash.has(doc_id):
                self._trash.insert(doc_id, entry)
        self._merge_applications(theirs.get(APPLICATIONS, {}), count)
        for doc_id, state in theirs.get(REMINDERS, {}).items():
            ours = self._reminders.get(doc_id)
            if ours is None or (state.get("done") is True and ours.get("done") is not True):
                self._reminders.put_many({doc_id: state})
        for doc_id, mapping in theirs.get(IMPORT_MAPPINGS, {}).items():
            if not self._mappings.has(doc_id):
                self._mappings.put_many({doc_id: mapping})

    def _merge_applications(self, theirs: dict[str, Any], count: MergeCount) -> None:
        for doc_id, doc in theirs.items():
            ours = self._applications.get(doc_id)
            if ours is None:
                self._applications.put_many({doc_id: doc})
                count.applications += 1
                continue
            if ours == doc:
                continue
            ids = list(ours.get("record_ids") or [])
            ids += [r for r in doc.get("record_ids") or [] if r not in ids]
            state = ours.get("state")
            if state == "open" and doc.get("state") not in (None, "open"):
                state = doc["state"]  # it moved on over there: withdrawn, or the offer taken
            merged = {**ours, "record_ids": ids, "state": state,
                      "updated": later_than(str(max(ours.get("updated", ""),
                                                    doc.get("updated", "")))),
                      }  # fmt: skip
            self._applications.put_many({doc_id: merged})

    def _move_to_backups(self, copy: Path) -> str:
        """Move a merged copy into the backups folder (never overwriting); its new name."""
        from bowout.storage.backups import ensure_dir

        try:
            ensure_dir(self.file.backups)
            target = self.file.backups / copy.name
            counter = 2
            while target.exists():
                target = self.file.backups / f"{copy.stem}-{counter}{copy.suffix}"
                counter += 1
            os.replace(copy, target)
        except OSError as exc:
            raise HistoryError(
                f"Merged {copy.name} into your history, but could not move it into "
                f"{self.file.backups}: {exc.strerror or exc}; move it away yourself."
            ) from None
        return target.name


def _readable(doc: object) -> bool:
    try:
        Record.from_dict(doc)
    except HistoryError as exc:
        logger.error("sync-conflict copy: skipping a damaged record: %s", exc)
        return False
    return True


def _message(copies: list[Path], moved: list[str], count: MergeCount) -> str:
    names = ", ".join(copy.name for copy in copies)
    parts = [f"{counted(count.added, 'withdrawal')} added"]
    if count.applications:
        parts.append(f"{counted(count.applications, 'application')} added")
    if count.conflicts:
        pairs = "; ".join(count.conflicts)
        parts.append(
            f"{len(count.conflicts)} changed on both computers kept beside this one's version "
            f"(compare them in History, or: bowout history compare {pairs})"
        )
    if count.unreadable:
        parts.append(f"unreadable, kept as they are: {', '.join(count.unreadable)}")
    return (
        f"Your sync tool left {len(copies)} conflicting copy(ies) of the history ({names}); "
        f"merged: {', '.join(parts)}. The copies were moved into backups/ ({', '.join(moved)})."
    )
