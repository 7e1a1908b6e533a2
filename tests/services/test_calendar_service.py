"""Exporting follow-ups to a calendar remembers what was written, so the next export
raises SEQUENCE on a change and cancels the items of a withdrawal deleted or resolved."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import icalendar
import orjson
import pytest
from ical.calendar_stream import IcsCalendarStream

from bowout.core import Composer, Profile, Reason, Situation, Stage
from bowout.core.calendar_export import ItemKind
from bowout.core.situation import DealBreaker, Kind
from bowout.services.calendar_export import export_follow_ups
from bowout.storage import History, Record

SENT = dt.datetime(2026, 11, 27, 10, tzinfo=dt.timezone.utc)  # a Friday
NOW = dt.datetime(2026, 11, 29, 9, tzinfo=dt.timezone.utc)


def sent(history: History, situation: Situation) -> str:
    record = history.add(Record.from_draft(Composer().compose(situation, Profile("Maya"))))
    return history.lifecycle.mark_sent(record.id, SENT).id


def statuses(path: Path) -> dict[str, tuple[str, int]]:
    """UID -> (STATUS, SEQUENCE), read by icalendar and checked against ical."""
    data = path.read_bytes()
    loose = {str(e["UID"]): (str(e["STATUS"]), int(e["SEQUENCE"]))
             for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}  # fmt: skip
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert {e.uid: (e.status.value if e.status else "", e.sequence) for e in strict.events} == loose
    return loose


def test_a_re_export_after_deleting_a_withdrawal_cancels_its_items(
    data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "follow-ups.ics"
    with History.open(data_dir) as history:
        keep = sent(history, Situation(stage=Stage.FINAL, company="Northwind"))
        gone = sent(history, Situation(stage=Stage.FINAL, company="Contoso"))
        first = export_follow_ups(history, target, reply_days=5, now=NOW)
        assert (first.written, first.cancelled) == (6, 0)
        before = statuses(target)
        assert set(before.values()) == {("CONFIRMED", 0)}
        history.delete(gone)
        again = export_follow_ups(history, target, reply_days=5, now=NOW)
    assert (again.written, again.cancelled) == (3, 3)
    after = statuses(target)
    assert set(after) == set(before)  # the same UIDs: the calendar updates them
    assert {after[u] for u in after if u.startswith(gone)} == {("CANCELLED", 1)}
    assert {after[u] for u in after if u.startswith(keep)} == {("CONFIRMED", 0)}
    # kept in the history file, beside the ticks (what a second copy of Bow Out reads too)
    stored = orjson.loads((data_dir / "history.json").read_bytes())["reminders"]
    assert stored[f"{gone}.references@bowout"]["calendar"]["event"]["status"] == "CANCELLED"
    with History.open(data_dir) as history:
        export_follow_ups(history, target, reply_days=5, now=NOW)
    assert statuses(target) == after  # stays cancelled, SEQUENCE unchanged


def test_a_resolved_withdrawal_and_a_change_both_reach_the_calendar(
    data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "follow-ups.ics"
    asked = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                      deal_breaker=DealBreaker.PAY, company="Contoso")  # fmt: skip
    with History.open(data_dir) as history:
        request = sent(history, asked)
        other = sent(history, Situation(stage=Stage.FINAL, company="Northwind"))
        export_follow_ups(history, target, reply_days=5, now=NOW)
        history.timeline.set_outcome(request, "resolved")
        history.reminders.set_done(f"{other}.references@bowout")
        export_follow_ups(history, target, reply_days=5, now=NOW)
    after = statuses(target)
    assert {after[u] for u in after if u.startswith(request)} == {("CANCELLED", 1)}
    assert after[f"{other}.references.event@bowout"] == ("CONFIRMED", 1)  # done: revised
    assert after[f"{other}.materials.event@bowout"] == ("CONFIRMED", 0)


def test_selected_items_and_tasks_keep_their_own_sequence(data_dir: Path, tmp_path: Path) -> None:
    with History.open(data_dir) as history:
        first = sent(history, Situation(stage=Stage.FINAL, company="Northwind"))
        sent(history, Situation(stage=Stage.FINAL, company="Contoso"))
        one = [r for r in history.reminders.due() if r.record_id == first][:1]
        done = export_follow_ups(history, tmp_path / "one.ics", reply_days=5, selected=one)
        assert (done.written, done.cancelled) == (1, 0)
        tasks = export_follow_ups(history, tmp_path / "t.ics", kind=ItemKind.TASK, reply_days=5)
        assert tasks.written == 6
        history.delete(first)
        export_follow_ups(history, tmp_path / "t.ics", kind=ItemKind.TASK, reply_days=5)
        events = history.reminders.calendar_exported(ItemKind.EVENT)
    assert list(events) == [one[0].uid]  # only what was written as events
    todos = IcsCalendarStream.calendar_from_ics((tmp_path / "t.ics").read_text("utf-8")).todos
    cancelled = {t.uid for t in todos if t.status and t.status.value == "CANCELLED"}
    assert cancelled == {f"{first}.{rule}@bowout" for rule in ("no-reply", "references",
                                                                "materials")}  # fmt: skip


def test_a_file_that_cannot_be_written_remembers_nothing(data_dir: Path, tmp_path: Path) -> None:
    with History.open(data_dir) as history:
        sent(history, Situation(stage=Stage.FINAL, company="Northwind"))
        with pytest.raises(OSError):
            export_follow_ups(history, tmp_path / "missing" / "x.ics", reply_days=5)
        assert history.reminders.calendar_exported(ItemKind.EVENT) == {}


def test_a_damaged_export_state_reads_as_never_exported(data_dir: Path, tmp_path: Path) -> None:
    with History.open(data_dir) as history:
        record_id = sent(history, Situation(stage=Stage.FINAL, company="Northwind"))
        export_follow_ups(history, tmp_path / "a.ics", reply_days=5)
    path = data_dir / "history.json"
    data = orjson.loads(path.read_bytes())
    data["reminders"][f"{record_id}.references@bowout"]["calendar"]["event"]["sequence"] = "x"
    path.write_bytes(orjson.dumps(data))
    with History.open(data_dir) as history:
        exported = history.reminders.calendar_exported(ItemKind.EVENT)
        history.reminders.set_done(f"{record_id}.materials@bowout")  # keeps the others' state
        assert set(history.reminders.calendar_exported(ItemKind.EVENT)) == set(exported)
    assert f"{record_id}.references@bowout" not in exported and len(exported) == 2


def test_the_services_never_import_qt() -> None:
    code = (
        "import sys, bowout.services.calendar_export, bowout.core.calendar_export\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr
