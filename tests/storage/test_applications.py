"""Open applications in the history file: the same guarantees as records."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import sys
from pathlib import Path

import filelock
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storage_helpers import FaultPlan, make_record, temp_files

from bowout.core.applications import Application
from bowout.core.situation import Stage, single_line
from bowout.storage import History, HistoryError, ImportMapping, StoredApplication
from bowout.storage.applications import OPEN, WITHDRAWN, header_key


def _app(company: str, role: str = "Data Analyst", **changes: object) -> Application:
    return Application(company=company, role=role, **changes)  # type: ignore[arg-type]


def _disk(history: History) -> dict[str, dict[str, object]]:
    """The applications table as written on disk, parsed independently of History."""
    table: dict[str, dict[str, object]] = orjson.loads(history.path.read_bytes())["applications"]
    return table


def test_add_list_get_are_sorted_by_company_and_on_disk(history: History) -> None:
    first = history.applications.add(_app("northwind", stage=Stage.FINAL))
    second = history.applications.add(
        _app("Contoso", "Engineer", contact="Ana Ruiz", contact_email="ana@contoso.example",
             recruiter="Sam Hill", applied=dt.date(2026, 3, 2), notes="Met twice")
    )  # fmt: skip
    third = history.applications.add(_app("Contoso", "Analyst"))
    assert [s.id for s in history.applications.list()] == [third, second, first]
    stored = history.applications.get(second)
    assert stored.application.applied == dt.date(2026, 3, 2)
    assert stored.state == OPEN and stored.record_ids == () and stored.created
    assert _disk(history)[second]["contact_email"] == "ana@contoso.example"
    assert _disk(history)[first]["stage"] == "final"
    with History.open(history.data_dir) as reopened:
        assert reopened.applications.list() == history.applications.list()


def test_same_company_and_role_is_refused_and_other_roles_are_not(history: History) -> None:
    history.applications.add(_app("Northwind"))
    with pytest.raises(HistoryError, match=r"Northwind \(Data Analyst\) is already in your"):
        history.applications.add(_app("NORTHWIND", "data  analyst"))
    assert history.applications.add(_app("Northwind", "Engineer"))
    assert len(history.applications.list()) == 2


def test_update_keeps_id_state_links_and_creation(history: History) -> None:
    app_id = history.applications.add(_app("Northwind"))
    history.applications.link_withdrawal(app_id, "r" * 32)
    before = history.applications.get(app_id)
    after = history.applications.update(app_id, _app("Northwind", stage=Stage.OFFER))
    assert after.id == app_id and after.record_ids == ("r" * 32,)
    assert after.created == before.created and after.updated > before.updated
    assert history.applications.get(app_id).application.stage is Stage.OFFER
    other = history.applications.add(_app("Contoso"))
    with pytest.raises(HistoryError, match="already in your applications"):
        history.applications.update(other, _app("Northwind"))
    with pytest.raises(HistoryError, match="No application with id 'nope'"):
        history.applications.update("nope", _app("X"))


def test_remove_and_undo_restore_the_same_application(history: History) -> None:
    app_id = history.applications.add(_app("Northwind", notes="keep me"))
    removed = history.applications.remove(app_id)
    assert history.applications.list() == [] and app_id not in _disk(history)
    history.applications.restore(removed)
    assert history.applications.get(app_id) == removed
    with pytest.raises(HistoryError, match="already kept"):
        history.applications.restore(removed)
    with pytest.raises(HistoryError, match="No application"):
        history.applications.remove("missing")


def test_withdrawal_links_and_state(history: History) -> None:
    record = history.add(make_record("Northwind"))
    app_id = history.applications.add(_app("Northwind"))
    kept = history.applications.add(_app("Contoso"))
    linked = history.applications.link_withdrawal(app_id, record.id)
    assert linked.record_ids == (record.id,) and linked.state == OPEN
    sent = history.applications.link_withdrawal(app_id, record.id, withdrawn=True)
    assert sent.record_ids == (record.id,) and sent.state == WITHDRAWN  # not linked twice
    assert [s.id for s in history.applications.list(OPEN)] == [kept]
    assert [s.id for s in history.applications.list(WITHDRAWN)] == [app_id]
    assert history.applications.set_state(app_id, OPEN).is_open
    with pytest.raises(ValueError, match="not an application state"):
        history.applications.set_state(app_id, "paused")
    assert history.get(record.id).company == "Northwind"  # records are untouched


def test_import_skips_duplicates_and_remembers_the_mapping_in_one_save(history: History) -> None:
    history.applications.add(_app("Northwind"))
    saves = len(list((history.data_dir / "backups").iterdir()))
    mapping = ImportMapping(("Employer", "Job", "Status"),
                            {"Employer": "company", "Job": "role", "Status": "stage"},
                            {"Panel": "interviewing"})  # fmt: skip
    report = history.applications.import_many(
        [_app("northwind"), _app("Globex"), _app("Globex"), _app("Initech", "Dev")], mapping
    )
    assert len(report.added) == 2 and [a.company for a in report.duplicates] == [
        "northwind",
        "Globex",
    ]
    assert sorted(s.application.company for s in history.applications.list()) == [
        "Globex", "Initech", "Northwind"]  # fmt: skip
    assert len(list((history.data_dir / "backups").iterdir())) == saves + 1  # one save
    assert history.applications.mapping(["Status", "Job", "Employer"]) == mapping  # any order
    assert history.applications.mapping(["Employer", "Job"]) is None
    changed = ImportMapping(mapping.headers, {"Employer": "company", "Job": "", "Status": "stage"})
    history.applications.remember_mapping(changed)
    with History.open(history.data_dir) as reopened:
        assert reopened.applications.mapping(list(mapping.headers)) == changed


def test_header_key_ignores_order_and_padding() -> None:
    assert header_key(["a", " b"]) == header_key(["b", "a", ""]) != header_key(["a"])


def test_a_damaged_application_is_skipped_in_lists_and_named_by_get(history: History) -> None:
    good = history.applications.add(_app("Good"))
    bad = history.applications.add(_app("Bad"))
    data = orjson.loads(history.path.read_bytes())
    data["applications"][bad]["stage"] = "hired-twice"
    history.path.write_bytes(orjson.dumps(data))
    assert [s.id for s in history.applications.list()] == [good]
    with pytest.raises(HistoryError, match=r"'hired-twice' is not a valid Stage"):
        history.applications.get(bad)
    assert bad in _disk(history)  # left in the file, not dropped


@pytest.mark.parametrize(
    "doc",
    [
        {"company": ""},
        {"state": ""},
        {"record_ids": "abc"},
        {"applied": "2 March"},
        {"contact_email": "not an address"},
        {"role": 42},
    ],
)
def test_stored_documents_are_checked(doc: dict[str, object]) -> None:
    base = StoredApplication("a" * 32, _app("Northwind")).to_dict()
    with pytest.raises(HistoryError, match="damaged"):
        StoredApplication.from_dict({**base, **doc})


def test_a_state_from_a_newer_version_is_kept_as_it_is_and_never_open() -> None:
    base = StoredApplication("a" * 32, _app("Northwind")).to_dict()
    stored = StoredApplication.from_dict({**base, "state": "paused"})
    assert stored.state == "paused" and not stored.is_open
    assert stored.to_dict()["state"] == "paused"


def test_files_and_backups_stay_private(history: History) -> None:
    history.applications.add(_app("Northwind"))
    history.applications.add(_app("Contoso"))
    assert stat.S_IMODE(history.path.stat().st_mode) == 0o600
    backups = list((history.data_dir / "backups").iterdir())
    assert backups and all(stat.S_IMODE(b.stat().st_mode) == 0o600 for b in backups)
    newest = orjson.loads(max(backups).read_bytes())
    assert [a["company"] for a in newest["applications"].values()] == ["Northwind"]


def test_a_second_copy_sees_the_other_copys_applications(data_dir: Path) -> None:
    with History.open(data_dir) as mine, History.open(data_dir) as other:
        first = mine.applications.add(_app("Northwind"))
        second = other.applications.add(_app("Contoso"))  # reads ours before writing
        assert {s.id for s in mine.applications.list()} == {first, second}
        with pytest.raises(HistoryError, match="already in your applications"):
            mine.applications.add(_app("Contoso"))


def test_a_held_lock_is_a_clear_error(data_dir: Path) -> None:
    history = History.open(data_dir, lock_timeout=0.2)
    with (
        filelock.FileLock(data_dir / "history.json.lock"),
        pytest.raises(HistoryError, match=r"held the history for more than 0\.2 seconds"),
    ):
        history.applications.add(_app("Northwind"))
    assert history.applications.list() == []


@pytest.mark.parametrize("operation", ["add", "import", "remove"])
def test_every_step_of_a_save_failing_in_turn(
    history: History, faults: FaultPlan, operation: str
) -> None:
    victim = history.applications.add(_app("Old"))
    failed: list[str] = []
    step = 0
    while True:
        step += 1
        before = set(_disk(history))
        faults.arm(step)
        try:
            if operation == "add":
                history.applications.add(_app(f"New {step}"))
            elif operation == "import":
                history.applications.import_many([_app(f"A {step}"), _app(f"B {step}")])
            else:
                history.applications.remove(victim)
            succeeded = True
        except HistoryError as exc:
            assert "Could not save the history" in str(exc)
            succeeded = False
        tripped = faults.tripped
        faults.arm(0)
        after = set(_disk(history))
        assert temp_files(history.data_dir) == []
        assert {s.id for s in history.applications.list()} == after  # memory agrees with disk
        # Old or new, whole (the folder's fsync may fail after the new file is in place).
        new = after == (before - {victim} if operation == "remove" else before | after)
        assert after == before or (
            new and len(after ^ before) == (2 if operation == "import" else 1)
        )
        if not succeeded:
            failed.append(str(tripped))
            if after != before and operation == "remove":
                victim = history.applications.add(_app(f"Again {step}"))
            history.applications.add(_app(f"The next save works {step}"))
            continue
        assert after != before
        if tripped is None:
            break
        if operation == "remove":
            victim = history.applications.add(_app(f"Old {step}"))
    assert {"mkstemp", "write", "fsync", "replace"} <= set(failed)


APP_WRITER = """
import sys, time
from pathlib import Path
from bowout.core.applications import Application
from bowout.storage import History
data_dir, tag, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
history = History.open(data_dir)
print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
for i in range(count):
    print(history.applications.add(Application(company=f"{tag}-{i}")), flush=True)
"""


def test_two_processes_adding_applications_lose_nothing(data_dir: Path, tmp_path: Path) -> None:
    History.open(data_dir).close()
    go = tmp_path / "go"
    writers = []
    for tag in ("a", "b"):
        process = subprocess.Popen(
            [sys.executable, "-c", APP_WRITER, str(data_dir), tag, "25", str(go)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        writers.append(process)
    go.touch()
    acknowledged: set[str] = set()
    for process in writers:
        out, _ = process.communicate(timeout=100)
        assert process.returncode == 0
        acknowledged |= set(out.split())
    with History.open(data_dir) as history:
        assert len(acknowledged) == 50
        assert {s.id for s in history.applications.list()} == acknowledged


def test_a_corrupt_file_is_restored_with_its_applications(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        kept = history.applications.add(_app("Northwind"))
        history.applications.add(_app("Contoso"))  # the backup holds the file before this
    (data_dir / "history.json").write_bytes(b'{"records": {"cut sho')
    with History.open(data_dir) as history:
        assert "damaged" in str(history.recovery_message)
        assert [s.id for s in history.applications.list()] == [kept]
    assert list(data_dir.glob("history-damaged-*"))  # kept aside, never overwritten


_name = st.text(min_size=1, max_size=60).filter(single_line)  # what the company keeps


@settings(max_examples=60, deadline=None)
@given(
    company=_name,
    role=st.text(max_size=60),
    notes=st.text(max_size=300),
    stage=st.sampled_from(list(Stage)),
    applied=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
)
def test_any_application_survives_the_file_unchanged(
    company: str, role: str, notes: str, stage: Stage, applied: dt.date | None
) -> None:
    application = Application(company=company, role=role, notes=notes, stage=stage, applied=applied)
    stored = StoredApplication("a" * 32, application, WITHDRAWN, ("r" * 32,), "t1", "t2")
    through_json = orjson.loads(orjson.dumps(stored.to_dict()))
    assert StoredApplication.from_dict(through_json) == stored
