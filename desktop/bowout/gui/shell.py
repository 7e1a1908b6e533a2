"""The main window: side navigation, the views, the actions, wired in one visible block.

Adding a view is adding a module to ``gui/views/`` and a line to :data:`VIEWS`.
"""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bowout import paths
from bowout.gui.action_table import VIEWS
from bowout.gui.actions import build_actions
from bowout.gui.autosave import Autosaver
from bowout.gui.banner import Banner
from bowout.gui.commands import WindowCommands
from bowout.gui.context import AppContext
from bowout.gui.drafting import DraftingCommands
from bowout.gui.edit_commands import on_focused
from bowout.gui.lifecycle import LifecycleCommands
from bowout.gui.menus import build_menus, build_toolbar
from bowout.gui.moving import MovingCommands
from bowout.gui.timeline_commands import TimelineCommands
from bowout.gui.views.draft import DraftView
from bowout.gui.widgets.navigation import Navigation
from bowout.gui.window_state import restore_state, save_state

if TYPE_CHECKING:
    from bowout.core.draft import Draft
    from bowout.core.situation import Profile
    from bowout.gui.welcome import WelcomeAnswer

logger = logging.getLogger(__name__)

#: A window (or screen) narrower than this (pixels) shows the navigation as icons only.
COMPACT_NAV_WIDTH = 1000
#: Narrower than this (pixels), a list view beside the draft hides the situation form
#: (back with the draft alone): the list and the message keep room to be read.
FORM_BESIDE_LIST_WIDTH = 1100
#: The widest a list view beside the draft gets (half of it on a narrow window).
LIST_MAX_WIDTH = 560
#: The tone coach re-reads the user's text this long after typing pauses.
TONE_DELAY_MS = 300


class MainWindow(
    DraftingCommands,
    WindowCommands,
    TimelineCommands,
    LifecycleCommands,
    MovingCommands,
    QMainWindow,
):
    """Navigation on the left, a list view beside the draft, the draft filling the rest."""

    #: Emitted once :meth:`finish_start` has composed the draft and opened the history.
    ready = Signal()

    def __init__(
        self, context: AppContext, *, defer_start: bool = False, welcome: bool = False
    ) -> None:
        """``defer_start``: leave the draft, the history and the icons to
        :meth:`finish_start`, which the caller runs once the window is on screen.
        ``welcome``: offer the first-run welcome at the end of the start, unless done."""
        super().__init__()
        self.setObjectName("main_window")
        self.context = context
        self.draft: Draft | None = None
        self.basis: Draft | None = None
        self._own_text = False
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
        self.welcome = welcome
        #: The list views made so far, by key (made in :meth:`finish_start`).
        self.views: dict[str, QWidget] = {}
        self._build()
        self.actions_ = build_actions(self, self._handlers(), self.format_bar.commands())
        self.menus = build_menus(self, self.actions_)
        self.export_menu = self.menus["File/Export"]
        self.main_toolbar = build_toolbar(self, self.actions_, self.menus)
        self.show_theme(context.settings.theme)
        self.autosaver = Autosaver(context.data_dir, self.snapshot, self)
        self._connect()
        self.saved_view = self.restore_window_state()
        if not defer_start:
            self.finish_start()

    def finish_start(self) -> None:
        """Open the history, make the views, compose the first draft, put the icons on and
        show what start-up found (once)."""
        if self.started:
            return
        self.started = True
        self.shown_at = time.time()  # for the log and benchmarks/bench_gui.py
        if self.defer_start:  # on screen already: draft now, the history when it is read
            from bowout.gui.history_loader import HistoryLoader

            self.tone_list.group_fill_ins()  # first sight: one line for every "fill in"
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
        """The rest of the start, once the history is open (or known to be unusable): the
        list views, the first draft if not made yet, the icons, and what start-up found."""
        for spec in VIEWS:
            if spec.module:
                view = importlib.import_module(spec.module).make(self)
                if view is not None:
                    self.views[spec.key] = view
                    self.side_stack.addWidget(view)
                self.nav.set_enabled_view(spec.key, view is not None)
        self.link_tab_order()
        for action in self.actions_.history_actions():
            action.setEnabled(self.context.history is not None)
        self.show_record_state()
        if self.draft is None:
            self.tone_list.group_fill_ins()  # first sight: one line for every "fill in"
            self.regenerate()
        self._show_start_messages()
        self.show_view(self.saved_view)
        self.apply_icons()
        logger.info("start finished in %.0f ms", (time.time() - self.shown_at) * 1000)
        self.ready.emit()
        if self.welcome and not self.context.settings.welcomed:
            self.first_run()

    def ask_welcome(self, profile: Profile) -> WelcomeAnswer:
        """The welcome dialog (tests replace this)."""
        from bowout.gui.welcome import WelcomeDialog

        return WelcomeDialog.ask(self, profile)

    def first_run(self) -> None:
        """The welcome, once: keep the profile, then draft what the user says happened."""
        answer = self.ask_welcome(self.context.settings.profile)
        self.apply_settings(
            dataclasses.replace(self.context.settings, profile=answer.profile, welcomed=True)
        )
        if answer.situation is not None:
            voice = self.form.wording_bar.voice()
            self.basis = None  # the first draft: nothing of the user's in the message yet
            self.form.set_situation(dataclasses.replace(answer.situation, voice=voice))
            self.tone_list.group_fill_ins()
            self._settle("Your draft is ready: add the company and the people, then read it over.")

    @property
    def history_view(self) -> Any:
        """The history list view (None until the start finished, or without a history)."""
        return self.views.get("history")

    def apply_icons(self) -> None:
        """Icons for the toolbar and the navigation, in the theme's text colour."""
        from bowout.gui.icons import apply_icons

        apply_icons(self, VIEWS)
        self._fit(self.width())

    def command_list(self) -> list[QAction]:
        """Every command the window has, for the command list (F1): the whole table."""
        return self.actions_.all()

    def _handlers(self) -> dict[str, Callable[[], object]]:
        """What each window command of the table does (the editor's own act on the
        editor showing: :class:`~bowout.gui.format_bar.FormatToolBar`)."""
        views: dict[str, Callable[[], object]] = {
            f"view_{spec.key}": partial(self.show_view, spec.key) for spec in VIEWS
        }
        views["view_history"] = self.show_history
        return {
            "new": self.new_draft, "save": self.save_to_history, "mark_sent": self.mark_sent,
            "copy": self.copy_message, "mail": self.open_in_mail,
            "export_eml": partial(self.export_as, ".eml"),
            "export_pdf": partial(self.export_as, ".pdf"),
            "export_txt": partial(self.export_as, ".txt"),
            "export_html": partial(self.export_as, ".html"),
            "export_all": self.export_all_data, "import_all": self.import_all_data,
            "import_csv": partial(self.in_view, "applications", "import_csv"),
            "export_calendar": partial(self.in_view, "coming_up", "export_all"),
            "settings": self.show_settings, "quit": self.close,
            "they_replied": self.they_replied, "call_note": self.add_call_note,
            "new_version": self.write_new_version, "resolved": self.mark_resolved,
            "delete_record": partial(self.in_view, "history", "delete_selected"),
            "cut": partial(on_focused, "cut"), "copy_text": partial(on_focused, "copy"),
            "paste": partial(on_focused, "paste"),
            "paste_rich": lambda: self.current_editor().paste_with_formatting(),
            "select_all": partial(on_focused, "selectAll"),
            **views, "find": self.find_in_history,
            "theme_system": partial(self.set_theme, "system"),
            "theme_light": partial(self.set_theme, "light"),
            "theme_dark": partial(self.set_theme, "dark"),
            "commands": self.show_commands, "help": self.show_help, "about": self.show_about,
        }  # fmt: skip

    def in_view(self, key: str, command: str) -> None:
        """Show the list view ``key`` and run its ``command`` (a public method of the view
        taking no argument); says why when the view is unavailable."""
        if self.views.get(key) is None:
            self.show_error(self.context.history_message or "The history is not available.")
            return
        self.show_view(key)
        getattr(self.views[key], command)()

    def set_theme(self, theme: str) -> None:
        """Use the theme ``theme`` ("system", "light", "dark") from now on."""
        self.apply_settings(dataclasses.replace(self.context.settings, theme=theme))

    def show_theme(self, theme: str) -> None:
        """Tick the theme ``theme`` in View > Theme."""
        for name in ("system", "light", "dark"):
            self.actions_.get(f"theme_{name}").setChecked(name == theme)

    @Slot(str)
    def show_view(self, key: str) -> None:
        """Show the list view ``key`` beside the draft ("draft": the draft alone)."""
        view = self.views.get(key)
        if view is None:
            key = "draft"
        self.nav.choose(key)
        self.side_stack.setHidden(view is None)
        self._fit(self.width())
        if view is None:
            return
        self.side_stack.setCurrentWidget(view)
        shown = getattr(view, "view_shown", None)
        if callable(shown):
            shown()

    # -- layout: navigation | list view | the draft ----------------------------------------

    def _build(self) -> None:
        self.draft_view = DraftView(self.context.settings)
        d = self.draft_view
        # The draft's parts by name: the commands and the tests reach them here.
        self.form, self.stage_combo, self.channel_combo = (
            d.form,
            d.form.stage_combo,
            d.form.channel_combo,
        )
        self.subject_edit, self.tabs, self.tone_list = d.subject_edit, d.tabs, d.tone_list
        self.editor, self.phone_editor, self.checklist_view = (
            d.editor,
            d.phone_editor,
            d.checklist_view,
        )
        self.notes_edit, self.subject_undo, self.format_bar = (
            d.notes_edit,
            d.subject_undo,
            d.format_bar,
        )
        self.splitter, self.editor_splitter = d.splitter, d.editor_splitter
        self.nav = Navigation(VIEWS)
        self.side_stack = QStackedWidget()
        self.side_stack.setObjectName("side_stack")
        self.side_stack.hide()
        self.shell_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.shell_splitter.setObjectName("shell_splitter")
        self.shell_splitter.addWidget(self.side_stack)
        self.shell_splitter.addWidget(self.draft_view)
        self.shell_splitter.setStretchFactor(1, 1)
        self.shell_splitter.setChildrenCollapsible(False)
        self.banner = Banner()
        central = QWidget()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.shell_splitter, 1)
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addLayout(row, 1)
        self.setCentralWidget(central)
        self.word_label = QLabel()
        self.word_label.setObjectName("word_count_label")
        self.word_label.setAccessibleName("Word count")
        self.statusBar().addPermanentWidget(self.word_label)
        self.tone_timer = QTimer(self)
        self.tone_timer.setSingleShot(True)
        self.tone_timer.setInterval(TONE_DELAY_MS)
        self.resize(1280, 820)
        self.link_tab_order()

    def link_tab_order(self) -> None:
        """Tab follows the eye: navigation, the list views, then the draft."""
        lists = [w for view in self.views.values() for w in getattr(view, "focus_chain", list)()]
        chain = [self.nav, *lists, *self.draft_view.focus_chain()]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

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
        self.nav.view_chosen.connect(self.show_view)
        self.form.negotiate_panel.resolved_requested.connect(self.mark_resolved)
        bar = self.draft_view.follow_up_bar
        bar.replied_button.clicked.connect(self.actions_.they_replied.trigger)
        bar.note_button.clicked.connect(self.actions_.call_note.trigger)
        bar.new_version_button.clicked.connect(self.actions_.new_version.trigger)
        self.subject_undo.state_restored.connect(self._state_restored)
        self.draft_view.redraft_bar.keep_requested.connect(self.keep_my_text)
        self.draft_view.redraft_bar.use_requested.connect(self.use_new_draft)
        for editor in (self.editor, self.phone_editor):
            editor.highlighter.personal_words_changed.connect(self.save_personal_words)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow windows: icons-only navigation; the form gives way to a list view."""
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        screen = self.screen().availableGeometry().width() if self.screen() else width
        self.nav.set_compact(min(width, screen) < COMPACT_NAV_WIDTH)
        beside_list = not self.side_stack.isHidden()
        form = self.draft_view.form_scroll
        form.setHidden(beside_list and width < FORM_BESIDE_LIST_WIDTH)
        # Beside a list the form must not hold the window wide: it hides below the
        # threshold instead (0 restores its own minimum, the form's widest row).
        form.setMinimumWidth(1 if beside_list else 0)
        narrow = width < FORM_BESIDE_LIST_WIDTH
        self.side_stack.setMaximumWidth(LIST_MAX_WIDTH // 2 if narrow else LIST_MAX_WIDTH)

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
        elif self.context.history_message or self.context.settings_notices:
            said = [*self.context.settings_notices, self.context.history_message or ""]
            self.banner.show_message("\n".join(line for line in said if line))
        if self.context.history is None and self.context.history_message:
            self.statusBar().showMessage("History unavailable: " + self.context.history_message)
        self.dirty = False
        self.setWindowModified(False)
        self.autosaver.timer.stop()  # a fresh, untouched draft is not worth autosaving

    def restore_window_state(self) -> str:
        """Geometry and splitter positions from the last run; the view that was showing."""
        return restore_state(self, self._splitters())

    def save_window_state(self) -> None:
        """Remember geometry, splitter positions and the view showing."""
        save_state(self, self._splitters(), self.nav.current_key())

    def _splitters(self) -> dict[str, QSplitter]:
        return {"splitter": self.splitter, "editor_splitter": self.editor_splitter,
                "shell_splitter": self.shell_splitter}  # fmt: skip

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before losing edits; a clean close removes the autosave."""
        self.form.finish_typing()
        if self.dirty and not self.confirm_discard("Close Bow Out"):
            event.ignore()
            return
        self.save_window_state()
        self.autosaver.discard()
        self.context.close()
        event.accept()
