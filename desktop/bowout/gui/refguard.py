"""Work-around for PySide6 6.12 on Python 3.11 freeing None (a refcount bug in the binding).

Every call of a void Qt method drops one reference to ``None`` there; after enough typing
``None``'s count reaches zero and the interpreter aborts ("deallocating None"). Python
3.12+ makes None immortal, so the guard does nothing there. On 3.11 a timer puts back
what was lost since the last check (an extra reference to None is harmless).
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

logger = logging.getLogger(__name__)

#: How often the count is topped up; far fewer void calls than None's count happen between.
INTERVAL_MS = 250
#: Keep at least this many references to None at every check (8 bytes each).
FLOOR = 300_000
#: The references themselves: list slots pointing at None.
_PINS: list[None] = []
# The list must outlive interpreter shutdown, or freeing it would hand back the
# references and None would die after all: one deliberate extra reference keeps it.
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_PINS))


def needs_guard() -> bool:
    """True where None is a normal, freeable object (before Python 3.12)."""
    return sys.version_info < (3, 12)


def top_up(floor: int = FLOOR) -> int:
    """Raise None's reference count to ``floor``; returns how many references were added."""
    missing = floor - sys.getrefcount(None)
    if missing <= 0:
        return 0
    _PINS.extend([None] * missing)
    return missing


class NoneRefGuard(QObject):
    """Tops None's reference count up on a timer for the life of the application."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.check()
        self.timer.start()

    @Slot()
    def check(self) -> None:
        """Put back references the binding took."""
        added = top_up()
        if added:
            logger.debug("restored %d references to None", added)


_guard: NoneRefGuard | None = None


def install() -> NoneRefGuard | None:
    """Start the guard once, under the running QApplication, where it is needed."""
    global _guard  # noqa: PLW0603 (one guard per process, like the QApplication)
    if not needs_guard():
        return None
    app = QCoreApplication.instance()
    if _guard is None or _guard.parent() is not app:
        _guard = NoneRefGuard(app)
    return _guard
