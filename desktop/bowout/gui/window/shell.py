"""The main window: it builds the widgets and the collaborators and wires them in one block.

The collaborators each own one responsibility and talk through signals, the use cases of
:mod:`bowout.services` and one :class:`~bowout.gui.events.HistoryEvents`:
:class:`~bowout.gui.window.drafting.Drafting` (the draft and the user's edits),
:class:`~bowout.gui.window.open_record.OpenRecord` (the record shown, its saving and its life),
:class:`~bowout.gui.window.sending.Sending` (clipboard, mail, exports),
:class:`~bowout.gui.window.timeline.Timeline` (replies, call notes, resolved) and
:class:`~bowout.gui.window.preferences.Preferences` (settings, theme). The window itself keeps the
layout, the views beside the draft, the start and the close. Adding a view is a module in
``gui/views/`` and a line in :data:`bowout.gui.window.action_table.VIEWS`.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QWidget,
)

from bowout import paths
from bowout.gui.context import AppContext
from bowout.gui.events import HistoryEvents
from bowout.gui.start_cache import StartCache
from bowout.gui.views.draft import DraftView
from bowout.gui.widgets.follow_up_bar import is_closed
from bowout.gui.widgets.message_bar import MessageBar
from bowout.gui.window.action_table import VIEWS
from bowout.gui.window.actions import build_actions, table_action
from bowout.gui.window.drafting import Drafting
from bowout.gui.window.edit_commands import on_focused
from bowout.gui.window.feedback import Feedback
from bowout.gui.window.first_draft import (
    ComposerWarmup,
    finish_first_draft,
    language_names,
    open_first_draft,
)
from bowout.gui.window.help_commands import show_about, show_commands
from bowout.gui.window.layout import ShellLayout
from bowout.gui.window.menus import build_menus, build_toolbar
from bowout.gui.window.open_record import OpenRecord
from bowout.gui.window.preferences import Preferences
from bowout.gui.window.questions import Questions
from bowout.gui.window.sending import Sending
from bowout.gui.window.shared import WindowShared
from bowout.gui.window.start_messages import show_start_messages, welcome
from bowout.gui.window.timeline import Timeline
from bowout.gui.window.view_commands import ViewCommands
from bowout.gui.window_state import restore_state, save_state

if TYPE_CHECKING:
    from bowout.gui.views.history import HistoryView
    from bowout.storage.records import Record

logger = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Navigation on the left, a list view beside the draft, the draft filling the rest."""

    #: Emitted once :meth:`finish_start` has composed the draft and opened the history.
    ready = Signal()

    def __init__(
        self,
        context: AppContext,
        *,
        defer_start: bool = False,
        welcome: bool = False,
        start_cache: StartCache | None = None,
    ) -> None:
        """``defer_start``: show the first draft (:mod:`~bowout.gui.window.first_draft`);
        leave the tone coach, the history and the icons to :meth:`finish_start`, which the
        caller runs once the window is on screen.
        ``welcome``: offer the first-run welcome at the end of the start, unless done.
        ``start_cache``: what earlier starts kept (default: the user's cache folder)."""
        super().__init__()
        self.setObjectName("main_window")
        self.context = context
        icon = paths.resources_dir() / "icons" / "bowout.svg"
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self.started = False
        self.defer_start = defer_start
        self.start_cache = start_cache or StartCache(paths.cache_dir())
        self.shown_at = 0.0
        self.welcome = welcome
        #: The list views made so far, by key (made in :meth:`finish_start`).
        self.views: dict[str, QWidget] = {}
        self._build()
        self.ask = Questions(self)
        self.feedback = Feedback(self.banner, self.message_bar, self.statusBar(), self)
        self.events = HistoryEvents(self)
        shared = WindowShared(context, self.feedback, self.ask, self.events)
        self.drafting = Drafting(shared, self.draft_view, self)
        self.session = OpenRecord(shared, self.drafting, self)
        self.sending = Sending(shared, self.drafting, self)
        self.timeline = Timeline(shared, self.session, self)
        self.preferences = Preferences(shared, self.drafting, self)
        self.ask.save = self.session.save_to_history  # Save in "unsaved changes?"
        self.ask.can_save = lambda: self.context.history is not None
        self.view_commands = ViewCommands(self)
        self.actions_ = build_actions(self, self._handlers(), self.format_bar.commands())
        self.view_commands.bind(self.actions_)
        self.menus = build_menus(self, self.actions_)
        self.main_toolbar = build_toolbar(self, self.actions_, self.menus)
        self.show_theme(context.settings.theme)
        self._connect()
        self.session.update_title()
        self.saved_view = self.restore_window_state()
        if defer_start:  # the first frame holds the draft; its tone remarks come after
            open_first_draft(self.drafting, self.start_cache)
            self.start_cache.save()
        else:
            self.finish_start()

    def _connect(self) -> None:
        """Every signal-slot connection of the window, in one place."""
        d, s, v = self.drafting, self.session, self.draft_view
        v.form.situation_changed.connect(d.regenerate)
        v.form.input_refused.connect(self.message_bar.show_error)
        for editor in (v.editor, v.phone_editor):
            editor.textChanged.connect(d.editor_changed)
            editor.highlighter.personal_words_changed.connect(self.preferences.save_personal_words)
        v.subject_edit.textEdited.connect(d.user_edited)
        v.checklist_view.ticked.connect(d.user_edited)
        v.notes_edit.textChanged.connect(d.user_edited)
        d.coach.timer.timeout.connect(d.recheck_tone)
        v.tone_list.finding_activated.connect(d.coach.select_finding)
        v.tabs.currentChanged.connect(d.tab_changed)
        v.subject_undo.state_restored.connect(d.state_restored)
        v.redraft_bar.keep_requested.connect(d.keep_my_text)
        v.redraft_bar.use_requested.connect(d.use_new_draft)
        d.modified.connect(self.setWindowModified)
        d.modified.connect(s.draft_modified)
        s.clean_state.cleaned.connect(s.draft_clean)
        d.coach.words_counted.connect(self.word_label.setText)
        s.title_changed.connect(self.setWindowTitle)
        s.record_changed.connect(self._record_changed)
        v.form.negotiate_panel.resolved_requested.connect(self.timeline.mark_resolved)
        bar = v.follow_up_bar
        bar.replied_button.clicked.connect(self.actions_.they_replied.trigger)
        bar.note_button.clicked.connect(self.actions_.call_note.trigger)
        bar.new_version_button.clicked.connect(self.actions_.new_version.trigger)
        self.nav.view_chosen.connect(self.show_view)
        self.preferences.theme_changed.connect(self._theme_changed)

    def _handlers(self) -> dict[str, Callable[[], object]]:
        """What each window command of the table does (the editor's own act on the
        editor showing: :class:`~bowout.gui.widgets.format_bar.FormatToolBar`)."""
        s, d, out, t, p = self.session, self.drafting, self.sending, self.timeline, self.preferences
        on = self.view_commands.handler  # the message of the view showing, or the draft's
        views: dict[str, Callable[[], object]] = {
            f"view_{spec.key}": partial(self.show_view, spec.key) for spec in VIEWS
        }
        views["view_history"] = self.show_history
        return {
            "new": self.new_withdrawal, "save": s.save_to_history,
            "mark_sent": on("mark_sent", s.mark_sent), "copy": on("copy", out.copy_message),
            "mail": on("mail", out.open_in_mail),
            **{f"export_{x}": on(f"export_{x}", partial(out.export_as, f".{x}"))
               for x in ("eml", "pdf", "txt", "html")},
            "export_all": out.export_all_data, "import_all": out.import_all_data,
            "import_csv": partial(self.in_view, "applications", "import_csv"),
            "export_calendar": partial(self.in_view, "coming_up", "export_all"),
            "settings": p.show_settings, "quit": self.close,
            "they_replied": t.they_replied, "call_note": t.add_call_note,
            "new_version": s.write_new_version, "resolved": t.mark_resolved,
            "delete_record": partial(self.in_view, "history", "delete_selected"),
            "cut": partial(on_focused, "cut"), "copy_text": partial(on_focused, "copy"),
            "paste": partial(on_focused, "paste"),
            "paste_rich": lambda: d.current_editor().paste_with_formatting(),
            "select_all": partial(on_focused, "selectAll"),
            **views, "find": self.find_in_history,
            **{f"theme_{x}": partial(p.set_theme, x) for x in ("system", "light", "dark")},
            "commands": lambda: show_commands(self, self.command_list()),
            "help": partial(show_about, self, "help"), "about": partial(show_about, self),
        }  # fmt: skip

    # -- the start ------------------------------------------------------------------------

    def finish_start(self) -> None:
        """Open the history, make the views, compose the first draft, put the icons on and
        show what start-up found (once)."""
        if self.started:
            return
        self.started = True
        self.shown_at = time.time()  # for the log and benchmarks/bench_gui.py
        if self.defer_start:  # on screen already: the composer, then the history, read aside
            for action in self.actions_.history_actions():
                self.view_commands.set_enabled(action, False)
            self.warmup = ComposerWarmup(self.context, self)
            self.warmup.warmed.connect(self._composer_warmed)
            self.warmup.start()
            return
        self.context.open_history()
        self._history_opened()

    @Slot()
    def _composer_warmed(self) -> None:
        """The first draft's remarks and spelling, then the history, read aside."""
        from bowout.gui.window.history_loader import HistoryLoader

        finish_first_draft(self.drafting)
        self.history_loader = HistoryLoader(self.context, self.statusBar(), self)
        self.history_loader.loaded.connect(self._history_opened)
        self.history_loader.start()

    @Slot()
    def _history_opened(self) -> None:
        """The rest of the start, once the history is open (or known to be unusable): the
        list views, the first draft if not made yet, the icons, and what start-up found."""
        for spec in VIEWS:
            if spec.module:
                view = importlib.import_module(spec.module).make(self)
                if view is not None:
                    self.views[spec.key] = view
                    self.shell.add_list(view)
                self.nav.set_enabled_view(spec.key, view is not None)
        self.link_tab_order()
        for action in self.actions_.history_actions():
            self.view_commands.set_enabled(action, self.context.history is not None)
        self.session.show_record_state()
        if self.drafting.draft is None:
            self.tone_list.group_fill_ins()  # first sight: one line for every "fill in"
            self.drafting.regenerate()
        show_start_messages(self.context, self.session, self.feedback, self.drafting)
        self.show_view(self.saved_view)
        self.apply_icons()
        logger.info("start finished in %.0f ms", (time.time() - self.shown_at) * 1000)
        self.ready.emit()
        if self.welcome and not self.context.settings.welcomed:
            self.first_run()

    def first_run(self) -> None:
        """The welcome, once (:func:`~bowout.gui.window.start_messages.welcome`)."""
        welcome(self.ask, self.preferences, self.drafting, self.session, self.draft_view)

    # -- the commands the window keeps: views, themes, help -------------------------------

    @property
    def history_view(self) -> HistoryView | None:
        """The history list view (None until the start finished, or without a history)."""
        return cast("HistoryView | None", self.views.get("history"))

    @Slot(object)
    def _record_changed(self, record: Record | None) -> None:
        """A sent or resolved record cannot be marked sent or resolved; it gets new versions."""
        closed = is_closed(record)
        can_change = self.context.history is not None and not closed
        self.view_commands.set_enabled(self.actions_.mark_sent, can_change)
        self.actions_.resolved.setEnabled(can_change)
        self.actions_.new_version.setEnabled(closed)

    def apply_icons(self) -> None:
        """Icons for the toolbar and the navigation, in the theme's text colour."""
        from bowout.gui.window.icons import apply_icons

        apply_icons(self.actions_, self.menus, self.nav, VIEWS)
        self._fit(self.width())

    @Slot(str)
    def _theme_changed(self, theme: str) -> None:
        self.apply_icons()  # drawn in the new theme's text colour
        self.show_theme(theme)

    def show_theme(self, theme: str) -> None:
        """Tick the theme ``theme`` in View › Theme."""
        for name in ("system", "light", "dark"):
            self.actions_.get(f"theme_{name}").setChecked(name == theme)

    def command_list(self) -> list[QAction]:
        """Every command the window has, for the command list (F1): the whole table."""
        return self.actions_.all()

    @Slot()
    def show_history(self) -> None:
        """Show the history list beside the draft (or say why there is none)."""
        self.in_view("history", "")

    @Slot()
    def find_in_history(self) -> None:
        """Show the history with the search field ready for typing."""
        self.show_history()
        if self.history_view is not None:
            self.history_view.focus_search()

    @Slot()
    def new_withdrawal(self) -> None:
        """A new draft, shown (from a view with messages of its own, the draft comes back)."""
        if self.view_commands.view is not None:
            self.show_view("draft")
        self.session.new_draft()

    def in_view(self, key: str, command: str) -> None:
        """Show the list view ``key`` and run its ``command`` (a public method of the view
        taking no argument; "": none); says why when the view is unavailable."""
        view = self.views.get(key)
        if view is None:
            self.feedback.error(self.context.history_message or "The history is not available.")
            return
        self.show_view(key)
        if command:
            getattr(view, command)()

    @Slot(str)
    def show_view(self, key: str) -> None:
        """Show the list view ``key`` beside the draft ("draft": the draft alone)."""
        view = self.views.get(key)
        if view is None:
            key = "draft"
        self.nav.choose(key)
        self.shell.show_list(view)
        self.view_commands.show(view)
        self.word_label.setHidden(self.view_commands.view is not None)  # the draft's count
        self._fit(self.width())
        if view is None:
            return
        shown = getattr(view, "view_shown", None)
        if callable(shown):
            shown()

    # -- layout: navigation | list view | the draft ----------------------------------------

    def _build(self) -> None:
        self.draft_view = d = DraftView(
            self.context.settings, table_action, language_names=language_names(self.start_cache)
        )
        # The draft's parts by name: the tests and the views' wiring reach them here.
        self.form = d.form
        self.stage_combo, self.channel_combo = d.form.stage_combo, d.form.channel_combo
        self.subject_edit, self.tabs, self.tone_list = d.subject_edit, d.tabs, d.tone_list
        self.editor, self.phone_editor = d.editor, d.phone_editor
        self.checklist_view, self.notes_edit = d.checklist_view, d.notes_edit
        self.subject_undo, self.format_bar = d.subject_undo, d.format_bar
        self.splitter, self.editor_splitter = d.splitter, d.editor_splitter
        self.message_bar = MessageBar(self.statusBar())
        self.shell = ShellLayout(self.draft_view, self.message_bar)
        self.setCentralWidget(self.shell)
        # Its parts by name: the views' wiring and the tests reach them here.
        self.nav, self.side_stack = self.shell.nav, self.shell.side_stack
        self.shell_splitter, self.banner = self.shell.shell_splitter, self.shell.banner
        self.word_label = QLabel()
        self.word_label.setObjectName("word_count_label")
        self.word_label.setAccessibleName("Word count")
        self.statusBar().addPermanentWidget(self.word_label)
        self.link_tab_order()

    def link_tab_order(self) -> None:
        """Tab follows the eye: navigation, the list views, then the draft."""
        self.shell.link_tab_order(self.views.values())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow windows: icons-only navigation; the form gives way to a list view."""
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        screen = self.screen()
        self.shell.fit(width, screen.availableGeometry().width() if screen else width)

    # -- window state and close -----------------------------------------------------------

    def restore_window_state(self) -> str:
        """Geometry and splitter positions from the last run; the view that was showing."""
        return restore_state(self, self._splitters())

    def save_window_state(self) -> None:
        """Remember geometry, splitter positions and the view showing."""
        save_state(self, self._splitters(), self.nav.current_key())

    def _splitters(self) -> dict[str, QSplitter]:
        return {"splitter": self.draft_view.splitter,
                "editor_splitter": self.draft_view.editor_splitter,
                "shell_splitter": self.shell_splitter}  # fmt: skip

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before losing edits; a clean close removes the autosave."""
        self.form.finish_typing()
        if self.drafting.dirty and not self.ask.confirm_discard("Close Bow Out"):
            event.ignore()
            return
        self.save_window_state()
        self.session.autosaver.discard()
        self.context.close()
        event.accept()
