"""``bowout reminders list|export``: the follow-ups of sent withdrawals, offline."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from cli_helpers import run

import bowout
from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.situation import Money, Reason
from bowout.storage import History, Record


def sent_record(data_dir: Path, company: str, **facts: object) -> str:
    situation = Situation(stage=Stage.ACCEPTED, company=company, **facts)  # type: ignore[arg-type]
    draft = Composer().compose(situation, Profile("Maya"))
    with History.open(data_dir) as history:
        record = history.add(Record.from_draft(draft))
        when = dt.datetime(2026, 11, 27, 10, tzinfo=dt.timezone.utc)
        return history.lifecycle.mark_sent(record.id, when).id


def test_list_shows_sent_withdrawals_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "list")
    assert code == 0 and "Nothing coming up" in out
    sent_record(tmp_path, "Northwind", reason=Reason.RELOCATION, signing_bonus=Money.PAID)
    with History.open(tmp_path) as history:  # a draft never sent has no follow-ups
        history.add(Record.from_draft(Composer().compose(
            Situation(stage=Stage.OFFER, company="Contoso"), Profile())))  # fmt: skip
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "list", "--json")
    items = json.loads(out)
    assert code == 0 and {i["rule"] for i in items} == {
        "no-reply", "references", "materials", "plan", "settle",
    }  # fmt: skip
    assert all("Contoso" not in i["title"] for i in items)
    assert [i["due"] for i in items] == sorted(i["due"] for i in items)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "list")
    assert out.splitlines()[0].startswith(items[0]["due"]) and "Northwind" in out


def test_export_writes_private_events_that_update_and_cancel_on_re_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record_id = sent_record(tmp_path, "Northwind")
    other = sent_record(tmp_path, "Contoso")
    target = tmp_path / "follow-ups.ics"
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "export", str(target))
    assert code == 0 and "6 follow-up event(s) written" in out
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert not calendar.walk("VTODO")
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert f"{record_id}.references.event@bowout" in events
    assert all(len(e.walk("VALARM")) == 1 for e in events.values())
    with History.open(tmp_path) as history:
        history.delete(other)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "export", str(target))
    assert code == 0 and "3 follow-up event(s) written" in out and "3 cancelled" in out
    again = {
        str(e["UID"]): e for e in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    }
    assert set(again) == set(events)
    gone = [e for uid, e in again.items() if uid.startswith(other)]
    assert [(str(e["STATUS"]), int(e["SEQUENCE"])) for e in gone] == [("CANCELLED", 1)] * 3
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "reminders", "export",
                       str(tmp_path / "x.txt"))  # fmt: skip
    assert code == 2 and "ends in .ics" in err


def test_export_tasks_for_thunderbird_and_task_apps(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record_id = sent_record(tmp_path, "Northwind")
    target = tmp_path / "tasks.ics"
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "export", "--tasks",
                       str(target))  # fmt: skip
    assert code == 0 and "3 follow-up task(s) written" in out
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert not calendar.walk("VEVENT")
    assert f"{record_id}.references@bowout" in {str(t["UID"]) for t in calendar.walk("VTODO")}
    code, out, _ = run(capsys, "reminders", "export", "--help")
    assert code == 0 and "Thunderbird" in out and "Outlook" in out


def test_follow_ups_count_from_the_local_day_the_message_was_sent(tmp_path: Path) -> None:
    """Monday 08:00 in Tokyo is Sunday 23:00 UTC: the follow-ups count from Monday.
    The time zone is the child process's own (``TZ``, a POSIX rule Windows' C runtime
    reads too)."""
    with History.open(tmp_path) as history:
        draft = Composer().compose(Situation(stage=Stage.FINAL, company="Sakura"), Profile())
        record = history.add(Record.from_draft(draft))
        history.lifecycle.mark_sent(
            record.id, dt.datetime(2026, 11, 29, 23, tzinfo=dt.timezone.utc)
        )

    def due_in(tz: str) -> dict[str, str]:
        source = str(Path(bowout.__file__).parents[1])  # this checkout's code, not another
        env = {**os.environ, "TZ": tz, "PYTHONPATH": source}
        result = subprocess.run(
            [sys.executable, "-m", "bowout", "--data-dir", str(tmp_path), "reminders", "list",
             "--json"], capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        return {i["rule"]: i["due"] for i in json.loads(result.stdout)}

    tokyo = due_in("JST-9")
    assert tokyo["no-reply"] == "2026-12-07"  # Monday 30 Nov + 5 work days: Monday
    assert tokyo["references"] == "2026-12-14"  # Monday + 14 days
    london = due_in("UTC0")
    assert london["no-reply"] == "2026-12-04" and london["references"] == "2026-12-13"


def test_done_hides_a_follow_up_until_all_is_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record_id = sent_record(tmp_path, "Northwind")
    uid = f"{record_id}.references@bowout"
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "done", uid)
    assert code == 0 and out.strip() == f"{uid} done"
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "list", "--json")
    assert uid not in {i["uid"] for i in json.loads(out)} and len(json.loads(out)) == 2
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "list", "--all", "--json")
    assert {i["uid"]: i["done"] for i in json.loads(out)}[uid] is True
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "list", "--all")
    assert "[x] Tell your references the Northwind application is closed\n" in out
    assert "Refresh your CV, LinkedIn profile and job tracker (Northwind)" in out
    target = tmp_path / "follow-ups.ics"
    run(capsys, "--data-dir", str(tmp_path), "reminders", "export", "--tasks", str(target))
    todos = icalendar.Calendar.from_ical(target.read_bytes()).walk("VTODO")
    assert {str(t["UID"]): str(t["STATUS"]) for t in todos}[uid] == "COMPLETED"
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "done", "--undo", uid)
    assert code == 0 and "back on the list" in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "list", "--json")
    assert uid in {i["uid"] for i in json.loads(out)}


def test_done_with_an_unknown_uid_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sent_record(tmp_path, "Northwind")
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "reminders", "done", "nope@bowout")
    assert code == 2 and err.count("\n") == 1 and "no follow-up has the UID" in err
    with History.open(tmp_path) as history:
        assert history.reminders.states() == {}  # nothing stored for a uid that is not one


def test_list_follows_the_reply_days_setting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from bowout.settings import Settings, save_settings

    sent_record(tmp_path, "Northwind")  # sent on Friday 27 November
    save_settings(tmp_path, Settings(reply_days=2))
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "reminders", "list", "--json")
    assert code == 0
    assert {i["rule"]: i["due"] for i in json.loads(out)}["no-reply"] == "2026-12-01"
