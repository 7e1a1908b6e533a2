"""The window's views: one module per view, listed once in :data:`bowout.gui.shell.VIEWS`.

The draft is the document; every other view is a list shown beside it (history now,
applications and "Coming up" later). A list view's module offers ``make(host)``, which
returns the widget (or None when what it lists is unavailable) and connects it to the
host through :class:`ViewHost` only.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from bowout.gui.context import AppContext


class ViewHost(Protocol):
    """What a view may ask of the window that shows it."""

    context: AppContext

    def open_record(self, record: Any) -> None: ...
    def duplicate_record(self, record: Any) -> None: ...
    def show_view(self, key: str) -> None: ...


@dataclasses.dataclass(frozen=True)
class ViewSpec:
    """One entry of the side navigation.

    ``module`` is the dotted module with ``make(host)`` ("" for the draft itself, which is
    always there); ``icon`` a qtawesome name; ``shortcut`` the key that shows the view.
    """

    key: str
    label: str
    icon: str
    shortcut: str
    module: str = ""
