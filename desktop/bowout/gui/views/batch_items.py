"""Pieces of the batch view: one message of a batch (the application, its situation and
draft, the user's edits), its row text and notes, and the view's small widgets."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QWidget

from bowout.core.history_summary import STAGE_NAMES
from bowout.gui.widgets.eliding_combo import ElidingCombo

if TYPE_CHECKING:
    from bowout.core.applications import Application
    from bowout.core.draft import Draft
    from bowout.core.situation import Situation
    from bowout.storage import History
    from bowout.storage.applications import StoredApplication


#: What the view says when there is nobody to tell.
NOTHING_OPEN = (
    "No other open applications: add them in Applications (Ctrl+3), by hand or from "
    "a spreadsheet's CSV, then draft the messages here."
)


@dataclasses.dataclass(frozen=True)
class BatchItem:
    """An open application's withdrawal in a batch: ``subject`` and ``body`` are the text
    the user will send (the draft's until edited); ``record_id`` is set once it is kept as
    sent."""

    stored: StoredApplication
    situation: Situation
    draft: Draft | None = None
    subject: str = ""
    body: str = ""
    record_id: str | None = None


def item_text(item: BatchItem) -> str:
    """The list row: sent or not, company and role, stage, channel."""
    app = item.stored.application
    role = f" — {app.role}" if app.role else ""
    channel = item.draft.channel.label if item.draft else ""
    state = "✓ Sent" if item.record_id else "To send"
    return f"{state} · {app.company}{role} · {STAGE_NAMES[app.stage]} · {channel}"


def blocked(item: BatchItem | None, command: str) -> str:
    """Why the window's ``command`` ("copy", "mark_sent", ...) cannot run on ``item``, the
    message selected in the batch ("" when it can): none is selected, or it is kept as sent
    (read only, as the review shows it)."""
    if item is None or item.draft is None:
        return "Draft the messages, then select one in the list"
    if item.record_id:
        sent = "marked sent" if command == "mark_sent" else "kept as it went out"
        return f"{item.stored.application.company}: already {sent}"
    return ""


def text_html(text: str) -> str:
    """Plain text as escaped HTML paragraphs (line breaks kept), for an edited message."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def batch_note(told_on: dt.date, why: str, accepted: Application | None) -> str:
    """The notes of each record of a batch: when and why the others were told, in words
    the user can search for later (no internal id: the user never sees those).
    ``why``: the reason as chosen; ``accepted``: the application whose offer was accepted."""
    if accepted is not None:
        role = f" ({accepted.role})" if accepted.role else ""
        why = f"accepted the offer from {accepted.company}{role}"
    else:
        why = why.replace(" — tell the others", "")
    return (
        f"Told with the others on {told_on.isoformat()}: {why}; every other open application told."
    )


def unfilled(subject: str, body: str) -> str:
    """What is still to fill in before sending (the tone coach's placeholder findings, one
    line each), or "" when nothing is."""
    from bowout.core.tone_findings import placeholder_findings

    found = placeholder_findings([(subject, "subject"), (body, "body")])
    return "\n".join(f.message for f in found)


def side_combo(parent: QWidget, name: str, accessible: str) -> QComboBox:
    """A combo whose long choices do not hold the side panel wide (the popup shows them,
    the box a cut one ending in "…" with the whole in its tooltip)."""
    combo = ElidingCombo(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    return combo


def wrapping_list(parent: QWidget, name: str, accessible: str) -> QListWidget:
    """A list whose rows are read whole: a long one wraps (and its tooltip holds it) instead
    of hiding behind a sideways scroll bar in a narrow column."""
    listed = QListWidget(parent)
    listed.setObjectName(name)
    listed.setAccessibleName(accessible)
    listed.setWordWrap(True)
    listed.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    listed.setResizeMode(QListWidget.ResizeMode.Adjust)
    return listed


def keep_sent(history: History, item: BatchItem, note: str) -> str:
    """Keep ``item`` as a sent withdrawal (with the user's subject and text, and ``note``)
    linked to its application, which is marked withdrawn; returns the record id.

    One atomic write (:func:`bowout.services.batch.keep_sent`): a crash leaves the
    application untouched or withdrawn with its record, and a retry never keeps a second.
    """
    from bowout.services import batch

    assert item.draft is not None
    edited = item.body != item.draft.body_text
    return batch.keep_sent_message(
        history, item.stored, item.draft, subject=item.subject, body_text=item.body,
        body_html=text_html(item.body) if edited else None, notes=note,
    ).id  # fmt: skip
