"""Fixtures for the use-case tests: an open history on a fresh data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bowout.storage import History


@pytest.fixture
def history(data_dir: Path) -> Iterator[History]:
    """An open, empty history in a fresh data folder."""
    opened = History.open(data_dir)
    yield opened
    opened.close()
