"""Spell checking in a real QTextEdit: underlines, suggestions, personal words, undo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QTextEdit
from pytestqt.qtbot import QtBot

from bowout.gui.widgets.placeholders import PLACEHOLDER_PATTERN, placeholder_format
from bowout.gui.widgets.spell_menu import populate_context_menu
from bowout.gui.widgets.spellcheck import (
    SpellHighlighter,
    available_languages,
    iter_checkable_words,
)

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(editor: QTextEdit) -> list[str]:
    """The words the person sees with a red wavy underline, in order."""
    words = []
    block = editor.document().begin()
    while block.isValid():
        text = block.text()
        for rng in block.layout().formats():
            if rng.format.underlineStyle() == WAVY:
                assert rng.format.underlineColor() == Qt.GlobalColor.red
                words.append(text[rng.start : rng.start + rng.length])
        block = block.next()
    return words


def make_editor(
    qtbot: QtBot, text: str = "", **kwargs: object
) -> tuple[QTextEdit, SpellHighlighter]:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    highlighter = SpellHighlighter(editor.document(), **kwargs)  # type: ignore[arg-type]
    if text:
        editor.setPlainText(text)
    return editor, highlighter


def point_at(editor: QTextEdit, text: str) -> QPoint:
    """Viewport position of the middle of the first occurrence of ``text``."""
    start = editor.toPlainText().index(text)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start + len(text) // 2)
    return editor.cursorRect(cursor).center()


def test_misspelled_words_get_red_wavy_underline(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot, "Thank you for the oportunity.\nI recieve your note.")
    assert underlined(editor) == ["oportunity", "recieve"]


def test_urls_addresses_acronyms_and_digits_are_not_flagged(qtbot: QtBot) -> None:
    text = (
        "See https://exmple.com/jbos or www.exmple.org, write to mayaa@exmple.com; "
        "the NDA and HRBP forms, ref Q3x2 — but not qwzrt."
    )
    editor, _ = make_editor(qtbot, text)
    assert underlined(editor) == ["qwzrt"]


def test_apostrophes_and_curly_quotes(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot, "I'm grateful for the team’s time and Acme's offer; I cann't.")
    assert underlined(editor) == ["cann't"]
    assert not hl.is_misspelled("don’t")


def test_typing_underlines_as_the_person_types(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    qtbot.keyClicks(editor, "Thnak you")
    assert underlined(editor) == ["Thnak"]
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert underlined(editor) == ["Thak"]  # still wrong mid-fix
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, "an")
    assert editor.toPlainText() == "Thank you"
    assert underlined(editor) == []


def test_undo_redo_work_and_highlighting_adds_no_undo_steps(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot)
    doc = editor.document()
    qtbot.keyClicks(editor, "Dear Maya, thnak you")
    steps = doc.availableUndoSteps()
    assert steps >= 1
    hl.rehighlight()
    hl.add_to_dictionary("zzyzx")
    hl.set_language("es")
    hl.set_language("en")
    assert doc.availableUndoSteps() == steps
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    while doc.isUndoAvailable():
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == ""
    while doc.isRedoAvailable():
        editor.redo()
    assert editor.toPlainText() == "Dear Maya, thnak you"
    assert underlined(editor) == ["thnak"]


def test_highlighting_does_not_mark_a_fresh_document_modified(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot, "A draft with a tyypo.")
    editor.document().setModified(False)
    hl.add_to_dictionary("tyypo")
    hl.rehighlight()
    assert underlined(editor) == []
    assert not editor.document().isModified()
    assert not editor.document().isUndoAvailable()


def test_suggestions_rank_and_keep_case(qtbot: QtBot) -> None:
    _, hl = make_editor(qtbot)
    assert hl.suggestions("oportunity") == ["opportunity"]
    assert hl.suggestions("Thnak")[0] == "Thank"
    assert "withdrawal" in hl.suggestions("withdrawl")
    assert len(hl.suggestions("teh")) <= 5
    assert hl.suggestions("xqzvwkjhgfdsa") == []


def test_personal_words_accepted_and_announced(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot, "Kindly ask Siobhan at Zentrixa.", personal_words=["zentrixa"])
    assert underlined(editor) == ["Siobhan"]
    with qtbot.waitSignal(hl.personal_words_changed) as blocker:
        hl.add_to_dictionary("Siobhan")
    assert blocker.args == [["siobhan", "zentrixa"]]
    assert underlined(editor) == []
    assert hl.personal_words == ["siobhan", "zentrixa"]
    # Adding a known word again announces nothing.
    with qtbot.assertNotEmitted(hl.personal_words_changed):
        hl.add_to_dictionary("SIOBHAN")


def test_session_words_accept_names_from_the_form(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot, "Dear Tomás, Brightwave thanks.")
    assert underlined(editor) == ["Tomás", "Brightwave"]
    hl.set_ignored_words(["Tomás Ruiz", "Brightwave Ltd"])
    assert underlined(editor) == []
    assert hl.personal_words == []


def test_context_menu_offers_suggestions_and_replaces_in_one_undo_step(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot)
    editor.resize(400, 200)
    editor.show()
    qtbot.keyClicks(editor, "Thank you for the oportunity")
    typed = editor.toPlainText()
    menu = editor.createStandardContextMenu()
    standard = len(menu.actions())
    populate_context_menu(menu, editor, hl, point_at(editor, "oportunity"))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "opportunity"
    assert texts[1] == "Add “oportunity” to dictionary"
    assert menu.actions()[2].isSeparator()
    assert len(menu.actions()) == standard + 3
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "Thank you for the opportunity"
    assert underlined(editor) == []
    editor.undo()  # exactly one step brings the typo back
    assert editor.toPlainText() == typed
    editor.redo()
    assert editor.toPlainText() == "Thank you for the opportunity"


def test_context_menu_add_to_dictionary(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot, "Regards, Zorblat")
    editor.resize(400, 200)
    editor.show()
    menu = QMenu()
    populate_context_menu(menu, editor, hl, point_at(editor, "Zorblat"))
    add = menu.findChild(type(menu.actions()[0]), "spell_add_to_dictionary")
    assert add is not None
    with qtbot.waitSignal(hl.personal_words_changed):
        add.trigger()
    assert underlined(editor) == []
    assert editor.toPlainText() == "Regards, Zorblat"


def test_context_menu_untouched_on_correct_word_or_blank(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot, "Regards, Maya")
    editor.resize(400, 200)
    editor.show()
    menu = QMenu()
    populate_context_menu(menu, editor, hl, point_at(editor, "Regards"))
    populate_context_menu(menu, editor, hl, QPoint(390, 190))
    assert menu.actions() == []


def test_no_suggestions_is_said(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot, "qxzvwkjhgfdsaq")
    editor.resize(400, 200)
    editor.show()
    menu = QMenu()
    populate_context_menu(menu, editor, hl, point_at(editor, "qxzvwkjhgfdsaq"))
    first = menu.actions()[0]
    assert first.text() == "No suggestions"
    assert not first.isEnabled()


def test_language_switch_and_unknown_language(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot, "Por la oportunidad de la entrevista.", language="es")
    assert hl.language == "es"
    assert underlined(editor) == []
    hl.set_language("en")
    assert underlined(editor) == ["Por", "oportunidad", "entrevista"]
    hl.set_language("xx")  # no such dictionary: English, never a crash
    assert hl.language == "en"
    _, other = make_editor(qtbot, language="klingon")
    assert other.language == "en"


def test_dictionary_loaded_once_per_language(qtbot: QtBot) -> None:
    _, first = make_editor(qtbot, "hello")
    _, second = make_editor(qtbot, "hello")
    assert SpellHighlighter.checker_for("en") is SpellHighlighter.checker_for("en")
    assert "en" in SpellHighlighter.load_seconds
    assert first.is_misspelled("wrold") and second.is_misspelled("wrold")


def test_placeholder_rule_keeps_its_colour_under_the_underline(qtbot: QtBot) -> None:
    editor, hl = make_editor(qtbot, "Dear [Hiring manager's nmae],")
    hl.set_extra_rules([(PLACEHOLDER_PATTERN, placeholder_format())])
    block = editor.document().begin()
    ranges = block.layout().formats()
    start = block.text().index("nmae")
    at = [r.format for r in ranges if r.start <= start < r.start + r.length]
    assert at and at[0].underlineStyle() == WAVY
    assert at[0].background() == placeholder_format().background()
    bracket = [r.format for r in ranges if r.start == block.text().index("[")]
    assert bracket and bracket[0].background() == placeholder_format().background()


def test_languages_listed_are_loadable() -> None:
    langs = available_languages()
    assert {"en", "es", "fr", "de", "pt", "it", "ru", "ar", "eu", "lv", "nl"} <= set(langs)


def test_word_iteration_spans() -> None:
    assert list(iter_checkable_words("Hi HR, I’m at x@y.io 2day")) == [
        (0, 2, "Hi"),
        (7, 10, "I’m"),
        (11, 13, "at"),
    ]


def test_highlighter_on_a_bare_document(qapp: object) -> None:
    doc = QTextDocument("no editor here, jsut a document")
    hl = SpellHighlighter(doc)
    assert hl.is_misspelled("jsut")
    assert not hl.is_misspelled("   ")


def test_deferred_load_underlines_after_the_window_is_up(qtbot: QtBot) -> None:
    SpellHighlighter._checkers.pop("fr", None)  # force a fresh load for this test
    editor, hl = make_editor(qtbot, language="fr", load_delay_ms=10)
    editor.setPlainText("Merci pour votre tempps.")
    assert not hl.is_ready()
    assert underlined(editor) == []  # nothing blocked: no dictionary yet
    with qtbot.waitSignal(hl.dictionary_ready) as ready:
        pass
    assert ready.args == ["fr"]
    assert hl.is_ready()
    assert underlined(editor) == ["tempps"]


def test_french_elisions_with_either_apostrophe_are_read_as_french_writes_them(
    qtbot: QtBot,
) -> None:
    text = (
        "J’ai le regret de décliner l’offre d’Ingénieur ; j'ai apprécié qu’il m’ait reçu "
        "aujourd’hui, jusqu’ici. C’est l’occasion : n’hésitez pas, mais j’aii tort."
    )
    editor, hl = make_editor(qtbot, text, language="fr")
    with qtbot.waitSignal(hl.dictionary_ready, timeout=10000, raising=False):
        pass
    hl.recheck()
    assert underlined(editor) == ["j’aii"]
    assert hl.is_misspelled("l’offfre")
    # English keeps its own rule: an elided French word is no English word.
    english, _ = make_editor(qtbot, "J’ai", language="en")
    assert underlined(english) == ["J’ai"]


def test_british_spellings_are_accepted_in_english(qtbot: QtBot) -> None:
    editor, hl = make_editor(
        qtbot, "I apologise to the organisation; colour, centre, programme, travelling, analyse."
    )
    assert underlined(editor) == []
    assert hl.is_misspelled("apologiise")
    assert hl.is_misspelled("flavourr")


def test_languages_come_from_the_installed_word_lists() -> None:
    from spellchecker import SpellChecker

    from bowout.gui.widgets.spellcheck import available_languages

    assert set(available_languages()) == set(SpellChecker.languages())
