"""What every collaborator of one window is handed: the context, where to speak, what to
ask, and where history changes are published."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bowout.gui.context import AppContext
    from bowout.gui.events import HistoryEvents
    from bowout.gui.window.feedback import Feedback
    from bowout.gui.window.questions import Questions


@dataclasses.dataclass(frozen=True)
class WindowShared:
    """The window's shared parts (one of each per window)."""

    context: AppContext
    feedback: Feedback
    ask: Questions
    events: HistoryEvents
