"""The window's icons: its commands' (from the command table) and the navigation's, drawn
from the one icon set (:mod:`bowout.gui.icon_font`) in the theme's colours."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bowout.gui.icon_font import icon
from bowout.gui.window.action_table import COMMANDS, SUBMENUS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtWidgets import QMenu

    from bowout.gui.widgets.navigation import Navigation, ViewSpec
    from bowout.gui.window.actions import Actions

logger = logging.getLogger(__name__)


def apply_icons(
    actions: Actions, menus: Mapping[str, QMenu], nav: Navigation, views: Sequence[ViewSpec]
) -> None:
    """Put (or, after a theme change, redraw) the icons of the commands that have one (the
    command table's), of the submenus on the toolbar, and of the navigation's ``views``."""
    for command in COMMANDS:
        if command.icon:
            actions.get(command.name).setIcon(icon(command.icon))
    for path, (_title, _label, _tip, name) in SUBMENUS.items():
        if name:
            menus[path].menuAction().setIcon(icon(name))
    nav.set_icons({view.key: icon(view.icon) for view in views})
