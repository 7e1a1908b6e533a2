"""The rich-text editor: plain-text paste, spell check, placeholders, one-step regeneration."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Slot
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from bowout.core.textclean import clean_text
from bowout.gui.widgets.link_colour import LinkColours, recolour_links
from bowout.gui.widgets.placeholders import PLACEHOLDER_PATTERN, placeholder_format
from bowout.gui.widgets.spell_menu import populate_context_menu
from bowout.gui.widgets.spellcheck import SpellHighlighter

# The link rules and the plain-text twin are first needed once there is text, after the
# first frame: they load then.
if TYPE_CHECKING:
    from bowout.gui.widgets.plaintext import PlainText

logger = logging.getLogger(__name__)

_BODY_RE = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
#: One or more blank (or whitespace-only) lines between two paragraphs of pasted text.
_BLANK_LINES_RE = re.compile(r"\n[^\S\n]*\n\s*")
#: The dictionary loads this long after the first paint, so the window shows first.
SPELL_LOAD_DELAY_MS = 400


class RichEditor(QTextEdit):
    """A QTextEdit that pastes plain text unless asked otherwise and checks spelling."""

    def __init__(
        self,
        name: str,
        accessible: str,
        parent: QWidget | None = None,
        *,
        language: str = "en",
        personal_words: Iterable[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)  # Tab moves on, so the keyboard can leave the editor
        self.paste_rich = False
        self.highlighter = SpellHighlighter(
            self.document(), language, personal_words, load_delay_ms=SPELL_LOAD_DELAY_MS
        )
        self.highlighter.set_extra_rules([(PLACEHOLDER_PATTERN, placeholder_format())])
        # The plain twin is read several times per pause in typing (tone coach, word count,
        # copy); it is made again only after the document changed.
        self._twin: PlainText | None = None
        self.document().contentsChange.connect(self._forget_twin)
        self.link_colours = LinkColours(self)  # links follow a theme switch

    # -- paste and context menu -----------------------------------------------------------

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste as plain text by default: foreign fonts and colours do not belong in mail."""
        from bowout.core.links import sanitize_html

        if self.isReadOnly():  # a sent message is kept as it went out
            return
        if self.paste_rich and source.hasHtml():  # formatting yes, unsafe links no
            self.textCursor().insertHtml(sanitize_html(source.html()))
            return
        if self.paste_rich or not source.hasText():
            super().insertFromMimeData(source)
            return
        pasted = clean_text(source.text())
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        block = cursor.block().text()
        before, after = block[: cursor.positionInBlock()], block[cursor.positionInBlock() :]
        if before.strip() and starts_paragraph(pasted, before):
            cursor.insertBlock()  # "Dear Ana," then the pasted paragraph: two paragraphs
        cursor.insertText(paste_paragraphs(pasted))
        if after.strip() and pasted.rstrip(" \t").endswith("\n"):
            cursor.insertBlock()  # a whole paragraph pasted before text: it stays apart
            cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    @Slot()
    def paste_with_formatting(self) -> None:
        """Paste keeping the clipboard's formatting, for the rare time it is wanted."""
        self.paste_rich = True
        try:
            self.paste()
        finally:
            self.paste_rich = False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The standard menu with spelling suggestions on top."""
        menu = self.createStandardContextMenu(event.pos())
        populate_context_menu(menu, self, self.highlighter, event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- content --------------------------------------------------------------------------

    def replace_html(self, fragment: str) -> None:
        """Replace everything in one undo step, so Ctrl+Z brings the previous text back.

        The fragment is sanitised first: a stored or imported message brings no unsafe
        link (or script) into the editor, and so none into a copy or a PDF.
        """
        from bowout.core.links import sanitize_html

        fragment = keep_spaces(sanitize_html(fragment))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        cursor.setCharFormat(QTextCharFormat())
        cursor.insertHtml(fragment)
        recolour_links(self.document(), self.palette().color(QPalette.ColorRole.Link))
        cursor.endEditBlock()
        self.document().setModified(False)

    def replace_text(self, text: str) -> None:
        """Plain-text variant of :meth:`replace_html` (one undo step)."""
        self.replace_html(plain_to_html(text))

    def body_html(self) -> str:
        """The edited message as an HTML fragment (what goes into mail and exports)."""
        match = _BODY_RE.search(self.toHtml())
        return match.group(1).strip() if match else escape_html(self.toPlainText())

    def twin(self) -> PlainText:
        """The plain-text twin of the document and where its words are in the document."""
        if self._twin is None:
            from bowout.gui.widgets.plaintext import plain_text

            self._twin = plain_text(self.document())
        return self._twin

    @Slot(int, int, int)
    def _forget_twin(self, *_: int) -> None:
        self._twin = None

    def message_text(self) -> str:
        """The plain-text twin as mail wants it: one blank line between paragraphs, list
        markers and nesting kept, links as ``text (url)`` (see
        :mod:`bowout.gui.widgets.plaintext`)."""
        return self.twin().text

    def document_position(self, offset: int) -> int:
        """Where code-point ``offset`` in :meth:`message_text` lies in the document (Qt units)."""
        return self.twin().document_position(offset)

    def select_span(self, start: int, end: int) -> None:
        """Select code points [start, end) of :meth:`message_text` and bring them into view."""
        twin = self.twin()
        cursor = QTextCursor(self.document())
        cursor.setPosition(twin.document_position(start))
        cursor.setPosition(twin.document_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()

    # -- formatting -----------------------------------------------------------------------

    @Slot(bool)
    def set_bold(self, on: bool) -> None:
        """Bold on or off for the selection or what is typed next."""
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)

    @Slot(bool)
    def set_italic(self, on: bool) -> None:
        """Italic on or off."""
        fmt = QTextCharFormat()
        fmt.setFontItalic(on)
        self.mergeCurrentCharFormat(fmt)

    @Slot(bool)
    def set_underline(self, on: bool) -> None:
        """Underline on or off."""
        fmt = QTextCharFormat()
        fmt.setFontUnderline(on)
        self.mergeCurrentCharFormat(fmt)

    @Slot()
    def toggle_bullets(self) -> None:
        """Turn the current paragraphs into a bullet list, or back into plain paragraphs."""
        cursor = self.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None:
            # Only the selected paragraphs leave the list, as in word processors.
            start = self.document().findBlock(cursor.selectionStart())
            end = self.document().findBlock(cursor.selectionEnd())
            block = start
            while block.isValid():
                current.remove(block)
                if block == end:
                    break
                block = block.next()
            block_format = cursor.blockFormat()  # read after removal: no list index left
            block_format.setIndent(0)
            cursor.setBlockFormat(block_format)
        else:
            cursor.createList(QTextListFormat.Style.ListDisc)
        cursor.endEditBlock()

    def ask_link(self, selected: str) -> tuple[str, str] | None:
        """Ask for a link address (tests replace this); returns (url, text) or None."""
        from bowout.gui.dialogs.link_dialog import LinkDialog  # first use only: not a start-up cost

        return LinkDialog.ask(self, selected)

    @Slot()
    def insert_link(self) -> None:
        """Turn the selection (or a new text) into a link."""
        cursor = self.textCursor()
        answer = self.ask_link(cursor.selectedText())
        if answer is None:
            return
        url, text = answer
        from bowout.core.links import is_safe_link

        if not is_safe_link(url):
            self.refuse_link(url)
            return
        cursor.insertHtml(f'<a href="{escape_html(url)}">{escape_html(text)}</a>')

    def refuse_link(self, url: str) -> None:
        """Say, without a modal dialog, why ``url`` was not inserted."""
        from PySide6.QtWidgets import QToolTip

        where = self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
        QToolTip.showText(where, LINK_REFUSED, self)


LINK_REFUSED = "Only web (http, https), mailto: and tel: links can go in a message."


def escape_html(text: str) -> str:
    """``html.escape`` without importing ``html`` (and its entity table) before the first frame."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def paste_paragraphs(text: str) -> str:
    """Pasted plain text as the editor holds it: a blank line (or several) starts one new
    paragraph, a single line break stays a break inside the paragraph, and the line breaks
    around the whole paste go, so pasting never leaves empty paragraphs behind."""
    text = clean_text(text).strip("\n")  # Word's line break U+000B, NUL, ESC...
    blocks = _BLANK_LINES_RE.split(text)
    return "\n".join(block.replace("\n", "\u2028") for block in blocks)


def starts_paragraph(pasted: str, before: str) -> bool:
    """Whether text pasted after ``before`` (the paragraph's text before the cursor) begins
    a paragraph of its own: it was copied with a line break in front, or it is a sentence
    pasted after a greeting or sign-off line ("Dear Ana," then "Thank you for ...")."""
    if pasted.lstrip(" \t").startswith("\n"):
        return True
    first = pasted.strip()[:1]
    return before.rstrip().endswith((",", ":")) and first.isupper()


#: Space characters Qt's HTML reader would collapse into a plain space: the narrow no-break
#: space of French typography (U+202F), thin and figure spaces, the ideographic space.
_KEPT_SPACES_RE = re.compile("([\u1680\u2000-\u200a\u202f\u205f\u3000]+)")


def keep_spaces(fragment: str) -> str:
    """``fragment`` with the special spaces wrapped so Qt keeps them (``white-space: pre``
    is the one thing its HTML reader does not collapse); a message reopened from the
    history keeps "Merci\u202f!" as it was typed."""
    return _KEPT_SPACES_RE.sub(r'<span style="white-space:pre">\1</span>', fragment)


def plain_to_html(text: str) -> str:
    """Paragraphs separated by blank lines, single newlines kept as line breaks."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return "".join(
        "<p>" + "<br>".join(escape_html(line) for line in block.splitlines()) + "</p>"
        for block in blocks
    )
