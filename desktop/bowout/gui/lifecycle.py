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
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot

from bowout.core.errors import BowOutError
from bowout.gui.widgets.follow_up_bar import is_closed, is_sent
from bowout.gui.window_parts import WindowParts

if TYPE_CHECKING:
    from bowout.gui.actions import Actions
    from bowout.storage.records import Record

logger = logging.getLogger(__name__)


class LifecycleCommands(WindowParts):
    """Mixed into MainWindow: the locks of a closed record, undo of "Mark as sent", and
    "Write a new version…"."""

    if TYPE_CHECKING:  # provided by MainWindow and the other mixins
        actions_: Actions

        def show_follow_up(self) -> None: ...
        def _history_changed(self) -> None: ...
        def duplicate_record(self, record: Any) -> None: ...
        def save_to_history(self) -> bool: ...
        def ready_to_send(self, action: str) -> bool: ...

    def show_record_state(self) -> None:
        """Lock the message of a sent or resolved record (unlock it for a draft): read-only
        subject, email and script, the form and the wording off, "Mark as sent" off."""
        closed = is_closed(self.record)
        for editor in (self.editor, self.phone_editor):
            editor.setReadOnly(closed)
        self.subject_edit.setReadOnly(closed)
        self.form.setEnabled(not closed)
        self.form.wording_bar.setEnabled(not closed)
        self.format_bar.set_locked(closed)
        can_change = self.context.history is not None and not closed
        self.actions_.mark_sent.setEnabled(can_change)
        self.actions_.resolved.setEnabled(can_change)
        self.actions_.new_version.setEnabled(closed)
        if closed:
            self.draft_view.redraft_bar.withdraw()

    @Slot()
    def mark_sent(self) -> None:
        """Save, then stamp the time it was sent: once. From then on the message is kept as
        it went out (see :mod:`bowout.gui.lifecycle`); the banner's Undo takes it back."""
        if is_closed(self.record):
            done = ("it is marked sent once" if is_sent(self.record)
                    else "the conversation resolved it, so nothing is sent")  # fmt: skip
            self.show_error(f"This message is kept as it was: {done}. Write a new version "
                            "to send something else.")  # fmt: skip
            return
        if not self.ready_to_send("mark it as sent"):
            return
        history = self.context.history
        if history is None or not self.save_to_history() or self.record is None:
            return
        from bowout.services import records

        try:
            self.record = records.mark_sent(history, self.record.id)
        except BowOutError as exc:
            self.show_error(str(exc))
            return
        for editor in (self.editor, self.phone_editor):  # what went out is not undone
            editor.document().clearUndoRedoStacks()
        self.subject_undo.reset()
        when = dt.datetime.now().strftime("%H:%M")
        message = f"Marked as sent at {when}; the message is kept as it went out."
        self.statusBar().showMessage(message, 8000)
        record_id, sent_at = self.record.id, self.record.sent or ""
        self.banner.show_message(message, (
            ("undo_sent_button", "&Undo", lambda: self.undo_mark_sent(record_id, sent_at)),
            ("banner_dismiss", "Dismiss", self.banner.dismiss),
        ))  # fmt: skip
        self._history_changed()
        self.show_follow_up()

    @Slot()
    def write_new_version(self) -> None:
        """A new draft from the sent (or resolved) message in the window; the kept one stays
        exactly as it is in the history."""
        record = self.record
        if not is_closed(record):
            return
        if self.dirty and not self.save_to_history():  # its notes and ticks, kept first
            return
        self.duplicate_record(record)
        if self.record is None:
            kept = "the one you sent" if is_sent(record) else "the resolved one"
            self.statusBar().showMessage(
                f"A new version to edit; {kept} stays in your history as it was. Save this "
                "one to keep it.",
                10000,
            )

    def undo_mark_sent(self, record_id: str, sent_at: str) -> None:
        """Take back "Mark as sent" in one save: the record is a draft again, without its
        sent time and its "message sent" event. Refused once its timeline has grown (a
        reply or a note came after it)."""
        from bowout.services import records

        history = self.context.history
        self.banner.dismiss()
        if history is None:
            return
        try:
            record = history.get(record_id)
            if record.status != "sent" or record.sent != sent_at:
                self.show_error("This withdrawal changed since it was marked sent; nothing undone.")
                return
            if any(str(e.get("at")) > sent_at for e in record.timeline):
                self.show_error(
                    "Its timeline has more since it was marked sent; it stays marked sent."
                )
                return
            record = records.undo_sent(history, record_id)  # one step, one save
        except BowOutError as exc:
            self.show_error(str(exc))
            return
        if self.record is not None and self.record.id == record_id:
            self.record = record
        self.statusBar().showMessage("Not marked as sent any more: it is a draft again.", 8000)
        self._history_changed()
        self.show_follow_up()


def still_kept(history: Any, record_id: str) -> bool:
    """True while ``record_id`` is in the history (not deleted, here or in another window)."""
    try:
        history.get(record_id)
    except BowOutError:
        return False
    return True


def keep_again(history: Any, record: Record) -> tuple[Record, str]:
    """Saving a withdrawal that was deleted while open: from the trash it comes back (same
    record, so its links and follow-ups stay) to take the changes; once the trash was
    emptied it is kept as a new record. Returns the record to save and what to tell."""
    if any(gone.id == record.id for gone in history.trash()):
        history.restore(record.id)
        return record, "This withdrawal was in the trash; it is back in your history, saved."
    fresh = dataclasses.replace(record, id="", created="", updated="")
    return fresh, "This withdrawal had been deleted for good; it is saved again as a new record."
