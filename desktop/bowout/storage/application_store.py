"""The history's open applications: add, edit, remove, import, link to withdrawals.

A mixin of :class:`~bowout.storage.history.History`: every change is one locked, atomic,
backed-up transaction of the same file, so applications have the records' guarantees.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bowout.core.applications import Application
from bowout.storage.applications import (
    OPEN,
    STATES,
    WITHDRAWN,
    ApplicationImport,
    ImportMapping,
    StoredApplication,
    by_company,
    header_key,
)
from bowout.storage.errors import HistoryError
from bowout.storage.jsonstore import APPLICATIONS, IMPORT_MAPPINGS, Docs
from bowout.storage.schema import later_than, now

if TYPE_CHECKING:
    from bowout.storage.jsonstore import HistoryDB, HistoryStorage

logger = logging.getLogger(__name__)


class ApplicationStore:
    """Open applications kept in the history file (mixed into History)."""

    if TYPE_CHECKING:
        path: Path
        _db: HistoryDB
        _store: HistoryStorage

        def _refresh(self) -> None: ...
        def _transaction(self) -> contextlib.AbstractContextManager[None]: ...

    @property
    def _applications(self) -> Docs:
        return Docs(self._db.table(APPLICATIONS, cache_size=0), self._store)

    @property
    def _mappings(self) -> Docs:
        return Docs(self._db.table(IMPORT_MAPPINGS, cache_size=0), self._store)

    # -- reading ---------------------------------------------------------------------------
    def applications(self, state: str | None = None) -> builtins.list[StoredApplication]:
        """The kept applications (only those in ``state``, one of
        :data:`~bowout.storage.applications.STATES`, if given),
        sorted by company, then role, ignoring case. A damaged one is logged and left out."""
        self._refresh()
        kept = []
        for doc in self._applications.all():
            try:
                stored = StoredApplication.from_dict(doc)
            except HistoryError as exc:
                # One damaged application must not hide the others; it stays in the file.
                logger.error("skipping application %r in %s: %s", doc.get("id"), self.path, exc)
                continue
            if state is None or stored.state == state:
                kept.append(stored)
        return by_company(kept)

    def damaged_applications(self) -> builtins.list[tuple[str, str]]:
        """The applications :meth:`applications` leaves out because they are damaged, as
        (id, what is wrong); shown to the user, who may remove them."""
        self._refresh()
        damaged = []
        for key, doc in self._store.read().get(APPLICATIONS, {}).items():
            try:
                StoredApplication.from_dict(doc)
            except HistoryError as exc:
                damaged.append((str(key), str(exc)))
        return sorted(damaged)

    def remove_damaged_application(self, application_id: str) -> None:
        """Remove an application document that cannot be read (see
        :meth:`damaged_applications`); HistoryError when it is not there or not damaged."""
        with self._transaction():
            doc = self._applications.get(application_id)
            if doc is None:
                raise HistoryError(f"No application with id {application_id!r} in the history.")
            try:
                StoredApplication.from_dict(doc)
            except HistoryError:
                self._applications.remove(application_id)
                return
            raise HistoryError(f"The application {application_id!r} is not damaged.")

    def import_mappings(self) -> builtins.list[ImportMapping]:
        """Every remembered CSV column mapping (a damaged one is logged and left out)."""
        self._refresh()
        kept = []
        for doc in self._mappings.all():
            try:
                kept.append(ImportMapping.from_dict(doc))
            except HistoryError as exc:
                logger.error("ignoring %s in %s", exc, self.path)
        return kept

    def get_application(self, application_id: str) -> StoredApplication:
        """The kept application with this id; HistoryError when there is none."""
        self._refresh()
        return self._application_locked(application_id)

    def import_mapping(self, headers: Sequence[str]) -> ImportMapping | None:
        """The mapping remembered for a CSV with these headers (in any order), or None."""
        self._refresh()
        doc = self._mappings.get(header_key(headers))
        if doc is None:
            return None
        try:
            return ImportMapping.from_dict(doc)
        except HistoryError as exc:
            logger.error("ignoring %s in %s", exc, self.path)
            return None

    # -- changing --------------------------------------------------------------------------
    def add_application(self, application: Application) -> str:
        """Keep a new open application; returns its id once it is on disk.

        HistoryError when the same company and role is already kept.
        """
        stored = _new(application)
        with self._transaction():
            self._refuse_duplicate(application)
            self._applications.insert(stored.id, stored.to_dict())
        return stored.id

    def update_application(
        self, application_id: str, application: Application
    ) -> StoredApplication:
        """Replace the fields of a kept application (its id, state, linked records and
        creation time stay); returns it as stored. HistoryError when the id is unknown or
        the new company and role are another kept application's."""
        with self._transaction():
            old = self._application_locked(application_id)
            self._refuse_duplicate(application, but=application_id)
            stored = dataclasses.replace(
                old, application=application, updated=later_than(old.updated)
            )
            self._applications.replace(application_id, stored.to_dict())
        return stored

    def remove_application(self, application_id: str) -> StoredApplication:
        """Remove a kept application; returns it as it was, so that
        :meth:`restore_application` can undo the removal. Its withdrawal records stay."""
        with self._transaction():
            stored = self._application_locked(application_id)
            self._applications.remove(application_id)
        return stored

    def restore_application(self, stored: StoredApplication) -> None:
        """Put back an application :meth:`remove_application` returned (undo), same id."""
        with self._transaction():
            if self._applications.has(stored.id):
                raise HistoryError(f"The application {stored.id} is already kept.")
            self._refuse_duplicate(stored.application)
            self._applications.insert(stored.id, stored.to_dict())

    def link_withdrawal(
        self, application_id: str, record_id: str, *, withdrawn: bool = False
    ) -> StoredApplication:
        """Note that the withdrawal record ``record_id`` was made from this application;
        ``withdrawn`` (the message was sent) also sets its state to withdrawn."""
        with self._transaction():
            old = self._application_locked(application_id)
            records = (
                old.record_ids if record_id in old.record_ids else (*old.record_ids, record_id)
            )
            stored = dataclasses.replace(
                old,
                record_ids=records,
                state=WITHDRAWN if withdrawn else old.state,
                updated=later_than(old.updated),
            )
            self._applications.replace(application_id, stored.to_dict())
        return stored

    def set_application_state(self, application_id: str, state: str) -> StoredApplication:
        """Set the state to one of :data:`~bowout.storage.applications.STATES` ("open": back
        in play, "withdrawn", "accepted": the offer taken); ValueError for another."""
        if state not in STATES:
            raise ValueError(f"not an application state: {state!r}")
        with self._transaction():
            old = self._application_locked(application_id)
            stored = dataclasses.replace(old, state=state, updated=later_than(old.updated))
            self._applications.replace(application_id, stored.to_dict())
        return stored

    def import_applications(
        self,
        applications: Iterable[Application],
        mapping: ImportMapping | None = None,
        states: Sequence[str] = (),
    ) -> ApplicationImport:
        """Keep many applications in one save, skipping any whose company and role is
        already kept (or came earlier in ``applications``), and remember ``mapping`` for
        the next file with the same headers, in the same save. ``states`` gives each
        application's state in order ("open" for those it does not reach; ValueError for
        one not in STATES)."""
        added: dict[str, dict[str, Any]] = {}
        duplicates = []
        for state in states:
            if state not in STATES:
                raise ValueError(f"not an application state: {state!r}")
        with self._transaction():
            seen = {s.application.key() for s in self._stored_locked()}
            for index, application in enumerate(applications):
                if application.key() in seen:
                    duplicates.append(application)
                    continue
                seen.add(application.key())
                stored = _new(application, states[index] if index < len(states) else OPEN)
                added[stored.id] = stored.to_dict()
            if added:
                self._applications.put_many(added)
            if mapping is not None:
                self._mappings.put_many({mapping.key: mapping.to_dict()})
        return ApplicationImport(added=tuple(added), duplicates=tuple(duplicates))

    def remove_applications(self, ids: Iterable[str]) -> builtins.list[StoredApplication]:
        """Remove many kept applications in one save (an import undone); returns them as
        they were, for :meth:`restore_applications`. Ids no longer kept are passed over."""
        removed = []
        with self._transaction():
            gone = []
            for application_id in ids:
                doc = self._applications.get(application_id)
                if doc is None:
                    continue
                with contextlib.suppress(HistoryError):
                    removed.append(StoredApplication.from_dict(doc))
                gone.append(application_id)
            self._applications.remove_many(gone)
        return removed

    def restore_applications(self, stored: Iterable[StoredApplication]) -> None:
        """Put back, in one save, applications :meth:`remove_applications` returned (an
        import redone), same ids. One kept again meanwhile (same company and role) is
        passed over rather than kept twice."""
        with self._transaction():
            seen = {s.application.key() for s in self._stored_locked()}
            docs = {}
            for one in stored:
                if self._applications.has(one.id) or one.application.key() in seen:
                    continue
                seen.add(one.application.key())
                docs[one.id] = one.to_dict()
            if docs:
                self._applications.put_many(docs)

    def remember_import_mapping(self, mapping: ImportMapping) -> None:
        """Keep the column mapping (and status answers) for CSVs with these headers."""
        with self._transaction():
            self._mappings.put_many({mapping.key: mapping.to_dict()})

    # -- internals -------------------------------------------------------------------------
    def _application_locked(self, application_id: str) -> StoredApplication:
        doc = self._applications.get(application_id)
        if doc is None:
            raise HistoryError(f"No application with id {application_id!r} in the history.")
        try:
            return StoredApplication.from_dict(doc)
        except HistoryError as exc:
            raise HistoryError(
                f"The application {application_id!r} in {self.path}: {exc}."
            ) from None

    def _stored_locked(self) -> Iterator[StoredApplication]:
        for doc in self._applications.all():
            with contextlib.suppress(HistoryError):
                yield StoredApplication.from_dict(doc)

    def _refuse_duplicate(self, application: Application, but: str = "") -> None:
        for stored in self._stored_locked():
            if stored.id != but and stored.application.key() == application.key():
                kept = stored.application
                role = f" ({kept.role})" if kept.role else ""
                raise HistoryError(
                    f"{kept.company}{role} is already in your applications; edit that one."
                )


def _new(application: Application, state: str = OPEN) -> StoredApplication:
    stamp = now()
    return StoredApplication(uuid.uuid4().hex, application, state, (), stamp, stamp)
