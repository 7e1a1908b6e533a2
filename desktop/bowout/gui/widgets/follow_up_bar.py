"""Above a message that is closed: when it went (or that it resolved), and the way on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from bowout.gui.widgets.message_line import plain_label

if TYPE_CHECKING:
    from bowout.storage.records import Record


def is_sent(record: Record | None) -> bool:
    """True for a kept record that was marked sent."""
    return record is not None and record.status == "sent" and bool(record.sent)


def is_closed(record: Record | None) -> bool:
    """True when the record's message is kept as it is: it was sent, or the conversation
    resolved it (nothing was withdrawn). Its text is never rewritten by the window."""
    return is_sent(record) or (record is not None and record.outcome == "resolved")


class FollowUpBar(QWidget):
    """Shown while the draft is a kept record that was sent (or resolved): says the message
    is kept as it was, offers "Write a new version…", and for a sent one the window's
    "They replied…" and "Add a call note…" actions (all connected in ``shell.py``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("follow_up_bar")
        self.label = plain_label(QLabel(self))
        self.label.setObjectName("follow_up_label")
        self.label.setWordWrap(True)
        self.replied_button = QPushButton("They &replied…", self)
        self.replied_button.setObjectName("they_replied_button")
        self.replied_button.setAccessibleName("They replied: note it and draft your answer")
        self.note_button = QPushButton("Add a call &note…", self)
        self.note_button.setObjectName("call_note_button")
        self.note_button.setAccessibleName("Add a call note to the timeline")
        self.new_version_button = QPushButton("Write a new &version…", self)
        self.new_version_button.setObjectName("new_version_button")
        self.new_version_button.setAccessibleName(
            "Write a new version: a new draft from this message; this one stays as it is"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.replied_button)
        row.addWidget(self.note_button)
        row.addWidget(self.new_version_button)
        self.setVisible(False)

    def show_record(self, record: Record | None) -> None:
        """Show the bar for a sent or resolved record (hide it otherwise)."""
        sent, closed = is_sent(record), is_closed(record)
        self.setVisible(closed)
        if not closed:
            return
        self.replied_button.setVisible(sent)
        self.note_button.setVisible(sent)
        if sent and record is not None:
            # The history's model (its Qt classes) loads with the history, after the paint.
            from bowout.gui.models.history_model import local_time_text

            text = f"Sent {local_time_text(record.sent or '')}: kept as it went out (read only)."
        else:
            text = "Resolved, no withdrawal sent: the message is kept as it was (read only)."
        self.label.setText(text)
        events = len(getattr(record, "timeline", None) or [])
        more = f"{events} event{'s' if events != 1 else ''} in its timeline" if events else ""
        self.label.setToolTip(more)
        self.label.setAccessibleName(f"{text} {more}" if more else text)
