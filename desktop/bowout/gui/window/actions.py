"""The window's QActions, made from the command table (:mod:`bowout.gui.window.action_table`).

The menus and the toolbar that show them are in :mod:`bowout.gui.window.menus`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from bowout.gui.window.action_table import BY_NAME, COMMANDS, Command

logger = logging.getLogger(__name__)


def make_action(owner: QWidget, command: Command) -> QAction:
    """The QAction of ``command`` on ``owner`` (its shortcut lives there, so it works even
    with the menu bar hidden), named, with its shortcut and tips; not connected."""
    action = QAction(command.text, owner)
    action.setObjectName(command.object_name)
    action.setCheckable(command.checkable)
    if command.keys is not None:
        action.setShortcut(QKeySequence(command.keys))
    if action.shortcut().isEmpty() and command.fallback:
        action.setShortcut(QKeySequence(command.fallback))
    label = command.text.replace("&", "").rstrip("…")
    tip = command.words or label
    native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({native})" if native else tip)
    action.setStatusTip(tip)
    owner.addAction(action)
    return action


def table_action(owner: QWidget, name: str) -> QAction:
    """The QAction of the table's command ``name`` on ``owner`` (not connected)."""
    return make_action(owner, BY_NAME[name])


class Actions:
    """Every action of the window by command name (``actions.save``), in table order."""

    def __init__(self, actions: Mapping[str, QAction]) -> None:
        missing = [c.name for c in COMMANDS if c.name not in actions]
        if missing:
            raise ValueError(f"commands without an action: {', '.join(missing)}")
        self._by_name = {c.name: actions[c.name] for c in COMMANDS}

    def __getattr__(self, name: str) -> QAction:
        """The action of the command ``name``; AttributeError for a name not in the table."""
        try:
            return self.__dict__["_by_name"][name]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, name: str) -> QAction:
        """The action of the command ``name`` (KeyError if the table has none)."""
        return self._by_name[name]

    def history_actions(self) -> tuple[QAction, ...]:
        """Actions that need a working history."""
        return tuple(self._by_name[c.name] for c in COMMANDS if c.needs_history)

    def all(self) -> list[QAction]:
        """Every action, in table (menu) order: what the command list (F1) shows."""
        return list(self._by_name.values())


def build_actions(
    owner: QWidget,
    handlers: Mapping[str, Callable[[], object]],
    editor_actions: Iterable[QAction] = (),
) -> Actions:
    """Make the window's actions on ``owner``, each triggering ``handlers[name]``; the
    editor's own (undo, bold, ...) come made by the format bar in ``editor_actions``.
    ValueError when a window command has no handler or a handler no command."""
    window_commands = {c.name for c in COMMANDS if c.owner == "window"}
    if set(handlers) != window_commands:
        extra = sorted(set(handlers) - window_commands)
        lacking = sorted(window_commands - set(handlers))
        raise ValueError(f"handlers without commands {extra}, commands without one {lacking}")
    made = {a.objectName().removesuffix("_action"): a for a in editor_actions}
    for name, handler in handlers.items():
        action = make_action(owner, BY_NAME[name])
        action.triggered.connect(lambda _checked=False, run=handler: run())
        made[name] = action
    return Actions(made)
