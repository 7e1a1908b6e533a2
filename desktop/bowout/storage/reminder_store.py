"""Which follow-ups the user ticked off, and the settle-by dates they set, in the history file.

The reminders themselves are computed from the sent records (:mod:`bowout.core.reminders`);
only what the user decided is stored: the ``reminders`` table (file format 2), one document
per reminder uid, ``{id, done, done_at, settle_by, calendar}``. A record's settle-by date
lives on its ``settle`` reminder, so the record itself (and its schema) is unchanged.
``calendar`` holds what was last written to a calendar file, by kind (``event``, ``task``):
the next export raises SEQUENCE when an item changed, and cancels the items whose
withdrawal is gone (:mod:`bowout.core.calendar_export`). A file without it reads as never
exported; an older Bow Out drops it, and the next export starts those items again at 0.
"""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from bowout.core import reminders as core
from bowout.core.calendar_export import CalendarEntry, ItemKind
from bowout.core.situation import DEFAULT_REPLY_DAYS
from bowout.storage.errors import HistoryError
from bowout.storage.fields import format_time
from bowout.storage.timeline import REPLY_EVENTS

if TYPE_CHECKING:
    from bowout.storage.historyfile import HistoryFile
    from bowout.storage.record_docs import RecordDocs

logger = logging.getLogger(__name__)

#: The longest reminder uid kept (a record id, a rule and "@bowout" are far shorter).
MAX_UID_CHARS = 200


@dataclasses.dataclass(frozen=True)
class ReminderState:
    """What the user decided about one reminder: ticked off (when, UTC ISO time), and for a
    ``settle`` reminder the date by which to repay or settle money received; and what was
    last exported of it to a calendar file, by kind (``calendar``: kind -> entry dict)."""

    uid: str
    done: bool = False
    done_at: str = ""
    settle_by: dt.date | None = None
    calendar: Mapping[str, Mapping[str, Any]] = dataclasses.field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The stored document (``settle_by`` as YYYY-MM-DD or null)."""
        doc = {"id": self.uid, "done": self.done, "done_at": self.done_at,
               "settle_by": self.settle_by.isoformat() if self.settle_by else None}  # fmt: skip
        if self.calendar:
            doc["calendar"] = {kind: dict(entry) for kind, entry in self.calendar.items()}
        return doc

    def exported(self, kind: ItemKind) -> CalendarEntry | None:
        """What was last written of this reminder as ``kind`` (None: never, or damaged)."""
        data = self.calendar.get(kind.value)
        if data is None:
            return None
        try:
            return CalendarEntry.from_dict(data)
        except (KeyError, TypeError, ValueError):
            logger.error("ignoring the damaged calendar export state of %r", self.uid)
            return None

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> ReminderState:
        """Read a stored document; a field of the wrong type reads as its default (one
        damaged tick must not hide the follow-ups)."""
        settle = doc.get("settle_by")
        try:
            settle_by = dt.date.fromisoformat(settle) if isinstance(settle, str) else None
        except ValueError:
            logger.error("ignoring the damaged settle-by date %r of %r", settle, doc.get("id"))
            settle_by = None
        done_at = doc.get("done_at")
        calendar = doc.get("calendar")
        kept = {kind: entry for kind, entry in calendar.items() if isinstance(entry, dict)} \
            if isinstance(calendar, dict) else {}  # fmt: skip
        return cls(str(doc["id"]), doc.get("done") is True,
                   done_at if isinstance(done_at, str) else "", settle_by, kept)  # fmt: skip


class ReminderStore:
    """The follow-ups of the sent records ``docs`` with what the user decided about them,
    kept in the ``reminders`` table of ``file`` (``History.reminders``)."""

    def __init__(self, file: HistoryFile, docs: RecordDocs) -> None:
        self._file = file
        self._docs = docs
        self._reminders = file.reminders

    def states(self) -> dict[str, ReminderState]:
        """Every stored reminder state, by reminder uid."""
        self._file.refresh()
        return {str(doc["id"]): ReminderState.from_dict(doc) for doc in self._reminders.all()}

    def set_done(
        self, uid: str, done: bool = True, when: dt.datetime | None = None
    ) -> ReminderState:
        """Tick a reminder off (``done``) or back on; saved once this returns.

        ``when``: the time it was done (default now, UTC). Raises HistoryError for an
        unusable uid or when the history cannot be saved.
        """
        _check_uid(uid)
        stamp = format_time(when or dt.datetime.now(dt.timezone.utc)) if done else ""
        with self._file.transaction():
            state = dataclasses.replace(self._state(uid), done=done, done_at=stamp)
            self._reminders.put_many({uid: state.to_dict()})
        return state

    def set_settle_by(self, record_id: str, when: dt.date | None) -> ReminderState:
        """Set (or clear, with None) the date to repay or settle money received for the
        withdrawal ``record_id``; saved once this returns. Raises HistoryError as above."""
        uid = core.reminder_uid(record_id, "settle")
        _check_uid(uid)
        with self._file.transaction():
            state = dataclasses.replace(self._state(uid), settle_by=when)
            self._reminders.put_many({uid: state.to_dict()})
        return state

    def due(self, reply_days: int = DEFAULT_REPLY_DAYS) -> builtins.list[core.Reminder]:
        """Every follow-up of every sent withdrawal, with the user's ticks and settle-by
        dates, earliest first. ``reply_days``: work days of silence before a follow-up (a
        setting, at least 1; ValueError below). Days count from the local calendar day the
        message was sent (:func:`~bowout.core.reminders.local_day`). A withdrawal whose
        conversation resolved it has none: nothing was withdrawn."""
        states = self.states()
        items: builtins.list[core.Reminder] = []
        for record in self._docs.newest_first():
            if record.status != "sent" or not record.sent or record.outcome == "resolved":
                continue
            try:
                sent = core.local_day(record.sent)
            except ValueError:
                logger.error("record %s has an unreadable sent time %r", record.id, record.sent)
                continue
            settle = states.get(core.reminder_uid(record.id, "settle"))
            found = core.reminders_for(
                record.id, record.situation(), sent,
                settle_by=settle.settle_by if settle else None, reply_days=reply_days,
                done=("no-reply",) if answered(record.timeline) else (),
            )  # fmt: skip
            items += [
                dataclasses.replace(r, done=r.done or (r.uid in states and states[r.uid].done))
                for r in found
            ]
        return sorted(items, key=lambda r: (r.due, r.company.casefold(), r.rule))

    def calendar_exported(self, kind: ItemKind) -> dict[str, CalendarEntry]:
        """What was last written to a calendar file as ``kind`` items, by reminder uid."""
        found: dict[str, CalendarEntry] = {}
        for uid, state in self.states().items():
            entry = state.exported(kind)
            if entry is not None:
                found[uid] = entry
        return found

    def set_calendar_exported(self, kind: ItemKind, entries: Iterable[CalendarEntry]) -> None:
        """Keep what was just written to a calendar file as ``kind`` items (one save), so
        the next export can tell what changed. Raises HistoryError as above."""
        entries = builtins.list(entries)
        for entry in entries:
            _check_uid(entry.reminder_uid)
        with self._file.transaction():
            changed: dict[str, dict[str, Any]] = {}
            for entry in entries:
                state = self._state(entry.reminder_uid)
                calendar = {**state.calendar, kind.value: entry.to_dict()}
                changed[entry.reminder_uid] = dataclasses.replace(
                    state, calendar=calendar
                ).to_dict()
            self._reminders.put_many(changed)

    def _state(self, uid: str) -> ReminderState:
        doc = self._reminders.get(uid)
        return ReminderState.from_dict(doc) if doc is not None else ReminderState(uid)


def answered(timeline: builtins.list[dict[str, Any]]) -> bool:
    """Whether the timeline holds a reply received or sent: they wrote back, or the
    follow-up for silence went out. Either way the "no reply" follow-up is done."""
    return any(event.get("kind") in REPLY_EVENTS for event in timeline)


def _check_uid(uid: object) -> None:
    if not isinstance(uid, str) or not uid.strip() or len(uid) > MAX_UID_CHARS:
        raise HistoryError(f"Not a follow-up's id: {uid!r}.")
