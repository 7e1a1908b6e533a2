"""Themes: light and dark are forced, system follows the platform, and we can go back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit
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
    assert app.style().name().lower() == "fusion"
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
    assert app.style().name().lower() == "fusion"


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
