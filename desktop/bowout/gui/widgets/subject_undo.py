"""The subject line follows the email editor's undo and redo across regenerations.

A regeneration rewrites the subject and the body together, but only the body lives in the
editor's undo stack. This keeps, for every regeneration, the subject before and after it
and the undo step count the regeneration left, and puts the matching subject back whenever
Ctrl+Z (or redo) crosses such a step — so one Ctrl+Z brings back the user's subject too.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLineEdit


@dataclass(frozen=True)
class _Mark:
    # A docstring of its own: without one, ``dataclass`` writes one from
    # ``inspect.signature`` as the module loads (issue 25: the window's start).
    """One regeneration, as the undo stack saw it."""

    steps: int  # the document's undo step count right after the regeneration
    before: str
    after: str
    state_before: Any = None
    state_after: Any = None


class SubjectUndo(QObject):
    """Ties ``subject`` to the regeneration steps of ``document``'s undo stack.

    A regeneration may also carry the window's state before and after it (which draft the
    message follows); ``state_restored`` hands it back whenever undo or redo crosses it.
    """

    state_restored = Signal(object)

    def __init__(self, document: QTextDocument, subject: QLineEdit) -> None:
        super().__init__(subject)
        self.document = document
        self.subject = subject
        self.marks: list[_Mark] = []
        self._applied = 0
        self._steps = document.availableUndoSteps()
        self._added = False
        document.undoCommandAdded.connect(self._command_added)
        document.contentsChanged.connect(self._contents_changed)

    def record(
        self, before: str, after: str, state_before: object = None, state_after: object = None
    ) -> None:
        """A regeneration has just replaced the body and set the subject ``before`` → ``after``
        (and the window's state ``state_before`` → ``state_after``)."""
        steps = self.document.availableUndoSteps()
        self.marks.append(_Mark(steps, before, after, state_before, state_after))
        self._applied = len(self.marks)

    def reset(self) -> None:
        """The undo stacks were cleared: no regeneration is reachable any more."""
        self.marks.clear()
        self._applied = 0
        self._steps = self.document.availableUndoSteps()
        self._added = False

    def _reached(self, steps: int) -> int:
        """How many regenerations lie within ``steps`` (marks are in step order)."""
        return bisect_right(self.marks, steps, key=lambda mark: mark.steps)

    @Slot()
    def _command_added(self) -> None:
        self._added = True

    @Slot()
    def _contents_changed(self) -> None:
        steps = self.document.availableUndoSteps()
        # A new edit (not a redo) drops the redo stack, and the regenerations in it. Only a
        # new command adds steps without a redo; were Qt to merge an edit into the last
        # command instead, no step is added, and the next new command prunes the same way.
        if self._added:
            del self.marks[self._reached(self._steps) :]
        self._added = False
        self._steps = steps
        applied = self._reached(steps)
        if applied == self._applied:
            return
        if applied < self._applied:  # undone past a regeneration
            text, state = self.marks[applied].before, self.marks[applied].state_before
        else:  # redone past one
            text, state = self.marks[applied - 1].after, self.marks[applied - 1].state_after
        self._applied = applied
        if self.subject.text() != text:
            self.subject.setText(text)
        self.state_restored.emit(state)
