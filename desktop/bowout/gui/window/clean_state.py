"""What the window held when last saved or loaded, so that undoing back to it clears the
title's unsaved-changes star (as text editors do), instead of leaving it starred."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QTextDocument

__all__ = ["CleanState"]


class CleanState(QObject):
    """Keeps a snapshot of the clean state; :meth:`is_clean` compares the present with it.

    ``snapshot`` returns everything that is saved (compared whole); ``quick`` a cheap part of
    it (the message's plain text) compared first, so a keystroke rarely pays for the whole
    snapshot. ``documents`` emit :attr:`cleaned` when an undo brings them back unmodified
    and the rest matches too.
    """

    #: The window's content is back to the kept state.
    cleaned = Signal()

    def __init__(
        self,
        snapshot: Callable[[], dict[str, Any]],
        quick: Callable[[], Hashable],
        documents: Sequence[QTextDocument],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.snapshot = snapshot
        self.quick = quick
        self._kept: dict[str, Any] | None = None
        self._kept_quick: Hashable = None
        for document in documents:
            document.modificationChanged.connect(self._modification_changed)

    def mark(self) -> None:
        """The present is clean (just saved or loaded)."""
        self._kept = self.snapshot()
        self._kept_quick = self.quick()

    def forget(self) -> None:
        """Nothing is clean any more (the kept state is gone, e.g. deleted from history)."""
        self._kept = None

    def is_clean(self) -> bool:
        """True when everything saved is as it was at the last :meth:`mark`."""
        if self._kept is None or self.quick() != self._kept_quick:
            return False
        return self.snapshot() == self._kept

    @Slot(bool)
    def _modification_changed(self, modified: bool) -> None:
        if not modified and self.is_clean():
            self.cleaned.emit()
