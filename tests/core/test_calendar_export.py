"""The follow-ups as a calendar file: events with an alarm by default, tasks as an option,
stable UIDs, SEQUENCE raised on change, cancelled when the withdrawal is gone.

Every file is read back by two parsers written apart: ``icalendar`` (which writes it) and
``ical`` (a strict, pydantic-validated RFC 5545 reader), so a mistake that icalendar makes
on both sides still shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from bowout.core.calendar_export import (
    CalendarEntry,
    ItemKind,
    entry_for,
    event_uid,
    plan_export,
    summary_of,
    to_ics,
)
from bowout.core.reminders import Reminder, reminders_for
from bowout.core.situation import Money, Reason, Situation, Stage

SENT = dt.date(2026, 11, 27)  # a Friday
STAMP = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.timezone.utc)


def eleven() -> list[Reminder]:
    """Eleven follow-ups of three withdrawals (the issue's eleven tasks with one SUMMARY)."""
    northwind = Situation(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, company="Northwind",
                          signing_bonus=Money.PAID)  # fmt: skip
    items = reminders_for("a", northwind, SENT)
    items += reminders_for("b", Situation(stage=Stage.FINAL, company="Contoso"), SENT)
    items += reminders_for("c", Situation(stage=Stage.OFFER, company="Contoso", role="Analyst"),
                           SENT, done=["references"])  # fmt: skip
    assert len(items) == 11
    return items


def write(items: list[Reminder], kind: ItemKind = ItemKind.EVENT) -> bytes:
    return to_ics(plan_export(items, kind, {}), kind, STAMP)


def test_events_with_an_alarm_by_default_read_by_both_parsers() -> None:
    items = eleven()
    data = write(items)
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 11 and not icalendar.Calendar.from_ical(data).walk("VTODO")
    by_uid = {str(e["UID"]): e for e in events}
    first = by_uid["a.no-reply.event@bowout"]
    assert first.decoded("DTSTART") == dt.date(2026, 12, 4)  # all day: a DATE
    assert first.decoded("DTEND") == dt.date(2026, 12, 5)
    assert str(first["TRANSP"]) == "TRANSPARENT" and int(first["SEQUENCE"]) == 0
    [alarm] = first.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == -dt.timedelta(hours=15)
    assert "METHOD" not in icalendar.Calendar.from_ical(data)  # a snapshot to import

    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert len(strict.events) == 11 and not strict.todos
    for event in strict.events:
        assert isinstance(event.dtstart, dt.date) and not isinstance(event.dtstart, dt.datetime)
        assert event.dtend == event.dtstart + dt.timedelta(days=1)
        done = event.summary.startswith("Done: ")
        assert len(event.alarm) == (0 if done else 1)
        assert all(a.trigger == -dt.timedelta(hours=15) for a in event.alarm)
    assert [e.summary for e in strict.events if e.summary.startswith("Done: ")] == [
        "Done: Contoso (Analyst): tell your references"
    ]


def test_one_summary_per_item_naming_company_and_step() -> None:
    items = eleven()
    strict = IcsCalendarStream.calendar_from_ics(write(items).decode("utf-8"))
    summaries = [e.summary for e in strict.events]
    assert len(set(summaries)) == 11, summaries
    assert "Northwind: plan around your move" in summaries
    assert "Contoso: tell your references" in summaries
    assert all(s.removeprefix("Done: ").startswith(("Northwind: ", "Contoso: ", "Contoso ("))
               for s in summaries)  # fmt: skip
    nameless = reminders_for("d", Situation(stage=Stage.OFFER), SENT)[0]
    assert summary_of(nameless) == "no company named: follow up if there is no answer"


def test_tasks_as_an_option_keep_the_old_uids() -> None:
    items = eleven()
    data = write(items, ItemKind.TASK)
    todos = icalendar.Calendar.from_ical(data).walk("VTODO")
    assert {str(t["UID"]) for t in todos} == {r.uid for r in items}  # as before events
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert len(strict.todos) == 11 and not strict.events
    status = {t.uid: t.status.value for t in strict.todos}
    assert status["c.references@bowout"] == "COMPLETED"
    assert status["a.no-reply@bowout"] == "NEEDS-ACTION"
    nudge = next(t for t in strict.todos if t.uid == "a.no-reply@bowout")
    assert nudge.due == dt.date(2026, 12, 4) and len(nudge.alarms) == 1
    assert "TRIGGER;RELATED=END:-PT15H" in data.decode("utf-8")  # before DUE: no DTSTART


def test_sequence_rises_only_on_change_and_a_gone_withdrawal_is_cancelled() -> None:
    items = eleven()
    kind = ItemKind.EVENT
    first = plan_export(items, kind, {})
    kept = {e.reminder_uid: e for e in first}
    assert plan_export(items, kind, kept) == first  # nothing changed: same SEQUENCE
    moved = [dataclasses.replace(r, due=r.due + dt.timedelta(days=1)) if r.uid == "a.plan@bowout"
             else r for r in items]  # fmt: skip
    second = {e.reminder_uid: e for e in plan_export(moved, kind, kept)}
    assert second["a.plan@bowout"].sequence == 1 and second["a.materials@bowout"].sequence == 0

    without_b = [r for r in moved if r.record_id != "b"]
    third = plan_export(without_b, kind, second)
    gone = [e for e in third if e.reminder_uid.startswith("b.")]
    assert len(gone) == 3 and all(e.status == "CANCELLED" and e.sequence == 1 for e in gone)
    assert all(e.summary.startswith("Cancelled: Contoso") and not e.alarm for e in gone)
    fourth = plan_export(without_b, kind, {e.reminder_uid: e for e in third})
    assert [e for e in fourth if e.reminder_uid.startswith("b.")] == gone  # stays cancelled

    data = to_ics(third, kind, STAMP)
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        if str(event["UID"]).startswith("b."):
            assert str(event["STATUS"]) == "CANCELLED" and not event.walk("VALARM")
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    cancelled = [e for e in strict.events if e.status and e.status.value == "CANCELLED"]
    assert {e.uid for e in cancelled} == {event_uid(e.reminder_uid) for e in gone}
    assert {e.sequence for e in cancelled} == {1}


def test_a_cancelled_task_is_cancelled_for_task_apps() -> None:
    items = eleven()
    kept = {e.reminder_uid: e for e in plan_export(items, ItemKind.TASK, {})}
    planned = plan_export([r for r in items if r.record_id != "a"], ItemKind.TASK, kept)
    strict = IcsCalendarStream.calendar_from_ics(
        to_ics(planned, ItemKind.TASK, STAMP).decode("utf-8")
    )
    status = {t.uid: (t.status.value, t.sequence) for t in strict.todos}
    assert status["a.settle@bowout"] == ("CANCELLED", 1)
    assert status["b.references@bowout"] == ("NEEDS-ACTION", 0)


def test_the_export_state_round_trips_and_rejects_damage() -> None:
    entry = entry_for(eleven()[0], ItemKind.EVENT)
    assert CalendarEntry.from_dict(entry.to_dict()) == entry
    for bad in ({"sequence": -1}, {"sequence": True}, {"alarm": "yes"}, {"due": "soon"}):
        with pytest.raises((ValueError, TypeError)):
            CalendarEntry.from_dict({**entry.to_dict(), **bad})
    with pytest.raises(ValueError, match="aware"):
        to_ics([entry], ItemKind.EVENT, dt.datetime(2026, 1, 1))
