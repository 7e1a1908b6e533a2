"""Damaged history files: kept aside (never overwritten or deleted), newest good backup restored."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from storage_helpers import make_record

from bowout.storage import History
from bowout.storage.jsonstore import FORMAT_VERSION, TABLES


def _three_saves(data_dir: Path) -> list[str]:
    history = History.open(data_dir)
    ids = [history.add(make_record(f"C{i}")).id for i in range(3)]
    history.close()
    return ids


def _damaged(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("history-damaged-*.json"))


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda good: b"",
    "whitespace": lambda good: b"  \n",
    "truncated": lambda good: good[: len(good) // 2],
    "garbage tail": lambda good: good + b"\x00\x17garbage",
    "bad utf-8": lambda good: good.replace(b"C1", b"\xff\xfe", 1),
    "json list": lambda good: b"[]",
    "json string": lambda good: b'"history"',
    "records not an object": lambda good: b'{"records": [], "trash": {}}',
    "missing trash": lambda good: b'{"records": {}}',
    "entry id mismatch": lambda good: good.replace(b'"id":"', b'"id":"0', 1),
    "entry not an object": lambda good: b'{"records": {"a": 1}, "trash": {}}',
    "50 MB junk": lambda good: os.urandom(1024) * (50 * 1024),
}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_corrupt_file_is_kept_aside_and_backup_restored(data_dir: Path, kind: str) -> None:
    ids = _three_saves(data_dir)
    path = data_dir / "history.json"
    bad = CORRUPTIONS[kind](path.read_bytes())
    path.write_bytes(bad)
    history = History.open(data_dir)
    [aside] = _damaged(data_dir)
    assert aside.read_bytes() == bad  # the bad bytes are kept, exactly
    message = history.recovery_message
    assert message and message.count(". ") == 0 and message.endswith(".")  # one sentence
    assert "could not be read" in message and str(aside) in message
    assert "restored the backup saved" in message and "with 2 record(s)" in message
    assert {r.id for r in history.list()} == set(ids[:2])  # the version before the last save
    assert orjson.loads(path.read_bytes())["records"].keys() == set(ids[:2])
    history.add(make_record("After"))  # and life goes on
    assert len(History.open(data_dir).list()) == 3


def test_no_good_backup_starts_empty_and_keeps_the_bad_file(data_dir: Path) -> None:
    path = data_dir / "history.json"
    path.write_bytes(b"{broken")
    history = History.open(data_dir)
    assert history.list() == []
    message = history.recovery_message or ""
    assert "no good backup was found" in message and "started an empty history" in message
    [aside] = _damaged(data_dir)
    assert aside.read_bytes() == b"{broken" and str(aside) in message


def test_a_damaged_backup_is_passed_over(data_dir: Path) -> None:
    ids = _three_saves(data_dir)
    backups = sorted((data_dir / "backups").iterdir())
    backups[-1].write_bytes(b"damaged too")
    (data_dir / "history.json").write_bytes(b"")
    history = History.open(data_dir)
    assert {r.id for r in history.list()} == {ids[0]}  # the next newest backup
    assert "with 1 record(s)" in (history.recovery_message or "")


def test_damaged_files_never_overwrite_each_other(data_dir: Path) -> None:
    _three_saves(data_dir)
    path = data_dir / "history.json"
    for junk in (b"first", b"second", b"third"):
        path.write_bytes(junk)
        History.open(data_dir)
    assert sorted(p.read_bytes() for p in _damaged(data_dir)) == [b"first", b"second", b"third"]


def test_corruption_found_while_running(data_dir: Path) -> None:
    ids = _three_saves(data_dir)
    history = History.open(data_dir)
    (data_dir / "history.json").write_bytes(b"\x00" * 10)
    assert {r.id for r in history.list()} == set(ids[:2])
    assert history.recovery_message and "could not be read" in history.recovery_message
    saved = history.add(make_record("After"))
    assert saved.id in {r.id for r in History.open(data_dir).list()}


def test_missing_file_with_backups_is_restored(data_dir: Path) -> None:
    ids = _three_saves(data_dir)
    (data_dir / "history.json").unlink()
    history = History.open(data_dir)
    assert {r.id for r in history.list()} == set(ids[:2])
    assert (history.recovery_message or "").startswith("The history file was missing")
    assert _damaged(data_dir) == []


def test_first_run_says_nothing(data_dir: Path) -> None:
    history = History.open(data_dir)
    assert history.recovery_message is None and history.list() == []
    empty = {"meta": {"format_version": FORMAT_VERSION}, **{name: {} for name in TABLES}}
    assert orjson.loads(history.path.read_bytes()) == empty
