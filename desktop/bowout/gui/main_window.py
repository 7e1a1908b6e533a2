"""The main window: lays out the parts and connects them in one visible block."""

from __future__ import annotations

import itertools
import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bowout import paths
from bowout.core.errors import BowOutError
from bowout.core.situation import Channel
from bowout.gui.actions import build_actions
from bowout.gui.autosave import Autosaver
from bowout.gui.banner import Banner
from bowout.gui.checklist_view import ChecklistView
from bowout.gui.commands import WindowCommands
from bowout.gui.context import AppContext, DeferredHistory
from bowout.gui.editor import FormatToolBar, RichEditor
from bowout.gui.scenario_form import FormScrollArea, ScenarioForm
from bowout.gui.settings_apply import accept_user_names
from bowout.gui.subject_undo import SubjectUndo
from bowout.gui.tone_panel import TonePanel
from bowout.gui.utf16 import to_qt_span
from bowout.gui.window_state import restore_state, save_state

if TYPE_CHECKING:
    from bowout.core.draft import Draft, Finding
    from bowout.gui.history_dialog import HistoryDialog

logger = logging.getLogger(__name__)

#: The tone coach re-reads the user's text this long after typing pauses.
TONE_DELAY_MS = 300
PHONE_TAB = 1
#: The message side never gets narrower than this (pixels): at 640 wide the form shrinks.
MESSAGE_MIN_WIDTH = 340
NEW_TITLE = "New withdrawal"


class MainWindow(WindowCommands, QMainWindow):
    """Scenario on the left, the message on the right, tone coach beside it."""

    #: Emitted once :meth:`finish_start` has composed the draft and opened the history.
    ready = Signal()

    def __init__(self, context: AppContext, *, defer_start: bool = False) -> None:
        """``defer_start``: leave the draft and the history to :meth:`finish_start`, which
        the caller runs once the window is on screen (the start-up of ``bowout``)."""
        super().__init__()
        self.setObjectName("main_window")
        self.context = context
        self.draft: Draft | None = None
        self.record = None
        self.update_title()
        self.dirty = False
        self._programmatic = False
        icon = paths.resources_dir() / "icons" / "bowout.svg"
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self.started = False
        self.defer_start = defer_start
        self.shown_at = 0.0
        self._build()
        self.actions_ = build_actions(self)
        self.history_dialog: HistoryDialog | None = None
        self.autosaver = Autosaver(context.data_dir, self.snapshot, self)
        self._connect()
        self.restore_window_state()
        if not defer_start:
            self.finish_start()

    def finish_start(self) -> None:
        """Open the history, compose the first draft and show what start-up found (once)."""
        if self.started:
            return
        self.started = True
        self.shown_at = time.time()  # for the log and benchmarks/bench_gui.py
        if self.defer_start:  # on screen already: draft now, the history when it is read
            from bowout.gui.history_loader import HistoryLoader

            self.regenerate()
            for action in self.actions_.history_actions():
                action.setEnabled(False)
            self.history_loader = HistoryLoader(self.context, self.statusBar(), self)
            self.history_loader.loaded.connect(self._history_opened)
            self.history_loader.start()
            return
        self.context.open_history()
        self._history_opened()

    @Slot()
    def _history_opened(self) -> None:
        """The rest of the start, once the history is open (or known to be unusable)."""
        if self.context.history is not None:
            for action in self.actions_.history_actions():
                action.setEnabled(True)
            from bowout.gui.history_dialog import HistoryDialog

            self.deferred_history = DeferredHistory(self.context.history)
            self.history_dialog = HistoryDialog(self.deferred_history, self)
            self.history_dialog.open_requested.connect(self.open_record)
            self.history_dialog.duplicate_requested.connect(self.duplicate_record)
        else:
            for action in self.actions_.history_actions():
                action.setEnabled(False)
        if self.draft is None:
            self.regenerate()
        self._show_start_messages()
        logger.info("start finished in %.0f ms", (time.time() - self.shown_at) * 1000)
        self.ready.emit()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.form = ScenarioForm()
        self.stage_combo = self.form.stage_combo
        self.channel_combo = self.form.channel_combo
        left = FormScrollArea(self.form)

        self._build_right(left)

    def _build_right(self, left: QWidget) -> None:
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("subject_edit")
        self.subject_edit.setAccessibleName("Subject line")
        subject_label = QLabel("Sub&ject:")
        subject_label.setBuddy(self.subject_edit)
        self._build_tabs()
        self.tone_list = TonePanel()
        tone_box = self._labelled(self.tone_list, "&Tone coach")
        self.editor_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.editor_splitter.setObjectName("editor_splitter")
        self.editor_splitter.addWidget(self.tabs)
        self.editor_splitter.addWidget(tone_box)
        self.editor_splitter.setStretchFactor(0, 3)
        self.editor_splitter.setStretchFactor(1, 1)

        right = QWidget()
        right.setMinimumWidth(MESSAGE_MIN_WIDTH)  # on a small screen the form gives way first
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        subject_row = QHBoxLayout()
        subject_row.addWidget(subject_label)
        subject_row.addWidget(self.subject_edit, 1)
        right_layout.addLayout(subject_row)
        right_layout.addWidget(self.form.wording_bar)
        right_layout.addWidget(self.editor_splitter, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.banner = Banner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_bars()

    def _build_tabs(self) -> None:
        """Email, phone script, checklist and private notes."""
        settings = self.context.settings
        words = (settings.spell_language, settings.personal_words)
        self.editor = RichEditor("editor", "Email message", language=words[0],
                                 personal_words=words[1])  # fmt: skip
        self.phone_editor = RichEditor("phone_editor", "Phone script", language=words[0],
                                       personal_words=words[1])  # fmt: skip
        self.checklist_view = ChecklistView()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notes_edit")
        self.notes_edit.setAccessibleName("Private notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(
            "Your own notes on this withdrawal — who you spoke to, what they said, what to "
            "follow up. Kept in your history; never part of the message."
        )
        self.subject_undo = SubjectUndo(self.editor.document(), self.subject_edit)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("message_tabs")
        self.tabs.setAccessibleName("Message, phone script, checklist and notes")
        self.tabs.addTab(self.editor, "Email")
        self.tabs.addTab(self.phone_editor, "Phone script")
        self.tabs.addTab(self.checklist_view, "Checklist")
        self.tabs.addTab(self.notes_edit, "Notes")

    def _build_bars(self) -> None:
        self.format_bar = FormatToolBar(self)
        self.format_bar.set_editor(self.editor)
        self.word_label = QLabel()
        self.word_label.setObjectName("word_count_label")
        self.word_label.setAccessibleName("Word count")
        self.statusBar().addPermanentWidget(self.word_label)
        self.tone_timer = QTimer(self)
        self.tone_timer.setSingleShot(True)
        self.tone_timer.setInterval(TONE_DELAY_MS)
        self.resize(1280, 820)
        # Tab follows the eye: the form top to bottom, then subject, tabs, page, tone coach.
        pages = (self.editor, self.phone_editor, self.checklist_view, self.notes_edit)
        bar = self.form.wording_bar
        chain = [*self.form.focus_chain(), self.subject_edit, bar.voice_combo, bar.another_button,
                 self.tabs, *pages, self.tone_list]  # fmt: skip
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    @staticmethod
    def _labelled(widget: QWidget, text: str) -> QWidget:
        box = QWidget()
        label = QLabel(text, box)
        label.setBuddy(widget)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    def _connect(self) -> None:
        """Every signal-slot connection of the window, in one place."""
        self.form.situation_changed.connect(self.regenerate)
        self.editor.textChanged.connect(self._editor_changed)
        self.phone_editor.textChanged.connect(self._editor_changed)
        self.subject_edit.textEdited.connect(self._user_edited)
        self.checklist_view.ticked.connect(self._user_edited)
        self.notes_edit.textChanged.connect(self._user_edited)
        self.tone_timer.timeout.connect(self.recheck_tone)
        self.tone_list.finding_activated.connect(self.select_finding)
        self.tabs.currentChanged.connect(self._tab_changed)
        for editor in (self.editor, self.phone_editor):
            editor.highlighter.personal_words_changed.connect(self.save_personal_words)

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
        self.tabs.setTabVisible(PHONE_TAB, draft.channel is Channel.PHONE)
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

    def current_editor(self) -> RichEditor:
        """The editor in the visible tab (the email editor otherwise)."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RichEditor) else self.editor

    # -- start and close ------------------------------------------------------------------

    def _show_start_messages(self) -> None:
        pending = self.autosaver.pending()
        if pending is not None:
            self.banner.show_message(
                "Bow Out did not close properly last time. Restore the draft you were writing?",
                (
                    ("restore_autosave_button", "&Restore draft", self.restore_autosave),
                    ("discard_autosave_button", "Discard", self.discard_autosave),
                ),
            )
        elif self.context.history_message:
            self.banner.show_message(self.context.history_message)
        if self.context.history is None and self.context.history_message:
            self.statusBar().showMessage("History unavailable: " + self.context.history_message)
        self.dirty = False
        self.setWindowModified(False)
        self.autosaver.timer.stop()  # a fresh, untouched draft is not worth autosaving

    def restore_window_state(self) -> None:
        """Geometry and splitter positions from the last run."""
        restore_state(self, self.splitter, self.editor_splitter)

    def save_window_state(self) -> None:
        """Remember geometry and splitter positions."""
        save_state(self, self.splitter, self.editor_splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before losing edits; a clean close removes the autosave."""
        if self.dirty and not self.confirm_discard("Close Bow Out"):
            event.ignore()
            return
        self.save_window_state()
        self.autosaver.discard()
        self.context.close()
        event.accept()
