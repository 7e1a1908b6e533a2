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
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication

from bowout.gui.action_table import COMMANDS, SUBMENUS

if TYPE_CHECKING:
    from bowout.gui.shell import MainWindow
    from bowout.gui.views import ViewSpec

logger = logging.getLogger(__name__)

#: The one icon font used (qtawesome's prefix for Material Design Icons 6).
PREFIX = "mdi6"


@functools.cache
def _font() -> Any:
    """An icon font with Material Design Icons only.

    ``qtawesome.icon`` loads and checksums every bundled font (about 10 MB) on first use;
    only one is needed. Falls back to qtawesome's full set if its font list changes.
    """
    os.environ.setdefault("QT_API", "pyside6")  # qtawesome's QtPy: never look for PyQt
    import qtawesome

    bundled = getattr(qtawesome, "_BUNDLED_FONTS", ())
    mdi = [spec for spec in bundled if spec[0] == PREFIX]
    return qtawesome.IconicFont(*mdi) if mdi else qtawesome


def icon(name: str) -> QIcon:
    """The icon ``name`` in the application palette's text colours (normal and disabled)."""
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    drawn: QIcon = _font().icon(name, color=text, color_disabled=muted)
    return drawn


def apply_icons(window: MainWindow, views: Sequence[ViewSpec]) -> None:
    """Put (or, after a theme change, redraw) the icons of the actions and the navigation."""
    for command in COMMANDS:
        if command.icon:
            window.actions_.get(command.name).setIcon(icon(command.icon))
    for path, (_title, _label, _tip, name) in SUBMENUS.items():
        if name:
            window.menus[path].menuAction().setIcon(icon(name))
    window.nav.set_icons({view.key: icon(view.icon) for view in views})
