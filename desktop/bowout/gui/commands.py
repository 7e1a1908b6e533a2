"""What the window's actions do: save, send, copy, export, history, settings, autosave."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication

from bowout import paths
from bowout.core.errors import BowOutError
from bowout.core.situation import Situation, Stage
from bowout.core.textclean import clean_line, clean_text
from bowout.gui.lifecycle import keep_again, still_kept
from bowout.gui.plain_words import conflict_words, plain_words
from bowout.gui.sending import SendingCommands
from bowout.gui.widgets.follow_up_bar import is_closed
from bowout.settings import save_settings

# The dialogs (Qt's too), exports and Jinja2 are imported where they are used: none is
# needed to show the window, and together they cost a visible part of the start-up.
if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from bowout.gui.views.history import HistoryView
    from bowout.storage.records import Record


logger = logging.getLogger(__name__)


class WindowCommands(SendingCommands):
    """Mixed into MainWindow; kept apart so each module reads in one sitting."""

    if TYPE_CHECKING:  # provided by MainWindow

        @property
        def history_view(self) -> HistoryView | None: ...

        views: dict[str, QWidget]

        def show_view(self, key: str) -> None: ...
        def apply_icons(self) -> None: ...
        def command_list(self) -> list[QAction]: ...
        def show_theme(self, theme: str) -> None: ...

        def regenerate(self) -> None: ...
        def recheck_tone(self) -> None: ...
        def _update_word_count(self, text: str | None = None) -> None: ...
        def _mark_dirty(self) -> None: ...
        def update_title(self) -> None: ...
        def show_follow_up(self) -> None: ...
        def show_record_state(self) -> None: ...

    # -- replaceable interactions (tests swap these) --------------------------------------

    def confirm_discard(self, title: str) -> bool:
        """Ask whether unsaved changes may be dropped."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            title,
            "This draft has changes that are not saved in your history. Discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """The native save dialog, in the folder used last or Documents; None when
        cancelled."""
        from bowout.gui.file_dialogs import save_file_name

        return save_file_name(self, title, suggested, file_filter)

    def show_error(self, text: str) -> None:
        """A problem the user can act on: in the banner (in plain words: no internal id),
        and in the log."""
        logger.warning("%s", text)
        text = plain_words(text)
        self.banner.show_message(text)
        self.statusBar().showMessage(text, 15000)

    # -- drafts ---------------------------------------------------------------------------

    @Slot()
    def new_draft(self) -> None:
        """Start over with an empty situation (asks first if there are unsaved edits)."""
        self.form.finish_typing()
        if self.dirty and not self.confirm_discard("New withdrawal"):
            return
        self.record = None
        self.basis = None  # nothing of the user's is kept: the new draft goes in
        self.show_record_state()
        self.checklist_view.set_items(())
        self.notes_edit.clear()  # _settle below leaves nothing unsaved
        self.form.visa_panel.set_expanded(False)
        self.tone_list.group_fill_ins()
        # A fresh situation in the voice the user chose last.
        self.form.set_situation(Situation(stage=Stage.APPLIED, voice=self.form.wording_bar.voice()))
        self._settle("New withdrawal started.")

    def _settle(self, message: str) -> None:
        """After loading: nothing unsaved, no autosave, undo history starts here."""
        for editor in (self.editor, self.phone_editor):
            editor.document().clearUndoRedoStacks()
            editor.document().setModified(False)
        self.subject_undo.reset()
        self.dirty = False
        self.update_title()
        self.setWindowModified(False)
        self.autosaver.discard()
        self.show_follow_up()
        self.statusBar().showMessage(message, 8000)

    def _load(self, record: Any, situation: Situation | None = None) -> None:
        """Show ``record``'s situation and message (``self.record`` is set already)."""
        from bowout.core.checklist import apply_state

        self.basis = None  # what is in the editor now is replaced by the record's text
        self.show_record_state()
        self.form.set_situation(situation or record.situation())
        self.form.negotiate_panel.show_resolved(record.outcome == "resolved")
        self._programmatic = True
        try:
            self.subject_edit.setText(record.subject)
            self.editor.replace_html(record.body_html)
            if record.phone_script:
                self.phone_editor.replace_text(record.phone_script)
            self.notes_edit.setPlainText(record.notes)
            if self.draft is not None:
                done = {str(i.get("key")): bool(i.get("done")) for i in record.checklist}
                self.checklist_view.set_items(apply_state(self.draft.checklist, done))
        finally:
            self._programmatic = False
        # The message is the record's: a later change in the form asks before replacing it.
        self.basis = self.draft
        self._own_text = self.draft is None or (
            self.editor.message_text() != self.draft.body_text
            or record.subject != self.draft.subject
        )
        self.draft_view.redraft_bar.withdraw()
        self.recheck_tone()

    @Slot(object)
    def open_record(self, record: Any) -> None:
        """Bring a kept withdrawal back into the editor."""
        self.form.finish_typing()
        if self.dirty and not self.confirm_discard("Open from history"):
            return
        self.record = record
        self._load(record)
        self._settle(f"Opened the withdrawal to {record.company or 'the company'}.")

    @Slot(object)
    def duplicate_record(self, record: Any) -> None:
        """Start a new withdrawal from a kept one."""
        self.form.finish_typing()
        if self.dirty and not self.confirm_discard("Duplicate from history"):
            return
        self.record = None
        self._load(record)
        self._settle("Copied into a new withdrawal; save it to keep it.")
        self._mark_dirty()

    def current_record(self) -> Record:
        """The window's content as a history record (keeps the id of an opened record)."""
        from bowout.storage.records import Record

        assert self.draft is not None
        # Text pasted from other programs may carry Word's line break (U+000B) or other
        # controls the history refuses: kept as line breaks or dropped, never refused.
        record = Record.from_draft(
            self.draft,
            body_html=clean_text(self.editor.body_html()),
            body_text=clean_text(self.editor.message_text()),
            subject=clean_line(self.subject_edit.text()),
            phone_script=clean_text(self.phone_editor.message_text()) or None,
            checklist=[i.to_dict() for i in self.checklist_view.checklist_items()],
            notes=clean_text(self.notes_edit.toPlainText()),
        )
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
        self.form.finish_typing()  # a name still being typed is part of what is kept
        history = self.context.history
        if history is None or self.draft is None:
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
            self.dirty = False
            self.update_title()
            self.setWindowModified(False)
            self.show_error(
                conflict_words(exc.current, exc.kept, differences(exc.current, exc.kept))
            )
            return False
        except BowOutError as exc:
            self.show_error(str(exc))
            return False
        self.dirty = False
        self.update_title()
        self.setWindowModified(False)
        self.autosaver.discard()
        self.statusBar().showMessage(saved, 8000)
        self._history_changed()
        self.show_follow_up()
        return True

    def _history_changed(self) -> None:
        """A list beside the draft shows the save at once (a hidden one lists on showing)."""
        view = self.history_view
        if view is not None and view.isVisible():
            view.refresh(select_id=self.record.id if self.record is not None else None)
        for other in self.views.values():  # "Coming up": a sent withdrawal's follow-ups
            if other is not view and other.isVisible() and hasattr(other, "view_shown"):
                other.view_shown()

    # -- dialogs --------------------------------------------------------------------------

    @Slot()
    def show_history(self) -> None:
        """Show the history list beside the draft (or say why there is none)."""
        if self.history_view is None:
            self.show_error(self.context.history_message or "The history is not available.")
            return
        self.show_view("history")

    @Slot()
    def find_in_history(self) -> None:
        """Show the history with the search field ready for typing."""
        self.show_history()
        if self.history_view is not None:
            self.history_view.focus_search()

    @Slot()
    def show_commands(self) -> None:
        """Every command with its shortcut, filtered as you type; Enter runs one."""
        from bowout.gui.widgets.command_palette import CommandPalette

        chosen = CommandPalette.ask(self, self.command_list())
        if chosen is not None and chosen.isEnabled():
            chosen.trigger()

    @Slot()
    def show_settings(self) -> None:
        """Edit profile, theme, folders and spelling; apply what changed."""
        from bowout.gui.settings_dialog import SettingsDialog

        answer = SettingsDialog.ask(self, self.context.settings, self.context.data_dir)
        if answer is None:
            return
        settings, data_dir = answer
        self.apply_settings(settings)
        if data_dir != self.context.data_dir:
            paths.remember_data_dir(data_dir)
            self.statusBar().showMessage(f"Bow Out will use {data_dir} from the next start.", 15000)

    def apply_settings(self, settings: Any) -> None:
        """Save and apply new settings; the user's words are never rewritten (only a
        profile change touches the draft, and then only its signature lines)."""
        from bowout.gui.context import make_composer
        from bowout.gui.settings_apply import apply_to_draft
        from bowout.gui.theme import apply_theme

        try:
            save_settings(self.context.data_dir, settings)
        except OSError as exc:
            self.show_error(f"Could not save the settings: {exc.strerror or exc}.")
        previous = self.context.settings
        self.context.settings = settings
        self.context.composer = make_composer(self.context.data_dir, settings)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
            self.apply_icons()  # drawn in the new theme's text colour
        for editor in (self.editor, self.phone_editor):
            editor.highlighter.set_language(settings.spell_language)
        self.show_theme(settings.theme)
        apply_to_draft(self, previous, settings)

    @Slot(list)
    def save_personal_words(self, words: list[str]) -> None:
        """Keep words added to the dictionary in the settings."""
        settings = dataclasses.replace(self.context.settings, personal_words=tuple(words))
        self.context.settings = settings
        try:
            save_settings(self.context.data_dir, settings)
        except OSError as exc:
            self.show_error(f"Could not save your word list: {exc.strerror or exc}.")

    @Slot()
    def show_help(self) -> None:
        """Stages and channels explained."""
        from bowout.gui import about

        about.show_help(self)

    @Slot()
    def show_about(self) -> None:
        """Version and licence."""
        from bowout.gui import about

        about.show_about(self)

    # -- autosave -------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything needed to put the draft back after a crash."""
        return {
            "situation": self.form.situation().to_dict(),
            "subject": self.subject_edit.text(),
            "body_html": self.editor.body_html(),
            "phone_script": self.phone_editor.message_text(),
            "checklist": self.checklist_view.tick_state(),
            "notes": self.notes_edit.toPlainText(),
            "record_id": self.record.id if self.record is not None else None,
        }

    @Slot()
    def restore_autosave(self) -> None:
        """Put the autosaved draft back into the window."""
        from bowout.storage.records import Record

        data = self.autosaver.pending()
        self.banner.dismiss()
        if data is None:
            return
        try:
            situation = Situation.from_dict(data.get("situation") or {})
        except BowOutError as exc:
            self.show_error(f"The autosaved draft could not be read: {exc}")
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
        self._load(saved, situation)
        self.update_title()
        self.show_follow_up()
        self.statusBar().showMessage("Restored the draft you were writing.", 8000)
        self._mark_dirty()

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
        self.banner.dismiss()
