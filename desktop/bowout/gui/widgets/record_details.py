"""The selected history record in a few lines: who, what, how, and its timeline."""

from __future__ import annotations

import re
from html import escape, unescape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from bowout.gui.models.history_model import channel_label, local_time_text, stage_label, status_text
from bowout.storage.timeline import EVENT_KINDS

if TYPE_CHECKING:
    from bowout.storage.records import Record

#: How much of an event's text the details show (its first line, cut here).
EVENT_TEXT_CHARS = 80
#: An event's channel in a word (a record's channel labels describe the whole approach).
EVENT_CHANNELS = {"email": "Email", "phone": "Phone", "recruiter": "Recruiter",
                  "linkedin": "LinkedIn"}  # fmt: skip

NOTHING_SELECTED = "Select a withdrawal to see its details; click it to open it in the draft."


def timeline(record: Record) -> list[tuple[str, str]]:
    """(event, local time) pairs, oldest first: created, last changed, sent (those known)."""
    events = [("Created", record.created), ("Changed", getattr(record, "updated", "") or "")]
    events.append(("Sent", getattr(record, "sent", None) or ""))
    shown = [(name, local_time_text(when)) for name, when in events if when]
    # "Changed" at the minute it was created says nothing.
    if len(shown) > 1 and shown[1][0] == "Changed" and shown[1][1] == shown[0][1]:
        del shown[1]
    return [(name, when) for name, when in shown if when]


def event_lines(record: Record) -> list[str]:
    """The record's timeline, oldest first, one line an event: date, what happened (and the
    reply kind), channel, and the first line of its text."""
    lines = []
    for event in getattr(record, "timeline", None) or []:
        what = EVENT_KINDS.get(event["kind"], event["kind"])
        if event.get("reply"):
            what += f" ({event['reply']})"
        first = next((ln.strip() for ln in str(event["text"]).splitlines() if ln.strip()), "")
        if len(first) > EVENT_TEXT_CHARS:
            first = first[: EVENT_TEXT_CHARS - 1] + "…"
        channel = EVENT_CHANNELS.get(event["channel"], event["channel"])
        parts = [local_time_text(event["at"]), what, channel]
        lines.append(" · ".join([*parts, *([f"\u201c{first}\u201d"] if first else [])]))
    return lines


def details_html(record: Record) -> str:
    """The record as short HTML lines (every value escaped)."""
    title = " — ".join(escape(str(p)) for p in (record.company, record.role) if p)
    lines = [f"<b>{title or 'Untitled withdrawal'}</b>"]
    lines.append(escape(f"{stage_label(record.stage)} · {channel_label(record.channel)}"))
    who = [str(p) for p in (record.contact, getattr(record, "recruiter", "")) if p]
    if who:
        lines.append("To " + escape(", ".join(who)))
    status = status_text(record)
    lines.append("Draft, not sent yet" if status == "Draft" else escape(status))
    lines.extend(f"{escape(name)}: {escape(when)}" for name, when in timeline(record))
    events = event_lines(record)
    if events:
        lines.append("<b>Timeline</b>")
        lines.extend(escape(line) for line in events)
    notes = str(getattr(record, "notes", "") or "").strip()
    if notes:
        first = notes.splitlines()[0]
        lines.append("<i>" + escape(first[:120] + ("…" if len(first) > 120 else "")) + "</i>")
    return "<br>".join(lines)


class RecordDetails(QLabel):
    """Read-only details of one record (or a hint when none is selected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record_details")
        self.setAccessibleName("Selected withdrawal")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.show_record(None)

    def show_record(self, record: Record | None) -> None:
        """Show ``record`` (None: the hint)."""
        self.setText(NOTHING_SELECTED if record is None else details_html(record))
        self.setAccessibleDescription(self.text() if record is None else describe_plain(record))


def describe_plain(record: Record) -> str:
    """The details as one plain line, for screen readers."""
    text = re.sub(r"<[^>]+>", "", details_html(record).replace("<br>", ". "))
    return unescape(text)
