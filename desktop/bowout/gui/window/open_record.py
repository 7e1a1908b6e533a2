"""The open record: the withdrawal in the window, kept in the history or about to be.

:class:`OpenRecord` owns which record the window shows (none: a new draft), its saving and
its life (draft → sent, or resolved; see :mod:`bowout.gui.window.lifecycle`), the window's title,
and the autosaved copy of the draft. It works through the use cases of
:mod:`bowout.services.records`, the draft's :class:`~bowout.gui.window.drafting.Drafting`, and
publishes every change of the history on the window's
:class:`~bowout.gui.events.HistoryEvents`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from bowout.core.errors import BowOutError
from bowout.core.situation import Situation, Stage
from bowout.gui.plain_words import conflict_words
from bowout.gui.widgets.follow_up_bar import is_closed, is_sent
from bowout.gui.window.autosave import Autosaver
from bowout.gui.window.clean_state import CleanState
from bowout.gui.window.lifecycle import keep_again, still_kept

if TYPE_CHECKING:
    from bowout.gui.window.drafting import Drafting
    from bowout.gui.window.shared import WindowShared
    from bowout.storage.records import Record

logger = logging.getLogger(__name__)

NEW_TITLE = "New withdrawal"


class OpenRecord(QObject):
    """Which withdrawal the window shows, and what happens to it."""

    #: The record shown changed or changed state (None: a new draft).
    record_changed = Signal(object)
    #: The window's title ("New withdrawal", "Withdrawal to Northwind"), ``[*]`` included.
    title_changed = Signal(str)

    def __init__(
        self, shared: WindowShared, drafting: Drafting, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.feedback, self.ask = shared.context, shared.feedback, shared.ask
        self.events = shared.events
        self.drafting = drafting
        self.record: Record | None = None
        self.autosaver = Autosaver(self.context.data_dir, self.snapshot, self)
        view = drafting.view
        documents = (view.editor.document(), view.phone_editor.document())
        #: What was last saved or loaded: an undo back to it leaves nothing unsaved.
        self.clean_state = CleanState(self.snapshot, view.editor.toPlainText, documents, self)

    # -- which record ---------------------------------------------------------------------

    @Slot()
    def new_draft(self) -> None:
        """Start over with an empty situation (asks first if there are unsaved edits)."""
        form = self.drafting.view.form
        form.finish_typing()
        if self.drafting.dirty and not self.ask.confirm_discard("New withdrawal"):
            return
        self.record = None
        self.feedback.dismiss()  # the banner spoke of the withdrawal no longer shown
        self.show_record_state()
        # A fresh situation in the voice the user chose last.
        voice = form.wording_bar.voice()
        self.drafting.start_over(Situation(stage=Stage.APPLIED, voice=voice))
        self.settle("New withdrawal started.")

    @Slot(object)
    def open_record(self, record: Record) -> None:
        """Bring a kept withdrawal back into the editor."""
        self.drafting.view.form.finish_typing()
        if self.drafting.dirty and not self.ask.confirm_discard("Open from history"):
            return
        self.record = record
        self.feedback.dismiss()  # the banner spoke of the withdrawal shown before
        self.show_record_state()
        self.drafting.load(record)
        self.settle(f"Opened the withdrawal to {record.company or 'the company'}.")

    @Slot(object)
    def duplicate_record(self, record: Record) -> None:
        """Start a new withdrawal from a kept one."""
        self.drafting.view.form.finish_typing()
        if self.drafting.dirty and not self.ask.confirm_discard("Duplicate from history"):
            return
        self.record = None
        self.show_record_state()
        self.drafting.load(record)
        self.settle("Copied into a new withdrawal; save it to keep it.")
        self.clean_state.forget()  # not saved anywhere yet
        self.drafting.mark_dirty()

    def set_record(self, record: Record) -> None:
        """The open record changed in the history (a reply, a note, resolved): show it."""
        self.record = record
        self.show_follow_up()

    def settle(self, message: str) -> None:
        """After loading: nothing unsaved, no autosave, undo history starts here."""
        self.drafting.settle()
        self.update_title()
        self.autosaver.discard()
        self.clean_state.mark()
        self.feedback.clear()  # it spoke of the withdrawal shown before
        self.show_follow_up()
        self.feedback.say(message)

    # -- keeping it -----------------------------------------------------------------------

    def current_record(self) -> Record:
        """The window's content as a history record (keeps the id of an opened record)."""
        record = self.drafting.as_record()
        if self.record is not None:
            kept = self.record
            if is_closed(kept):  # kept as it went out: only the checklist and notes change
                return dataclasses.replace(kept, checklist=record.checklist, notes=record.notes)
            talk = record.negotiation
            if kept.outcome == "resolved" and talk["kind"] == "negotiate":
                talk = {**talk, "outcome": "resolved"}  # still the request that resolved it
            record = dataclasses.replace(
                record, id=kept.id, created=kept.created, updated=kept.updated, sent=kept.sent,
                status=kept.status, timeline=kept.timeline, negotiation=talk,
            )  # fmt: skip
        return record

    @Slot()
    def save_to_history(self) -> bool:
        """Keep (or update) this withdrawal in the history; True once it is on disk."""
        self.drafting.view.form.finish_typing()  # a name still being typed is kept too
        history = self.context.history
        if history is None or self.drafting.draft is None:
            return False
        from bowout.services.records import save_draft
        from bowout.storage.conflicts import SaveConflict, differences

        record = self.current_record()
        saved = "Saved to your history."
        try:
            if record.id and not still_kept(history, record.id):  # deleted while open
                record, saved = keep_again(history, record)
            self.record = save_draft(history, record)
        except SaveConflict as exc:  # kept as a new record beside the other window's version
            self.record = exc.kept
            self.drafting.set_saved()
            self.update_title()
            self.feedback.error(
                conflict_words(exc.current, exc.kept, differences(exc.current, exc.kept))
            )
            return False
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return False
        self.drafting.set_saved()
        self.update_title()
        self.autosaver.discard()
        self.clean_state.mark()
        self.feedback.say(saved)
        self.events.publish(self.record.id)
        self.show_follow_up()
        return True

    # -- its life: sent, resolved, a new version ------------------------------------------

    def show_record_state(self) -> None:
        """Lock the message of a sent or resolved record (unlock it for a draft), and say
        so (:attr:`record_changed`: the window turns its commands on and off)."""
        self.drafting.lock(is_closed(self.record))
        self.record_changed.emit(self.record)

    def show_follow_up(self) -> None:
        """What follows the message, for the record in the window (none: a new draft): the
        bar of a sent one, and whether its conversation resolved it."""
        view = self.drafting.view
        view.follow_up_bar.show_record(self.record)
        resolved = self.record is not None and self.record.outcome == "resolved"
        view.form.show_resolved(resolved)
        self.show_record_state()

    @Slot()
    def mark_sent(self) -> None:
        """Save, then stamp the time it was sent: once. From then on the message is kept as
        it went out (see :mod:`bowout.gui.window.lifecycle`); the banner's Undo takes it back."""
        if is_closed(self.record):
            done = ("it is marked sent once" if is_sent(self.record)
                    else "the conversation resolved it, so nothing is sent")  # fmt: skip
            self.feedback.error(f"This message is kept as it was: {done}. Write a new "
                                "version to send something else.")  # fmt: skip
            return
        if not self.drafting.ready_to_send("mark it as sent"):
            return
        history = self.context.history
        if history is None or not self.save_to_history() or self.record is None:
            return
        from bowout.services import records

        try:
            self.record = records.mark_sent(history, self.record.id)
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return
        view = self.drafting.view
        for editor in (view.editor, view.phone_editor):  # what went out is not undone
            editor.document().clearUndoRedoStacks()
        view.subject_undo.reset()
        when = dt.datetime.now().strftime("%H:%M")
        message = f"Marked as sent at {when}; the message is kept as it went out."
        self.feedback.say(message)
        record_id, sent_at = self.record.id, self.record.sent or ""
        self.feedback.offer(message, (
            ("undo_sent_button", "&Undo", lambda: self.undo_mark_sent(record_id, sent_at)),
            ("banner_dismiss", "Dismiss", self.feedback.dismiss),
        ))  # fmt: skip
        self.events.publish(record_id)
        self.show_follow_up()

    def undo_mark_sent(self, record_id: str, sent_at: str) -> None:
        """Take back "Mark as sent" in one save: the record is a draft again, without its
        sent time and its "message sent" event. Refused once its timeline has grown (a
        reply or a note came after it)."""
        from bowout.services import records

        history = self.context.history
        self.feedback.dismiss()
        if history is None:
            return
        try:
            record = history.get(record_id)
            if record.status != "sent" or record.sent != sent_at:
                self.feedback.error(
                    "This withdrawal changed since it was marked sent; nothing undone."
                )
                return
            if any(str(e.get("at")) > sent_at for e in record.timeline):
                self.feedback.error(
                    "Its timeline has more since it was marked sent; it stays marked sent."
                )
                return
            record = records.undo_sent(history, record_id)  # one step, one save
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return
        if self.record is not None and self.record.id == record_id:
            self.record = record
        self.feedback.say("Not marked as sent any more: it is a draft again.")
        self.events.publish(record_id)
        self.show_follow_up()

    @Slot()
    def write_new_version(self) -> None:
        """A new draft from the sent (or resolved) message in the window; the kept one stays
        exactly as it is in the history."""
        record = self.record
        if record is None or not is_closed(record):
            return
        if self.drafting.dirty and not self.save_to_history():  # its notes and ticks first
            return
        self.duplicate_record(record)
        if self.record is None:
            kept = "the one you sent" if is_sent(record) else "the resolved one"
            self.feedback.say(
                f"A new version to edit; {kept} stays in your history as it was. Save this "
                "one to keep it.",
                10000,
            )

    def update_title(self) -> None:
        """ "New withdrawal" or the kept record's company; ``[*]`` marks unsaved changes.

        The platform adds the application's name (" — Bow Out").
        """
        record = self.record
        if record is None:
            title = NEW_TITLE
        else:
            title = f"Withdrawal to {record.company}" if record.company else "Saved withdrawal"
        self.title_changed.emit(title + "[*]")

    # -- the autosaved copy ---------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything needed to put the draft back after a crash."""
        v = self.drafting.view
        return {
            "situation": v.form.situation().to_dict(),
            "subject": v.subject_edit.text(),
            "body_html": v.editor.body_html(),
            "phone_script": v.phone_editor.message_text(),
            "checklist": v.checklist_view.tick_state(),
            "notes": v.notes_edit.toPlainText(),
            "record_id": self.record.id if self.record is not None else None,
        }

    def offer_restore(self) -> bool:
        """Ask whether to restore the draft an unclean close left behind (in the banner);
        False when there is none."""
        if self.autosaver.pending() is None:
            return False
        self.feedback.offer(
            "Bow Out did not close properly last time. Restore the draft you were writing?",
            (
                ("restore_autosave_button", "&Restore draft", self.restore_autosave),
                ("discard_autosave_button", "Discard", self.discard_autosave),
            ),
        )
        return True

    @Slot()
    def restore_autosave(self) -> None:
        """Put the autosaved draft back into the window."""
        from bowout.storage.records import Record

        data = self.autosaver.pending()
        self.feedback.dismiss()
        if data is None:
            return
        try:
            situation = Situation.from_dict(data.get("situation") or {})
        except BowOutError as exc:
            self.feedback.error(f"The autosaved draft could not be read: {exc}")
            return
        checklist = [{"key": k, "done": v} for k, v in dict(data.get("checklist") or {}).items()]
        saved = Record(
            subject=str(data.get("subject") or ""),
            body_html=str(data.get("body_html") or ""),
            phone_script=str(data.get("phone_script") or "") or None,
            checklist=checklist,
            notes=str(data.get("notes") or ""),
        )
        self.record = self._kept_record(data.get("record_id"))
        self.show_record_state()
        self.drafting.load(saved, situation)
        self.update_title()
        self.show_follow_up()
        self.feedback.say("Restored the draft you were writing.")
        self.clean_state.forget()  # the restored draft is not in the history as it is
        self.drafting.mark_dirty()

    def _kept_record(self, record_id: object) -> Record | None:
        if not isinstance(record_id, str) or self.context.history is None:
            return None
        try:
            return self.context.history.get(record_id)
        except BowOutError:
            return None

    @Slot()
    def discard_autosave(self) -> None:
        """Forget the autosaved draft."""
        self.autosaver.discard()
        self.feedback.dismiss()

    @Slot(bool)
    def draft_modified(self, unsaved: bool) -> None:
        """The draft changed: write the autosave once typing pauses; an edit (an undo) back
        to what was saved or loaded leaves nothing unsaved."""
        if not unsaved:
            return
        if self.clean_state.is_clean():
            self.draft_clean()
            return
        self.autosaver.schedule()

    @Slot()
    def draft_clean(self) -> None:
        """The window holds what was last saved or loaded again: nothing unsaved."""
        self.drafting.set_saved()
        self.autosaver.discard()
