"""Readable placeholders in both themes (issue 11, case 13): WCAG AA asks 4.5:1 for text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from bowout.gui.editor import RichEditor
from bowout.gui.spellcheck import placeholder_format
from bowout.gui.theme import dark_palette, light_palette

AA_TEXT = 4.5


def luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_placeholder_highlight_is_opaque_with_its_own_text_colour() -> None:
    fmt = placeholder_format()
    background = fmt.background().color()
    assert background.alpha() == 255  # nothing of the theme shows through
    assert fmt.hasProperty(fmt.Property.ForegroundBrush)
    assert contrast(fmt.foreground().color(), background) >= AA_TEXT


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_highlighted_placeholder_reads_in_each_theme(qtbot: QtBot, palette: object) -> None:
    editor = RichEditor("editor", "Email")
    qtbot.addWidget(editor)
    editor.setPalette(palette())  # type: ignore[operator]
    editor.replace_text("Dear [Hiring manager's name],")
    block = editor.document().begin()
    ranges = [r for r in block.layout().formats() if r.format.background().style() != 0]
    assert ranges, "the placeholder is highlighted"
    shown = ranges[0].format
    text = (
        shown.foreground().color()
        if shown.hasProperty(shown.Property.ForegroundBrush)
        else editor.palette().color(QPalette.ColorRole.Text)
    )
    assert contrast(text, shown.background().color()) >= AA_TEXT


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_hint_text_in_empty_fields_is_readable(palette: object) -> None:
    p: QPalette = palette()  # type: ignore[operator]
    hint = p.color(QPalette.ColorRole.PlaceholderText)
    base = p.color(QPalette.ColorRole.Base)
    if hint.alpha() < 255:  # Qt's default is translucent text: blend it onto the field
        a = hint.alphaF()
        hint = QColor.fromRgbF(
            hint.redF() * a + base.redF() * (1 - a),
            hint.greenF() * a + base.greenF() * (1 - a),
            hint.blueF() * a + base.blueF() * (1 - a),
        )
    assert contrast(hint, base) >= AA_TEXT
