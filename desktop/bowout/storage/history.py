"""The private history: TinyDB over crash-safe storage, one locked transaction per change."""

from __future__ import annotations

import builtins
import contextlib
import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from bowout.private import make_private_dir
from bowout.storage import atomic, backups, recovery
from bowout.storage.application_store import ApplicationStore
from bowout.storage.conflicts import SaveConflict
from bowout.storage.errors import HistoryError, os_error
from bowout.storage.filecare import (
    backups_problem,
    clean_temp_files,
    linked_target,
    make_private,
)
from bowout.storage.jsonstore import (
    RECORDS,
    REMINDERS,
    TRASH,
    CorruptFile,
    Docs,
    HistoryDB,
    HistoryStorage,
)
from bowout.storage.lifecycle import Lifecycle, check_update
from bowout.storage.records import Record, checked
from bowout.storage.reminder_store import ReminderStore
from bowout.storage.schema import later_than, now
from bowout.storage.search import FoldCache, Matcher
from bowout.storage.sync_copies import SyncCopies
from bowout.storage.timeline_edits import TimelineEdits
from bowout.storage.transfer import MovingStore
from bowout.storage.withdrawals import Withdrawals

logger = logging.getLogger(__name__)

HISTORY_FILE = "history.json"
_SAVE = "save the history"
_READ = "read the history"


class History(
    ApplicationStore, TimelineEdits, ReminderStore, Lifecycle, Withdrawals, SyncCopies,
    MovingStore,
):  # fmt: skip
    """Every withdrawal the user kept, with its timeline (see :class:`TimelineEdits`), the
    applications still open (see :class:`ApplicationStore`) and the follow-ups' state (see
    :class:`ReminderStore`); safe against crashes and a second running copy."""

    def __init__(self, data_dir: Path, lock_timeout: float) -> None:
        from bowout.storage.lock import HistoryLock

        self.data_dir = data_dir
        #: The file itself: where a symbolic link history.json points, if it is one.
        self.path = linked_target(data_dir / HISTORY_FILE)
        #: Backups and the lock stay in the data folder even when history.json links into
        #: a synced folder: only the history itself travels (README, "A synced folder").
        self.backups = backups.backup_dir(data_dir / HISTORY_FILE)
        self.recovery_message: str | None = None
        self._lock = HistoryLock(data_dir / HISTORY_FILE, lock_timeout)
        self._db = HistoryDB(self.path, storage=HistoryStorage)
        self._store = self._db.history_storage
        self._records = Docs(self._db.table(RECORDS, cache_size=0), self._store)
        self._trash = Docs(self._db.table(TRASH, cache_size=0), self._store)
        self._reminders = Docs(self._db.table(REMINDERS, cache_size=0), self._store)
        self._folds = FoldCache()
        #: Stored documents already validated, by id: (document, its updated stamp).
        self._verified: dict[str, tuple[dict[str, Any], object]] = {}
        self._cleaned = False

    @classmethod
    def open(cls, data_dir: Path, *, lock_timeout: float = 10.0) -> History:
        """Open (creating if needed) the history in ``data_dir``; recover a damaged file."""
        try:
            make_private_dir(data_dir)
        except OSError as exc:
            raise os_error(exc, "create the data folder", data_dir / HISTORY_FILE) from exc
        history = cls(data_dir, lock_timeout)
        history._refresh()
        make_private(history.path)
        if history._store.newer:
            history.recovery_message = history.read_only_message()
        else:
            history._merge_copies()
        no_backups = backups_problem(history.backups)
        if no_backups:
            logger.warning("%s", no_backups)
            said = history.recovery_message
            history.recovery_message = f"{said} {no_backups}" if said else no_backups
        return history

    def read_only_message(self) -> str:
        """What to tell the user when the file was written by a newer Bow Out."""
        return (
            f"The history {self.path} was written by a newer Bow Out "
            f"({self._store.newer}); it is open read-only, so nothing in it is lost. "
            "Update Bow Out to change it."
        )

    def close(self) -> None:
        """Let go of the file (nothing is pending: every change was saved when it returned)."""
        self._db.close()
        self._store.forget()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------
    def get(self, record_id: str) -> Record:
        """The record with this id (not one in the trash)."""
        self._refresh()
        doc = self._records.get(record_id)
        if doc is None:
            raise HistoryError(f"No record with id {record_id!r} in the history.")
        return self._to_record(doc, strict=True)

    def list(self) -> builtins.list[Record]:
        """All records, newest first (by creation time)."""
        self._refresh()
        return _newest_first(self._valid(self._records.all()))

    def search(self, query: str) -> builtins.list[Record]:
        """Records whose company, role, contact, subject, body or timeline texts contain
        ``query`` (ignoring case and accents), newest first."""
        if not query.strip():
            return self.list()
        self._refresh()
        matcher = Matcher(query, self._folds)
        found = self._records.search(matcher)
        self._folds.trim(self._records.count())
        return _newest_first(self._valid(found))

    def trash(self) -> builtins.list[Record]:
        """Deleted records the user can still restore, most recently deleted first."""
        self._refresh()
        entries = sorted(self._trash.all(), key=lambda d: str(d.get("deleted")), reverse=True)
        return self._valid(entry["record"] for entry in entries)

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
        with self._transaction():
            if self._records.has(saved.id) or self._trash.has(saved.id):
                raise HistoryError(f"A record with id {saved.id} is already kept; update it.")
            self._records.insert(saved.id, saved.to_dict())
        return saved

    def update(self, record: Record, *, revise_sent: bool = False) -> Record:
        """Save the user's changes to a kept record; returns it with a new updated time.

        A sent record's message stays as it went out (see :mod:`bowout.storage.lifecycle`):
        changing it is a HistoryError unless ``revise_sent`` says the user chose to revise
        it; whether it was sent changes only through ``mark_sent`` and ``undo_sent``.

        ``record.updated`` is the version the caller loaded. If the stored record has changed
        since (another window saved it), nothing is overwritten: this version is kept as a
        new record and :class:`~bowout.storage.conflicts.SaveConflict` (a HistoryError)
        says so, carrying both. An empty ``updated`` means "no version known" and saves.
        """
        saved = checked(record)
        with self._transaction():
            old = self._records.get(saved.id)
            if old is None:
                raise HistoryError(f"No record with id {saved.id!r} in the history to update.")
            current = self._to_record(old, strict=True)
            if saved.updated and saved.updated != old["updated"]:
                if current.status == saved.status == "sent" and not revise_sent:
                    check_update(current, saved, revise_sent=False)  # never a rewritten copy
                saved.id, saved.created = uuid.uuid4().hex, now()
                saved.updated = saved.created
                self._records.insert(saved.id, saved.to_dict())
                conflict = SaveConflict(current, saved)
            else:
                conflict = None
                saved = check_update(current, saved, revise_sent=revise_sent)
                saved.created = str(old["created"])  # the creation time is never rewritten
                saved.updated = later_than(str(old["updated"]))
                self._replace(saved)
        if conflict is not None:
            raise conflict  # only now: the kept copy is on disk
        return saved

    def delete(self, record_id: str) -> None:
        """Move a record into the trash (restorable until the user empties it)."""
        with self._transaction():
            record = self._get_locked(record_id)
            entry = {"deleted": now(), "record": record.to_dict()}
            self._trash.insert(record.id, entry)
            self._records.remove(record.id)

    def restore(self, record_id: str) -> Record:
        """Bring a record back from the trash."""
        with self._transaction():
            entry = self._trash.get(record_id)
            if entry is None:
                raise HistoryError(f"No record with id {record_id!r} in the trash.")
            record = Record.from_dict(entry["record"])
            self._records.insert(record.id, record.to_dict())
            self._trash.remove(record.id)
        return record

    def empty_trash(self) -> int:
        """Delete the trash for good; returns how many records were removed."""
        with self._transaction():
            count = self._trash.clear()
        return count

    # -- internals -------------------------------------------------------------------------
    def _get_locked(self, record_id: str) -> Record:
        doc = self._records.get(record_id)
        if doc is None:
            raise HistoryError(f"No record with id {record_id!r} in the history.")
        return self._to_record(doc, strict=True)

    def _edit(self, record_id: str, change: Callable[[Record], object]) -> Record:
        with self._transaction():
            record = self._get_locked(record_id)
            change(record)
            record.updated = later_than(record.updated)
            saved = checked(record)
            self._replace(saved)
        return saved

    def _replace(self, record: Record) -> None:
        self._records.replace(record.id, record.to_dict())

    def _to_record(self, doc: dict[str, Any], *, strict: bool) -> Record:
        record_id, stamp = doc.get("id"), doc.get("updated")
        seen = self._verified.get(record_id) if isinstance(record_id, str) else None
        if seen is not None and seen[0] is doc and seen[1] == stamp:
            return Record.from_trusted(doc)  # this very document passed validation before
        try:
            record = Record.from_dict(doc)
        except HistoryError as exc:
            if strict:
                raise HistoryError(
                    f"The record {record_id!r} in {self.path} is damaged ({exc})."
                ) from None
            raise
        if record.to_dict() == doc:  # already in canonical form, so it can be reused as is
            if len(self._verified) > 2 * self._records.count() + 64:
                self._verified.clear()
            self._verified[record.id] = (doc, stamp)
        return record

    def _valid(self, docs: Iterable[dict[str, Any]]) -> builtins.list[Record]:
        records = []
        for doc in docs:
            try:
                records.append(self._to_record(doc, strict=False))
            except HistoryError as exc:
                # One damaged record must not hide all the others; it stays in the file.
                logger.error("skipping damaged record %r in %s: %s", doc.get("id"), self.path, exc)
        return records

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """Lock, load the latest file, let TinyDB change it, write once, durably."""
        with self._lock.held(_SAVE):
            self._refresh_locked()
            if self._store.newer:
                raise HistoryError(self.read_only_message())
            if not self._cleaned:
                self._cleaned = True
                clean_temp_files(self.path)
            self._store.begin()
            try:
                yield
                if self._store.dirty:
                    self._save()
            except BaseException:
                self._store.forget()  # memory may hold changes that never reached the disk
                raise
            finally:
                self._store.end()

    def _save(self) -> None:
        payload = self._store.commit_bytes()
        try:
            backups.take(self.path, self.backups)
            atomic.atomic_write_bytes(self.path, payload)
        except atomic.RenamedNotSynced as exc:
            # The new file is in place: the save happened, and saying "could not save"
            # would make the user save again (a new record twice). Only its durability
            # against a power cut in the next moments is in doubt: that goes to the log.
            logger.warning("saved %s, but its folder could not be synced: %s", self.path, exc)
        except OSError as exc:
            raise os_error(exc, _SAVE, self.path) from exc
        # The new file is in place: the save has happened, whatever goes wrong from here.
        try:
            self._store.saved()
        except OSError as exc:
            self._store.forget()  # re-read it next time instead
            logger.warning("saved %s but could not check it: %s", self.path, exc)
        try:
            backups.prune(self.path, folder=self.backups)
        except OSError as exc:
            logger.warning("saved %s but could not tidy its backups: %s", self.path, exc)

    def _refresh(self) -> None:
        """Bring memory up to date with the file without locking, unless it needs repair."""
        try:
            self._store.refresh()
            return
        except FileNotFoundError:
            linked_target(self.data_dir / HISTORY_FILE)  # a link whose target went away
            if not os.access(self.path.parent, os.W_OK):
                # A read-only folder with no history yet: nothing is kept, so reading shows
                # nothing; a save says read-only when it tries to write.
                self._store.use_empty()
                return
        except CorruptFile:
            pass
        except OSError as exc:
            raise os_error(exc, _READ, self.path) from exc
        with self._lock.held(_READ):
            self._refresh_locked()

    def _refresh_locked(self) -> None:
        try:
            self._store.refresh()
            return
        except FileNotFoundError:
            linked_target(self.data_dir / HISTORY_FILE)  # a link whose target went away
            problem = None
        except CorruptFile as exc:
            problem = str(exc)
        except OSError as exc:
            raise os_error(exc, _READ, self.path) from exc
        try:
            self._recover(problem)
            self._store.load()
        except OSError as exc:
            raise os_error(exc, "repair the history", self.path) from exc

    def _recover(self, problem: str | None) -> None:
        self.recovery_message = recovery.recover(self.path, problem, self.backups)
        if self.recovery_message:
            logger.warning("%s", self.recovery_message)


def _newest_first(records: builtins.list[Record]) -> builtins.list[Record]:
    records.sort(key=lambda r: (r.created, r.id), reverse=True)
    return records
