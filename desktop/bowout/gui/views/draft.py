"""The draft view: the situation form beside the message, its formatting bar and tone coach."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bowout.gui.widgets.call_branches import CallBranches
from bowout.gui.widgets.checklist_view import ChecklistView
from bowout.gui.widgets.editor import RichEditor
from bowout.gui.widgets.follow_up_bar import FollowUpBar
from bowout.gui.widgets.form_scroll import FormScrollArea
from bowout.gui.widgets.format_bar import CommandMaker, FormatToolBar
from bowout.gui.widgets.redraft_bar import RedraftBar
from bowout.gui.widgets.scenario_form import ScenarioForm
from bowout.gui.widgets.subject_undo import SubjectUndo
from bowout.gui.widgets.tone_panel import TonePanel
from bowout.settings import Settings

#: The message side never gets narrower than this (pixels): at 640 wide the form shrinks.
MESSAGE_MIN_WIDTH = 340
PHONE_TAB = 1


class DraftView(QWidget):
    """Form | subject, wording, formatting bar, message tabs and tone coach.

    Only builds and lays out; the window connects the signals (see ``shell.py``).
    """

    def __init__(
        self,
        settings: Settings,
        command: CommandMaker,
        parent: QWidget | None = None,
        *,
        language_names: Mapping[str, str] | None = None,
    ) -> None:
        """``settings``: the spelling language and words; ``command``: makes the editing
        commands' actions (the window's command table); ``language_names``: the language
        packs named in English, when known already."""
        super().__init__(parent)
        self.setObjectName("draft_view")
        self.form = ScenarioForm(language_names=language_names)
        self.form_scroll = FormScrollArea(self.form)
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("subject_edit")
        self.subject_edit.setAccessibleName("Subject line")
        self.subject_label = QLabel("Sub&ject:")
        self.subject_label.setBuddy(self.subject_edit)
        self._build_tabs(settings)
        self.format_bar = FormatToolBar(command, self)  # attached to the editor, not the window
        self.format_bar.set_editor(self.editor)
        self.tone_list = TonePanel()
        tone_box = labelled(self.tone_list, "&Tone coach")
        self.editor_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.editor_splitter.setObjectName("editor_splitter")
        self.call_branches = CallBranches()
        self.call_branches.setVisible(False)
        self.follow_up_bar = FollowUpBar()
        self.redraft_bar = RedraftBar()
        message = QWidget()
        message_layout = QVBoxLayout(message)
        message_layout.setContentsMargins(0, 0, 0, 0)
        message_layout.addWidget(self.tabs, 1)
        message_layout.addWidget(self.call_branches)
        self.editor_splitter.addWidget(message)
        self.editor_splitter.addWidget(tone_box)
        self.editor_splitter.setStretchFactor(0, 3)
        self.editor_splitter.setStretchFactor(1, 1)
        self._lay_out()

    def _lay_out(self) -> None:
        right = QWidget()
        right.setMinimumWidth(MESSAGE_MIN_WIDTH)  # on a small screen the form gives way first
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.follow_up_bar)
        subject_row = QHBoxLayout()
        subject_row.addWidget(self.subject_label)
        subject_row.addWidget(self.subject_edit, 1)
        right_layout.addLayout(subject_row)
        right_layout.addWidget(self.form.wording_bar)
        right_layout.addWidget(self.format_bar)
        right_layout.addWidget(self.redraft_bar)
        right_layout.addWidget(self.editor_splitter, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _build_tabs(self, settings: Settings) -> None:
        """Email, phone script, checklist and private notes."""
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

    def show_call_branches(self, branches: tuple[tuple[str, str], ...]) -> None:
        """The call's branches under the tabs, shown while the phone script tab is."""
        self.call_branches.set_branches(branches)
        self.call_branches.setVisible(bool(branches) and self.tabs.currentIndex() == PHONE_TAB)

    def focus_chain(self) -> list[QWidget]:
        """Tab follows the eye: the form top to bottom, then subject, tabs, page, tone coach."""
        bar = self.form.wording_bar
        pages = (self.editor, self.phone_editor, self.checklist_view, self.notes_edit)
        up, redraft = self.follow_up_bar, self.redraft_bar
        follow = (up.replied_button, up.note_button, up.new_version_button)
        decide = (redraft.changes_button, redraft.keep_button, redraft.use_button)
        return [*self.form.focus_chain(), *follow, self.subject_edit, bar.voice_combo,
                bar.another_button, *decide, self.tabs, *pages, self.tone_list]  # fmt: skip


def labelled(widget: QWidget, text: str) -> QWidget:
    """``widget`` under a label whose mnemonic focuses it."""
    box = QWidget()
    label = QLabel(text, box)
    label.setBuddy(widget)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
