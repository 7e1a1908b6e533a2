"""The window's actions with their shortcuts, built against a small protocol (no window class).

The menus and the toolbar that show them are in :mod:`bowout.gui.menus`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from bowout.gui.editor import RichEditor

logger = logging.getLogger(__name__)


class ActionTarget(Protocol):
    """What the actions act on (the main window provides it; a test may pass anything)."""

    def new_draft(self) -> None: ...
    def save_to_history(self) -> bool: ...
    def mark_sent(self) -> None: ...
    def they_replied(self) -> None: ...
    def add_call_note(self) -> None: ...
    def mark_resolved(self) -> None: ...
    def write_new_version(self) -> None: ...
    def copy_message(self) -> None: ...
    def open_in_mail(self) -> None: ...
    def export_as(self, extension: str) -> object: ...
    def export_all_data(self) -> object: ...
    def import_all_data(self) -> object: ...
    def show_view(self, key: str) -> None: ...
    def show_history(self) -> None: ...
    def find_in_history(self) -> None: ...
    def show_settings(self) -> None: ...
    def show_commands(self) -> None: ...
    def show_help(self) -> None: ...
    def show_about(self) -> None: ...
    def current_editor(self) -> RichEditor: ...
    def close(self) -> bool: ...


@dataclasses.dataclass
class Actions:
    """Every window action, by role (tests trigger them like a menu click)."""

    new: QAction
    save: QAction
    mark_sent: QAction
    they_replied: QAction
    call_note: QAction
    new_version: QAction
    resolved: QAction
    copy: QAction
    mail: QAction
    export_eml: QAction
    export_pdf: QAction
    export_txt: QAction
    export_html: QAction
    export_all: QAction
    import_all: QAction
    view_draft: QAction
    history: QAction
    find: QAction
    settings: QAction
    quit: QAction
    paste_rich: QAction
    commands: QAction
    help: QAction
    about: QAction

    def history_actions(self) -> tuple[QAction, ...]:
        """Actions that need a working history."""
        return (self.save, self.mark_sent, self.they_replied, self.call_note, self.resolved,
                self.history, self.find, self.export_all, self.import_all)  # fmt: skip

    def all(self) -> list[QAction]:
        """Every action, in menu order (the command list shows them all)."""
        return [getattr(self, field.name) for field in dataclasses.fields(self)]


def _make(
    owner: QWidget,
    name: str,
    text: str,
    slot: Callable[[], object],
    keys: tuple[QKeySequence.StandardKey | str | None, str] = (None, ""),
) -> QAction:
    shortcut, tip = keys
    action = QAction(text, owner)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    label = text.replace("&", "").rstrip("…")
    native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip or label} ({native})" if native else tip or label)
    action.setStatusTip(tip or label)
    action.triggered.connect(slot)
    owner.addAction(action)  # shortcuts work even with the menu bar hidden
    return action


def build_actions(target: ActionTarget, owner: QWidget) -> Actions:
    """Create the actions on ``owner`` (their shortcuts live there) acting on ``target``."""
    t, o = target, owner
    std = QKeySequence.StandardKey
    actions = Actions(
        new=_make(o, "new_action", "&New", t.new_draft, (std.New, "Start a new withdrawal")),
        save=_make(
            o, "save_action", "&Save to history", t.save_to_history,
            (std.Save, "Keep this withdrawal in your history"),
        ),
        mark_sent=_make(
            o, "mark_sent_action", "Mark as s&ent", t.mark_sent,
            ("Ctrl+Shift+S", "Save and stamp the time you sent it"),
        ),
        they_replied=_make(
            o, "they_replied_action", "They &replied…", t.they_replied,
            ("Ctrl+R", "Note what they said back and draft your short answer"),
        ),
        call_note=_make(
            o, "call_note_action", "Add a call &note…", t.add_call_note,
            ("Ctrl+Shift+N", "Keep a note of a call in the record's timeline"),
        ),
        new_version=_make(
            o, "new_version_action", "Write a new &version…", t.write_new_version,
            (None, "A new draft from this sent message; the sent one stays as it went out"),
        ),
        resolved=_make(
            o, "resolved_action", "Resolved: &no withdrawal", t.mark_resolved,
            (None, "The conversation resolved it: keep it as resolved, send nothing"),
        ),
        copy=_make(
            o, "copy_action", "&Copy message", t.copy_message,
            ("Ctrl+Shift+C", "Copy the message as rich and plain text"),
        ),
        mail=_make(
            o, "mail_action", "Send by &mail…", t.open_in_mail,
            ("Ctrl+Shift+M", "Open a new message in your mail app"),
        ),
        export_eml=_make(
            o, "export_eml_action", "Export as .&eml…", lambda: t.export_as(".eml"),
            ("Ctrl+E", "Export an email file"),
        ),
        export_pdf=_make(
            o, "export_pdf_action", "Export as .&pdf…", lambda: t.export_as(".pdf"),
            (None, "Export a PDF"),
        ),
        export_txt=_make(
            o, "export_txt_action", "Export as .&txt…", lambda: t.export_as(".txt"),
            (None, "Export plain text"),
        ),
        export_html=_make(
            o, "export_html_action", "Export as .&html…", lambda: t.export_as(".html"),
            (None, "Export a web page"),
        ),
        export_all=_make(
            o, "export_all_action", "Export &all data…", t.export_all_data,
            (None, "Everything you keep, in one file to take to another computer"),
        ),
        import_all=_make(
            o, "import_all_action", "&Import data…", t.import_all_data,
            (None, "Merge data exported on another computer into this history"),
        ),
        view_draft=_make(
            o, "view_draft_action", "&Draft only", lambda: t.show_view("draft"),
            ("Ctrl+1", "The draft across the whole window"),
        ),
        history=_make(
            o, "history_action", "&History", t.show_history,
            ("Ctrl+H", "Past withdrawals beside the draft"),
        ),
        find=_make(
            o, "find_action", "&Find in history…", t.find_in_history,
            (std.Find, "Search past withdrawals"),
        ),
        settings=_make(
            o, "settings_action", "Se&ttings…", t.show_settings,
            (std.Preferences, "Profile, theme, folders"),
        ),
        quit=_make(o, "quit_action", "&Quit", t.close, (std.Quit, "")),
        paste_rich=_make(
            o, "paste_rich_action", "Paste &with formatting",
            lambda: t.current_editor().paste_with_formatting(), ("Ctrl+Shift+V", ""),
        ),
        commands=_make(
            o, "commands_action", "&All commands and shortcuts…", t.show_commands,
            ("F1", "Find any command by name and see its shortcut"),
        ),
        help=_make(o, "help_action", "&Stages and channels", t.show_help, ("Shift+F1", "")),
        about=_make(o, "about_action", "&About Bow Out", t.show_about),
    )  # fmt: skip
    if actions.settings.shortcut().isEmpty():
        actions.settings.setShortcut(QKeySequence("Ctrl+,"))
    return actions
