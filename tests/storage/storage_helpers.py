"""Shared helpers for storage tests: sample records, raw file access, fault injection."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from bowout.core import Composer, Profile, Reason, Situation, Stage
from bowout.storage import Record, atomic


def make_record(company: str = "Northwind", **changes: Any) -> Record:
    """A realistic unsaved record (composed by the real composer)."""
    situation = Situation(
        stage=Stage.FINAL,
        reason=Reason.OTHER_OFFER,
        company=company,
        role="Data Analyst",
        contact="Jordan Lee",
        rapport=True,
        keep_door_open=True,
    )
    draft = Composer().compose(situation, Profile("Maya Okafor", "maya@example.com", "555 0100"))
    record = Record.from_draft(draft)
    for key, value in changes.items():
        setattr(record, key, value)
    return record


def disk_ids(history_path: Path) -> set[str]:
    """The record ids in the file on disk (parsed independently of the History class)."""
    data = orjson.loads(history_path.read_bytes())
    return set(data["records"])


def temp_files(folder: Path) -> list[str]:
    """Leftover temporary files of atomic writes."""
    return [n for n in os.listdir(folder) if n.endswith(atomic.TEMP_SUFFIX)]


class FaultPlan:
    """Make the N-th OS call of a save (write, fsync, replace, link, ...) fail with ``error``."""

    NAMES = ("mkstemp", "write", "fsync", "replace", "link", "unlink")

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.fail_at = 0
        self.error_no = errno.EIO
        self.calls: list[str] = []
        self.tripped: str | None = None
        for name in self.NAMES:
            real = getattr(atomic.FileOps, name)
            monkeypatch.setattr(atomic.ops, name, self._wrap(name, real))

    def arm(self, step: int, error_no: int = errno.EIO) -> None:
        """Fail the ``step``-th call from now on (1-based); 0 disarms."""
        self.fail_at = step
        self.error_no = error_no
        self.calls = []
        self.tripped = None

    def _wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            if self.fail_at and len(self.calls) == self.fail_at:
                self.tripped = name
                raise OSError(self.error_no, os.strerror(self.error_no))
            return real(*args, **kwargs)

        return call
