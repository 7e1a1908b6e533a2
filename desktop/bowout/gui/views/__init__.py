"""The window's views: one module per view, listed once in
:data:`bowout.gui.window.action_table.VIEWS`.

The draft is the document; every other view is a list shown beside it (history now,
applications and "Coming up" later). A list view's module offers ``make(host)``, which
returns the widget (or None when what it lists is unavailable) and connects it to the
host through :class:`ViewHost` only: each listens to ``host.events.changed`` (a change
of the history made elsewhere) through its ``history_changed`` slot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
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
