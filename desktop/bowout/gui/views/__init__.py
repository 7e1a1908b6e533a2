"""The window's views: one module per view, listed once in
:data:`bowout.gui.window.action_table.VIEWS`.

The draft is the document; every other view is a list shown beside it (history now,
applications and "Coming up" later). A list view's module offers ``make(host)``, which
returns the widget (or None when what it lists is unavailable) and connects it to the
host through :class:`ViewHost` only: each listens to ``host.events.changed`` (a change
of the history made elsewhere) through its ``history_changed`` slot.

A view with messages of its own (Tell the others) is a :class:`MessageView`: it takes the
draft's place, and the window's message commands (Copy, Mark as sent, Send by mail,
Export) act on the message selected in it (:mod:`bowout.gui.window.view_commands`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from bowout.gui.context import AppContext
    from bowout.gui.events import HistoryEvents
    from bowout.storage.records import Record


class RecordOpener(Protocol):
    """Who opens a kept withdrawal in the draft (the window's open record)."""

    def open_record(self, record: Record) -> None: ...
    def duplicate_record(self, record: Record) -> None: ...


class ViewHost(Protocol):
    """What a view may ask of the window that shows it: the context, the history's
    change events (every list view listens), and who opens a record in the draft."""

    context: AppContext
    events: HistoryEvents
    session: RecordOpener


@runtime_checkable
class MessageView(Protocol):
    """A view showing messages of its own instead of the draft (Tell the others)."""

    #: The selection or a message's state changed: the commands' states may have.
    commands_changed: SignalInstance

    def message_commands(self) -> Mapping[str, Callable[[], object]]:
        """The window's message commands it runs on its selected message, by command name
        ("copy", "mark_sent", "mail", "export_eml", ...)."""
        ...

    def command_blocked(self, name: str) -> str:
        """Why the command ``name`` cannot run now, in a person's words ("" when it can:
        e.g. nothing is selected, or the message is already kept as sent)."""
        ...
