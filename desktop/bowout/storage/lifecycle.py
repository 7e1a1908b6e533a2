"""A record's life as the storage enforces it: a draft is editable; sent happens once.

The rules (README, "A withdrawal's life"; issue 20, "One lifecycle, enforced below the
window"):

- **Draft**: every field may change (``History.update``).
- **Sent** (:meth:`Lifecycle.mark_sent`, once): the record's timeline gains a "message sent"
  event holding the message as it went out (see :func:`sent_event_text`: subject, recipient
  and text; the event's own time and channel are the time and channel it went out). From
  then on an update may not change :data:`SENT_FIELDS` nor any "message sent" event: that is
  a HistoryError, the user's error, and nothing is saved.
- **Revised after sending** is an explicit act (``History.update(record, revise_sent=True)``):
  the subject, text, recipient or channel may change, the "message sent" event keeps the
  version that went out, and a note says the record was revised.
- **Undo sent** (:meth:`Lifecycle.undo_sent`) is one step back to a draft: status, sent time
  and the "message sent" event go together. It is refused once a reply is recorded (a reply
  answers something that went out).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from bowout.storage.applications import OPEN, WITHDRAWN
from bowout.storage.errors import HistoryError
from bowout.storage.fields import format_time
from bowout.storage.records import Record
from bowout.storage.schema import later_than
from bowout.storage.timeline import REPLY_EVENTS, insert_event, make_event

if TYPE_CHECKING:
    from bowout.storage.record_docs import RecordDocs

#: The kind of the timeline event that keeps what went out.
SENT_EVENT = "message-sent"
#: What an update may not change once a record is sent: what went out, to whom, how, when.
SENT_FIELDS = ("status", "sent", "subject", "body_text", "channel", "contact", "contact_email",
               "recruiter", "language", "address")  # fmt: skip
#: The note a revision after sending leaves in the timeline.
REVISED_NOTE = "Revised after sending; the message as sent is kept in the timeline."


@dataclasses.dataclass(frozen=True)
class SentMessage:
    """A message as it went out: when (a record time stamp), how (a channel identifier),
    the subject, the recipient ("" when not named), the plain text ("" for an event kept
    before issue 20 kept the text: those held the subject only) and the language it was
    written in (a language pack's name)."""

    at: str
    channel: str
    subject: str
    to: str
    text: str
    language: str = "en"


def recipient(record: Record) -> str:
    """Who the message went to: the recruiter on the recruiter channel, else the contact
    with their address (``Jordan Lee <jordan@example.com>``); "" when nobody is named."""
    if record.channel == "recruiter" and record.recruiter:
        return record.recruiter
    if record.contact and record.contact_email:
        return f"{record.contact} <{record.contact_email}>"
    return record.contact or record.contact_email


def sent_event_text(record: Record) -> str:
    """The text of a "message sent" event: header lines as in an email (RFC 5322 style:
    ``Subject:``, then ``To:`` when someone is named, then ``Content-Language:`` (RFC
    3282) for a message not in English), a blank line, then the text."""
    lines = [f"Subject: {record.subject}"]
    to = recipient(record)
    if to:
        lines.append(f"To: {to}")
    if record.language != "en":
        lines.append(f"Content-Language: {record.language}")
    return "\n".join(lines) + "\n\n" + record.body_text


def sent_messages(record: Record) -> list[SentMessage]:
    """Every message the record's timeline says went out, oldest first."""
    found = []
    for event in record.timeline:
        if event.get("kind") != SENT_EVENT:
            continue
        text = str(event.get("text", ""))
        subject, to, body, language = text, "", "", "en"
        if text.startswith("Subject: "):
            head, _, body = text.partition("\n\n")
            fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
            subject, to = fields.get("Subject", ""), fields.get("To", "")
            language = fields.get("Content-Language", "en")
        found.append(
            SentMessage(str(event["at"]), str(event["channel"]), subject, to, body, language)
        )
    return found


def check_update(old: Record, new: Record, *, revise_sent: bool) -> Record:
    """The record to store when ``new`` replaces the stored ``old``; HistoryError when the
    change would rewrite what was sent (see the module docstring)."""
    if new.status != old.status or new.sent != old.sent:
        verb = "mark it sent" if new.status == "sent" else "undo sent"
        raise HistoryError(f"A save cannot change whether a withdrawal was sent; {verb} instead.")
    if _sent_events(new.timeline) != _sent_events(old.timeline):
        raise HistoryError("The message as sent is kept as it went out; it cannot be changed.")
    if old.status != "sent":
        return new
    changed = [name for name in SENT_FIELDS if getattr(new, name) != getattr(old, name)]
    if not changed:
        return new
    if not revise_sent:
        raise HistoryError(
            f"This withdrawal was sent on {old.sent[:10] if old.sent else '?'}: its "
            f"{', '.join(changed).replace('_', ' ')} stay as they went out. To change them, "
            "revise it explicitly (the sent version is kept), or duplicate it."
        )
    at = later_than(str(new.timeline[-1]["at"])) if new.timeline else later_than("")
    new.timeline = insert_event(new.timeline, make_event("note", at, new.channel, REVISED_NOTE))
    return new


def rewrites_sent(old: Record, new: Record) -> bool:
    """Would ``new`` replacing ``old`` change what was sent (see the module docstring)?"""
    if old.status != "sent":
        return False
    if _sent_events(new.timeline) != _sent_events(old.timeline):
        return True
    return any(getattr(new, name) != getattr(old, name) for name in SENT_FIELDS)


class Lifecycle:
    """A record's sending steps (``History.lifecycle``); each is one locked, durable save
    of the records ``docs``. An application the record was drafted for follows in the same
    save: marked sent, it is withdrawn; undone, it is open again (unless another of its
    withdrawals went out)."""

    def __init__(self, docs: RecordDocs) -> None:
        self._docs = docs
        self._file = docs.file

    def mark_sent(self, record_id: str, when: dt.datetime | None = None) -> Record:
        """Mark a draft as sent (now, or at ``when``) and keep the message as it went out in
        the timeline's "message sent" event; HistoryError when it is already sent."""
        stamp = format_time(when or dt.datetime.now(dt.timezone.utc))

        def send(record: Record) -> None:
            if record.status == "sent":
                raise HistoryError(
                    f"This withdrawal was already marked sent on {str(record.sent)[:10]}; "
                    "undo that first to mark it again."
                )
            record.status, record.sent = "sent", stamp
            event = make_event(SENT_EVENT, stamp, record.channel, sent_event_text(record))
            record.timeline = insert_event(record.timeline, event)
            self._follow_applications(record.id, sent=True)

        return self._docs.edit(record_id, send)

    def undo_sent(self, record_id: str) -> Record:
        """Back to a draft in one step: status, sent time and the "message sent" event of
        that sending go together. HistoryError when it is not sent, or a reply is kept."""

        def undo(record: Record) -> None:
            if record.status != "sent":
                raise HistoryError("This withdrawal is not marked sent; there is nothing to undo.")
            if any(event["kind"] in REPLY_EVENTS for event in record.timeline):
                raise HistoryError(
                    "A reply to this withdrawal is kept, so it went out; take the reply "
                    "out of its timeline first to undo sent."
                )
            sent_at = record.sent
            record.status, record.sent = "draft", None
            record.timeline = [
                event for event in record.timeline
                if not (event["kind"] == SENT_EVENT and event["at"] == sent_at)
            ]  # fmt: skip
            self._follow_applications(record.id, sent=False)

        return self._docs.edit(record_id, undo)

    def _follow_applications(self, record_id: str, *, sent: bool) -> None:
        """Inside the transaction: the applications linked to ``record_id`` follow it."""
        for doc in self._file.applications.all():
            linked = doc.get("record_ids") or []
            if record_id not in linked:
                continue
            others_sent = any(
                (self._file.records.get(other) or {}).get("status") == "sent"
                for other in linked if other != record_id
            )  # fmt: skip
            if sent and doc.get("state") == OPEN:
                state = WITHDRAWN
            elif not sent and doc.get("state") == WITHDRAWN and not others_sent:
                state = OPEN
            else:
                continue
            updated = later_than(str(doc.get("updated") or ""))
            changed = {**doc, "state": state, "updated": updated}
            self._file.applications.replace(str(doc["id"]), changed)


def _sent_events(timeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [event for event in timeline if event.get("kind") == SENT_EVENT]
