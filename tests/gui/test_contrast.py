"""Readable placeholders in both themes (issue 11, case 13): WCAG AA asks 4.5:1 for text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bowout.gui.theme import dark_palette, light_palette
from bowout.gui.widgets.editor import RichEditor
from bowout.gui.widgets.placeholders import placeholder_format

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


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_every_error_line_reads_in_each_theme(
    qtbot: QtBot, qapp: QApplication, data_dir: Path, palette: object
) -> None:
    """Each list view's note and the application dialog's error, shown as an error, keep
    4.5:1 against the window behind them (the red used before was 4.4:1 and 3.2:1)."""
    from bowout.gui import build_window
    from bowout.gui.dialogs.application_dialog import ApplicationDialog
    from bowout.gui.widgets.message_line import MessageLine

    before = qapp.palette()
    qapp.setPalette(palette())  # type: ignore[operator]  # as the theme does
    try:
        win = build_window(data_dir)
        win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
        qtbot.addWidget(win)
        lines = win.findChildren(MessageLine)
        named = {line.objectName() for line in lines}
        assert {"history_message", "applications_message", "coming_up_message"} <= named
        for line in lines:
            line.show_text("The history file is locked by another copy of Bow Out.", error=True)
        dialog = ApplicationDialog(parent=win)
        for label in [*lines, dialog.error_label]:
            sheet = label.styleSheet()
            found = re.search(r"color: (#[0-9a-f]{6})", sheet)
            assert found, (label.objectName(), sheet)
            window = label.palette().color(QPalette.ColorRole.Window)
            assert contrast(QColor(found.group(1)), window) >= AA_TEXT, label.objectName()
        dialog.close()
    finally:
        qapp.setPalette(before)
