"""Backups stay five distinct versions, and housekeeping never fails a save that landed."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from storage_helpers import disk_ids, make_record

from bowout.cli import main
from bowout.storage import History, HistoryError, atomic, backups


def _versions(history: History) -> list[bytes]:
    return [path.read_bytes() for path in backups.newest_first(history.path)]


def test_failed_saves_do_not_fill_the_rotation_with_one_version(
    history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(6):
        history.add(make_record(f"Good {i}"))

    def disk_full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(atomic.ops, "write", disk_full)
        for i in range(8):
            with pytest.raises(HistoryError, match="full"):
                history.add(make_record(f"Failed {i}"))
    history.add(make_record("Good again"))
    kept = _versions(history)
    assert len(kept) == backups.KEEP
    assert len(set(kept)) == backups.KEEP  # five distinct versions
    assert history.path.read_bytes() not in kept  # the current file is not a backup


def test_pruning_drops_repeated_versions(history: History) -> None:
    history.add(make_record("One"))
    history.add(make_record("Two"))
    folder = backups.backup_dir(history.path)
    newest = backups.newest_first(history.path)[0]
    source = newest.stat()
    for i in range(6):  # copies (not links) of one version, as made where links fail
        copy = folder / f"history-29990101T00000{i}000000Z.json"
        copy.write_bytes(newest.read_bytes())
        os.utime(copy, ns=(source.st_atime_ns, source.st_mtime_ns))
    backups.prune(history.path)
    kept = _versions(history)
    assert len(kept) == len(set(kept)) == 2


def test_a_save_that_landed_is_reported_even_if_backups_cannot_be_tidied(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with History.open(data_dir) as history:
        history.add(make_record("First"))
    folder = backups.backup_dir(data_dir / "history.json")
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    folder.write_text("not a folder", encoding="utf-8")  # backups/ is a file
    code = main(["--data-dir", str(data_dir), "draft", "--stage", "applied", "--save",
                 "--company", "Second", "--format", "json"])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    record_id = __import__("json").loads(captured.out)["id"]
    assert record_id in disk_ids(data_dir / "history.json")
    assert len(disk_ids(data_dir / "history.json")) == 2  # saved once, no duplicate
