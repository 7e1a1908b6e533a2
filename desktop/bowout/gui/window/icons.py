"""Icons from the Material Design Icons font shipped in the ``qtawesome`` package (offline).

Drawn in the palette's text colours, so they follow the light and dark themes, and as
font glyphs, so they stay sharp at any scaling. Imported after the first paint: loading
the font costs start-up time nobody should wait for.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication

from bowout.gui.window.action_table import COMMANDS, SUBMENUS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtWidgets import QMenu

    from bowout.gui.widgets.navigation import Navigation, ViewSpec
    from bowout.gui.window.actions import Actions

logger = logging.getLogger(__name__)

#: The one icon font used (qtawesome's prefix for Material Design Icons 6).
PREFIX = "mdi6"


class IconSource(Protocol):
    """qtawesome's IconicFont (or the module itself): draws a named icon."""

    def icon(self, name: str, **options: object) -> QIcon: ...


@functools.cache
def _font() -> IconSource:
    """An icon font with Material Design Icons only.

    ``qtawesome.icon`` loads and checksums every bundled font (about 10 MB) on first use;
    only one is needed. Falls back to qtawesome's full set if its font list changes.
    """
    os.environ.setdefault("QT_API", "pyside6")  # qtawesome's QtPy: never look for PyQt
    import qtawesome

    bundled = getattr(qtawesome, "_BUNDLED_FONTS", ())
    mdi = [spec for spec in bundled if spec[0] == PREFIX]
    source: IconSource = qtawesome.IconicFont(*mdi) if mdi else qtawesome
    return source


def icon(name: str) -> QIcon:
    """The icon ``name`` in the application palette's text colours (normal and disabled)."""
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    drawn: QIcon = _font().icon(name, color=text, color_disabled=muted)
    return drawn


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
