"""Changing a kept record's timeline and the outcome of its negotiation (mixed into History)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from bowout.storage.records import Record
from bowout.storage.timeline import insert_event, without_events


class TimelineEdits:
    """``History``'s timeline and outcome changes; each is one locked, durable save."""

    if TYPE_CHECKING:  # provided by History: load, change, validate, save in one lock

        def _edit(self, record_id: str, change: Callable[[Record], object]) -> Record: ...

    def add_events(self, record_id: str, events: Iterable[dict[str, Any]]) -> Record:
        """Add timeline events (see :mod:`bowout.storage.timeline`) to a kept record, each in
        time order, in one save; returns the record. HistoryError names a bad event's field
        (nothing is saved then)."""
        added = list(events)

        def add(record: Record) -> None:
            for event in added:
                record.timeline = insert_event(record.timeline, event)

        return self._edit(record_id, add)

    def remove_events(self, record_id: str, events: Iterable[dict[str, Any]]) -> Record:
        """Take events added by :meth:`add_events` out again (undo); an event no longer in
        the timeline is passed over. Returns the record."""
        gone = list(events)

        def remove(record: Record) -> None:
            record.timeline = without_events(record.timeline, gone)

        return self._edit(record_id, remove)

    def set_outcome(self, record_id: str, outcome: str | None) -> Record:
        """Keep how the conversation about a deal-breaker ended ("resolved": the user stays
        in the process, no withdrawal is sent); HistoryError if the record does not allow
        it (see :func:`bowout.storage.schema.check_fields`)."""
        return self._edit(record_id, lambda record: record.negotiation.update(outcome=outcome))
