"""The export that moves all of a user's data to another computer, and its import: records,
applications, follow-up ticks, settle-by dates and CSV column mappings (issue 23)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest
from storage_helpers import make_record

from bowout.core.applications import Application
from bowout.core.situation import Money
from bowout.storage import History, HistoryError, ImportMapping

SENT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.timezone.utc)
MAPPING = ImportMapping(("Employer", "Job"), {"Employer": "company", "Job": "role"})


def fill(history: History) -> str:
    record = history.add(make_record("Northwind"))
    record.visa["signing_bonus"] = Money.PAID.value  # money to settle: a settle-by date
    history.update(record)
    record_id = history.lifecycle.mark_sent(record.id, SENT).id
    history.reminders.set_done(f"{record_id}.references@bowout", when=SENT)
    history.reminders.set_settle_by(record_id, dt.date(2027, 1, 15))
    app_id = history.applications.add(Application(company="Contoso", role="Analyst"))
    history.applications.link_withdrawal(app_id, record_id)
    history.applications.remember_mapping(MAPPING)
    return record_id


def test_everything_moves_to_another_computer(tmp_path: Path) -> None:
    with History.open(tmp_path / "old") as old:
        record_id = fill(old)
        old.transfer.export_json(tmp_path / "move.json")
        before = {r.uid: (r.done, r.due) for r in old.reminders.due()}
        apps_before = [a.to_dict() for a in old.applications.list()]
    with History.open(tmp_path / "new") as new:
        report = new.transfer.import_json(tmp_path / "move.json")
        assert (report.added, report.applications, report.mappings) == (1, 1, 1)
        assert report.follow_ups == 2  # the tick and the settle-by date
        assert new.get(record_id).status == "sent"
        assert [a.to_dict() for a in new.applications.list()] == apps_before
        assert {r.uid: (r.done, r.due) for r in new.reminders.due()} == before
        assert new.applications.mapping(["Job", "Employer"]) == MAPPING
        again = new.transfer.import_json(tmp_path / "move.json")  # a second import changes nothing
        assert (again.added, again.applications, again.follow_ups, again.mappings) == (0,) * 4


def test_an_import_keeps_what_was_decided_here(tmp_path: Path) -> None:
    with History.open(tmp_path / "old") as old:
        record_id = fill(old)
        old.transfer.export_json(tmp_path / "move.json")
    with History.open(tmp_path / "new") as new:
        new.transfer.import_json(tmp_path / "move.json")
        new.reminders.set_settle_by(record_id, dt.date(2027, 2, 1))  # decided later, here
        new.transfer.import_json(tmp_path / "move.json")
        settle = new.reminders.states()[f"{record_id}.settle@bowout"]
        assert settle.settle_by == dt.date(2027, 2, 1)


def test_a_damaged_application_in_an_export_changes_nothing(tmp_path: Path) -> None:
    with History.open(tmp_path / "old") as old:
        fill(old)
        old.transfer.export_json(tmp_path / "move.json")
    data = orjson.loads((tmp_path / "move.json").read_bytes())
    data["applications"][0]["record_ids"] = 5
    (tmp_path / "move.json").write_bytes(orjson.dumps(data))
    with History.open(tmp_path / "new") as new:
        with pytest.raises(HistoryError, match=r"application 1: .*the history was not changed"):
            new.transfer.import_json(tmp_path / "move.json")
        assert new.list() == [] and new.applications.list() == []


def test_a_damaged_application_is_shown_and_can_be_removed(history: History) -> None:
    good = history.applications.add(Application(company="Contoso"))
    bad = history.applications.add(Application(company="Globex"))
    raw = orjson.loads(history.path.read_bytes())
    raw["applications"][bad]["stage"] = "hired"
    history.path.write_bytes(orjson.dumps(raw))
    assert [a.id for a in history.applications.list()] == [good]
    damaged = history.applications.damaged()
    assert [d[0] for d in damaged] == [bad] and "hired" in damaged[0][1]
    with pytest.raises(HistoryError, match="not damaged"):
        history.applications.remove_damaged(good)
    history.applications.remove_damaged(bad)
    assert history.applications.damaged() == [] and [a.id for a in history.applications.list()] == [
        good
    ]
