"""After the message: they replied, a call note, a conversation that resolved it.

Each adds events to the kept record's timeline in one save, through the use cases of
:mod:`bowout.services.records` (the command line's ``history reply|note`` call the same).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot

from bowout.core.errors import BowOutError

if TYPE_CHECKING:
    from bowout.core.draft import Reply
    from bowout.gui.dialogs.reply_dialog import ReplyEntry
    from bowout.gui.window.open_record import OpenRecord
    from bowout.gui.window.shared import WindowShared
    from bowout.storage.records import Record

logger = logging.getLogger(__name__)


class Timeline(QObject):
    """They replied…, Add a call note…, Resolved: no withdrawal — on the open record."""

    def __init__(
        self, shared: WindowShared, session: OpenRecord, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.feedback, self.ask = shared.context, shared.feedback, shared.ask
        self.events = shared.events
        self.session = session

    @Slot()
    def they_replied(self) -> None:
        """Note what they said back and draft the short answer; both join the timeline."""
        from bowout.gui.dialogs.reply_dialog import ReplyDialog

        record = self._sent_record("add what they replied")
        if record is None:
            return
        situation = record.situation()
        profile = self.context.settings.profile
        composer = self.context.composer

        def answer(kind: str) -> Reply:
            return composer.compose_reply(situation, profile, kind, subject=record.subject)

        now = self.ask.now()
        try:
            dialog = ReplyDialog(answer, channel=record.channel, sent=_day(record.sent),
                                 today=now.astimezone().date(), parent=self.ask.window)  # fmt: skip
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return
        while self.ask.run_dialog(dialog) == dialog.DialogCode.Accepted:
            entry = dialog.entry()
            done = "your answer" if entry.received is None else "their reply"
            if entry.received is not None and entry.answer_sent:
                done = "their reply and your answer"
            events = reply_events(entry, record.sent or "", now)
            if self._add_events(events, f"Added {done} to the timeline."):
                return
            # Not kept (the message is in the banner): the dialog comes back with the text.

    @Slot()
    def add_call_note(self) -> None:
        """Keep a note of a call (who, what was said) in the timeline."""
        from bowout.gui.dialogs.reply_dialog import NoteDialog

        record = self._record_to_change("add a call note")
        if record is None:
            return
        now = self.ask.now()
        start = _day(record.sent or record.created)
        dialog = NoteDialog(sent=start, today=now.astimezone().date(), parent=self.ask.window)
        from bowout.services.records import timeline_event  # storage waits for first use

        while self.ask.run_dialog(dialog) == dialog.DialogCode.Accepted:
            day, text = dialog.note()
            at = _stamp(day, now, floor=record.sent or "")
            event = timeline_event("call-note", at, "phone", text)
            if self._add_events([event], "Call note added."):
                return

    @Slot()
    def mark_resolved(self) -> None:
        """The conversation resolved it: keep the request, note the outcome, send nothing."""
        history = self.context.history
        if history is None or not self.session.save_to_history():
            return
        record = self.session.record
        if record is None:
            return
        from bowout.services import records

        try:  # the outcome and its note in one save
            when = max(self.ask.now(), _parse(record.updated) + dt.timedelta(microseconds=1))
            record = records.mark_resolved(history, record.id, when)
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return
        self.feedback.say("Kept as resolved: no withdrawal is sent.", 10000)
        self.session.set_record(record)
        self.events.publish(record.id)

    # -- internals ------------------------------------------------------------------------

    def _record_to_change(self, what: str) -> Record | None:
        record = self.session.record
        if self.context.history is None or record is None:
            self.feedback.error(f"Save this withdrawal to your history first; then {what}.")
            return None
        return record

    def _sent_record(self, what: str) -> Record | None:
        record = self._record_to_change(what)
        if record is not None and record.status != "sent":
            self.feedback.error(f"Mark the message as sent first; then {what}.")
            return None
        return record

    def _add_events(self, events: list[dict[str, Any]], message: str) -> bool:
        """Keep ``events`` in the open record's timeline; False (and the reason shown) when
        they could not be kept, so the dialog they came from can come back with its text."""
        history, record = self.context.history, self.session.record
        if history is None or record is None or not events:
            return True
        try:
            from bowout.services.records import add_events

            record = add_events(history, record.id, events)
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return False
        record_id = record.id
        self.feedback.say(message)
        self.feedback.offer(message, (
            ("undo_timeline_button", "&Undo", lambda: self.remove_events(record_id, events)),
            ("banner_dismiss", "Dismiss", self.feedback.dismiss),
        ))  # fmt: skip
        self.session.set_record(record)
        self.events.publish(record_id)
        return True

    def remove_events(self, record_id: str, events: list[dict[str, Any]]) -> None:
        """Undo: take the events just added out of the record's timeline again."""
        history = self.context.history
        self.feedback.dismiss()
        if history is None:
            return
        try:
            from bowout.services.records import take_back

            record = take_back(history, record_id, events)
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return
        self.feedback.say("Taken out of the timeline again.")
        open_now = self.session.record
        if open_now is not None and open_now.id == record_id:
            self.session.set_record(record)
        else:
            self.session.show_follow_up()
        self.events.publish(record_id)


def reply_events(entry: ReplyEntry, sent: str, now: dt.datetime) -> list[dict[str, Any]]:
    """The timeline events for a reply: theirs (at the day they replied, after the message
    was sent) and, when sent, the answer (now, after theirs). Written answers to a call go
    by email."""
    from bowout.services.records import timeline_event as make_event

    events = []
    floor = sent
    if entry.received is not None:
        at = _stamp(entry.received, now, floor=sent)
        events.append(
            make_event("reply-received", at, entry.channel, entry.their_words, entry.kind)
        )
        floor = at
    if entry.answer_sent:
        channel = "email" if entry.channel == "phone" else entry.channel
        answer = f"{entry.subject}\n\n{entry.answer}" if entry.subject else entry.answer
        at = _stamp(now.astimezone().date(), now, floor=floor)
        events.append(make_event("reply-sent", at, channel, answer.strip(), entry.kind))
    return events


def _stamp(day: dt.date, now: dt.datetime, *, floor: str) -> str:
    """A time stamp for something that happened on ``day`` (local): now if that is today,
    else noon; never before ``floor`` (a record time stamp)."""
    from bowout.services.when import stamp as format_time

    if day == now.astimezone().date():
        when = now
    else:
        when = dt.datetime.combine(day, dt.time(12)).astimezone()
    if floor and when <= _parse(floor):
        when = _parse(floor) + dt.timedelta(microseconds=1)
    return format_time(when)


def _parse(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp[:-1]).replace(tzinfo=dt.timezone.utc)


def _day(stamp: str | None) -> dt.date:
    """The local day of a record time stamp (today when there is none)."""
    if not stamp:
        return dt.date.today()
    return _parse(stamp).astimezone().date()
