"""The window's actions, menus and main toolbar, with their shortcuts."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QToolButton

if TYPE_CHECKING:
    from bowout.gui.main_window import MainWindow

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class Actions:
    """Every window action, by role (tests trigger them like a menu click)."""

    new: QAction
    save: QAction
    mark_sent: QAction
    copy: QAction
    mail: QAction
    export_eml: QAction
    export_pdf: QAction
    export_txt: QAction
    export_html: QAction
    history: QAction
    find: QAction
    settings: QAction
    quit: QAction
    paste_rich: QAction
    help: QAction
    about: QAction

    def history_actions(self) -> tuple[QAction, ...]:
        """Actions that need a working history."""
        return (self.save, self.mark_sent, self.history, self.find)


def _make(
    window: MainWindow,
    name: str,
    text: str,
    slot: Callable[[], object],
    keys: tuple[QKeySequence.StandardKey | str | None, str] = (None, ""),
) -> QAction:
    shortcut, tip = keys
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    label = text.replace("&", "").rstrip("…")
    native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip or label} ({native})" if native else tip or label)
    action.setStatusTip(tip or label)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work even with the menu bar hidden
    return action


#: Action attribute -> the shorter text its toolbar button shows.
TOOLBAR_TEXTS = {
    "save": "Save",
    "mark_sent": "Mark sent",
    "copy": "Copy",
    "mail": "Mail app",
    "history": "History",
    "settings": "Settings",
}


def build_actions(window: MainWindow) -> Actions:
    """Create the actions, the File/Edit/Help menus and the main toolbar."""
    w = window
    std = QKeySequence.StandardKey
    actions = Actions(
        new=_make(w, "new_action", "&New", w.new_draft, (std.New, "Start a new withdrawal")),
        save=_make(
            w, "save_action", "&Save to history", w.save_to_history,
            (std.Save, "Keep this withdrawal in your history"),
        ),
        mark_sent=_make(
            w, "mark_sent_action", "Mark as s&ent", w.mark_sent,
            ("Ctrl+Shift+S", "Save and stamp the time you sent it"),
        ),
        copy=_make(
            w, "copy_action", "&Copy message", w.copy_message,
            ("Ctrl+Shift+C", "Copy the message as rich and plain text"),
        ),
        mail=_make(
            w, "mail_action", "Open in &mail app", w.open_in_mail,
            ("Ctrl+Shift+M", "Open a new message in your mail app"),
        ),
        export_eml=_make(
            w, "export_eml_action", "Export as .&eml…", lambda: w.export_as(".eml"),
            ("Ctrl+E", "Export an email file"),
        ),
        export_pdf=_make(
            w, "export_pdf_action", "Export as .&pdf…", lambda: w.export_as(".pdf"),
            (None, "Export a PDF"),
        ),
        export_txt=_make(
            w, "export_txt_action", "Export as .&txt…", lambda: w.export_as(".txt"),
            (None, "Export plain text"),
        ),
        export_html=_make(
            w, "export_html_action", "Export as .&html…", lambda: w.export_as(".html"),
            (None, "Export a web page"),
        ),
        history=_make(
            w, "history_action", "&History…", w.show_history, ("Ctrl+H", "Past withdrawals")
        ),
        find=_make(
            w, "find_action", "&Find in history…", w.find_in_history,
            (std.Find, "Search past withdrawals"),
        ),
        settings=_make(
            w, "settings_action", "Se&ttings…", w.show_settings,
            (std.Preferences, "Profile, theme, folders"),
        ),
        quit=_make(w, "quit_action", "&Quit", w.close, (std.Quit, "")),
        paste_rich=_make(
            w, "paste_rich_action", "Paste &with formatting",
            lambda: w.current_editor().paste_with_formatting(), ("Ctrl+Shift+V", ""),
        ),
        help=_make(w, "help_action", "&Stages and channels", w.show_help, (std.HelpContents, "")),
        about=_make(w, "about_action", "&About Bow Out", w.show_about),
    )  # fmt: skip
    if actions.settings.shortcut().isEmpty():
        actions.settings.setShortcut(QKeySequence("Ctrl+,"))
    _menus(window, actions)
    return actions


def _menus(window: MainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.new, a.save, a.mark_sent])
    file_menu.addSeparator()
    file_menu.addActions([a.copy, a.mail])
    export_menu = file_menu.addMenu("E&xport")
    export_menu.addActions([a.export_eml, a.export_pdf, a.export_txt, a.export_html])
    file_menu.addSeparator()
    file_menu.addActions([a.history, a.find, a.settings])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    fmt = window.format_bar
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([fmt.undo, fmt.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(a.paste_rich)
    edit_menu.addSeparator()
    edit_menu.addActions([fmt.bold, fmt.italic, fmt.underline, fmt.bullets, fmt.link])

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.help, a.about])

    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    # Short button texts (menus keep the full ones) so every button fits at 800 pixels.
    for action, short in TOOLBAR_TEXTS.items():
        getattr(a, action).setIconText(short)
    toolbar.addActions([a.new, a.save, a.mark_sent])
    toolbar.addSeparator()
    toolbar.addActions([a.copy, a.mail])
    export_menu.menuAction().setIconText("Export")
    toolbar.addAction(export_menu.menuAction())
    export_button = toolbar.widgetForAction(export_menu.menuAction())
    if isinstance(export_button, QToolButton):
        export_button.setObjectName("export_button")
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    toolbar.addSeparator()
    toolbar.addActions([a.history, a.settings])
    window.addToolBar(toolbar)
    window.addToolBarBreak()  # formatting on a row of its own: nothing falls into "»"
    window.addToolBar(fmt)
