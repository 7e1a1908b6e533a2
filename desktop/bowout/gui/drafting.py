"""Drafting in the window: compose for the situation, follow the user's edits, coach the tone."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from bowout.core.errors import BowOutError
from bowout.core.situation import Kind
from bowout.gui.editor import RichEditor
from bowout.gui.settings_apply import accept_user_names
from bowout.gui.utf16 import to_qt_span
from bowout.gui.views.draft import PHONE_TAB
from bowout.gui.widgets.follow_up_bar import is_closed
from bowout.gui.window_parts import WindowParts

if TYPE_CHECKING:
    from bowout.core.draft import Draft, Finding


logger = logging.getLogger(__name__)

NEW_TITLE = "New withdrawal"


def same_message(one: Draft, other: Draft) -> bool:
    """True when two drafts show the same subject, email and script."""
    return (one.subject, one.body_html, one.phone_script) == (
        other.subject,
        other.body_html,
        other.phone_script,
    )


class DraftingCommands(WindowParts):
    """Mixed into MainWindow; kept apart so each module reads in one sitting."""

    if TYPE_CHECKING:  # provided by MainWindow

        def show_error(self, text: str) -> None: ...

    # -- drafting -------------------------------------------------------------------------

    @Slot()
    def regenerate(self) -> None:
        """Compose the draft for the form's situation and bring the message in line with it.

        An untouched message follows the form as one undo step. A message holding the
        user's own words is never replaced silently: the redraft bar above the editor asks
        (keep my text / use the new draft). A sent or resolved record's message never
        changes (only its checklist follows the form).
        """
        from bowout.core.checklist import apply_state

        try:
            draft = self.context.composer.compose(
                self.form.situation(), self.context.settings.profile
            )
        except BowOutError as exc:
            self.show_error(str(exc))
            return
        problems = self.context.composer.take_template_problems()
        if problems:  # once per broken custom template; the built-in one was used
            self.show_error(" ".join(problems))
        self.draft = draft
        self.form.set_advice(draft.advice)
        self._follow_language(draft.situation.language)
        self._programmatic = True
        try:
            self.checklist_view.set_items(
                apply_state(draft.checklist, self.checklist_view.tick_state())
            )
        finally:
            self._programmatic = False
        closed = is_closed(self.record)
        if not closed:
            self._follow(draft)
        # A call's script, or the talking points for a conversation about a deal-breaker.
        self.tabs.setTabVisible(PHONE_TAB, draft.phone_script is not None)
        asking = draft.situation.kind is Kind.NEGOTIATE
        self.tabs.setTabText(PHONE_TAB, "Talking points" if asking else "Phone script")
        self.draft_view.show_call_branches(draft.phone_branches)
        self.form.wording_shown(draft.wording, draft.wordings)
        self.recheck_tone()  # on the editor's text, so spans match what the user sees
        accept_user_names(self)
        if not closed:
            self._mark_dirty()

    def _follow_language(self, language: str) -> None:
        """Check spelling in the message's language (its dictionary, when one ships)."""
        from bowout.gui.spellcheck import spell_language_for

        spell = spell_language_for(language, self.context.settings.spell_language)
        for editor in (self.editor, self.phone_editor):
            editor.highlighter.set_language(spell)

    def _follow(self, draft: Draft) -> None:
        """Put ``draft`` in the editor unless the message holds the user's words (then ask)."""
        basis = self.basis
        if basis is not None and same_message(basis, draft):
            self.basis = draft  # nothing the message shows would change
            self._show_redraft_bar()
            return
        if basis is not None and self._holds_own_words():
            if not self.phone_editor.document().isModified():
                self._programmatic = True  # an untouched script follows along; not an edit
                try:
                    self.phone_editor.replace_text(draft.phone_script or "")
                finally:
                    self._programmatic = False
            self._show_redraft_bar()
            self.statusBar().showMessage(
                "The form changed; your text is kept until you choose (above the message).",
                10000,
            )
            return
        self._put_draft(draft)

    def _holds_own_words(self) -> bool:
        """True when the message (subject, email or script) differs from the draft it came
        from because of the user: typed, pasted, kept, or loaded from the history."""
        basis = self.basis
        return basis is not None and (
            self._own_text
            or self.editor.document().isModified()
            or self.phone_editor.document().isModified()
            or self.subject_edit.text() != basis.subject
        )

    def _put_draft(self, draft: Draft) -> None:
        """Replace subject, email and script with ``draft``: one undo step in the email
        editor, which brings back the previous text, subject and state together."""
        before = (self.basis, self._own_text)
        subject = self.subject_edit.text()
        self._programmatic = True
        try:
            self.subject_edit.setText(draft.subject)
            self.editor.replace_html(draft.body_html)
            self.subject_undo.record(subject, draft.subject, before, (draft, False))
            self.phone_editor.replace_text(draft.phone_script or "")
        finally:
            self._programmatic = False
        self.basis, self._own_text = draft, False
        self.draft_view.redraft_bar.withdraw()

    @Slot()
    def keep_my_text(self) -> None:
        """The user keeps the message as it is; the form's change stays out of it."""
        if self.draft is None:
            return
        self.basis, self._own_text = self.draft, True
        self.draft_view.redraft_bar.withdraw()
        self.statusBar().showMessage("Your text is kept as you wrote it.", 8000)
        self.editor.setFocus()

    @Slot()
    def use_new_draft(self) -> None:
        """Replace the message with the draft for the form (Ctrl+Z brings the text back)."""
        if self.draft is None or is_closed(self.record):
            return
        self._put_draft(self.draft)
        self.recheck_tone()
        self._mark_dirty()
        self.message_bar.show_message("The new draft is in; press Ctrl+Z to get your text back.")
        self.editor.setFocus()

    @Slot(object)
    def _state_restored(self, state: object) -> None:
        """Undo or redo crossed a regeneration: the message follows that draft again."""
        if not isinstance(state, tuple):
            return
        self.basis, self._own_text = state
        self._show_redraft_bar()

    def _show_redraft_bar(self) -> None:
        """Show the decision while the message and the form part ways (hide it otherwise)."""
        bar = self.draft_view.redraft_bar
        basis, draft = self.basis, self.draft
        if basis is None or draft is None or basis is draft or is_closed(self.record):
            bar.withdraw()
            return
        bar.offer(basis, draft, self.editor.message_text(), own=self._own_text
                  or self.editor.document().isModified())  # fmt: skip

    @Slot()
    def _editor_changed(self) -> None:
        # textChanged also fires when the spell checker repaints underlines; only a
        # modified document (an edit, or an undo back to one) is the user's doing.
        if self.editor.document().isModified() or self.phone_editor.document().isModified():
            self._user_edited()

    @Slot()
    def _user_edited(self) -> None:
        if self._programmatic:
            return
        self.tone_timer.start()
        self._update_word_count()
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        if self._programmatic:
            return
        self.message_bar.clear()  # what it said was about the text before this edit
        if self.clean_state.is_clean():  # an undo back to what was saved
            self._mark_clean()
            return
        self.dirty = True
        self.setWindowModified(True)
        self.autosaver.schedule()

    @Slot()
    def _mark_clean(self) -> None:
        self.dirty = False
        self.setWindowModified(False)
        self.autosaver.discard()

    def update_title(self) -> None:
        """ "New withdrawal" or the kept record's company; ``[*]`` marks unsaved changes.

        The platform adds the application's name (" — Bow Out").
        """
        record = self.record
        if record is None:
            title = NEW_TITLE
        else:
            title = f"Withdrawal to {record.company}" if record.company else "Saved withdrawal"
        self.setWindowTitle(title + "[*]")

    @Slot()
    def recheck_tone(self) -> None:
        """Run the tone coach on the text as the user has edited it."""
        if self.draft is None:
            return
        # Imported here, not at the top: Jinja2 and the tone rules load after the first show.
        from bowout.core import tone
        from bowout.core.composer import paragraphs

        self.tone_timer.stop()
        text = self.editor.message_text()
        blocks = paragraphs(text)
        findings = tone.check_tone(
            text,
            self.draft.situation,
            self.draft.channel,
            subject=self.subject_edit.text(),
            signature="\n".join(blocks[-1]) if blocks else "",
        )
        self.tone_list.set_findings(findings)
        self._update_word_count(text)

    def _update_word_count(self, text: str | None = None) -> None:
        from bowout.gui.tone_panel import word_count_text

        shown = self.editor.message_text() if text is None else text
        self.word_label.setText(word_count_text(shown))

    @Slot(object)
    def select_finding(self, finding: Finding) -> None:
        """Select the words a tone remark is about."""
        if finding.target == "subject":
            self.subject_edit.setFocus()
            subject = self.subject_edit.text()
            self.subject_edit.setSelection(*to_qt_span(subject, finding.start, finding.end))
            return
        self.tabs.setCurrentWidget(self.editor)
        self.editor.select_span(finding.start, finding.end)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        # Formatting and its shortcuts act on a message; on the checklist or the notes they
        # would change the hidden email instead, so they rest there.
        self.format_bar.set_active(isinstance(widget, RichEditor))
        if isinstance(widget, RichEditor):
            self.format_bar.set_editor(widget)
        self.draft_view.show_call_branches(self.draft.phone_branches if self.draft else ())

    def current_editor(self) -> RichEditor:
        """The editor in the visible tab (the email editor otherwise)."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RichEditor) else self.editor
