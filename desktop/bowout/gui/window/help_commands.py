"""The Help menu's commands: every command by name (F1), the stages and channels explained,
and About. Their dialogs load on first use (not at start-up)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def show_commands(parent: QWidget, actions: Sequence[QAction]) -> None:
    """Every command of ``actions`` with its shortcut, filtered as you type; Enter runs the
    one chosen (if it is enabled)."""
    from bowout.gui.dialogs.command_palette import CommandPalette

    chosen = CommandPalette.ask(parent, actions)
    if chosen is not None and chosen.isEnabled():
        chosen.trigger()


def show_about(parent: QWidget, topic: str = "about") -> None:
    """Version and licence ("about"), or the stages and channels explained ("help")."""
    from bowout.gui.dialogs import about

    (about.show_help if topic == "help" else about.show_about)(parent)
