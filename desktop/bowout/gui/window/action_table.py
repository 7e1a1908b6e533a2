"""Every command of the window, declared once: name, text, shortcut, icon, menu, toolbar.

The menus, the toolbar, the icons and the command list (F1) are all made from
:data:`COMMANDS`, so a command in the table is in every one of them and F1 lists every
command by construction. Adding a command is one entry here and one handler in the shell's
wiring block (``gui/window/shell.py``). The views' entries follow the side navigation
(:data:`VIEWS`): Ctrl+1 to Ctrl+N from the top.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QKeySequence

from bowout.gui.widgets.navigation import ViewSpec

Key = QKeySequence.StandardKey | str | None
_std = QKeySequence.StandardKey

#: The side navigation, top to bottom. The draft is the document; the others are lists
#: shown beside it. A view is a module with ``make(host)`` and a line here; its shortcut is
#: Ctrl+ its place in this list.
VIEWS = (
    ViewSpec("draft", "&Draft", "mdi6.file-document-edit-outline", "Ctrl+1"),
    ViewSpec("history", "&History", "mdi6.history", "Ctrl+2", "bowout.gui.views.history"),
    ViewSpec(
        "applications",
        "&Applications",
        "mdi6.briefcase-outline",
        "Ctrl+3",
        "bowout.gui.views.applications",
    ),
    ViewSpec(
        "coming_up", "&Coming up", "mdi6.calendar-check", "Ctrl+4", "bowout.gui.views.coming_up"
    ),
    ViewSpec(
        "batch",
        "&Tell the others",
        "mdi6.email-multiple-outline",
        "Ctrl+5",
        "bowout.gui.views.batch",
    ),
)


@dataclasses.dataclass(frozen=True)
class Command:
    """One command of the window.

    ``name``: the handler's key and the action's object name (``name + "_action"``);
    ``text``: the menu text with its mnemonic (``…`` when it asks something first);
    ``menu``: where it is shown (``"File/Export"``: a submenu); ``keys``: its shortcut (a
    standard key where the platform has one); ``words``: the tooltip and status tip, also
    searched by F1; ``icon``: a Material Design Icons name (qtawesome's ``mdi6.`` prefix);
    ``toolbar``: the short label on the main toolbar (empty: not there); ``owner``:
    ``"window"`` or ``"editor"`` (made by the editor's format bar, acting on the editor
    showing); ``group``: a separator goes before it in its menu.
    """

    name: str
    text: str
    menu: str
    keys: Key = None
    words: str = ""
    icon: str = ""
    toolbar: str = ""
    owner: str = "window"
    checkable: bool = False
    needs_history: bool = False
    group: bool = False
    #: A second menu that shows it too (its place: where the table reaches it).
    also_in: str = ""
    #: The shortcut where the platform has no standard key for ``keys`` (Linux: no
    #: Preferences key).
    fallback: str = ""
    #: What it acts on: ``"message"``, the message of the view showing (the draft's, or the
    #: one selected in a view with messages of its own, such as Tell the others);
    #: ``"draft"``, the draft only (off, with a tooltip saying why, where the draft is not
    #: shown); ``""``, neither (see :mod:`bowout.gui.window.view_commands`).
    acts_on: str = ""

    @property
    def object_name(self) -> str:
        """The action's ``objectName`` (what tests and accessibility tools find)."""
        return f"{self.name}_action"


def _view_commands() -> tuple[Command, ...]:
    words = {
        "draft": "The draft across the whole window",
        "history": "Past withdrawals beside the draft",
        "applications": "The applications still in play, beside the draft",
        "coming_up": "Follow-ups of sent withdrawals, overdue first",
        "batch": "Tell the other open applications at once",
    }
    return tuple(
        Command(
            f"view_{view.key}",
            view.label if view.key != "draft" else "&Draft only",
            "View",
            view.shortcut,
            words[view.key],
            view.icon,
            needs_history=bool(view.module),
        )
        for view in VIEWS
    )


#: Every command, in menu order. Menus appear in the order their first command does.
COMMANDS: tuple[Command, ...] = (
    # -- File -------------------------------------------------------------------------------
    Command("new", "&New", "File", _std.New, "Start a new withdrawal",
            "mdi6.file-plus-outline", "New"),
    Command("save", "&Save to history", "File", _std.Save,
            "Keep this withdrawal in your history", "mdi6.content-save-outline", "Save",
            needs_history=True, acts_on="draft"),
    Command("mark_sent", "Mark as s&ent", "File", "Ctrl+Shift+S",
            "Save and stamp the time you sent it", "mdi6.send-check-outline", "Mark as sent",
            needs_history=True, also_in="Record", acts_on="message"),
    Command("copy", "&Copy message", "File", "Ctrl+Shift+C",
            "Copy the message as rich and plain text", "mdi6.content-copy", "Copy", group=True,
            acts_on="message"),
    Command("mail", "Send by &mail…", "File", "Ctrl+Shift+M",
            "Open a new message in your mail app", "mdi6.email-arrow-right-outline",
            "Send by mail", acts_on="message"),
    Command("export_eml", "Export as .&eml…", "File/Export", "Ctrl+E", "Export an email file",
            acts_on="message"),
    Command("export_pdf", "Export as .&pdf…", "File/Export", None, "Export a PDF",
            acts_on="message"),
    Command("export_txt", "Export as .&txt…", "File/Export", None, "Export plain text",
            acts_on="message"),
    Command("export_html", "Export as .&html…", "File/Export", None, "Export a web page",
            acts_on="message"),
    Command("export_all", "Export &all data…", "File", None,
            "Everything you keep, in one file to take to another computer",
            needs_history=True),
    Command("import_all", "&Import data…", "File", None,
            "Merge data exported on another computer into this history", needs_history=True),
    Command("import_csv", "Import applications from &CSV…", "File", None,
            "Add applications from a spreadsheet saved as CSV (Applications view)",
            needs_history=True),
    Command("export_calendar", "Export follow-ups to ca&lendar…", "File", None,
            "Every follow-up of Coming up as an .ics file your calendar imports",
            needs_history=True),
    Command("settings", "Se&ttings…", "File", _std.Preferences, "Profile, theme, folders",
            "mdi6.cog-outline", group=True, fallback="Ctrl+,"),
    Command("quit", "&Quit", "File", _std.Quit, "Close Bow Out", group=True),
    # -- Record -----------------------------------------------------------------------------
    Command("they_replied", "They &replied…", "Record", "Ctrl+R",
            "Note what they said back and draft your short answer", needs_history=True,
            acts_on="draft"),
    Command("call_note", "Add a call &note…", "Record", "Ctrl+Shift+N",
            "Keep a note of a call in the record's timeline", needs_history=True,
            acts_on="draft"),
    Command("new_version", "Write a new &version…", "Record", None,
            "A new draft from this sent message; the sent one stays as it went out",
            group=True, acts_on="draft"),
    Command("resolved", "Resolved: &no withdrawal", "Record", None,
            "The conversation resolved it: keep it as resolved, send nothing",
            needs_history=True, acts_on="draft"),
    Command("delete_record", "&Delete from history", "Record", None,
            "Move the withdrawal selected in History to the trash (Undo brings it back)",
            needs_history=True, group=True),
    # -- Edit -------------------------------------------------------------------------------
    Command("undo", "&Undo", "Edit", _std.Undo, "Undo the last change to the message",
            owner="editor", acts_on="draft"),
    Command("redo", "&Redo", "Edit", _std.Redo, "Redo what was undone", owner="editor",
            acts_on="draft"),
    Command("cut", "Cu&t", "Edit", _std.Cut, "Cut the selected text", group=True),
    Command("copy_text", "C&opy", "Edit", _std.Copy, "Copy the selected text"),
    Command("paste", "&Paste", "Edit", _std.Paste, "Paste as plain text"),
    Command("paste_rich", "Paste &with formatting", "Edit", "Ctrl+Shift+V",
            "Paste keeping bold, italic, lists and links", acts_on="draft"),
    Command("select_all", "Select &all", "Edit", _std.SelectAll, "Select all the text"),
    Command("bold", "&Bold", "Edit", _std.Bold, "Bold", owner="editor", checkable=True,
            group=True, acts_on="draft"),
    Command("italic", "&Italic", "Edit", _std.Italic, "Italic", owner="editor",
            checkable=True, acts_on="draft"),
    Command("underline", "&Underline", "Edit", _std.Underline, "Underline", owner="editor",
            checkable=True, acts_on="draft"),
    Command("bullets", "Bullet &list", "Edit", "Ctrl+Shift+L", "A bulleted list",
            owner="editor", acts_on="draft"),
    Command("link", "Lin&k…", "Edit", "Ctrl+K", "Link the selected words to a web address",
            owner="editor", acts_on="draft"),
    # -- View -------------------------------------------------------------------------------
    *_view_commands(),
    Command("find", "&Find in history…", "View", _std.Find, "Search past withdrawals",
            "mdi6.magnify", needs_history=True, group=True),
    Command("theme_system", "&System theme", "View/Theme", None,
            "Follow the computer's light or dark setting", checkable=True),
    Command("theme_light", "&Light theme", "View/Theme", None, "Dark text on light",
            checkable=True),
    Command("theme_dark", "&Dark theme", "View/Theme", None, "Light text on dark",
            checkable=True),
    # -- Help -------------------------------------------------------------------------------
    Command("commands", "&All commands and shortcuts…", "Help", "F1",
            "Find any command by name and see its shortcut", "mdi6.keyboard-outline"),
    Command("help", "&Stages and channels", "Help", "Shift+F1",
            "What each stage and channel means", "mdi6.help-circle-outline"),
    Command("about", "&About Bow Out", "Help", None, "Version and licence", group=True),
)  # fmt: skip

#: Submenus: path -> (title, toolbar label, tooltip, icon); a toolbar label puts the
#: submenu on the main toolbar after the last toolbar command before it.
SUBMENUS = {
    "File/Export": (
        "E&xport",
        "Export",
        "Export as an email file, PDF, text or web page",
        "mdi6.export-variant",
    ),
    "View/Theme": ("T&heme", "", "", ""),
}

#: Commands by name.
BY_NAME = {command.name: command for command in COMMANDS}
