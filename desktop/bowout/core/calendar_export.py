"""The follow-ups as a calendar file (RFC 5545, written with ``icalendar``): events or tasks.

Google Calendar, Outlook and Apple Calendar import events (VEVENT) and show nothing of
tasks (VTODO); Thunderbird and task apps that import iCalendar take tasks. So the default
is one all-day event per follow-up with a display alarm, and tasks are an option.

Every item keeps its UID from export to export; what was last exported is kept (see
:class:`CalendarEntry`), so the next export can raise SEQUENCE when an item changed
(RFC 5545 3.8.7.4: "incremented ... each time the Organizer makes a significant revision")
and mark STATUS:CANCELLED the items of a withdrawal that was deleted, resolved or no longer
sent. The file carries no METHOD: it is a snapshot to import, not a scheduling message
(RFC 5545 3.7.2: without METHOD "a scheduling transaction MUST NOT be assumed"); METHOD:CANCEL
(RFC 5546 3.2.5) would need an organizer and attendees and could hold nothing but
cancellations. STATUS:CANCELLED is valid in both VEVENT and VTODO (RFC 5545 3.8.1.11).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bowout.core.reminders import PRODID, Reminder

#: When the alarm rings, relative to the start of an all-day item (local midnight): 09:00
#: the day before. Outlook keeps one reminder as a time before the start (no positive
#: triggers), Apple Calendar offers "1 day before (9 AM)" for all-day events: both show it.
ALARM_BEFORE = dt.timedelta(hours=15)
#: Short names of the steps, for a SUMMARY that fits a month view's cell.
STEPS = {
    "no-reply": "follow up if there is no answer",
    "references": "tell your references",
    "materials": "refresh your CV and profiles",
    "plan": "plan around your move",
    "settle": "repay or settle money received",
}


class ItemKind(str, enum.Enum):
    """What each follow-up becomes: an all-day event (the default) or a task."""

    EVENT = "event"
    TASK = "task"


@dataclasses.dataclass(frozen=True)
class CalendarEntry:
    """One item as it is (or was last) written: enough to tell a change and to cancel it.

    ``reminder_uid`` is the follow-up's own uid (:func:`bowout.core.reminders.reminder_uid`);
    ``uid`` the calendar UID (a task keeps the reminder uid, so files written before events
    existed still update; an event gets its own, as a UID names one component). ``status``
    is an RFC 5545 3.8.1.11 value valid for the kind.
    """

    reminder_uid: str
    uid: str
    summary: str
    description: str
    due: dt.date
    status: str
    alarm: bool
    sequence: int = 0

    def content(self) -> tuple[Any, ...]:
        """Everything a calendar shows (SEQUENCE aside): a difference is a revision."""
        return (self.uid, self.summary, self.description, self.due, self.status, self.alarm)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``due`` as YYYY-MM-DD) for the history's reminders table."""
        data = dataclasses.asdict(self)
        data["due"] = self.due.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CalendarEntry:
        """Read what :meth:`to_dict` wrote; ValueError, KeyError or TypeError when damaged."""
        sequence = data["sequence"]
        if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
            raise ValueError(f"not a SEQUENCE: {sequence!r}")
        texts = ("reminder_uid", "uid", "summary", "description", "status")
        if not all(isinstance(data[k], str) for k in texts) or not isinstance(data["alarm"], bool):
            raise TypeError("a calendar entry's texts must be strings and alarm a boolean")
        return cls(
            reminder_uid=data["reminder_uid"],
            uid=data["uid"],
            summary=data["summary"],
            description=data["description"],
            due=dt.date.fromisoformat(data["due"]),
            status=data["status"],
            alarm=data["alarm"],
            sequence=sequence,
        )


def where_of(reminder: Reminder) -> str:
    """The withdrawal an item belongs to, as a SUMMARY names it: the company (and the role,
    so two roles at one company differ), else the role, else "no company named"."""
    if reminder.company and reminder.role:
        return f"{reminder.company} ({reminder.role})"
    return reminder.company or reminder.role or "no company named"


def summary_of(reminder: Reminder) -> str:
    """One line naming the company and the step: "Northwind: tell your references"."""
    step = STEPS.get(reminder.rule, reminder.title)
    return f"{where_of(reminder)}: {step}"


def entry_for(reminder: Reminder, kind: ItemKind) -> CalendarEntry:
    """What ``reminder`` becomes in a calendar of ``kind`` items (SEQUENCE 0).

    A task done is COMPLETED; an event has no such state, so a done one stays CONFIRMED
    with "Done:" in front and no alarm.
    """
    summary = summary_of(reminder)
    named = f" from {where_of(reminder)}" if reminder.company or reminder.role else ""
    description = f"{reminder.title}.\nA Bow Out follow-up of your withdrawal{named}."
    if kind is ItemKind.TASK:
        status = "COMPLETED" if reminder.done else "NEEDS-ACTION"
        uid = reminder.uid
    else:
        status = "CONFIRMED"
        uid = event_uid(reminder.uid)
        if reminder.done:
            summary = f"Done: {summary}"
    return CalendarEntry(reminder.uid, uid, summary, description, reminder.due, status,
                         alarm=not reminder.done)  # fmt: skip


def event_uid(reminder_uid: str) -> str:
    """The UID of a follow-up's event: ``R.rule@bowout`` becomes ``R.rule.event@bowout``."""
    local, _, domain = reminder_uid.rpartition("@")
    return f"{local}.event@{domain}" if local else f"{reminder_uid}.event"


def plan_export(
    reminders: Iterable[Reminder],
    kind: ItemKind,
    previous: Mapping[str, CalendarEntry],
    *,
    cancel_missing: bool = True,
) -> list[CalendarEntry]:
    """The items to write, with their SEQUENCE: the last one exported when nothing changed,
    one more when something did (0 when never exported).

    ``previous``: what was last exported as ``kind``, by reminder uid. With
    ``cancel_missing`` (a full export), an item exported before whose follow-up is gone
    (its withdrawal deleted, resolved or no longer sent) comes back STATUS:CANCELLED, its
    SEQUENCE raised once, and stays cancelled on later exports.
    """
    planned: list[CalendarEntry] = []
    present: set[str] = set()
    for reminder in reminders:
        present.add(reminder.uid)
        planned.append(_revision(entry_for(reminder, kind), previous.get(reminder.uid)))
    if cancel_missing:
        for reminder_uid, before in sorted(previous.items()):
            if reminder_uid not in present:
                planned.append(_revision(cancelled(before), before))
    return planned


def cancelled(entry: CalendarEntry) -> CalendarEntry:
    """``entry`` called off: STATUS:CANCELLED, "Cancelled:" in front (calendars that keep a
    cancelled item on show draw it like any other), no alarm."""
    if entry.status == "CANCELLED":
        return entry
    return dataclasses.replace(entry, summary=f"Cancelled: {entry.summary}",
                               status="CANCELLED", alarm=False)  # fmt: skip


def _revision(entry: CalendarEntry, before: CalendarEntry | None) -> CalendarEntry:
    if before is None:
        return entry
    changed = entry.content() != before.content()
    return dataclasses.replace(entry, sequence=before.sequence + (1 if changed else 0))


def to_ics(entries: Sequence[CalendarEntry], kind: ItemKind, stamp: dt.datetime) -> bytes:
    """The calendar file: one all-day VEVENT (DTSTART, DTEND the next day, TRANSP free) or
    one VTODO (DUE) per entry, each with SEQUENCE, STATUS and, unless done or cancelled, a
    display VALARM at 09:00 the day before.

    ``stamp``: when the file is written (DTSTAMP, RFC 5545 3.8.7.2), timezone-aware;
    ValueError when naive.
    """
    from icalendar import Alarm, Calendar, Event, Todo

    if stamp.tzinfo is None:
        raise ValueError("the DTSTAMP must be timezone-aware")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Bow Out follow-ups")  # the name Apple and Google show
    for entry in entries:
        item: Event | Todo = Event() if kind is ItemKind.EVENT else Todo()
        item.add("uid", entry.uid)
        item.add("dtstamp", stamp)
        item.add("sequence", entry.sequence)
        item.add("summary", entry.summary)
        item.add("description", entry.description)
        if kind is ItemKind.EVENT:
            item.add("dtstart", entry.due)
            item.add("dtend", entry.due + dt.timedelta(days=1))  # DTEND is exclusive
            item.add("transp", "TRANSPARENT")  # a reminder, not busy time
        else:
            item.add("due", entry.due)
        item.add("status", entry.status)
        item.add("categories", ["Bow Out"])
        if entry.alarm:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", entry.summary)
            # A task's alarm is relative to DUE (RELATED=END): it has no DTSTART.
            related = {} if kind is ItemKind.EVENT else {"related": "END"}
            alarm.add("trigger", -ALARM_BEFORE, parameters=related)
            item.add_component(alarm)
        calendar.add_component(item)
    return bytes(calendar.to_ical())
