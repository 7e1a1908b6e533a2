"""Light, dark or follow-the-system colours for the whole application."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

logger = logging.getLogger(__name__)

#: WCAG 2.x level AA contrast for text.
AA_TEXT = 4.5

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
        QPalette.ColorRole.Highlight: QColor(25, 100, 180),  # 6:1 under white (was 4:1)
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
    # Fusion's (48, 140, 198) under white text is 3.6:1; this blue is 6.7:1.
    p.setColor(QPalette.ColorRole.Highlight, QColor(0, 95, 160))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    return p


def _luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _blend(color: QColor, ground: QColor) -> QColor:
    """``color`` as it shows over ``ground`` (translucent hint text is Qt's default)."""
    a = color.alphaF()
    return QColor.fromRgbF(*(c * a + g * (1 - a) for c, g in (
        (color.redF(), ground.redF()), (color.greenF(), ground.greenF()),
        (color.blueF(), ground.blueF()))))  # fmt: skip


def readable(palette: QPalette) -> QPalette:
    """``palette`` with hint text, links and selected text at WCAG AA (4.5:1) or better.

    A style's standard palette may fall short (Qt's hint text is about 4:1 on white, a
    selected row's white on Fusion's blue 3.6:1); the light theme's colours replace them.
    """
    fixed = QPalette(palette)
    base = palette.color(QPalette.ColorRole.Base)
    hint = _blend(palette.color(QPalette.ColorRole.PlaceholderText), base)
    reference = dark_palette() if is_dark(palette) else light_palette()
    if contrast_ratio(hint, base) < AA_TEXT:
        fixed.setColor(QPalette.ColorRole.PlaceholderText,
                       reference.color(QPalette.ColorRole.PlaceholderText))  # fmt: skip
    for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
        if contrast_ratio(palette.color(role), base) < AA_TEXT:  # Qt's #0000ff on dark: 2:1
            fixed.setColor(role, reference.color(role))
    chosen = palette.color(QPalette.ColorRole.HighlightedText)
    if contrast_ratio(chosen, palette.color(QPalette.ColorRole.Highlight)) < AA_TEXT:
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            fixed.setColor(role, reference.color(role))
    return fixed


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
        app.setPalette(readable(app.style().standardPalette()))
        if is_dark(app.palette()):  # the native style kept following a dark OS
            app.setStyle("Fusion")
            app.setPalette(light_palette())
    else:
        _request_scheme(app, None)
        _use_style(app, original)
        _use_palette(app, readable(app.style().standardPalette()))
        if system_prefers_dark(app) and not is_dark(app.palette()):
            # The platform says dark but the style did not follow: Fusion dark fallback.
            _use_dark(app)
    logger.info("theme %s applied (style %s)", theme, style_name(app))
