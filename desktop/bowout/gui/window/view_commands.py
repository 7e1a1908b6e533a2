"""Which message the window's commands act on: the draft's, or the one selected in the view
showing.

The command table says what each command acts on (:attr:`Command.acts_on`). Beside the
draft (History, Applications, Coming up) the draft is on screen and every command acts on
it. A view with messages of its own (a :class:`~bowout.gui.views.MessageView`, such as Tell
the others) takes the draft's place: there the message commands (Copy, Mark as sent, Send by
mail, Export) run on the message selected in it, enabled as it says; and the commands that
act on the draft only (Save, They replied, Bold, ...) are off, with a tooltip that says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QWidget

from bowout.gui.views import MessageView
from bowout.gui.window.action_table import COMMANDS
from bowout.gui.window.actions import Actions

#: The commands acting on the message of the view showing, and on the draft only.
MESSAGE_COMMANDS = tuple(c.name for c in COMMANDS if c.acts_on == "message")
DRAFT_COMMANDS = tuple(c.name for c in COMMANDS if c.acts_on == "draft")


class ViewCommands(QObject):
    """Routes the message commands to the view showing and turns off the draft's own."""

    def __init__(self, parent: QObject | None = None) -> None:
        """Made before the actions (their handlers come from :meth:`handler`); then
        :meth:`bind` them."""
        super().__init__(parent)
        self.view: MessageView | None = None
        self.view_title = ""
        #: The state the draft's side asked for, kept while a message view shows.
        self.draft_enabled = dict.fromkeys(MESSAGE_COMMANDS, True)
        self.draft_only = QActionGroup(self)
        self.draft_only.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)

    def bind(self, actions: Actions) -> None:
        """``actions``: the window's actions, made from the command table."""
        self.actions = actions
        self.tips = {name: actions.get(name).toolTip() for name in (*MESSAGE_COMMANDS,
                                                                   *DRAFT_COMMANDS)}  # fmt: skip
        # A disabled group keeps its actions off whatever their own code sets meanwhile
        # (undo's availability, a record's state), and gives them back when enabled again.
        for name in DRAFT_COMMANDS:
            self.draft_only.addAction(actions.get(name))

    def handler(self, name: str, on_draft: Callable[[], object]) -> Callable[[], object]:
        """What the message command ``name`` runs: the view's own while a message view
        shows, else ``on_draft``."""

        def run() -> object:
            if self.view is not None:
                return self.view.message_commands()[name]()
            return on_draft()

        return run

    def set_enabled(self, action: QAction, on: bool) -> None:
        """Enable ``action`` for the draft (a message command: once the draft shows)."""
        name = action.objectName().removesuffix("_action")
        if name not in self.draft_enabled:
            action.setEnabled(on)
            return
        self.draft_enabled[name] = on
        if self.view is None:
            action.setEnabled(on)

    def show(self, view: QWidget | None) -> None:
        """The view ``view`` is showing (None, or a list beside it: the draft)."""
        if self.view is not None:
            self.view.commands_changed.disconnect(self.refresh)
        self.view = view if isinstance(view, MessageView) else None
        self.view_title = view.accessibleName() if view is not None else ""
        if self.view is not None:
            self.view.commands_changed.connect(self.refresh)
        self.draft_only.setEnabled(self.view is None)
        elsewhere = f"Not in {self.view_title}: it works on the draft (View › Draft only, Ctrl+1)"
        for name in DRAFT_COMMANDS:
            tip = self.tips[name] if self.view is None else elsewhere
            self.actions.get(name).setToolTip(tip)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Enable each message command as the view showing says (the draft's state when
        the draft shows); a blocked one's tooltip says why."""
        for name in MESSAGE_COMMANDS:
            action = self.actions.get(name)
            if self.view is None:
                action.setEnabled(self.draft_enabled[name])
                action.setToolTip(self.tips[name])
                continue
            offered = name in self.view.message_commands()
            why = self.view.command_blocked(name) if offered else (
                f"Not in {self.view_title}: show the draft (Ctrl+1) to use it")  # fmt: skip
            action.setEnabled(not why)
            action.setToolTip(why or self.tips[name])
