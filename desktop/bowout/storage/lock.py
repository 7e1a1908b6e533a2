"""The cross-process lock that lets two running copies of Bow Out share one history."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import filelock

from bowout.storage.errors import HistoryError, os_error

logger = logging.getLogger(__name__)


class HistoryLock:
    """A re-entrant file lock beside the history, with user-world errors."""

    def __init__(self, history_path: Path, timeout: float) -> None:
        self.path = history_path.with_name(history_path.name + ".lock")
        self.timeout = timeout
        self._lock = filelock.FileLock(self.path, timeout=timeout, mode=0o600)

    @contextlib.contextmanager
    def held(self, action: str) -> Iterator[None]:
        """Hold the lock for ``action`` (e.g. "save the history"), or raise HistoryError."""
        try:
            self._lock.acquire()
        except filelock.Timeout:
            raise HistoryError(
                f"Could not {action}: another copy of Bow Out has held the history for more "
                f"than {self.timeout:g} seconds; close it or try again."
            ) from None
        except OSError as exc:
            raise os_error(exc, action, self.path) from exc
        try:
            yield
        finally:
            self._lock.release()
