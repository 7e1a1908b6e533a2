"""Under a sent message: when it went, and the way on (they replied, a call note)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from bowout.gui.history_model import local_time_text
from bowout.gui.widgets.message_line import plain_label


class FollowUpBar(QWidget):
    """Shown while the draft is a kept record that was sent; the buttons trigger the
    window's "They replied…" and "Add a call note…" actions (connected in ``shell.py``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("follow_up_bar")
        self.label = plain_label(QLabel(self))
        self.label.setObjectName("follow_up_label")
        self.replied_button = QPushButton("They &replied…", self)
        self.replied_button.setObjectName("they_replied_button")
        self.replied_button.setAccessibleName("They replied: note it and draft your answer")
        self.note_button = QPushButton("Add a call &note…", self)
        self.note_button.setObjectName("call_note_button")
        self.note_button.setAccessibleName("Add a call note to the timeline")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.replied_button)
        row.addWidget(self.note_button)
        self.setVisible(False)

    def show_record(self, record: Any) -> None:
        """Show the bar for a sent record (hide it otherwise), with its last event."""
        sent = record is not None and record.status == "sent" and bool(record.sent)
        self.setVisible(sent)
        if not sent:
            return
        events = len(getattr(record, "timeline", None) or [])
        self.label.setText(f"Sent {local_time_text(record.sent)}")
        more = f"{events} event{'s' if events != 1 else ''} in its timeline" if events else ""
        self.label.setToolTip(more)
        self.label.setAccessibleName(f"{self.label.text()}; {more}" if more else self.label.text())
