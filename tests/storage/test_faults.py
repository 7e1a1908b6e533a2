"""Each OS call of a save fails in turn; read-only folders, a full disk, a held lock."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import filelock
import orjson
import pytest
from storage_helpers import FaultPlan, disk_ids, make_record, temp_files

from bowout.storage import History, HistoryError


@pytest.mark.parametrize("operation", ["add", "delete", "import"])
def test_every_step_of_a_save_failing_in_turn(
    history: History, faults: FaultPlan, operation: str, tmp_path: Path
) -> None:
    for i in range(3):
        history.add(make_record(f"Old {i}"))
    export = tmp_path / "in.json"
    export.write_bytes(b"[" + b",".join(
        __import__("orjson").dumps(make_record(f"Imported {i}").to_dict()) for i in range(2)
    ) + b"]")  # fmt: skip
    failed_steps: list[str] = []
    step = 0
    while True:
        step += 1
        before = disk_ids(history.path)
        victim = sorted(before)[0]
        faults.arm(step)
        try:
            if operation == "add":
                history.add(make_record(f"New {step}"))
            elif operation == "delete":
                history.delete(victim)
            else:
                history.transfer.import_json(export)
            succeeded = True
        except HistoryError as exc:
            assert "Could not save the history" in str(exc)
            succeeded = False
        tripped = faults.tripped
        faults.arm(0)
        after = disk_ids(history.path)  # parses, independently of History
        assert temp_files(history.data_dir) == []
        assert History.open(history.data_dir).recovery_message is None
        assert {r.id for r in history.list()} == after  # memory agrees with the disk
        if not succeeded:
            failed_steps.append(str(tripped))
            assert after in _old_or_new(before, after, operation, victim)
            history.add(make_record("the next save works"))
            continue
        if tripped is None:
            break  # the whole save ran without reaching the armed step
        # A failed backup (link, its copy, pruning) does not fail the save: the file
        # itself was still written atomically, and it holds the new history.
        assert after == _old_or_new(before, after, operation, victim)[-1]
    assert {"mkstemp", "write", "fsync", "replace"} <= set(failed_steps)
    # The file's fsync fails the save; its folder's, after the rename, does not: the new
    # file is in place, and "could not save" would make the user save it twice.
    assert failed_steps.count("fsync") == 1


def _old_or_new(before: set[str], after: set[str], operation: str, victim: str) -> list[set[str]]:
    if operation == "add":
        return [before, before | (after - before)] if len(after - before) <= 1 else [before]
    if operation == "delete":
        return [before, before - {victim}]
    return [before, after] if len(after - before) == 2 else [before]


def test_disk_full_while_writing(history: History, faults: FaultPlan) -> None:
    history.add(make_record())
    before = history.path.read_bytes()
    faults.arm(3, errno.ENOSPC)  # link (backup), mkstemp, then the write
    with pytest.raises(HistoryError, match=r"disk holding .* is full; free some space"):
        history.add(make_record("Second"))
    assert faults.tripped == "write"
    assert history.path.read_bytes() == before and temp_files(history.data_dir) == []
    assert len(history.list()) == 1


def _read_only(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> None:
    """Simulate a read-only folder: every call that would change it fails with ``code``.

    Tests run as root, for whom chmod does not make a folder read-only, so the OS calls
    that write are patched instead; reading keeps working as on a real read-only mount.
    """
    inside = str(folder)
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def guard(real: Callable[..., Any], check: Callable[..., bool]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if check(*args, **kwargs):
                raise OSError(code, os.strerror(code), str(args[0]))
            return real(*args, **kwargs)

        return call

    def under(*paths: Any) -> bool:
        return any(str(os.fspath(p)).startswith(inside) for p in paths if not isinstance(p, int))

    monkeypatch.setattr(
        os, "open", guard(os.open, lambda p, flags, *a, **k: under(p) and bool(flags & write_flags))
    )
    for name in ("replace", "rename", "link"):
        monkeypatch.setattr(os, name, guard(getattr(os, name), lambda s, d, *a, **k: under(s, d)))
    for name in ("unlink", "mkdir", "chmod"):
        monkeypatch.setattr(os, name, guard(getattr(os, name), lambda p, *a, **k: under(p)))


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_read_only_folder(data_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    first = History.open(data_dir).add(make_record())
    before = (data_dir / "history.json").read_bytes()
    _read_only(monkeypatch, data_dir, code)
    history = History.open(data_dir)  # reading still works
    assert [r.id for r in history.list()] == [first.id]
    with pytest.raises(HistoryError, match="read-only or not yours; choose another data folder"):
        history.add(make_record("Second"))
    with pytest.raises(HistoryError, match="read-only"):
        history.delete(first.id)
    assert (data_dir / "history.json").read_bytes() == before
    assert temp_files(data_dir) == []


def test_read_only_folder_without_a_history(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _read_only(monkeypatch, data_dir, errno.EROFS)
    with pytest.raises(HistoryError, match="read-only"):
        History.open(data_dir)
    with pytest.raises(HistoryError, match="create the data folder"):
        History.open(data_dir / "sub")
    assert os.listdir(data_dir) == []


def test_a_lock_held_too_long(data_dir: Path) -> None:
    history = History.open(data_dir, lock_timeout=0.2)
    other = filelock.FileLock(data_dir / "history.json.lock")
    with other, pytest.raises(HistoryError, match=r"held the history for more than 0\.2 seconds"):
        history.add(make_record())
    assert history.add(make_record()).id  # works again once released


def test_a_damaged_file_in_a_read_only_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    History.open(data_dir).add(make_record())
    (data_dir / "history.json").write_bytes(b"{damaged")
    _read_only(monkeypatch, data_dir, errno.EROFS)
    with pytest.raises(HistoryError, match="read-only"):
        History.open(data_dir)
    assert (data_dir / "history.json").read_bytes() == b"{damaged"  # nothing moved or lost


def test_backups_fall_back_to_copies_where_links_fail(
    history: History, faults: FaultPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bowout.storage import backups

    history.add(make_record())
    folder = history.data_dir / "backups"
    before = set(folder.iterdir())
    faults.arm(1, errno.EPERM)  # the link: e.g. a FAT-formatted USB stick
    second = history.add(make_record("Second"))
    assert faults.tripped == "link" and faults.calls.count("mkstemp") == 2  # copy, then save
    [copy] = set(folder.iterdir()) - before
    assert set(orjson.loads(copy.read_bytes())["records"]) == {history.list()[-1].id}
    assert copy.stat().st_mode & 0o077 == 0
    monkeypatch.setattr(backups, "_stamp", lambda: "20260101T000000000000Z")
    history.add(make_record("Third"))
    history.add(make_record("Fourth"))  # same stamp: a suffix, never an overwrite
    names = sorted(p.name for p in (history.data_dir / "backups").iterdir())
    assert "history-20260101T000000000000Z-2.json" in names and len(names) == 4
    assert second.id in {r.id for r in history.list()}
