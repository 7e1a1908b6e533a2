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

#: The link after a cut timeline entry.
READ_ALL = "Read all"

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


def event_lines(record: Record, whole: frozenset[int] = frozenset()) -> list[tuple[str, bool]]:
    """The record's timeline, oldest first, one line an event: date, what happened (and the
    reply kind), channel, and its text: the first line cut at :data:`EVENT_TEXT_CHARS`, or
    all of it for the events numbered in ``whole``. Each with True when some text is left
    out (the details then offer to read it all)."""
    lines = []
    for number, event in enumerate(getattr(record, "timeline", None) or []):
        what = EVENT_KINDS.get(event["kind"], event["kind"])
        if event.get("reply"):
            what += f" ({event['reply']})"
        text = "\n".join(ln.strip() for ln in str(event["text"]).splitlines() if ln.strip())
        first = text.split("\n", 1)[0]
        shown = text if number in whole else first
        if len(shown) > EVENT_TEXT_CHARS and number not in whole:
            shown = shown[: EVENT_TEXT_CHARS - 1] + "…"
        channel = EVENT_CHANNELS.get(event["channel"], event["channel"])
        parts = [local_time_text(event["at"]), what, channel]
        lines.append(
            (" · ".join([*parts, *([f"\u201c{shown}\u201d"] if shown else [])]), shown != text)
        )
    return lines


def details_html(record: Record, whole: frozenset[int] = frozenset()) -> str:
    """The record as short HTML lines (every value escaped); the timeline events numbered
    in ``whole`` with all their text, the others cut with a "Read all" link (``event:N``)."""
    title = " — ".join(escape(str(p)) for p in (record.company, record.role) if p)
    lines = [f"<b>{title or 'Untitled withdrawal'}</b>"]
    lines.append(escape(f"{stage_label(record.stage)} · {channel_label(record.channel)}"))
    who = [str(p) for p in (record.contact, getattr(record, "recruiter", "")) if p]
    if who:
        lines.append("To " + escape(", ".join(who)))
    status = status_text(record)
    lines.append("Draft, not sent yet" if status == "Draft" else escape(status))
    lines.extend(f"{escape(name)}: {escape(when)}" for name, when in timeline(record))
    events = event_lines(record, whole)
    if events:
        lines.append("<b>Timeline</b>")
        for number, (line, cut) in enumerate(events):
            more = f' <a href="event:{number}">{READ_ALL}</a>' if cut else ""
            lines.append(escape(line).replace("\n", "<br>") + more)
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
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setOpenExternalLinks(False)
        self.linkActivated.connect(self._read_all)
        self._record: Record | None = None
        self._whole: frozenset[int] = frozenset()
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.show_record(None)

    def show_record(self, record: Record | None) -> None:
        """Show ``record`` (None: the hint); another record starts with entries cut again."""
        if record is None or self._record is None or record.id != self._record.id:
            self._whole = frozenset()
        self._record = record
        self.setText(NOTHING_SELECTED if record is None else details_html(record, self._whole))
        self.setAccessibleDescription(self.text() if record is None else describe_plain(record))

    def _read_all(self, link: str) -> None:
        """A "Read all" link: that timeline entry with all its text."""
        kind, _, number = link.partition(":")
        if kind == "event" and number.isdigit() and self._record is not None:
            self._whole = self._whole | {int(number)}
            self.show_record(self._record)


def describe_plain(record: Record) -> str:
    """The details as one plain line, for screen readers."""
    every = frozenset(range(len(getattr(record, "timeline", None) or [])))
    text = re.sub(r"<[^>]+>", "", details_html(record, every).replace("<br>", ". "))
    return unescape(text)
