"""The spell checker's part of an editor's context menu: suggestions, "Add to dictionary"."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

if TYPE_CHECKING:
    from bowout.gui.widgets.spellcheck import SpellHighlighter


def replace_word(cursor: QTextCursor, replacement: str) -> None:
    """Replace the selected word in one undo step."""
    cursor.beginEditBlock()
    cursor.insertText(replacement)
    cursor.endEditBlock()


def populate_context_menu(
    menu: QMenu, editor: QTextEdit, highlighter: SpellHighlighter, pos: QPoint
) -> None:
    """Put suggestions and "Add to dictionary" for the misspelled word at ``pos`` on top."""
    found = highlighter.word_at(editor.cursorForPosition(pos))
    if found is None:
        return
    word = found.selectedText()
    if not highlighter.is_misspelled(word):
        return
    first = menu.actions()[0] if menu.actions() else None
    added: list[QAction] = []
    # A read-only message (one kept as it was sent) takes no replacement.
    suggestions = [] if editor.isReadOnly() else highlighter.suggestions(word)
    for suggestion in suggestions:
        action = QAction(suggestion, menu)
        action.setObjectName(f"spell_suggestion_{suggestion}")
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(functools.partial(_replace_from_menu, editor, found, suggestion))
        added.append(action)
    if not suggestions:
        none = QAction("No suggestions", menu)
        none.setEnabled(False)
        added.append(none)
    add = QAction(f"Add “{word}” to dictionary", menu)
    add.setObjectName("spell_add_to_dictionary")
    add.triggered.connect(functools.partial(highlighter.add_to_dictionary, word))
    added.append(add)
    menu.insertActions(first, added)  # type: ignore[arg-type]  # None means "append"
    if first is not None:
        menu.insertSeparator(first)


def _replace_from_menu(editor: QTextEdit, found: QTextCursor, replacement: str, *_: object) -> None:
    replace_word(found, replacement)
    editor.setTextCursor(found)
