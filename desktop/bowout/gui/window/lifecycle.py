"""A kept record's life in the window: a draft is edited; a sent one is kept as it went out.

What the window shows for each state (the README's "A withdrawal's life" says the same):

- **draft** (new or kept, not sent): everything is editable; "Mark as sent" saves it and
  stamps the time, once. The banner's Undo takes the mark back as one step (the status,
  the sent time and the "message sent" event together), as long as nothing was added to
  its timeline since.
- **sent**: the subject, email and script are read only and the form is locked, so no
  change in the form can rewrite them; "Mark as sent" is off. The checklist and the
  private notes stay editable. "They replied…" and "Add a call note…" add to its
  timeline; a reply or a note never changes the message either (a replied record is a sent
  one). "Write a new version…" starts a new draft from it; the sent one stays as it is.
- **resolved** (the conversation resolved the deal-breaker; nothing was withdrawn): kept
  like a sent one, read only, with "Mark as sent" off; "Write a new version…" starts over
  if things change again.

The window's :class:`~bowout.gui.window.open_record.OpenRecord` carries these rules out.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from bowout.core.errors import BowOutError

if TYPE_CHECKING:
    from bowout.storage import History
    from bowout.storage.records import Record

logger = logging.getLogger(__name__)


def still_kept(history: History, record_id: str) -> bool:
    """True while ``record_id`` is in the history (not deleted, here or in another window)."""
    try:
        history.get(record_id)
    except BowOutError:
        return False
    return True


def keep_again(history: History, record: Record) -> tuple[Record, str]:
    """Saving a withdrawal that was deleted while open: from the trash it comes back (same
    record, so its links and follow-ups stay) to take the changes; once the trash was
    emptied it is kept as a new record. Returns the record to save and what to tell."""
    if any(gone.id == record.id for gone in history.trash()):
        history.restore(record.id)
        return record, "This withdrawal was in the trash; it is back in your history, saved."
    fresh = dataclasses.replace(record, id="", created="", updated="")
    return fresh, "This withdrawal had been deleted for good; it is saved again as a new record."
