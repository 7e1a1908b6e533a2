"""A withdrawal's life, the one way the window and the command line both follow.

States, as :func:`state_of` names them (``bowout history list`` shows them):

``draft``     kept, editable: every field may change (:func:`save_draft`).
``sent``      :func:`mark_sent` happened, once. The message as it went out (subject,
              recipient, text, channel, time) is kept whole in the timeline's "message
              sent" event and never rewritten: a save that would change it is refused
              (:mod:`bowout.storage.lifecycle`); :func:`revise_sent` is the explicit way to
              change a sent record, and the sent version stays. :func:`undo_sent` is one step
              back to a draft (refused once a reply is kept). Follow-ups start here.
``replied``   a sent withdrawal with at least one reply received (:func:`record_reply`). A
              reply changes nothing that was sent; it is an event of the timeline, and it
              ticks off the "no answer yet" follow-up. A reply needs a sent message: one
              cannot answer what did not go out.
``resolved``  the conversation about a deal-breaker resolved it (:func:`mark_resolved`): the
              user stays in the process. Only the outcome and a note change; what was sent
              (the request to talk) stays; no withdrawal follows, so nothing is marked sent
              by it, and it is allowed only for a "try to resolve it first" record.

A call note (:func:`record_call_note`) may be kept at any state: a call can come before the
written message (the article's "call first, then write" for a rescinded offer).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from bowout.core.draft import REPLY_KINDS
from bowout.core.errors import InputError
from bowout.core.situation import Channel
from bowout.storage.fields import format_time
from bowout.storage.schema import MAX_TEXT_CHARS, later_than
from bowout.storage.timeline import REPLY_EVENTS, make_event

if TYPE_CHECKING:
    from bowout.storage import History, Record

#: The states a record can be in, as ``history list`` shows them (see the module docstring).
STATES = ("draft", "sent", "replied", "resolved")
#: The note kept in the timeline when a conversation resolved the deal-breaker.
RESOLVED_NOTE = "Resolved \u2014 stayed in the process; no withdrawal sent."


def state_of(record: Record) -> str:
    """Which of :data:`STATES` the record is in (derived from its status, outcome and
    timeline; nothing more is stored)."""
    if record.outcome == "resolved":
        return "resolved"
    if record.status != "sent":
        return "draft"
    if any(event["kind"] == "reply-received" for event in record.timeline):
        return "replied"
    return "sent"


def save_draft(history: History, record: Record) -> Record:
    """Keep a new record (no id yet) or the user's changes to a kept one; returns it as
    stored. A sent record's message may not change here (HistoryError; see
    :func:`revise_sent`); a record changed elsewhere meanwhile is kept beside it
    (:class:`~bowout.storage.conflicts.SaveConflict`)."""
    return history.update(record) if record.id else history.add(record)


def revise_sent(history: History, record: Record) -> Record:
    """Change a sent record on purpose: its fields take the new values, the message as it
    went out stays in the timeline, and a note says it was revised."""
    return history.update(record, revise_sent=True)


def mark_sent(history: History, record_id: str, when: dt.datetime | None = None) -> Record:
    """Mark a kept draft sent (now, or at ``when``), once; HistoryError when it already is."""
    return history.lifecycle.mark_sent(record_id, when)


def undo_sent(history: History, record_id: str) -> Record:
    """Back to a draft as one step (status, time and the kept message together)."""
    return history.lifecycle.undo_sent(record_id)


def record_reply(
    history: History,
    record_id: str,
    kind: str,
    *,
    text: str = "",
    when: dt.datetime | None = None,
    channel: str | None = None,
) -> Record:
    """Keep what they replied (``kind``: a key of :data:`~bowout.core.draft.REPLY_KINDS`,
    their words, the time, the channel: the record's by default) in the timeline.

    InputError for an unknown kind or channel, a reply to a record not sent, or a time
    before the message went out; HistoryError when the history cannot be saved.
    """
    if kind not in REPLY_KINDS:
        raise InputError(f"not a reply kind: {kind!r}; use one of {', '.join(REPLY_KINDS)}")
    record = history.get(record_id)
    if record.status != "sent" or not record.sent:
        raise InputError("this withdrawal is not marked sent; a reply answers a message sent")
    at = _at(when, after=record.sent, what="a reply")
    how = _channel(channel or record.channel)
    event = make_event("reply-received", at, how, _text(text), kind)
    return history.timeline.add_events(record.id, [event])


def record_call_note(
    history: History, record_id: str, text: str, when: dt.datetime | None = None
) -> Record:
    """Keep a note of a call (what was said) in the timeline, at ``when`` (default now).
    InputError for an empty note; HistoryError when the history cannot be saved."""
    if not text.strip():
        raise InputError("a call note needs its text: what was said")
    record = history.get(record_id)
    at = _at(when, after="", what="a call note")
    return history.timeline.add_events(
        record.id, [make_event("call-note", at, "phone", _text(text))]
    )


def mark_resolved(history: History, record_id: str, when: dt.datetime | None = None) -> Record:
    """The conversation resolved the deal-breaker: keep the outcome and its note in one save
    (HistoryError when the record was not a "try to resolve it first" one)."""
    record = history.get(record_id)
    stamp = format_time(when) if when else later_than(record.updated)
    note = make_event("note", stamp, record.channel, RESOLVED_NOTE)
    return history.timeline.set_outcome(record.id, "resolved", [note])


def timeline_event(
    kind: str, when: dt.datetime | str, channel: str, text: str = "", reply: str | None = None
) -> dict[str, Any]:
    """One timeline event (``kind``: a key of
    :data:`~bowout.storage.timeline.EVENT_KINDS` but "message-sent", which only
    :func:`mark_sent` writes), at ``when`` (an aware time, or a record time stamp)."""
    at = when if isinstance(when, str) else format_time(when)
    return make_event(kind, at, channel, text, reply)


def add_events(history: History, record_id: str, events: list[dict[str, Any]]) -> Record:
    """Add events made by :func:`timeline_event` (their reply, your answer, a note) in one
    save; :func:`take_back` removes them again (undo)."""
    return history.timeline.add_events(record_id, events)


def take_back(history: History, record_id: str, events: list[dict[str, Any]]) -> Record:
    """Undo :func:`add_events`: those events leave the timeline again, in one save."""
    return history.timeline.remove_events(record_id, events)


def answered(record: Record) -> bool:
    """Whether a reply is kept (received, or an answer sent)."""
    return any(event["kind"] in REPLY_EVENTS for event in record.timeline)


def _at(when: dt.datetime | None, *, after: str, what: str) -> str:
    stamp = format_time(when or dt.datetime.now(dt.timezone.utc))
    if after and stamp < after:
        raise InputError(f"{what} cannot come before the message went out ({after[:16]} UTC)")
    return stamp


def _channel(value: str) -> str:
    if value not in {c.value for c in Channel}:
        raise InputError(f"not a channel: {value!r}")
    return value


def _text(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"the text is longer than {MAX_TEXT_CHARS:,} characters")
    return text.strip()
