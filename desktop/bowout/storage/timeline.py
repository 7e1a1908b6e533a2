"""A record's timeline: what was sent, said on the phone and written back, oldest first.

Each event is a dict with exactly :data:`EVENT_KEYS`:

``at``       when it happened, a UTC record time stamp (``2026-11-29T09:00:00.000000Z``)
``kind``     one of :data:`EVENT_KINDS`
``channel``  how it happened: one of the record channels (email, phone, recruiter, linkedin)
``reply``    for ``reply-received`` and ``reply-sent``: what they said, a key of
             :data:`bowout.core.draft.REPLY_KINDS`; ``None`` for every other kind
``text``     the message, their words, or a short note ("" when there is none)

Schema 3 (see :mod:`bowout.storage.schema`) brought the timeline; the issue that asked for
it is "The record is a timeline" (issue 14, item 5).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bowout.core.draft import REPLY_KINDS
from bowout.core.situation import Channel
from bowout.storage.errors import HistoryError

#: Every kind of event, in the words the window and ``bowout history show`` use.
EVENT_KINDS = {
    "message-sent": "Message sent",
    "call-note": "Call note",
    "reply-received": "Reply received",
    "reply-sent": "Reply sent",
    "note": "Note",
}
#: Events that answer (or are) what the other side wrote back: they name a reply kind.
REPLY_EVENTS = frozenset({"reply-received", "reply-sent"})
EVENT_KEYS = ("at", "kind", "channel", "reply", "text")
#: Longest text of one event (a pasted reply, an answer): as long as a record's message.
MAX_EVENT_CHARS = 200_000
#: Most events one record keeps: far beyond any conversation, short of a runaway import.
MAX_EVENTS = 1_000

_KEYSET = frozenset(EVENT_KEYS)
_CHANNELS = frozenset(c.value for c in Channel)


def make_event(
    kind: str, at: str, channel: str, text: str = "", reply: str | None = None
) -> dict[str, Any]:
    """One timeline event as stored; :func:`check_timeline` validates it with the record."""
    return {"at": at, "kind": kind, "channel": channel, "reply": reply, "text": text}


def derived_timeline(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The timeline of a record saved before timelines (schema 1 or 2).

    A sent record gets its "message sent" event at its ``sent`` time, on its channel, with
    its subject as the text; a draft has no events. Values are not checked here: a broken
    record fails :func:`check_timeline` or the record's own checks with a clear message.
    """
    sent = data.get("sent")
    if data.get("status") != "sent" or not isinstance(sent, str) or not sent:
        return []
    subject = data.get("subject")
    return [make_event("message-sent", sent, str(data.get("channel")),
                       subject if isinstance(subject, str) else "")]  # fmt: skip


def insert_event(timeline: list[dict[str, Any]], event: dict[str, Any]) -> list[dict[str, Any]]:
    """A new list with ``event`` after every event at or before its time (oldest first)."""
    position = len(timeline)
    while position and str(timeline[position - 1]["at"]) > str(event["at"]):
        position -= 1
    return [*timeline[:position], dict(event), *timeline[position:]]


def without_events(
    timeline: list[dict[str, Any]], events: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """A new list without one equal copy of each of ``events`` (those missing are ignored)."""
    kept = [dict(event) for event in timeline]
    for event in events:
        if event in kept:
            kept.remove(event)
    return kept


def check_timeline(value: object) -> None:
    """Raise HistoryError naming the first event and field that is wrong.

    A timeline is a list of at most :data:`MAX_EVENTS` events, oldest first, each with
    exactly :data:`EVENT_KEYS` (see the module docstring for their values).
    """
    from bowout.storage.fields import check_text, check_time
    from bowout.storage.newer import check_value

    if not isinstance(value, list):
        raise HistoryError("timeline must be a list")
    if len(value) > MAX_EVENTS:
        raise HistoryError(f"timeline must have at most {MAX_EVENTS:,} events, not {len(value):,}")
    previous = ""
    for number, event in enumerate(value, start=1):
        where = f"timeline event {number}"
        if not isinstance(event, dict) or event.keys() != _KEYSET:
            raise HistoryError(f"{where} must have exactly {', '.join(EVENT_KEYS)}")
        check_time(event["at"], f"{where} at")
        kind = event["kind"]
        if kind not in EVENT_KINDS:
            raise HistoryError(f"{where} kind must be one of {', '.join(EVENT_KINDS)}: {kind!r}")
        if event["channel"] not in _CHANNELS:
            raise HistoryError(
                f"{where} channel must be one of {', '.join(sorted(_CHANNELS))}: "
                f"{event['channel']!r}"
            )
        reply = event["reply"]
        if kind in REPLY_EVENTS:  # a newer version's reply kind is kept as it is
            check_value(reply, frozenset(REPLY_KINDS), f"{where} reply")
        if kind not in REPLY_EVENTS and reply is not None:
            raise HistoryError(f"{where} reply must be null for a {kind} event")
        check_text(event["text"], f"{where} text", MAX_EVENT_CHARS, multiline=True)
        at = _sortable(event["at"])
        if at < previous:
            raise HistoryError(f"{where} is earlier than the one before it (oldest first)")
        previous = at


def canonical_timeline(timeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A copy of a checked timeline with every time in the one sortable form."""
    from bowout.storage.fields import canonical_time

    return [{**event, "at": canonical_time(event["at"])} for event in timeline]


def _sortable(value: str) -> str:
    """A checked time stamp as text that sorts in time order (fractions vary in length)."""
    when = dt.datetime.fromisoformat(value[:-1])
    return when.strftime("%Y-%m-%dT%H:%M:%S.%f")
