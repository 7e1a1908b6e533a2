"""Drafting in the window: compose for the situation, follow the user's edits, coach the tone.

:class:`Drafting` owns what the message is made of (the composed draft, the draft the
message follows, whether the user's own words are in it, unsaved changes) and the draft
view's widgets; it says what happened through its signals and the window's
:class:`~bowout.gui.window.feedback.Feedback`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from bowout.core.errors import BowOutError
from bowout.core.situation import Kind, Situation
from bowout.core.textclean import clean_line, clean_text
from bowout.gui.utf16 import to_qt_span
from bowout.gui.views.draft import PHONE_TAB, DraftView
from bowout.gui.widgets.editor import RichEditor
from bowout.gui.window.tone_coach import ToneCoach

if TYPE_CHECKING:
    from bowout.core.draft import Draft
    from bowout.gui.window.shared import WindowShared
    from bowout.storage.records import Record


logger = logging.getLogger(__name__)


def same_message(one: Draft, other: Draft) -> bool:
    """True when two drafts show the same subject, email and script."""
    return (one.subject, one.body_html, one.phone_script) == (
        other.subject,
        other.body_html,
        other.phone_script,
    )


class Drafting(QObject):
    """The draft on screen and the user's edits to it."""

    #: Unsaved changes appeared (True) or were saved, discarded or loaded over (False).
    modified = Signal(bool)

    def __init__(
        self, shared: WindowShared, view: DraftView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.feedback, self.ask = shared.context, shared.feedback, shared.ask
        self.events = shared.events
        self.view = view
        self.draft: Draft | None = None
        #: The composed draft the message follows (its text, before the user's edits).
        self.basis: Draft | None = None
        #: The message holds the user's words beyond the basis (loaded, kept).
        self.own_text = False
        self.dirty = False
        #: The open record is sent or resolved: its message never changes.
        self.closed = False
        self._quiet = False
        self.coach = ToneCoach(view, self)

    @contextlib.contextmanager
    def quietly(self) -> Iterator[None]:
        """Changes made inside are the program's, not the user's: nothing becomes unsaved."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    # -- composing ------------------------------------------------------------------------

    @Slot()
    def regenerate(self) -> None:
        """Compose the draft for the form's situation and bring the message in line with it.

        An untouched message follows the form as one undo step. A message holding the
        user's own words is never replaced silently: the redraft bar above the editor asks
        (keep my text / use the new draft). A sent or resolved record's message never
        changes (only its checklist follows the form).
        """
        from bowout.core.checklist import apply_state

        v = self.view
        try:
            draft = self.context.composer.compose(v.form.situation(), self.context.settings.profile)
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return
        problems = self.context.composer.take_template_problems()
        if problems:  # once per broken custom template; the built-in one was used
            self.feedback.error(" ".join(problems))
        self.draft = draft
        v.form.set_advice(draft.advice)
        with self.quietly():  # re-checking the spelling changes formats, never the words
            self.follow_language()
        with self.quietly():
            v.checklist_view.set_items(apply_state(draft.checklist, v.checklist_view.tick_state()))
        self._show_parts(draft)
        self.recheck_tone()  # on the editor's text, so spans match what the user sees
        self.accept_user_names()
        if not self.closed:
            self.mark_dirty()

    def show_first(self, draft: Draft) -> None:
        """Show ``draft`` before the window's first paint: all that :meth:`regenerate`
        shows but the tone coach's remarks and word count and the spelling's language,
        which need the composer's modules (the window adds them once
        :class:`~bowout.gui.window.first_draft.ComposerWarmup` loaded those, after the
        paint), and the checklist, a tab not shown (:meth:`show_checklist`, just after)."""
        v = self.view
        self.draft = draft
        v.form.set_advice(draft.advice)
        self._show_parts(draft)
        self.accept_user_names()  # nothing unsaved: the start marks this draft as the saved one

    def show_checklist(self) -> None:
        """The draft's checklist in its tab, as the program's change (after the first paint:
        its rows, phase titles and fonts are not in the first frame)."""
        if self.draft is not None and not self.view.checklist_view.count():
            with self.quietly():
                self.view.checklist_view.set_items(self.draft.checklist)

    def _show_parts(self, draft: Draft) -> None:
        """The message (unless it holds the user's words), the tabs and the wording."""
        v = self.view
        if not self.closed:
            self._follow(draft)
        # A call's script, or the talking points for a conversation about a deal-breaker.
        v.tabs.setTabVisible(PHONE_TAB, draft.phone_script is not None)
        asking = draft.situation.kind is Kind.NEGOTIATE
        v.tabs.setTabText(PHONE_TAB, "Talking points" if asking else "Phone script")
        v.show_call_branches(draft.phone_branches)
        v.form.wording_shown(draft.wording, draft.wordings)

    def follow_language(self) -> None:
        """Check spelling in the message's language (its dictionary, when one ships)."""
        from bowout.gui.widgets.spellcheck import spell_language_for

        if self.draft is None:
            return
        language = self.draft.situation.language
        spell = spell_language_for(language, self.context.settings.spell_language)
        for editor in (self.view.editor, self.view.phone_editor):
            editor.highlighter.set_language(spell)

    def _follow(self, draft: Draft) -> None:
        """Put ``draft`` in the editor unless the message holds the user's words (then ask)."""
        basis = self.basis
        if basis is not None and same_message(basis, draft):
            self.basis = draft  # nothing the message shows would change
            self._show_redraft_bar()
            return
        if basis is not None and self._holds_own_words():
            if not self.view.phone_editor.document().isModified():
                with self.quietly():  # an untouched script follows along; not an edit
                    self.view.phone_editor.replace_text(draft.phone_script or "")
            self._show_redraft_bar()
            self.feedback.say(
                "The form changed; your text is kept until you choose (above the message).",
                10000,
            )
            return
        self._put_draft(draft)

    def _holds_own_words(self) -> bool:
        """True when the message (subject, email or script) differs from the draft it came
        from because of the user: typed, pasted, kept, or loaded from the history."""
        basis, v = self.basis, self.view
        return basis is not None and (
            self.own_text
            or v.editor.document().isModified()
            or v.phone_editor.document().isModified()
            or v.subject_edit.text() != basis.subject
        )

    def _put_draft(self, draft: Draft) -> None:
        """Replace subject, email and script with ``draft``: one undo step in the email
        editor, which brings back the previous text, subject and state together."""
        v = self.view
        before = (self.basis, self.own_text)
        subject = v.subject_edit.text()
        with self.quietly():
            v.subject_edit.setText(draft.subject)
            v.editor.replace_html(draft.body_html)
            v.subject_undo.record(subject, draft.subject, before, (draft, False))
            v.phone_editor.replace_text(draft.phone_script or "")
        self.basis, self.own_text = draft, False
        v.redraft_bar.withdraw()

    @Slot()
    def keep_my_text(self) -> None:
        """The user keeps the message as it is; the form's change stays out of it."""
        if self.draft is None:
            return
        self.basis, self.own_text = self.draft, True
        self.view.redraft_bar.withdraw()
        self.feedback.say("Your text is kept as you wrote it.")
        self.view.editor.setFocus()

    @Slot()
    def use_new_draft(self) -> None:
        """Replace the message with the draft for the form (Ctrl+Z brings the text back)."""
        if self.draft is None or self.closed:
            return
        self._put_draft(self.draft)
        self.recheck_tone()
        self.mark_dirty()
        self.feedback.show("The new draft is in; press Ctrl+Z to get your text back.")
        self.view.editor.setFocus()

    @Slot(object)
    def state_restored(self, state: object) -> None:
        """Undo or redo crossed a regeneration: the message follows that draft again."""
        if not isinstance(state, tuple):
            return
        self.basis, self.own_text = state
        self._show_redraft_bar()

    def _show_redraft_bar(self) -> None:
        """Show the decision while the message and the form part ways (hide it otherwise)."""
        bar = self.view.redraft_bar
        basis, draft = self.basis, self.draft
        if basis is None or draft is None or basis is draft or self.closed:
            bar.withdraw()
            return
        bar.offer(basis, draft, self.view.editor.message_text(), own=self.own_text
                  or self.view.editor.document().isModified())  # fmt: skip

    # -- the user's edits -----------------------------------------------------------------

    @Slot()
    def editor_changed(self) -> None:
        """An editor's text changed: the user's doing only when its document is modified."""
        # textChanged also fires when the spell checker repaints underlines; only a
        # modified document (an edit, or an undo back to one) is the user's doing.
        v = self.view
        if v.editor.document().isModified() or v.phone_editor.document().isModified():
            self.user_edited()

    @Slot()
    def user_edited(self) -> None:
        """The user changed the message, the checklist or the notes."""
        if self._quiet:
            return
        self.coach.timer.start()
        self.coach.count_words()
        self.mark_dirty()

    def mark_dirty(self) -> None:
        """Something unsaved is on screen (not while the program itself fills it in)."""
        if self._quiet:
            return
        self.feedback.clear()  # what it said was about the text before this edit
        self.dirty = True
        self.modified.emit(True)

    def settle(self) -> None:
        """After loading or saving: nothing unsaved, undo history starts here."""
        for editor in (self.view.editor, self.view.phone_editor):
            editor.document().clearUndoRedoStacks()
            editor.document().setModified(False)
        self.view.subject_undo.reset()
        self.set_saved()

    def set_saved(self) -> None:
        """What is on screen is kept (or was given up): nothing unsaved."""
        self.dirty = False
        self.modified.emit(False)

    # -- what the message holds -----------------------------------------------------------

    def load(self, record: Record, situation: Situation | None = None) -> None:
        """Show ``record``'s situation and message (``situation``: instead of its own)."""
        from bowout.core.checklist import apply_state

        v = self.view
        self.basis = None  # what is in the editor now is replaced by the record's text
        v.form.set_situation(situation or record.situation())
        v.form.show_resolved(record.outcome == "resolved")
        with self.quietly():
            v.subject_edit.setText(record.subject)
            v.editor.replace_html(record.body_html)
            if record.phone_script:
                v.phone_editor.replace_text(record.phone_script)
            v.notes_edit.setPlainText(record.notes)
            if self.draft is not None:
                done = {str(i.get("key")): bool(i.get("done")) for i in record.checklist}
                v.checklist_view.set_items(apply_state(self.draft.checklist, done))
        # The message is the record's: a later change in the form asks before replacing it.
        self.basis = self.draft
        self.own_text = self.draft is None or (
            v.editor.message_text() != self.draft.body_text or record.subject != self.draft.subject
        )
        v.redraft_bar.withdraw()
        self.recheck_tone()

    def start_over(self, situation: Situation) -> None:
        """A fresh draft for ``situation``: nothing of the user's is kept."""
        v = self.view
        self.basis = None  # nothing of the user's is kept: the new draft goes in
        v.checklist_view.set_items(())
        v.notes_edit.clear()
        v.form.visa_panel.set_expanded(False)
        v.tone_list.group_fill_ins()
        v.form.set_situation(situation)

    def as_record(self) -> Record:
        """The message on screen as a new history record (text pasted from other programs
        may carry Word's line break, U+000B, or other controls the history refuses: kept as
        line breaks or dropped, never refused). ValueError before the first draft."""
        from bowout.storage.records import Record

        if self.draft is None:
            raise ValueError("no draft composed yet")
        v = self.view
        return Record.from_draft(
            self.draft,
            body_html=clean_text(v.editor.body_html()),
            body_text=clean_text(v.editor.message_text()),
            subject=clean_line(v.subject_edit.text()),
            phone_script=clean_text(v.phone_editor.message_text()) or None,
            checklist=[i.to_dict() for i in v.checklist_view.checklist_items()],
            notes=clean_text(v.notes_edit.toPlainText()),
        )

    def lock(self, closed: bool) -> None:
        """Lock the message of a sent or resolved record (unlock it for a draft): read-only
        subject, email and script, the form and the wording off."""
        self.closed = closed
        v = self.view
        for editor in (v.editor, v.phone_editor):
            editor.setReadOnly(closed)
        v.subject_edit.setReadOnly(closed)
        v.form.setEnabled(not closed)
        v.form.wording_bar.setEnabled(not closed)
        v.format_bar.set_locked(closed)
        if closed:
            v.redraft_bar.withdraw()

    def ready_to_send(self, action: str) -> bool:
        """The name being typed is in the draft, and no "[placeholder]" is left in the
        subject or the email (or the user chose "Send anyway"); else the first one is
        selected for filling in and False returned. ``action``: "copy it", "send it"..."""
        from bowout.gui.dialogs.placeholder_check import unfilled

        v = self.view
        v.form.finish_typing()
        subject, body = v.subject_edit.text(), v.editor.message_text()
        names = unfilled(subject, body)
        if not names or self.ask.confirm_placeholders(names, action):
            return True
        first = names[0]
        if first in subject:
            start = subject.index(first)
            v.subject_edit.setFocus()
            v.subject_edit.setSelection(*to_qt_span(subject, start, start + len(first)))
        else:
            v.tabs.setCurrentWidget(v.editor)
            start = body.index(first)
            v.editor.select_span(start, start + len(first))
        return False

    def accept_user_names(self) -> None:
        """Every name the user typed — in the form and in the profile (their own name and
        signature lines) — is a word to the spell checkers of both editors."""
        profile = self.context.settings.profile
        names = [*self.view.form.names(), profile.name, *profile.signature.splitlines()]
        for editor in (self.view.editor, self.view.phone_editor):
            editor.highlighter.set_ignored_words(name for name in names if name.strip())

    @Slot()
    def recheck_tone(self) -> None:
        """Run the tone coach on the text as the user has edited it."""
        self.coach.recheck(self.draft)

    @Slot(int)
    def tab_changed(self, index: int) -> None:
        """Formatting follows the message tab showing; it rests on the checklist and notes."""
        v = self.view
        widget = v.tabs.widget(index)
        # Formatting and its shortcuts act on a message; on the checklist or the notes they
        # would change the hidden email instead, so they rest there.
        v.format_bar.set_active(isinstance(widget, RichEditor))
        if isinstance(widget, RichEditor):
            v.format_bar.set_editor(widget)
        v.show_call_branches(self.draft.phone_branches if self.draft else ())

    def current_editor(self) -> RichEditor:
        """The editor in the visible tab (the email editor otherwise)."""
        widget = self.view.tabs.currentWidget()
        return widget if isinstance(widget, RichEditor) else self.view.editor
