"""The window keeps each application's message language (issue 26): the Applications view
shows and edits it, and Tell the others drafts each application in its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_batch_view import open_batch

from bowout.core.applications import Application
from bowout.core.situation import Stage
from bowout.core.vocabulary import Address
from bowout.gui.dialogs.application_dialog import ApplicationDialog
from bowout.gui.views.applications import ApplicationsView
from bowout.gui.views.batch import EACH_OWN_LANGUAGE
from bowout.storage import History
from conftest import close_quietly


@pytest.fixture
def history(data_dir: Path) -> Iterator[History]:
    h = History.open(data_dir)
    h.applications.add(Application(company="Acme", role="Engineer"))
    h.applications.add(
        Application(company="Schäfer GmbH", contact="Frau Schäfer", language="de",
                    address=Address.INFORMAL)
    )  # fmt: skip
    yield h
    h.close()


@pytest.fixture
def view(qtbot: QtBot, history: History) -> ApplicationsView:
    widget = ApplicationsView(history)
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.show()
    widget.view_shown()
    return widget


def choose(qtbot: QtBot, dialog: ApplicationDialog, language: str, address: Address) -> None:
    """Pick a language and form of address with the keyboard, as a person does."""
    picker = dialog.language_picker
    picker.language_combo.setFocus()
    while picker.language_combo.currentData() != language:
        qtbot.keyClick(picker.language_combo, Qt.Key.Key_Down)
    picker.address_combo.setFocus()
    while picker.address_combo.currentData() != address.value:
        qtbot.keyClick(picker.address_combo, Qt.Key.Key_Down)


def test_the_view_shows_each_application_s_language(view: ApplicationsView) -> None:
    view.search_edit.setText("Schäfer")
    view.refresh()
    assert "Messages in German (informal)" in view.details.text()
    view.search_edit.setText("Acme")
    view.refresh()
    assert "Messages in English" in view.details.text()


def test_the_dialog_edits_the_language_and_it_is_kept(
    qtbot: QtBot, view: ApplicationsView, history: History
) -> None:
    def ask(application: Application | None) -> Application | None:
        dialog = ApplicationDialog(application)
        qtbot.addWidget(dialog)
        assert dialog.language_picker.language() == "en"  # Acme: never said, so English
        choose(qtbot, dialog, "fr", Address.INFORMAL)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.application() if dialog.result() else None

    view.search_edit.setText("Acme")
    view.refresh()
    view.ask_application = ask  # type: ignore[method-assign]
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    [acme] = [s for s in history.applications.list() if s.application.company == "Acme"]
    assert (acme.application.language, acme.application.address) == ("fr", Address.INFORMAL)
    assert acme.application.role == "Engineer"
    assert "Messages in French (informal)" in view.details.text()


def test_the_dialog_opens_on_the_kept_language(qtbot: QtBot) -> None:
    kept = Application(company="García", language="es", address=Address.INFORMAL)
    dialog = ApplicationDialog(kept)
    qtbot.addWidget(dialog)
    picker = dialog.language_picker
    assert (picker.language(), picker.address()) == ("es", Address.INFORMAL)
    assert dialog.application() == kept


def test_a_language_with_no_pack_here_is_kept_unless_changed(qtbot: QtBot) -> None:
    kept = Application(company="Rossi", language="it")
    dialog = ApplicationDialog(kept)
    qtbot.addWidget(dialog)
    assert dialog.application().language == "it"  # shown as English, kept as written
    picker = dialog.language_picker
    picker.language_combo.setCurrentIndex(picker.language_combo.findData("de"))
    assert dialog.application().language == "de"


def test_tell_the_others_drafts_each_in_its_own_language(qtbot: QtBot, data_dir: Path) -> None:
    with History.open(data_dir) as history:
        history.applications.add(
            Application(company="Schäfer GmbH", contact="Frau Schäfer", stage=Stage.INTERVIEWING,
                        language="de")
        )  # fmt: skip
        history.applications.add(
            Application(company="Dupont", stage=Stage.SCREENING, language="fr",
                        address=Address.INFORMAL)
        )  # fmt: skip
    win, view, _ = open_batch(qtbot, data_dir)
    picker = view.language_picker
    assert picker.language_combo.currentText() == EACH_OWN_LANGUAGE
    qtbot.mouseClick(view.draft_button, Qt.MouseButton.LeftButton)
    told = {i.stored.application.company: i.situation for i in view.items}
    assert (told["Schäfer GmbH"].language, told["Schäfer GmbH"].address) == ("de", Address.FORMAL)
    assert (told["Dupont"].language, told["Dupont"].address) == ("fr", Address.INFORMAL)
    assert told["Contoso"].language == "en"
    schaefer = next(i for i in view.items if i.stored.application.company == "Schäfer GmbH")
    assert "Frau Schäfer" in schaefer.body and "Grüße" in schaefer.body
    picker.language_combo.setCurrentIndex(picker.language_combo.findData("es"))
    qtbot.mouseClick(view.draft_button, Qt.MouseButton.LeftButton)
    assert {i.situation.language for i in view.items} == {"es"}  # said: every one in Spanish
    close_quietly(win)
