"""Work off the UI thread, with progress and cancel: reading a large file to import.

A :class:`BackgroundJob` runs one function in a worker thread and reports back through
signals, which Qt queues into the UI thread: the window keeps painting and answering
while a hundred thousand rows are read. The function gets a progress callback; calling it
after :meth:`BackgroundJob.cancel` raises :class:`~bowout.core.tabular.ReadCancelled`, so
the work stops at its next report. A user-world problem (a BowOutError) ends in
``failed`` with its one-line message; anything else is a bug, logged with its traceback
and raised again in the UI thread, where the application's excepthook shows it.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot

from bowout.core.errors import BowOutError
from bowout.core.tabular import Progress, ReadCancelled

logger = logging.getLogger(__name__)

_collector_lock = threading.Lock()
_collector: dict[str, Any] = {"jobs": 0, "thresholds": gc.get_threshold()}


def _pause_collector() -> None:
    """Put off full (oldest-generation) garbage collections while jobs run.

    A full collection walks every tracked object while holding the GIL; with a hundred
    thousand rows and applications in memory it takes 100-200 ms, and the window cannot
    paint meanwhile. The young generations are still collected, a little at a time (what
    stops all collection only moves the whole bill to the job's end).
    """
    with _collector_lock:
        _collector["jobs"] += 1
        if _collector["jobs"] == 1:
            _collector["thresholds"] = young, middle, _ = gc.get_threshold()
            gc.set_threshold(young, middle, 1 << 30)


def _resume_collector() -> None:
    """Undo :func:`_pause_collector` when the last job ends."""
    with _collector_lock:
        _collector["jobs"] -= 1
        if _collector["jobs"] == 0:
            gc.set_threshold(*_collector["thresholds"])


class BackgroundJob(QObject):
    """One function run in a worker thread; see the module docstring for the signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the BowOutError
    cancelled = Signal()
    crashed = Signal(object)  # the exception of a bug
    #: Emitted last, after whichever of the above (in the UI thread).
    finished = Signal()

    def __init__(self, work: Callable[[Progress], Any], name: str, parent: QObject) -> None:
        super().__init__(parent)
        self._work: Callable[[Progress], Any] | None = work
        self._name = name
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.crashed.connect(self._raise_here)

    def start(self) -> None:
        """Start the work in its own thread."""
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (``cancelled`` follows)."""
        self._cancel.set()

    @property
    def running(self) -> bool:
        """Is the worker thread still running?"""
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread ends (tests and shutdown); True when it did."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise ReadCancelled
        self._emit(self.progressed, done, total)

    def _run(self) -> None:
        _pause_collector()
        work, self._work = self._work, None  # what the work holds goes with it
        try:
            if work is None:  # a bug: a job runs once
                raise RuntimeError(f"{self._name} was started twice")
            result = work(self._progress)
            del work
        except ReadCancelled:
            self._emit(self.cancelled)
        except BowOutError as exc:
            self._emit(self.failed, exc)
        except BaseException as exc:  # a bug: raised again in the UI thread
            logger.exception("%s failed", self._name)
            self._emit(self.crashed, exc)
        else:
            if self._cancel.is_set():
                self._emit(self.cancelled)
            else:
                self._emit(self.succeeded, result)
        finally:
            _resume_collector()
        self._emit(self.finished)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)  # queued into the UI thread
        except RuntimeError:  # the window closed while the work ran
            logger.info("%s finished after its window closed", self._name)

    @Slot(object)
    def _raise_here(self, exc: BaseException) -> None:
        raise exc
