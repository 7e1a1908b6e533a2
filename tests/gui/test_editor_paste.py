"""The editor keeps what was pasted or typed as the person meant it (issue 23): a pasted
paragraph after a greeting, a signature typed with Enter, a pasted table, and a narrow
no-break space that survives reopening."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bowout.gui.widgets.editor import RichEditor


def make_editor(qtbot: QtBot, text: str = "") -> RichEditor:
    editor = RichEditor("editor", "Email")
    qtbot.addWidget(editor)
    editor.setFocus()
    if text:
        editor.replace_text(text)
        editor.moveCursor(QTextCursor.MoveOperation.End)
    return editor


def paste(editor: RichEditor, text: str = "", html: str = "") -> None:
    mime = QMimeData()
    if text:
        mime.setText(text)
    if html:
        mime.setHtml(html)
    QApplication.clipboard().setMimeData(mime)
    editor.paste()


def test_a_sentence_pasted_after_the_greeting_is_its_own_paragraph(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "Dear Ana,")
    paste(editor, "Thank you for the offer.")
    assert editor.message_text() == "Dear Ana,\n\nThank you for the offer."
    assert editor.document().blockCount() == 2


def test_a_copied_paragraph_pasted_after_the_greeting_stays_apart(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "Dear Ana,")
    paste(editor, "\nThank you for the offer.\n\nI have decided to decline it.\n")
    assert editor.message_text() == (
        "Dear Ana,\n\nThank you for the offer.\n\nI have decided to decline it."
    )


def test_words_pasted_inside_a_sentence_stay_inside_it(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "Thank you for the")
    paste(editor, " kind offer")
    assert editor.message_text() == "Thank you for the kind offer"


def test_a_signature_typed_with_enter_has_no_blank_lines(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "I have decided to decline the offer.")
    for line in ("", "Best regards,", "Ana Silva", "ana@example.com", "+44 20 7946 0000"):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)
    assert editor.message_text() == (
        "I have decided to decline the offer.\n\n"
        "Best regards,\nAna Silva\nana@example.com\n+44 20 7946 0000"
    )


def test_paragraphs_typed_with_enter_keep_their_blank_line(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "Dear Ana,")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "I am withdrawing.")
    assert editor.message_text() == "Dear Ana,\n\nI am withdrawing."


def test_a_pasted_table_reads_as_rows(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "The dates:")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    table = (
        "<table><tr><td>Item</td><td>Due</td></tr><tr><td>Laptop</td><td>1 March</td></tr></table>"
    )
    paste(editor, html=table)  # a table copied from a web page or a spreadsheet
    assert editor.message_text() == "The dates:\n\nItem | Due\nLaptop | 1 March"


def test_a_narrow_no_break_space_survives_reopening(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    paste(editor, "Merci\u202f! Le prix\u00a0: 10\u202f€.")
    assert "\u202f" in editor.message_text()
    reopened = make_editor(qtbot)
    reopened.replace_html(editor.body_html())  # how a kept record comes back
    assert reopened.message_text() == "Merci\u202f! Le prix\u00a0: 10\u202f€."
