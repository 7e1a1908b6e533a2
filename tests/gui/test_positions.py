"""Positions after an emoji: every place a span crosses between Python and Qt (issue 11, case 1).

Python counts code points, Qt counts UTF-16 units; "🙏" is one of the first and two of the
second, so each unconverted crossing lands one unit early per emoji before the span.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit
from pytestqt.qtbot import QtBot

from bowout.core.draft import Finding
from bowout.gui.utf16 import from_qt, qt_length, qt_positions, to_qt, to_qt_span
from bowout.gui.widgets.editor import RichEditor
from bowout.gui.widgets.placeholders import PLACEHOLDER_PATTERN, placeholder_format
from bowout.gui.widgets.spell_menu import populate_context_menu
from bowout.gui.widgets.spellcheck import SpellHighlighter
from bowout.gui.window.shell import MainWindow

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
TEXT = "Thank you 🙏🙏 for the oportunity"


def _units(text: str) -> bytes:
    return text.encode("utf-16-le")


def qt_slice(text: str, start: int, length: int) -> str:
    """What Qt means by (start, length) in ``text``: UTF-16 units, decoded back."""
    return _units(text)[start * 2 : (start + length) * 2].decode("utf-16-le")


def formatted(editor: QTextEdit, test: object) -> list[str]:
    """The runs of the first block whose layout format passes ``test``, as the person sees them."""
    block = editor.document().begin()
    text = block.text()
    return [
        qt_slice(text, r.start, r.length)
        for r in block.layout().formats()
        if test(r.format)  # type: ignore[operator]
    ]


def test_helper_round_trips() -> None:
    text = "a🙏b𝔘c"
    assert qt_length(text) == 7
    assert [to_qt(text, i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert [from_qt(text, p) for p in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]
    assert to_qt_span(text, 2, 4) == (3, 3)
    assert to_qt(text, 99) == 7 and from_qt(text, 99) == 5


@given(st.text(), st.data())
def test_helper_matches_utf16_encoding(text: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(text)))
    assert to_qt(text, index) * 2 == len(_units(text[:index]))
    assert from_qt(text, to_qt(text, index)) == index
    assert qt_length(text) * 2 == len(_units(text))


def test_underline_after_an_emoji_covers_the_word(qtbot: QtBot) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    SpellHighlighter(editor.document())
    editor.setPlainText(TEXT)
    assert formatted(editor, lambda f: f.underlineStyle() == WAVY) == ["oportunity"]


def test_placeholder_highlight_after_an_emoji(qtbot: QtBot) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    highlighter = SpellHighlighter(editor.document())
    highlighter.set_extra_rules([(PLACEHOLDER_PATTERN, placeholder_format())])
    editor.setPlainText("Hi 🌸🌸 [Hiring manager's name], thanks")
    background = placeholder_format().background()
    assert formatted(editor, lambda f: f.background() == background) == ["[Hiring manager's name]"]


def test_right_click_after_an_emoji_offers_the_whole_word(qtbot: QtBot) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    highlighter = SpellHighlighter(editor.document())
    editor.setPlainText(TEXT)
    editor.resize(500, 200)
    editor.show()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(qt_length(TEXT) - 3)  # inside "oportunity"
    found = highlighter.word_at(cursor)
    assert found is not None and found.selectedText() == "oportunity"
    menu = QMenu()
    populate_context_menu(menu, editor, highlighter, editor.cursorRect(cursor).center())
    texts = [action.text() for action in menu.actions()]
    assert "Add “oportunity” to dictionary" in texts
    menu.actions()[0].trigger()  # the first suggestion replaces the right word
    assert editor.toPlainText() == "Thank you 🙏🙏 for the opportunity"


def test_editor_span_after_an_emoji_selects_the_words(qtbot: QtBot) -> None:
    editor = RichEditor("editor", "Email")
    qtbot.addWidget(editor)
    editor.replace_html("<p>Hello 🙏 there</p><p>Thanks 🙏🙏 for the chat</p>")
    text = editor.message_text()
    start = text.index("chat")
    editor.select_span(start, start + 4)
    assert editor.textCursor().selectedText() == "chat"


def test_tone_remark_on_the_subject_after_an_emoji(window: MainWindow) -> None:
    window.subject_edit.setText("🙏🙏 Withdrawing my application")
    subject = window.subject_edit.text()
    start = subject.index("application")
    window.drafting.coach.select_finding(
        Finding("x", "x", start, start + len("application"), "subject")
    )
    assert window.subject_edit.selectedText() == "application"


def test_tone_remark_on_the_body_after_an_emoji(window: MainWindow) -> None:
    window.editor.replace_html("<p>Dear 🌸 team,</p><p>🙏🙏 I withdraw, sadly.</p>")
    text = window.editor.message_text()
    start = text.index("sadly")
    window.drafting.coach.select_finding(Finding("x", "x", start, start + 5))
    assert window.editor.textCursor().selectedText() == "sadly"


@given(st.text(), st.data())
def test_many_positions_helper_matches_the_single_one(text: str, data: st.DataObject) -> None:
    qt = qt_positions(text)
    index = data.draw(st.integers(-2, len(text) + 2))
    assert qt(index) == to_qt(text, index)
