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
from bowout.gui.window_parts import WindowParts

if TYPE_CHECKING:
    from bowout.core.draft import Finding


logger = logging.getLogger(__name__)

NEW_TITLE = "New withdrawal"


class DraftingCommands(WindowParts):
    """Mixed into MainWindow; kept apart so each module reads in one sitting."""

    if TYPE_CHECKING:  # provided by MainWindow

        def show_error(self, text: str) -> None: ...

    # -- drafting -------------------------------------------------------------------------

    @Slot()
    def regenerate(self) -> None:
        """Compose the draft for the form's situation; user edits stay one Ctrl+Z away."""
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
        previous = self.draft
        subject = self.subject_edit.text()
        edited = previous is not None and (
            self.editor.document().isModified() or subject != previous.subject
        )
        self.draft = draft
        self.form.set_advice(draft.advice)
        self._programmatic = True
        try:
            self.subject_edit.setText(draft.subject)
            self.editor.replace_html(draft.body_html)
            self.subject_undo.record(subject, draft.subject)
            self.phone_editor.replace_text(draft.phone_script or "")
            self.checklist_view.set_items(
                apply_state(draft.checklist, self.checklist_view.tick_state())
            )
        finally:
            self._programmatic = False
        # A call's script, or the talking points for a conversation about a deal-breaker.
        self.tabs.setTabVisible(PHONE_TAB, draft.phone_script is not None)
        asking = draft.situation.kind is Kind.NEGOTIATE
        self.tabs.setTabText(PHONE_TAB, "Talking points" if asking else "Phone script")
        self.draft_view.show_call_branches(draft.phone_branches)
        self.form.wording_shown(draft.wording, draft.wordings)
        self.recheck_tone()  # on the editor's text, so spans match what the user sees
        accept_user_names(self)
        if edited:
            self.statusBar().showMessage(
                "Draft rewritten for the new situation; press Ctrl+Z in the editor to get "
                "your edits (subject included) back.",
                10000,
            )
        self._mark_dirty()

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
        self.dirty = True
        self.setWindowModified(True)
        self.autosaver.schedule()

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
        from bowout.core import tone

        count = tone.count_words(self.editor.message_text() if text is None else text)
        self.word_label.setText(f"{count} words" if count != 1 else "1 word")

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
