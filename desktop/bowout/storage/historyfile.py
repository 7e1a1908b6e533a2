"""The history file itself: its tables, its lock, and one durable write per transaction.

Every store of :class:`~bowout.storage.history.History` is handed this one object and
changes the file only inside :meth:`HistoryFile.transaction`: lock, load the latest file,
let TinyDB change the tables, write once, atomically, with a backup taken first. Reading
goes through :meth:`HistoryFile.refresh`, which locks only when the file needs repair.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from bowout.storage import atomic, backups, recovery
from bowout.storage.errors import HistoryError, os_error
from bowout.storage.filecare import clean_temp_files, linked_target
from bowout.storage.jsonstore import (
    APPLICATIONS,
    IMPORT_MAPPINGS,
    RECORDS,
    REMINDERS,
    TRASH,
    CorruptFile,
    Docs,
    HistoryDB,
    HistoryStorage,
)
from bowout.storage.lock import HistoryLock

logger = logging.getLogger(__name__)

#: The history's name in the data folder.
HISTORY_FILE = "history.json"
_SAVE = "save the history"
_READ = "read the history"


class HistoryFile:
    """The tables of ``history.json`` in ``data_dir`` and the transaction that changes them.

    ``lock_timeout``: seconds to wait for another running copy's lock before a
    HistoryError says the history is busy.
    """

    def __init__(self, data_dir: Path, lock_timeout: float) -> None:
        self.data_dir = data_dir
        #: The file itself: where a symbolic link history.json points, if it is one.
        self.path = linked_target(data_dir / HISTORY_FILE)
        #: Backups and the lock stay in the data folder even when history.json links into
        #: a synced folder: only the history itself travels (README, "A synced folder").
        self.backups = backups.backup_dir(data_dir / HISTORY_FILE)
        #: What the last repair (or merge) did, to tell the user once; None when nothing.
        self.recovery_message: str | None = None
        self._lock = HistoryLock(data_dir / HISTORY_FILE, lock_timeout)
        self._db = HistoryDB(self.path, storage=HistoryStorage)
        self._store = self._db.history_storage
        self.records = self._table(RECORDS)
        #: Deleted records, as ``{deleted, record}`` entries.
        self.trash = self._table(TRASH)
        self.reminders = self._table(REMINDERS)
        self.applications = self._table(APPLICATIONS)
        self.mappings = self._table(IMPORT_MAPPINGS)
        self._cleaned = False

    def _table(self, name: str) -> Docs:
        return Docs(self._db.table(name, cache_size=0), self._store)

    @property
    def newer(self) -> str | None:
        """Why the loaded file must not be changed (a newer Bow Out wrote it), or None."""
        return self._store.newer

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

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Lock, load the latest file, let the caller change the tables, write once,
        durably. HistoryError when the file is read-only (newer), locked too long, or
        cannot be written; then nothing changed on disk nor in memory."""
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

    def refresh(self) -> None:
        """Bring memory up to date with the file without locking, unless it needs repair.
        HistoryError when it cannot be read."""
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
