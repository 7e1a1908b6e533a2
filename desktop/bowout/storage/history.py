"""The private history: TinyDB over crash-safe storage, one locked transaction per change."""

from __future__ import annotations

import builtins
import logging
import uuid
from pathlib import Path

from bowout.private import make_private_dir
from bowout.storage.application_store import ApplicationStore
from bowout.storage.conflicts import SaveConflict
from bowout.storage.errors import HistoryError, os_error
from bowout.storage.filecare import backups_problem, make_private
from bowout.storage.historyfile import HISTORY_FILE, HistoryFile
from bowout.storage.lifecycle import Lifecycle, check_update
from bowout.storage.record_docs import RecordDocs, newest_first
from bowout.storage.records import Record, checked
from bowout.storage.reminder_store import ReminderStore
from bowout.storage.schema import later_than, now
from bowout.storage.search import FoldCache, Matcher
from bowout.storage.sync_copies import SyncCopies
from bowout.storage.timeline_edits import TimelineEdits
from bowout.storage.transfer import Transfer
from bowout.storage.withdrawals import Withdrawals

logger = logging.getLogger(__name__)

__all__ = ["HISTORY_FILE", "History"]


class History:
    """Every withdrawal the user kept, with its trash; and the stores of the same file,
    each one responsibility, each change one locked, durable save of the file:

    - ``applications``: the applications still in play (:class:`ApplicationStore`);
    - ``withdrawals``: a withdrawal kept for an application in one write (:class:`Withdrawals`);
    - ``lifecycle``: marking a withdrawal sent, and undoing that (:class:`Lifecycle`);
    - ``timeline``: events and the negotiation's outcome (:class:`TimelineEdits`);
    - ``reminders``: the follow-ups' ticks and settle-by dates (:class:`ReminderStore`);
    - ``transfer``: everything kept, exported and imported (:class:`Transfer`);
    - ``sync_copies``: a sync tool's conflicting copies, merged (:class:`SyncCopies`).

    Safe against crashes and a second running copy (:class:`HistoryFile`).
    """

    def __init__(self, data_dir: Path, lock_timeout: float) -> None:
        self.file = HistoryFile(data_dir, lock_timeout)
        self.data_dir = data_dir
        #: The file itself: where a symbolic link history.json points, if it is one.
        self.path = self.file.path
        self.backups = self.file.backups
        self._docs = RecordDocs(self.file)
        self._folds = FoldCache()
        self.applications = ApplicationStore(self.file)
        self.withdrawals = Withdrawals(self._docs, self.applications)
        self.lifecycle = Lifecycle(self._docs)
        self.timeline = TimelineEdits(self._docs)
        self.reminders = ReminderStore(self.file, self._docs)
        self.transfer = Transfer(self._docs, self.applications, self.reminders)
        self.sync_copies = SyncCopies(self.file)

    @property
    def recovery_message(self) -> str | None:
        """What the last repair or merge of the file did, to tell the user once (None:
        nothing). Kept by the file, which repairs itself whenever it reads a damaged one:
        a property so that both fronts read the latest word."""
        return self.file.recovery_message

    @classmethod
    def open(cls, data_dir: Path, *, lock_timeout: float = 10.0) -> History:
        """Open (creating if needed) the history in ``data_dir``; recover a damaged file
        and merge a sync tool's conflicting copies. HistoryError when the folder cannot be
        made or the file cannot be read."""
        try:
            make_private_dir(data_dir)
        except OSError as exc:
            raise os_error(exc, "create the data folder", data_dir / HISTORY_FILE) from exc
        history = cls(data_dir, lock_timeout)
        history.file.refresh()
        make_private(history.path)
        if history.file.newer:
            history.file.recovery_message = history.file.read_only_message()
        else:
            history.sync_copies.merge_at_start()
        no_backups = backups_problem(history.backups)
        if no_backups:
            logger.warning("%s", no_backups)
            said = history.file.recovery_message
            history.file.recovery_message = f"{said} {no_backups}" if said else no_backups
        return history

    def close(self) -> None:
        """Let go of the file (nothing is pending: every change was saved when it returned)."""
        self.file.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------
    def get(self, record_id: str) -> Record:
        """The record with this id (not one in the trash)."""
        self.file.refresh()
        return self._docs.locked(record_id)

    def list(self) -> builtins.list[Record]:
        """All records, newest first (by creation time)."""
        return self._docs.newest_first()

    def search(self, query: str) -> builtins.list[Record]:
        """Records whose company, role, contact, subject, body or timeline texts contain
        ``query`` (ignoring case and accents), newest first."""
        if not query.strip():
            return self.list()
        self.file.refresh()
        matcher = Matcher(query, self._folds)
        found = self.file.records.search(matcher)
        self._folds.trim(self.file.records.count())
        return newest_first(self._docs.valid(found))

    def trash(self) -> builtins.list[Record]:
        """Deleted records the user can still restore, most recently deleted first."""
        self.file.refresh()
        entries = sorted(self.file.trash.all(), key=lambda d: str(d.get("deleted")), reverse=True)
        return self._docs.valid(entry["record"] for entry in entries)

    # -- changing --------------------------------------------------------------------------
    def add(self, record: Record) -> Record:
        """Save a new record; returns it with id and times set, once it is on disk."""
        saved = checked(record)
        stamp = now()
        if saved.id:  # a retry after a failed save, or a record carried over with its id
            saved.created = saved.created or stamp
        else:
            saved.id, saved.created = uuid.uuid4().hex, stamp
        saved.updated = stamp
        with self.file.transaction():
            if self.file.records.has(saved.id) or self.file.trash.has(saved.id):
                raise HistoryError(f"A record with id {saved.id} is already kept; update it.")
            self.file.records.insert(saved.id, saved.to_dict())
        return saved

    def update(self, record: Record, *, revise_sent: bool = False) -> Record:
        """Save the user's changes to a kept record; returns it with a new updated time.

        A sent record's message stays as it went out (see :mod:`bowout.storage.lifecycle`):
        changing it is a HistoryError unless ``revise_sent`` says the user chose to revise
        it; whether it was sent changes only through ``lifecycle``.

        ``record.updated`` is the version the caller loaded. If the stored record has changed
        since (another window saved it), nothing is overwritten: this version is kept as a
        new record and :class:`~bowout.storage.conflicts.SaveConflict` (a HistoryError)
        says so, carrying both. An empty ``updated`` means "no version known" and saves.
        """
        saved = checked(record)
        with self.file.transaction():
            old = self.file.records.get(saved.id)
            if old is None:
                raise HistoryError(f"No record with id {saved.id!r} in the history to update.")
            current = self._docs.to_record(old, strict=True)
            if saved.updated and saved.updated != old["updated"]:
                if current.status == saved.status == "sent" and not revise_sent:
                    check_update(current, saved, revise_sent=False)  # never a rewritten copy
                saved.id, saved.created = uuid.uuid4().hex, now()
                saved.updated = saved.created
                self.file.records.insert(saved.id, saved.to_dict())
                conflict = SaveConflict(current, saved)
            else:
                conflict = None
                saved = check_update(current, saved, revise_sent=revise_sent)
                saved.created = str(old["created"])  # the creation time is never rewritten
                saved.updated = later_than(str(old["updated"]))
                self.file.records.replace(saved.id, saved.to_dict())
        if conflict is not None:
            raise conflict  # only now: the kept copy is on disk
        return saved

    def delete(self, record_id: str) -> None:
        """Move a record into the trash (restorable until the user empties it)."""
        with self.file.transaction():
            record = self._docs.locked(record_id)
            entry = {"deleted": now(), "record": record.to_dict()}
            self.file.trash.insert(record.id, entry)
            self.file.records.remove(record.id)

    def restore(self, record_id: str) -> Record:
        """Bring a record back from the trash."""
        with self.file.transaction():
            entry = self.file.trash.get(record_id)
            if entry is None:
                raise HistoryError(f"No record with id {record_id!r} in the trash.")
            record = Record.from_dict(entry["record"])
            self.file.records.insert(record.id, record.to_dict())
            self.file.trash.remove(record.id)
        return record

    def empty_trash(self) -> int:
        """Delete the trash for good; returns how many records were removed."""
        with self.file.transaction():
            count = self.file.trash.clear()
        return count
