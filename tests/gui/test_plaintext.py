"""The plain-text twin of the rich message: paragraphs, lists, links (issue 11, cases 2 and 3).

The twin is what Copy, mailto, .eml, .txt and the history's body_text carry; each of those
places is checked to use it.
"""

from __future__ import annotations

import email
import email.policy
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bowout.gui.widgets import editor as editor_module
from bowout.gui.widgets.editor import RichEditor
from bowout.gui.window.shell import MainWindow

PASTED = "\nThank you for the offer.\n\nI have decided to decline it."
LIST_HTML = (
    "<p>Before I go:</p>"
    "<ul><li>Return the laptop</li><li>Sign the form"
    "<ul><li>both copies</li></ul></li></ul>"
    "<ol><li>Call Dana</li><li>Email HR</li></ol>"
    '<p>See <a href="https://example.org/notes">my notes</a> and '
    '<a href="https://example.org">https://example.org</a>.</p>'
)
LIST_TEXT = (
    "Before I go:\n\n"
    "- Return the laptop\n"
    "- Sign the form\n"
    "  - both copies\n"
    "1. Call Dana\n"
    "2. Email HR\n\n"
    "See my notes (https://example.org/notes) and https://example.org."
)


def paste(editor: RichEditor, text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    editor.insertFromMimeData(mime)


def make_editor(qtbot: QtBot) -> RichEditor:
    editor = RichEditor("editor", "Email")
    qtbot.addWidget(editor)
    return editor


def test_pasted_paragraphs_are_one_blank_line_apart(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    paste(editor, PASTED)
    assert editor.message_text() == "Thank you for the offer.\n\nI have decided to decline it."
    assert editor.document().blockCount() == 2  # no empty paragraphs left behind


def test_paste_keeps_single_line_breaks_inside_a_paragraph(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    paste(editor, "Best,\r\nAna\r\n\r\n\r\n  \nP.S. thanks")
    assert editor.message_text() == "Best,\nAna\n\nP.S. thanks"
    assert editor_module.paste_paragraphs("a\n \n\nb") == "a\nb"


def test_typed_empty_paragraphs_give_one_blank_line(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.setFocus()
    qtbot.keyClicks(editor, "Hello")
    for _ in range(3):
        editor.textCursor().insertBlock()
    qtbot.keyClicks(editor, "Bye")
    assert editor.message_text() == "Hello\n\nBye"


def test_lists_nesting_and_links_in_the_twin(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.replace_html(LIST_HTML)
    assert editor.message_text() == LIST_TEXT


def test_toolbar_bullets_show_in_the_twin(window: MainWindow) -> None:
    window.editor.replace_html("<p>Intro</p><p>first</p><p>second</p>")
    cursor = QTextCursor(window.editor.document().findBlockByNumber(1))
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    window.format_bar.bullets.trigger()
    assert window.editor.message_text() == "Intro\n\n- first\n- second"


def test_tone_span_after_a_marker_and_a_link(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.replace_html(LIST_HTML)
    text = editor.message_text()
    for word in ("both", "Dana", "and", "Email"):
        start = text.index(word)
        editor.select_span(start, start + len(word))
        assert editor.textCursor().selectedText() == word


def test_copy_mailto_eml_txt_and_history_use_the_twin(window: MainWindow, tmp_path: Path) -> None:
    window.editor.replace_html(LIST_HTML)
    window.sending.copy_message()
    try:
        assert QApplication.clipboard().mimeData().text() == LIST_TEXT
    finally:
        QApplication.clipboard().clear()  # offscreen Qt crashes at exit holding our data

    urls: list[str] = []
    window.ask.launch_mail_link = lambda url: urls.append(url) or True  # type: ignore[method-assign]
    window.sending.open_in_mail()
    body = parse_qs(urlsplit(urls[0]).query)["body"][0]
    assert body.replace("\r\n", "\n") == LIST_TEXT

    for extension in (".eml", ".txt"):
        target = tmp_path / f"out{extension}"
        window.ask.ask_save_path = lambda *args, t=target: t  # type: ignore[method-assign]
        assert window.sending.export_as(extension) == target
    message = email.message_from_bytes(
        (tmp_path / "out.eml").read_bytes(), policy=email.policy.default
    )
    plain = message.get_body(("plain",))
    assert plain is not None
    assert plain.get_content().replace("\r\n", "\n").rstrip("\n") == LIST_TEXT
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").endswith(LIST_TEXT + "\n")
    assert window.session.current_record().body_text == LIST_TEXT


def test_the_twin_follows_every_kind_of_change(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.replace_html("<p>one</p><p>two</p>")
    assert editor.message_text() == "one\n\ntwo"
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "!")
    assert editor.message_text() == "one\n\ntwo!"
    editor.selectAll()
    editor.toggle_bullets()
    assert editor.message_text() == "- one\n- two!"
    editor.ask_link = lambda selected: ("https://example.org", "site")  # type: ignore[method-assign]
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insert_link()
    assert editor.message_text() == "- one\n- two!site (https://example.org)"
    editor.undo()
    assert editor.message_text() == "- one\n- two!"
