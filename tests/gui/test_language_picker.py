"""The "Message language" picker (issue 26): English by default, each pack found beside it,
the form of address for a language that has two, the draft and the spell checker following
the choice, and the choice kept with the record. The window's labels stay English."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import email_text, pick, type_into
from pytestqt.qtbot import QtBot

from bowout.core.country_notes import country_note, not_advice
from bowout.core.tone_words import load_tone_words
from bowout.core.vocabulary import Address
from bowout.gui import build_window
from bowout.gui.widgets.language_picker import has_two_forms, language_label
from bowout.gui.window.shell import MainWindow
from fixture_packs import forget_packs, install_packs

TONE = """\
[thanks]
patterns = ["xthanks"]
[decision]
patterns = []
[criticism]
patterns = []
[absolutes]
patterns = []
[money]
patterns = []
[address.formal]
patterns = ["yours"]
[address.informal]
patterns = ["cheers"]
"""


@pytest.fixture
def packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """English, "xx" (with two forms of address) and "de" (a copy of xx, so that the
    German dictionary is the one to check it with)."""
    root = install_packs(tmp_path / "templates", monkeypatch)
    (root / "xx" / "tone.toml").write_text(TONE, encoding="utf-8")
    shutil.copytree(root / "xx", root / "de")
    _forget()
    yield root
    forget_packs()
    _forget()


def _forget() -> None:
    load_tone_words.cache_clear()
    has_two_forms.cache_clear()


@pytest.fixture
def win(packs: Path, qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    window = build_window(data_dir)
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    yield window
    window.close()


def fill(qtbot: QtBot, window: MainWindow) -> None:
    pick(window.form.stage_combo, "interviewing")
    type_into(qtbot, window.form.contact_edit, "Priya Raman")
    type_into(qtbot, window.form.company_edit, "Northwind")


def test_english_is_the_default_and_each_pack_is_offered(win: MainWindow) -> None:
    picker = win.form.language_picker
    combo = picker.language_combo
    codes = [combo.itemData(i) for i in range(combo.count())]
    assert codes == ["en", "de", "xx"] and combo.currentData() == "en"
    assert combo.itemText(0) == "English" and combo.itemText(1) == "German"
    assert language_label("xx") == "xx"  # no CLDR name: the pack's own
    assert picker.address_combo.isHidden()  # English has one form of address
    assert win.form.situation().language == "en"


def test_the_draft_follows_the_language_and_the_labels_stay_english(
    qtbot: QtBot, win: MainWindow
) -> None:
    fill(qtbot, win)
    english = email_text(win)
    assert "XTHANKS" not in english
    checklist = [item.text for item in win.checklist_view.checklist_items()]
    with qtbot.waitSignal(win.form.situation_changed, timeout=5000):
        pick(win.form.language_picker.language_combo, "xx")
    other = email_text(win)
    assert other.startswith("XLAYOUT ") and "XTHANKS" in other
    assert not win.form.language_picker.address_combo.isHidden()
    assert win.form.pickers.title() == "Situation"  # the window's own words
    again = [item.text for item in win.checklist_view.checklist_items()]
    assert again == checklist  # advice to the user stays English
    pick(win.form.language_picker.address_combo, Address.INFORMAL.value)
    assert win.form.situation().address is Address.INFORMAL
    pick(win.form.language_picker.language_combo, "en")
    assert email_text(win) == english


def test_spelling_is_checked_in_the_message_language(qtbot: QtBot, win: MainWindow) -> None:
    fill(qtbot, win)
    assert win.editor.highlighter.language == "en"
    pick(win.form.language_picker.language_combo, "de")
    assert win.editor.highlighter.language == "de"
    assert win.phone_editor.highlighter.language == "de"
    pick(win.form.language_picker.language_combo, "xx")  # no dictionary: Settings' choice
    assert win.editor.highlighter.language == "en"


def test_the_language_is_kept_with_the_record(qtbot: QtBot, win: MainWindow) -> None:
    fill(qtbot, win)
    pick(win.form.language_picker.language_combo, "xx")
    pick(win.form.language_picker.address_combo, Address.INFORMAL.value)
    text = email_text(win)
    win.actions_.save.trigger()
    assert win.session.record is not None
    saved = win.context.history.get(win.session.record.id)  # type: ignore[union-attr]
    assert (saved.language, saved.address) == ("xx", "informal")
    win.actions_.new.trigger()
    assert win.form.language_picker.language() == "en"
    win.session.open_record(saved)
    assert win.form.language_picker.language() == "xx"
    assert win.form.language_picker.address() is Address.INFORMAL
    assert email_text(win) == text


def test_the_country_of_the_job_adds_its_note(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    fill(qtbot, win)
    pick(win.form.stage_combo, "accepted")
    panel = win.form.visa_panel
    assert panel.country_combo.currentData() == ""
    win.form.visa_panel.set_expanded(True)
    pick(panel.country_combo, "DE")
    texts = [item.text for item in win.checklist_view.checklist_items()]
    assert country_note("DE") in texts and not_advice() in texts
    win.actions_.save.trigger()
    assert win.session.record is not None
    saved = win.context.history.get(win.session.record.id)  # type: ignore[union-attr]
    assert saved.country == "DE"
    win.actions_.new.trigger()
    assert panel.country_combo.currentData() == ""
    win.session.open_record(saved)
    assert panel.country_combo.currentData() == "DE" and panel.is_expanded()


def test_the_batch_is_drafted_in_the_chosen_language(
    qtbot: QtBot, packs: Path, data_dir: Path
) -> None:
    from bowout.core.applications import Application
    from bowout.gui.views.batch import BatchView
    from bowout.storage import History

    with History.open(data_dir) as history:
        history.applications.add(Application(company="Contoso", role="Dev"))
    window = build_window(data_dir)
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    view = window.views["batch"]
    assert isinstance(view, BatchView)
    pick(view.language_picker.language_combo, "xx")
    view.draft_all()
    (item,) = view.items
    assert item.situation.language == "xx" and item.draft is not None
    assert "XTEAM Contoso" in item.draft.body_text and "XTHANKS" in item.draft.body_text
    window.close()


def _mnemonic(text: str) -> str:
    """The letter after a single "&" ("Country o&f the job:" -> "f"); "" when none."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].casefold() if at >= 0 and at + 1 < len(plain) else ""


def test_the_country_letter_reaches_only_its_field(win: MainWindow) -> None:
    """Alt+J went to both "Country of the &job" and the editor's "Sub&ject": Qt then
    cycles between them instead of going to the field."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    # Parts built on first use count too: build them the way the form does.
    assert win.form.visa_panel.body.isHidden()
    assert win.form.negotiate_panel.isHidden()
    texts = [w.text() for w in win.findChildren(QLabel)]
    texts += [w.text() for w in win.findChildren(QAbstractButton)]
    texts += [w.title() for w in win.findChildren(QGroupBox)]
    letters = [_mnemonic(t) for t in texts if "&" in t]
    assert "Country o&f the job:" in texts
    assert letters.count("f") == 1
