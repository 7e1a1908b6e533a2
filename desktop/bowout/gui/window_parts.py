"""The window's parts as its command mixins see them (declarations for type checking only).

``DraftingCommands``, ``SendingCommands`` and ``WindowCommands`` are mixed into the main
window (``gui/shell.py``) and read the widgets it builds; this base names them once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QPlainTextEdit, QTabWidget

    from bowout.core.draft import Draft
    from bowout.gui.autosave import Autosaver
    from bowout.gui.banner import Banner
    from bowout.gui.checklist_view import ChecklistView
    from bowout.gui.context import AppContext
    from bowout.gui.editor import RichEditor
    from bowout.gui.format_bar import FormatToolBar
    from bowout.gui.scenario_form import ScenarioForm
    from bowout.gui.subject_undo import SubjectUndo
    from bowout.gui.tone_panel import TonePanel
    from bowout.gui.views.draft import DraftView
    from bowout.storage.records import Record

    _Base = QMainWindow
else:
    _Base = object


class WindowParts(_Base):
    """The base of the window's command mixins: at run time a plain object."""

    if TYPE_CHECKING:  # provided by MainWindow
        context: AppContext
        draft: Draft | None
        #: The composed draft the message follows (its text, before the user's edits).
        basis: Draft | None
        #: The message holds the user's words beyond the basis (loaded, kept).
        _own_text: bool
        record: Record | None
        dirty: bool
        _programmatic: bool
        form: ScenarioForm
        subject_edit: QLineEdit
        editor: RichEditor
        phone_editor: RichEditor
        tabs: QTabWidget
        checklist_view: ChecklistView
        notes_edit: QPlainTextEdit
        subject_undo: SubjectUndo
        autosaver: Autosaver
        banner: Banner
        tone_list: TonePanel
        tone_timer: QTimer
        word_label: QLabel
        format_bar: FormatToolBar
        draft_view: DraftView

        def regenerate(self) -> None: ...
        def show_error(self, text: str) -> None: ...
