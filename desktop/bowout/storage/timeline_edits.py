"""Changing a kept record's timeline and the outcome of its negotiation (``History.timeline``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from bowout.storage.errors import HistoryError
from bowout.storage.records import Record
from bowout.storage.timeline import insert_event, without_events

if TYPE_CHECKING:
    from bowout.storage.record_docs import RecordDocs

#: Only marking sent adds, and undoing it removes, the event that keeps what went out.
_SENT_ONLY = "message-sent"


class TimelineEdits:
    """A kept record's timeline and outcome changes; each is one locked, durable save of
    the records ``docs``."""

    def __init__(self, docs: RecordDocs) -> None:
        self._docs = docs

    def add_events(self, record_id: str, events: Iterable[dict[str, Any]]) -> Record:
        """Add timeline events (see :mod:`bowout.storage.timeline`) to a kept record, each in
        time order, in one save; returns the record. HistoryError names a bad event's field
        (nothing is saved then)."""
        added = _not_sent(events)

        def add(record: Record) -> None:
            for event in added:
                record.timeline = insert_event(record.timeline, event)

        return self._docs.edit(record_id, add)

    def remove_events(self, record_id: str, events: Iterable[dict[str, Any]]) -> Record:
        """Take events added by :meth:`add_events` out again (undo); an event no longer in
        the timeline is passed over. Returns the record."""
        gone = _not_sent(events)

        def remove(record: Record) -> None:
            record.timeline = without_events(record.timeline, gone)

        return self._docs.edit(record_id, remove)

    def set_outcome(
        self, record_id: str, outcome: str | None, events: Iterable[dict[str, Any]] = ()
    ) -> Record:
        """Keep how the conversation about a deal-breaker ended ("resolved": the user stays
        in the process, no withdrawal is sent) and add ``events`` (its note), in one save;
        HistoryError if the record does not allow it (see
        :func:`bowout.storage.schema.check_fields`)."""
        added = _not_sent(events)

        def settle(record: Record) -> None:
            record.negotiation.update(outcome=outcome)
            for event in added:
                record.timeline = insert_event(record.timeline, event)

        return self._docs.edit(record_id, settle)


def _not_sent(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events, unless one is a "message sent" (HistoryError: mark sent or undo it)."""
    listed = list(events)
    if any(event.get("kind") == _SENT_ONLY for event in listed):
        raise HistoryError("What was sent is kept by marking it sent (or undoing that).")
    return listed
