"""History changes, published once: every list view listens (issue 25).

Whoever changes the history (the open record saved or marked sent, a reply added, data
imported) publishes here; the views beside the draft show the change when they are in
sight (a hidden one lists afresh when it is shown). No one calls a view directly.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class HistoryEvents(QObject):
    """One per window, handed to the collaborators that change the history and to the views."""

    #: The history changed: the id of the record that changed ("" for several, or none).
    changed = Signal(str)

    def publish(self, record_id: str = "") -> None:
        """Say that the history changed (``record_id``: the record to select, if any)."""
        self.changed.emit(record_id)
