"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from bowout.gui.shell import MainWindow


def pick(combo: QComboBox, value: str) -> None:
    """Choose the entry whose data is ``value``, as a click in the list would."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def email_text(window: MainWindow) -> str:
    """What the email editor shows."""
    return window.editor.toPlainText()
