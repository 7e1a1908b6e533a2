"""The "How to address them" field says how the message's language greets (issue 26): its
hint comes from the language pack and follows the language picker; a German Anrede typed
there is how the German draft greets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import email_text, pick, type_into
from pytestqt.qtbot import QtBot

from bowout.core.pack import load_pack
from bowout.gui import build_window
from bowout.gui.window.shell import MainWindow


@pytest.fixture
def win(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    window = build_window(data_dir)
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    yield window
    window.close()


def hint(language: str) -> str:
    return load_pack(language).word("hints", "greeting")


def test_the_hint_follows_the_message_language(qtbot: QtBot, win: MainWindow) -> None:
    edit = win.form.greeting_edit
    languages = win.form.language_picker.language_combo
    assert edit.placeholderText() == hint("en") == "First name unless you say otherwise"
    pick(languages, "de")
    assert edit.placeholderText() == hint("de")
    assert "Frau Nair" in hint("de") and "Herr Dr. Müller" in hint("de")
    assert edit.toolTip() == edit.accessibleDescription() == hint("de")
    type_into(qtbot, win.form.contact_edit, "Priya Nair")
    # German greets by the Anrede, which no first name tells: the hint stays.
    assert edit.placeholderText() == hint("de")
    pick(languages, "en")
    assert edit.placeholderText() == "Priya"  # what the English draft will use
    assert edit.toolTip() == hint("en")
    for language in ("fr", "es"):
        pick(languages, language)
        assert edit.placeholderText() == hint(language) != hint("en")


def test_a_saved_german_situation_shows_the_german_hint(qtbot: QtBot, win: MainWindow) -> None:
    pick(win.form.language_picker.language_combo, "de")
    situation = win.form.situation()
    pick(win.form.language_picker.language_combo, "en")
    win.form.set_situation(situation)
    assert win.form.greeting_edit.placeholderText() == hint("de")


def test_the_anrede_typed_is_how_the_german_draft_greets(qtbot: QtBot, win: MainWindow) -> None:
    pick(win.form.stage_combo, "interviewing")
    type_into(qtbot, win.form.contact_edit, "Priya Nair")
    type_into(qtbot, win.form.company_edit, "Northwind")
    with qtbot.waitSignal(win.form.situation_changed, timeout=5000):
        pick(win.form.language_picker.language_combo, "de")
    assert email_text(win).startswith("Guten Tag, Priya Nair,")  # the fallback: no guess
    type_into(qtbot, win.form.greeting_edit, "Frau Nair")
    qtbot.waitUntil(lambda: email_text(win).startswith("Liebe Frau Nair,"), timeout=5000)
