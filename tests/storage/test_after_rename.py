"""A save whose folder sync fails after the rename has happened, and a repair that failed
on a full disk (issue 23)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from storage_helpers import disk_ids, make_record

from bowout.storage import History, HistoryError, atomic


def _no_folder_sync(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    synced: list[Path] = []

    def fail(folder: Path) -> None:
        synced.append(folder)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(atomic, "fsync_dir", fail)
    return synced


def test_a_save_whose_folder_sync_fails_is_saved_once(
    history: History, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    synced = _no_folder_sync(monkeypatch)
    record = make_record("Northwind")
    saved = history.add(record)  # says it was saved: the record is on disk
    assert synced and saved.id in disk_ids(history.path)
    assert "could not be synced" in caplog.text
    again = history.update(saved)  # saving again changes that record, adds none
    assert again.id == saved.id
    assert disk_ids(history.path) == {saved.id}


def test_a_repair_that_failed_on_a_full_disk_is_not_called_missing_next_time(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with History.open(data_dir) as history:
        history.add(make_record("Kept"))
        history.add(make_record("Kept too"))
    path = data_dir / "history.json"
    path.write_bytes(b'{"records": [1, 2')  # damaged

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(atomic.ops, "mkstemp", full)
        with pytest.raises(HistoryError, match="full"):
            History.open(data_dir)
    assert path.read_bytes() == b'{"records": [1, 2'  # the damaged file is where it was
    with History.open(data_dir) as history:
        message = history.recovery_message or ""
        assert "was missing" not in message
        assert message.startswith("The history file could not be read")
        assert len(history.list()) >= 1
    assert len(list(data_dir.glob("history-damaged-*.json"))) == 1
