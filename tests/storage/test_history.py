"""History operations: add, update, mark sent, trash, list, search, caching, privacy."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import orjson
import pytest
from storage_helpers import disk_ids, make_record

from bowout.storage import History, HistoryError
from bowout.storage.jsonstore import HistoryStorage


def test_add_assigns_id_and_times_and_is_on_disk(history: History) -> None:
    unsaved = make_record()
    saved = history.add(unsaved)
    assert len(saved.id) == 32 and saved.created == saved.updated and saved.created.endswith("Z")
    assert unsaved.id == ""  # the caller's object is not changed behind its back
    assert disk_ids(history.path) == {saved.id}
    assert History.open(history.data_dir).get(saved.id) == saved


def test_add_refuses_an_id_already_kept(history: History) -> None:
    saved = history.add(make_record())
    with pytest.raises(HistoryError, match="already kept"):
        history.add(saved)


def test_list_is_newest_first_and_get_unknown_fails(history: History) -> None:
    ids = [history.add(make_record(f"Company {i}")).id for i in range(4)]
    assert [r.id for r in history.list()] == ids[::-1]
    with pytest.raises(HistoryError, match="No record with id"):
        history.get("f" * 32)


def test_update_bumps_updated_keeps_created(history: History) -> None:
    saved = history.add(make_record())
    saved.notes = "They called back in March."
    saved.created = "2000-01-01T00:00:00.000000Z"  # ignored: creation is history
    changed = history.update(saved)
    assert changed.updated > changed.created and changed.created != saved.created
    assert History.open(history.data_dir).get(saved.id).notes == "They called back in March."


def test_update_unknown_or_unsaved_fails(history: History) -> None:
    with pytest.raises(HistoryError, match="to update"):
        history.update(make_record())
    with pytest.raises(HistoryError, match="to update"):
        history.update(make_record(id="a" * 32))


def test_mark_sent(history: History) -> None:
    saved = history.add(make_record())
    when = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc)
    sent = history.lifecycle.mark_sent(saved.id, when)
    assert sent.status == "sent" and sent.sent == "2026-03-01T09:30:00.000000Z"
    assert history.get(saved.id).status == "sent"
    with pytest.raises(HistoryError, match="already marked sent on 2026-03-01"):
        history.lifecycle.mark_sent(saved.id)  # once: a second click never re-stamps the time
    assert history.get(saved.id).sent == "2026-03-01T09:30:00.000000Z"


def test_delete_restore_and_empty_trash(history: History) -> None:
    keep, drop = history.add(make_record("Keep")), history.add(make_record("Drop"))
    history.delete(drop.id)
    assert [r.id for r in history.list()] == [keep.id]
    assert [r.id for r in history.trash()] == [drop.id]
    with pytest.raises(HistoryError):
        history.get(drop.id)
    assert history.restore(drop.id) == drop
    assert {r.id for r in history.list()} == {keep.id, drop.id} and history.trash() == []
    history.delete(drop.id)
    history.delete(keep.id)
    assert [r.id for r in history.trash()] == [keep.id, drop.id]  # last deleted first
    assert history.empty_trash() == 2 and history.trash() == [] and history.list() == []
    assert history.empty_trash() == 0
    with pytest.raises(HistoryError, match="in the trash"):
        history.restore(drop.id)
    with pytest.raises(HistoryError, match="No record"):
        history.delete(drop.id)


def test_search_ignores_case_and_accents_in_the_spec_fields(history: History) -> None:
    zoe = history.add(make_record("Zoë École", contact="Renée Ødegård"))
    plain = history.add(make_record("Acme", subject="Withdrawing: ANALYST role"))
    noted = history.add(make_record("Initech", notes="zoe ecole mentioned"))
    assert [r.id for r in history.search("ZOE ecole")] == [zoe.id]
    assert [r.id for r in history.search("école")] == [zoe.id]
    assert [r.id for r in history.search("renee")] == [zoe.id]
    assert [r.id for r in history.search("withdrawing: analyst")] == [plain.id]
    assert noted.id not in {r.id for r in history.search("mentioned")}  # notes: not searched
    assert {r.id for r in history.search("data analyst")} == {zoe.id, plain.id, noted.id}
    assert len(history.search("  ")) == 3
    body = history.search("jordan")  # in contact and body (greeted by first name)
    assert [r.id for r in body] == [noted.id, plain.id, zoe.id]


def test_search_sees_updates_made_since_the_last_search(history: History) -> None:
    saved = history.add(make_record(subject="Alpha"))
    assert [r.id for r in history.search("alpha")] == [saved.id]
    assert history.search("omega") == []
    saved.subject = "Omega"
    history.update(saved)
    assert [r.id for r in history.search("omega")] == [saved.id]
    assert history.search("alpha") == []


def test_memory_is_reused_until_another_copy_writes(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, other = History.open(data_dir), History.open(data_dir)
    first = mine.add(make_record())
    loads: list[int] = []
    real_load = HistoryStorage.load

    def counting(self: HistoryStorage) -> None:
        loads.append(1)
        real_load(self)

    monkeypatch.setattr(HistoryStorage, "load", counting)
    for _ in range(3):
        mine.list()
        mine.search("north")
    assert loads == []  # our own write did not make us re-read the file
    second = other.add(make_record("Globex"))
    assert len(loads) == 1  # the other copy read our record before adding its own
    assert {r.id for r in mine.list()} == {first.id, second.id}
    assert len(loads) == 2


def test_files_are_private(data_dir: Path) -> None:
    folder = data_dir / "new"
    history = History.open(folder)
    history.add(make_record())
    history.add(make_record())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(history.path.stat().st_mode) == 0o600
    backups = list((folder / "backups").iterdir())
    assert backups and all(stat.S_IMODE(b.stat().st_mode) == 0o600 for b in backups)
    assert stat.S_IMODE((folder / "backups").stat().st_mode) == 0o700
    assert sorted(os.listdir(folder)) == ["backups", "history.json", "history.json.lock"]


def test_an_open_file_is_made_private(data_dir: Path) -> None:
    History.open(data_dir).add(make_record())
    path = data_dir / "history.json"
    path.chmod(0o644)
    History.open(data_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_backups_keep_the_last_five_versions(history: History) -> None:
    ids = [history.add(make_record(f"C{i}")).id for i in range(8)]
    backups = sorted((history.data_dir / "backups").iterdir())
    assert len(backups) == 5
    newest = orjson.loads(backups[-1].read_bytes())
    assert set(newest["records"]) == set(ids[:-1])  # the version before the last save


def test_a_damaged_record_is_skipped_in_lists_and_named_by_get(history: History) -> None:
    good = history.add(make_record("Good"))
    bad = history.add(make_record("Bad"))
    data = orjson.loads(history.path.read_bytes())
    data["records"][bad.id]["stage"] = "hired"
    history.path.write_bytes(orjson.dumps(data))
    assert [r.id for r in history.list()] == [good.id]
    with pytest.raises(HistoryError, match="is damaged"):
        history.get(bad.id)
    assert history.recovery_message is None  # the file itself is fine and is kept as it is


def test_closed_history_can_be_reopened(history: History) -> None:
    saved = history.add(make_record())
    history.close()
    with History.open(history.data_dir) as again:
        assert again.get(saved.id) == saved


def test_temp_files_of_a_killed_save_are_removed(data_dir: Path) -> None:
    History.open(data_dir).close()
    leftover = data_dir / ".history.json.k1ll3d.tmp"
    leftover.write_bytes(b'{"records": {')
    unrelated = data_dir / ".settings.json.abc.tmp"
    unrelated.write_bytes(b"")
    History.open(data_dir).add(make_record())
    assert not leftover.exists() and unrelated.exists()


def test_an_unreadable_history_is_one_clear_error(data_dir: Path) -> None:
    (data_dir / "history.json").mkdir()
    with pytest.raises(HistoryError, match="Could not read the history"):
        History.open(data_dir)


def test_an_invalid_record_is_refused_with_a_sentence(history: History) -> None:
    with pytest.raises(HistoryError, match=r"^This record cannot be saved: stage must be one of"):
        history.add(make_record(stage="hired"))
    assert history.list() == [] and disk_ids(history.path) == set()


def test_a_copy_of_a_kept_record_is_a_new_record(history: History) -> None:
    first = history.add(make_record(created="2001-01-01T00:00:00.000000Z"))
    assert first.created > "2026"  # a new record is created now
    copy = history.add(make_record(id="", created=first.created))
    assert copy.id != first.id and copy.created >= first.created
    kept = history.add(make_record(id="c" * 32, created="2001-01-01T00:00:00.000000Z"))
    assert kept.created == "2001-01-01T00:00:00.000000Z"  # a carried-over record keeps its own
