"""Icons from the Material Design Icons font shipped in the ``qtawesome`` package (offline):
the one icon set of the window, its dialogs and message boxes.

Drawn in the palette's text colours, so they follow the light and dark themes, and as
font glyphs, so they stay sharp at any scaling. Imported after the first paint: loading
the font costs start-up time nobody should wait for.
"""

from __future__ import annotations

import functools
import os
from typing import Protocol

from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication

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
