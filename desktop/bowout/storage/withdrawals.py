"""A withdrawal made from an application, kept in one atomic write (``History.withdrawals``).

The record, its link to the application and the application's state change together, in
one locked transaction of the history file: a crash or kill leaves the application either
untouched or with its linked record (issue 20, "A batch is one transaction per
application"). Keeping the same application again is resumable: it finishes or refreshes
what is there and never keeps a second record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from bowout.storage.applications import WITHDRAWN, StoredApplication
from bowout.storage.fields import format_time
from bowout.storage.lifecycle import SENT_EVENT, sent_event_text
from bowout.storage.records import Record, checked
from bowout.storage.schema import later_than, now
from bowout.storage.timeline import insert_event, make_event

if TYPE_CHECKING:
    from bowout.storage.application_store import ApplicationStore
    from bowout.storage.record_docs import RecordDocs


class Withdrawals:
    """One application's withdrawal in one write: the record, the application's link to it
    and its state, over ``docs`` (the records) and ``applications`` of the same file."""

    def __init__(self, docs: RecordDocs, applications: ApplicationStore) -> None:
        self._docs = docs
        self._file = docs.file
        self._applications = applications

    def keep(
        self, application_id: str, record: Record, *, sent: dt.datetime | None = None
    ) -> Record:
        """Keep ``record`` (a new withdrawal drafted for the application) linked to it; with
        ``sent`` (when it went out) also mark it sent and the application withdrawn, all in
        one write. Returns the record as stored.

        Resumable: a draft already linked to the application is refreshed in place (same
        id) instead of a second one being kept; an application already withdrawn with a
        linked sent record returns that record unchanged. HistoryError names a record
        field that cannot be saved, or an unknown application.
        """
        with self._file.transaction():
            stored = self._applications.locked(application_id)
            linked = [self._docs.to_record(doc, strict=True) for doc in self._linked_docs(stored)]
            done = [r for r in linked if r.status == "sent"]
            if done and (sent is not None or stored.state == WITHDRAWN):
                return done[-1]
            drafts = [r for r in linked if r.status != "sent"]
            saved = checked(record)
            stamp = now()
            if drafts:
                saved.id, saved.created = drafts[-1].id, drafts[-1].created
                saved.timeline = drafts[-1].timeline
                saved.updated = later_than(drafts[-1].updated)
            else:
                saved.id, saved.created, saved.updated = uuid.uuid4().hex, stamp, stamp
            if sent is not None:
                saved.status, saved.sent = "sent", format_time(sent)
                event = make_event(SENT_EVENT, saved.sent, saved.channel, sent_event_text(saved))
                saved.timeline = insert_event(saved.timeline, event)
            saved = checked(saved)
            if drafts and sent is None and _same(saved, drafts[-1]):
                return drafts[-1]  # kept already, word for word: nothing to write
            if drafts:
                self._file.records.replace(saved.id, saved.to_dict())
            else:
                self._file.records.insert(saved.id, saved.to_dict())
            ids = stored.record_ids
            linked_app = dataclasses.replace(
                stored,
                record_ids=ids if saved.id in ids else (*ids, saved.id),
                state=WITHDRAWN if sent is not None else stored.state,
                updated=later_than(stored.updated),
            )
            self._file.applications.replace(stored.id, linked_app.to_dict())
        return saved

    def _linked_docs(self, stored: StoredApplication) -> list[dict[str, Any]]:
        docs = (self._file.records.get(record_id) for record_id in stored.record_ids)
        return [doc for doc in docs if doc is not None]


def _same(a: Record, b: Record) -> bool:
    """The same withdrawal but for when it was saved."""
    return {**a.to_dict(), "updated": ""} == {**b.to_dict(), "updated": ""}
