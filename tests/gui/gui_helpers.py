"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from bowout.gui.widgets.scenario_form import ScenarioForm
from bowout.gui.window.shell import MainWindow


def pick(combo: QComboBox, value: str) -> None:
    """Choose the entry whose data is ``value``, as a click in the list would."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def email_text(window: MainWindow) -> str:
    """What the email editor shows."""
    return window.editor.toPlainText()


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type ``text`` into a field of the situation form as a person does, then wait for the
    pause after which the draft follows (one redraft for the whole name)."""
    if not text:
        return
    form = edit.parentWidget()
    while form is not None and not isinstance(form, ScenarioForm):
        form = form.parentWidget()
    assert form is not None, "not a field of the situation form"
    with qtbot.waitSignal(form.situation_changed, timeout=5000):
        qtbot.keyClicks(edit, text)
