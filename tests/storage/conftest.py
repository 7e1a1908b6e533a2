"""Fixtures for storage tests: an open history, fault injection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from storage_helpers import FaultPlan

from bowout.storage import History


@pytest.fixture
def history(data_dir: Path) -> Iterator[History]:
    """An open, empty history in a fresh data folder."""
    opened = History.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> FaultPlan:
    """Fault injection on every OS call the storage makes while saving."""
    return FaultPlan(monkeypatch)
