"""One message of a batch: the application, its situation and draft, the user's edits."""

from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING

from bowout.core.history_summary import STAGE_NAMES

if TYPE_CHECKING:
    from bowout.core.applications import Application
    from bowout.core.draft import Draft
    from bowout.core.situation import Situation
    from bowout.storage.applications import StoredApplication


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


def text_html(text: str) -> str:
    """Plain text as escaped HTML paragraphs (line breaks kept), for an edited message."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def batch_note(batch_id: str, why: str, accepted: Application | None) -> str:
    """The notes of each record of a batch: its id and why, for finding them later.
    ``why``: the reason as chosen; ``accepted``: the application whose offer was accepted."""
    if accepted is not None:
        role = f" ({accepted.role})" if accepted.role else ""
        why = f"accepted the offer from {accepted.company}{role}"
    else:
        why = why.replace(" — tell the others", "")
    return f"Batch {batch_id}: {why}; every other open application told."
