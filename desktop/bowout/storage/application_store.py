"""The history's open applications: add, edit, remove, import, link to withdrawals.

``History.applications``: every change is one locked, atomic, backed-up transaction of the
history file (:class:`~bowout.storage.historyfile.HistoryFile`), so applications have the
records' guarantees.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

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
from bowout.storage.historyfile import HistoryFile
from bowout.storage.schema import later_than, now

logger = logging.getLogger(__name__)


class ApplicationStore:
    """Open applications kept in the history ``file``."""

    def __init__(self, file: HistoryFile) -> None:
        self.file = file
        self._applications = file.applications
        self._mappings = file.mappings

    # -- reading ---------------------------------------------------------------------------
    def list(self, state: str | None = None) -> builtins.list[StoredApplication]:
        """The kept applications (only those in ``state``, one of
        :data:`~bowout.storage.applications.STATES`, if given),
        sorted by company, then role, ignoring case. A damaged one is logged and left out."""
        self.file.refresh()
        kept = []
        for doc in self._applications.all():
            try:
                stored = StoredApplication.from_dict(doc)
            except HistoryError as exc:
                # One damaged application must not hide the others; it stays in the file.
                logger.error(
                    "skipping application %r in %s: %s", doc.get("id"), self.file.path, exc
                )
                continue
            if state is None or stored.state == state:
                kept.append(stored)
        return by_company(kept)

    def damaged(self) -> builtins.list[tuple[str, str]]:
        """The applications :meth:`list` leaves out because they are damaged, as
        (id, what is wrong); shown to the user, who may remove them."""
        self.file.refresh()
        damaged = []
        for doc in self._applications.all():
            try:
                StoredApplication.from_dict(doc)
            except HistoryError as exc:
                damaged.append((str(doc.get("id")), str(exc)))
        return sorted(damaged)

    def remove_damaged(self, application_id: str) -> None:
        """Remove an application document that cannot be read (see
        :meth:`damaged`); HistoryError when it is not there or not damaged."""
        with self.file.transaction():
            doc = self._applications.get(application_id)
            if doc is None:
                raise HistoryError(f"No application with id {application_id!r} in the history.")
            try:
                StoredApplication.from_dict(doc)
            except HistoryError:
                self._applications.remove(application_id)
                return
            raise HistoryError(f"The application {application_id!r} is not damaged.")

    def mappings(self) -> builtins.list[ImportMapping]:
        """Every remembered CSV column mapping (a damaged one is logged and left out)."""
        self.file.refresh()
        kept = []
        for doc in self._mappings.all():
            try:
                kept.append(ImportMapping.from_dict(doc))
            except HistoryError as exc:
                logger.error("ignoring %s in %s", exc, self.file.path)
        return kept

    def get(self, application_id: str) -> StoredApplication:
        """The kept application with this id; HistoryError when there is none."""
        self.file.refresh()
        return self.locked(application_id)

    def mapping(self, headers: Sequence[str]) -> ImportMapping | None:
        """The mapping remembered for a CSV with these headers (in any order), or None."""
        self.file.refresh()
        doc = self._mappings.get(header_key(headers))
        if doc is None:
            return None
        try:
            return ImportMapping.from_dict(doc)
        except HistoryError as exc:
            logger.error("ignoring %s in %s", exc, self.file.path)
            return None

    # -- changing --------------------------------------------------------------------------
    def add(self, application: Application) -> str:
        """Keep a new open application; returns its id once it is on disk.

        HistoryError when the same company and role is already kept.
        """
        stored = _new(application)
        with self.file.transaction():
            self._refuse_duplicate(application)
            self._applications.insert(stored.id, stored.to_dict())
        return stored.id

    def update(self, application_id: str, application: Application) -> StoredApplication:
        """Replace the fields of a kept application (its id, state, linked records and
        creation time stay); returns it as stored. HistoryError when the id is unknown or
        the new company and role are another kept application's."""
        with self.file.transaction():
            old = self.locked(application_id)
            self._refuse_duplicate(application, but=application_id)
            stored = dataclasses.replace(
                old, application=application, updated=later_than(old.updated)
            )
            self._applications.replace(application_id, stored.to_dict())
        return stored

    def remove(self, application_id: str) -> StoredApplication:
        """Remove a kept application; returns it as it was, so that
        :meth:`restore` can undo the removal. Its withdrawal records stay."""
        with self.file.transaction():
            stored = self.locked(application_id)
            self._applications.remove(application_id)
        return stored

    def restore(self, stored: StoredApplication) -> None:
        """Put back an application :meth:`remove` returned (undo), same id."""
        with self.file.transaction():
            if self._applications.has(stored.id):
                raise HistoryError(f"The application {stored.id} is already kept.")
            self._refuse_duplicate(stored.application)
            self._applications.insert(stored.id, stored.to_dict())

    def link_withdrawal(
        self, application_id: str, record_id: str, *, withdrawn: bool = False
    ) -> StoredApplication:
        """Note that the withdrawal record ``record_id`` was made from this application;
        ``withdrawn`` (the message was sent) also sets its state to withdrawn."""
        with self.file.transaction():
            old = self.locked(application_id)
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

    def set_state(self, application_id: str, state: str) -> StoredApplication:
        """Set the state to one of :data:`~bowout.storage.applications.STATES` ("open": back
        in play, "withdrawn", "accepted": the offer taken); ValueError for another."""
        if state not in STATES:
            raise ValueError(f"not an application state: {state!r}")
        with self.file.transaction():
            old = self.locked(application_id)
            stored = dataclasses.replace(old, state=state, updated=later_than(old.updated))
            self._applications.replace(application_id, stored.to_dict())
        return stored

    def import_many(
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
        with self.file.transaction():
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

    def remove_many(self, ids: Iterable[str]) -> builtins.list[StoredApplication]:
        """Remove many kept applications in one save (an import undone); returns them as
        they were, for :meth:`restore_many`. Ids no longer kept are passed over."""
        removed = []
        with self.file.transaction():
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

    def restore_many(self, stored: Iterable[StoredApplication]) -> None:
        """Put back, in one save, applications :meth:`remove_many` returned (an
        import redone), same ids. One kept again meanwhile (same company and role) is
        passed over rather than kept twice."""
        with self.file.transaction():
            seen = {s.application.key() for s in self._stored_locked()}
            docs = {}
            for one in stored:
                if self._applications.has(one.id) or one.application.key() in seen:
                    continue
                seen.add(one.application.key())
                docs[one.id] = one.to_dict()
            if docs:
                self._applications.put_many(docs)

    def remember_mapping(self, mapping: ImportMapping) -> None:
        """Keep the column mapping (and status answers) for CSVs with these headers."""
        with self.file.transaction():
            self._mappings.put_many({mapping.key: mapping.to_dict()})

    # -- inside a transaction ------------------------------------------------------------
    def locked(self, application_id: str) -> StoredApplication:
        """Inside a transaction: the stored application; HistoryError when there is none
        or it is damaged."""
        doc = self._applications.get(application_id)
        if doc is None:
            raise HistoryError(f"No application with id {application_id!r} in the history.")
        try:
            return StoredApplication.from_dict(doc)
        except HistoryError as exc:
            raise HistoryError(
                f"The application {application_id!r} in {self.file.path}: {exc}."
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
