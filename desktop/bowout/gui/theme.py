"""Light, dark or follow-the-system colours for the whole application."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

logger = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")
# The style and palette the platform gave us, kept so "system" can go back to them.
_ORIGINAL_STYLE = "_bowout_original_style"


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window colour is a dark one."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A Fusion palette with readable contrast, used wherever the platform has no dark mode."""
    p = QPalette()
    window = QColor(45, 45, 48)
    base = QColor(30, 30, 32)
    text = QColor(230, 230, 230)
    disabled = QColor(127, 127, 127)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(53, 53, 56),
        QPalette.ColorRole.ToolTipBase: QColor(60, 60, 64),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 150),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 80, 80),
        QPalette.ColorRole.Light: QColor(70, 70, 74),
        QPalette.ColorRole.Midlight: QColor(60, 60, 64),
        QPalette.ColorRole.Mid: QColor(40, 40, 42),
        QPalette.ColorRole.Dark: QColor(25, 25, 26),
        QPalette.ColorRole.Shadow: QColor(10, 10, 10),
        QPalette.ColorRole.Highlight: QColor(42, 130, 218),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(110, 170, 255),
        QPalette.ColorRole.LinkVisited: QColor(180, 140, 255),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def light_palette() -> QPalette:
    """Fusion's own light palette (the platform may hand out a dark one)."""
    p = QPalette(QColor(239, 239, 239))  # Qt derives every role from the window colour
    p.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
    p.setColor(QPalette.ColorRole.Text, QColor(0, 0, 0))
    p.setColor(QPalette.ColorRole.WindowText, QColor(0, 0, 0))
    p.setColor(QPalette.ColorRole.ButtonText, QColor(0, 0, 0))
    # Qt's default hint text is half-transparent black, about 4:1 on white; AA needs 4.5:1.
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(110, 110, 110))
    p.setColor(QPalette.ColorRole.Highlight, QColor(48, 140, 198))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    return p


def system_prefers_dark(app: QGuiApplication) -> bool:
    """What the OS asks for (Qt 6.5+); False when it does not say."""
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _request_scheme(app: QGuiApplication, scheme: Qt.ColorScheme | None) -> None:
    """Tell Qt 6.8+ which scheme we want (None: follow the OS); older Qt has no such call."""
    hints = app.styleHints()
    unset = getattr(hints, "unsetColorScheme", None)  # Qt 6.9+
    setter = getattr(hints, "setColorScheme", None)  # Qt 6.8+
    if scheme is None and unset is not None:
        unset()
    elif setter is not None:
        setter(scheme or Qt.ColorScheme.Unknown)  # Unknown: back to the platform's choice


def style_name(app: QApplication) -> str:
    """The style's name, seen through a proxy (the dark theme's ContrastStyle)."""
    # Imported here: creating QProxyStyle builds every QStyle enum (see _follow_untouched_system).
    from PySide6.QtWidgets import QProxyStyle

    style = app.style()
    return style.baseStyle().name() if isinstance(style, QProxyStyle) else style.name()


def _use_style(app: QApplication, name: str) -> None:
    """Set the style only if it changes: every set re-polishes every widget."""
    if app.style().name().lower() != name.lower():
        app.setStyle(name)


def _use_palette(app: QApplication, palette: QPalette) -> None:
    """Set the palette only if it changes (a set sends a change event to every widget)."""
    if app.palette() != palette:
        app.setPalette(palette)


def _use_dark(app: QApplication) -> None:
    """Fusion with outlines that stay visible (see contrast_style), on the dark palette."""
    from bowout.gui.contrast_style import ContrastStyle

    if not isinstance(app.style(), ContrastStyle):
        app.setStyle(ContrastStyle())
    _use_palette(app, dark_palette())


def _follow_untouched_system(app: QApplication) -> None:
    """ "system" when no theme has changed anything yet: the platform's look stays as it is.

    This path never asks Python for ``app.style()``: its first wrapper builds every QStyle
    enum (about 20 ms of each start), which the default look does not need.
    """
    if system_prefers_dark(app) and not is_dark(app.palette()):
        # The platform says dark but its style did not follow: Fusion dark fallback.
        app.setProperty(_ORIGINAL_STYLE, app.style().name())
        _use_dark(app)
    logger.info("theme system applied (platform look)")


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply "system", "light" or "dark" to every window of the application."""
    if theme not in THEMES:
        logger.warning("unknown theme %r; following the system", theme)
        theme = "system"
    original = app.property(_ORIGINAL_STYLE)
    if theme == "system" and not original:
        _follow_untouched_system(app)
        return
    if not original:
        original = app.style().name()
        app.setProperty(_ORIGINAL_STYLE, original)
    if theme == "dark":
        _request_scheme(app, Qt.ColorScheme.Dark)
        # Fusion draws every widget from the palette, so it is readable on every OS.
        _use_dark(app)
    elif theme == "light":
        _request_scheme(app, Qt.ColorScheme.Light)
        _use_style(app, original)
        app.setPalette(app.style().standardPalette())
        if is_dark(app.palette()):  # the native style kept following a dark OS
            app.setStyle("Fusion")
            app.setPalette(light_palette())
    else:
        _request_scheme(app, None)
        _use_style(app, original)
        _use_palette(app, app.style().standardPalette())
        if system_prefers_dark(app) and not is_dark(app.palette()):
            # The platform says dark but the style did not follow: Fusion dark fallback.
            _use_dark(app)
    logger.info("theme %s applied (style %s)", theme, style_name(app))
