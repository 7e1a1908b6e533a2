"""Themes: light and dark are forced, system follows the platform, and we can go back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from bowout.gui import theme
from bowout.gui.theme import apply_theme, dark_palette, is_dark, light_palette


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The test application, put back to the platform look afterwards."""
    yield qapp
    apply_theme(qapp, "system")


def window_colour_dark(app: QApplication) -> bool:
    return is_dark(app.palette())


def test_dark_forces_a_dark_fusion_palette(app: QApplication, qtbot: QtBot) -> None:
    apply_theme(app, "dark")
    assert window_colour_dark(app)
    assert theme.style_name(app).lower() == "fusion"
    edit = QLineEdit("readable?")
    qtbot.addWidget(edit)
    pal = edit.palette()
    # Text must stand out from its background: a big lightness gap.
    gap = (
        pal.color(QPalette.ColorRole.Text).lightness()
        - pal.color(QPalette.ColorRole.Base).lightness()
    )
    assert gap > 150


def test_light_after_dark_is_light(app: QApplication) -> None:
    apply_theme(app, "dark")
    apply_theme(app, "light")
    assert not window_colour_dark(app)
    pal = app.palette()
    assert pal.color(QPalette.ColorRole.Text).lightness() < 80


def test_system_returns_to_the_platform_style(app: QApplication) -> None:
    original = app.style().name()
    apply_theme(app, "dark")
    apply_theme(app, "system")
    expected_dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    assert window_colour_dark(app) == expected_dark
    if not expected_dark:
        assert app.style().name() == original


def test_system_falls_back_to_fusion_dark_when_the_os_is_dark(
    app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The offscreen platform never reports dark, so pretend the OS asks for it.
    monkeypatch.setattr(theme, "system_prefers_dark", lambda _app: True)
    apply_theme(app, "system")
    assert window_colour_dark(app)
    assert theme.style_name(app).lower() == "fusion"


def test_unknown_theme_means_system(app: QApplication) -> None:
    apply_theme(app, "dark")
    apply_theme(app, "sepia")
    assert window_colour_dark(app) == (app.styleHints().colorScheme() == Qt.ColorScheme.Dark)


def test_palettes_themselves() -> None:
    assert is_dark(dark_palette())
    assert not is_dark(light_palette())
    disabled = dark_palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    enabled = dark_palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    assert disabled.lightness() < enabled.lightness()


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton, QLineEdit])
def test_dark_outlines_stand_out_from_the_window(
    app: QApplication, qtbot: QtBot, kind: type[QWidget]
) -> None:
    """WCAG 1.4.11: what identifies a control keeps 3:1 against the window around it."""
    apply_theme(app, "dark")
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    control = kind(holder)
    layout.addWidget(control)
    holder.resize(160, 60)
    holder.show()
    qtbot.waitExposed(holder)
    image = holder.grab().toImage()
    window = app.palette().color(QPalette.ColorRole.Window)
    best = max(
        contrast(image.pixelColor(x, y), window)
        for y in range(image.height())
        for x in range(min(image.width(), 40))
    )
    assert best >= 3.0, f"{kind.__name__}: best outline contrast {best:.2f}"
