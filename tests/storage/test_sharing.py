"""Windows, simulated: a history another program holds open is waited for, then named."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from storage_helpers import make_record, temp_files

from bowout.storage import History, HistoryError, atomic


class Held:
    """os.replace failing as on Windows while another program holds the target open."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, busy_for: int, winerror: int = 32) -> None:
        self.busy_for = busy_for
        self.winerror = winerror
        self.attempts = 0
        self.waits: list[float] = []
        self._real = atomic.FileOps.replace
        monkeypatch.setattr(atomic.ops, "replace", self.replace)
        monkeypatch.setattr(atomic.ops, "sleep", self.waits.append)

    def replace(self, src: Any, dst: Any) -> None:
        self.attempts += 1
        if self.attempts <= self.busy_for:
            exc = PermissionError(13, "The process cannot access the file", str(dst))
            exc.winerror = self.winerror  # type: ignore[attr-defined]  # 32: sharing violation
            raise exc
        self._real(src, dst)


def test_a_briefly_held_file_is_waited_for(
    history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch, busy_for=8)
    saved = history.add(make_record())
    assert held.attempts == 9
    assert sum(held.waits) > 1.3  # longer than the old retry, which gave up after ~1.3 s
    assert held.waits == sorted(held.waits)  # backing off
    assert History.open(history.data_dir).get(saved.id) == saved


def test_a_file_held_for_good_is_named_not_blamed_on_permissions(
    history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    history.add(make_record("First"))
    before = history.path.read_bytes()
    held = Held(monkeypatch, busy_for=10**6)
    with pytest.raises(HistoryError, match=r"another program has history\.json open") as caught:
        history.add(make_record("Second"))
    assert "read-only" not in str(caught.value)
    assert sum(held.waits) >= 5  # several seconds of patience
    assert history.path.read_bytes() == before and temp_files(history.data_dir) == []


def test_a_real_permission_error_is_not_retried(
    history: History, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    waits: list[float] = []
    monkeypatch.setattr(atomic.ops, "sleep", waits.append)

    def denied(src: Any, dst: Any) -> None:
        raise PermissionError(13, os.strerror(13), str(dst))

    monkeypatch.setattr(atomic.ops, "replace", denied)
    with pytest.raises(HistoryError, match="read-only or not yours"):
        history.add(make_record())
    assert waits == []


def test_access_denied_on_a_held_file_names_both_causes(
    history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows gives "access denied" (5) for a rename over a file open elsewhere, too."""
    Held(monkeypatch, busy_for=10**6, winerror=5)
    with pytest.raises(HistoryError, match=r"another program has history\.json open") as caught:
        history.add(make_record())
    assert "not read-only" in str(caught.value)
