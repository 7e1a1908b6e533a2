"""The plain-text twin of a rich message, read from the document's structure.

``QTextDocument.toPlainText`` drops list markers and link targets and keeps every empty
paragraph, so a message copied or mailed as plain text loses its bullets and gains blank
lines. This reads the blocks instead: one blank line between paragraphs (empty paragraphs
are skipped), the lines of a signature typed with Enter one line apart, a table's rows
one a line with `` | `` between cells, list items on their own lines with ``- `` or their
number (``1.``, ``a.``) indented two spaces per nesting level, and links as
``text (url)``. It also keeps, for every run of the document's own text, where it sits in
the result, so a tone-coach span found in the plain text selects the same words in the
editor.
"""

from __future__ import annotations

import bisect
import dataclasses

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextListFormat

from bowout.gui.utf16 import to_qt

#: List styles that count (the rest are bullets of one shape or another).
_NUMBERED = frozenset(
    {
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListLowerRoman,
        QTextListFormat.Style.ListUpperRoman,
    }
)
_INDENT = "  "
#: A sign-off line is at most this long ("With best wishes and thanks,").
SIGN_OFF_CHARS = 40
#: A signature line (a name, a title, an address, a phone number) is at most this long.
SIGNATURE_LINE_CHARS = 60
#: Qt's stand-in for an embedded object (an image); it has no plain-text form.
_OBJECT = "\ufffc"


@dataclasses.dataclass(frozen=True)
class PlainText:
    """The text and, per run of document text, (offset in ``text``, Qt position, run text)."""

    text: str
    segments: tuple[tuple[int, int, str], ...]

    def document_position(self, offset: int) -> int:
        """The Qt (UTF-16) document position of code-point ``offset`` in :attr:`text`.

        An offset inside text the document does not hold (a list marker, a link's address)
        maps to the nearest run before it; before every run, to the first run's start.
        """
        if not self.segments:
            return 0
        index = bisect.bisect_right(self.segments, offset, key=lambda s: s[0]) - 1
        if index < 0:
            return self.segments[0][1]
        start, position, run = self.segments[index]
        return position + to_qt(run, offset - start)


def _marker(block: QTextBlock) -> str:
    text_list = block.textList()
    if text_list is None:
        return ""
    fmt = text_list.format()
    depth = max(fmt.indent(), 1) - 1
    if fmt.style() in _NUMBERED:
        label = text_list.itemText(block).strip() or f"{text_list.itemNumber(block) + 1}."
    else:
        label = "-"
    return _INDENT * depth + label + " "


def _text(block: QTextBlock) -> str:
    return block.text().replace(_OBJECT, "").strip()


def _signature_lines(blocks: list[QTextBlock]) -> int:
    """How many of the last ``blocks`` are a signature typed with Enter: the lines after a
    short sign-off ending in a comma ("Best regards,"), each short and not a sentence.
    They are one line apart, as the signature the draft writes with line breaks is."""
    for count, block in enumerate(reversed(blocks)):
        text = _text(block)
        if block.textList() is not None or _in_table(block):
            return 0
        if text.endswith(",") and len(text) <= SIGN_OFF_CHARS and count:
            return count
        if len(text) > SIGNATURE_LINE_CHARS or text.endswith((".", "!", "?", ":", ",")):
            return 0
    return 0


def _in_table(block: QTextBlock) -> bool:
    return QTextCursor(block).currentTable() is not None


def plain_text(document: QTextDocument) -> PlainText:
    """The plain-text twin of ``document`` (see the module docstring for the rules)."""
    out = _Builder()
    blocks = []
    block = document.begin()
    while block.isValid():
        if _text(block):
            blocks.append(block)
        block = block.next()
    signature_from = len(blocks) - _signature_lines(blocks)
    previous_was_item = False
    previous_row: tuple[int, int] | None = None  # (table, row) of the last cell written
    for index, block in enumerate(blocks):
        is_item = block.textList() is not None
        cell = _cell(block)
        if out.parts:
            if cell is not None and previous_row is not None and cell[:2] == previous_row:
                out.add(" | ")  # the next cell of the same table row
            elif cell is not None and previous_row is not None and cell[0] == previous_row[0]:
                out.add("\n")  # the next row of the same table
            elif (is_item and previous_was_item) or index >= signature_from:
                out.add("\n")
            else:
                out.add("\n\n")
        previous_was_item = is_item
        previous_row = cell[:2] if cell is not None else None
        out.add(_marker(block))
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            fmt = fragment.charFormat()
            out.link(fmt.anchorHref() if fmt.isAnchor() else "")
            out.run(fragment.text(), fragment.position())
        out.link("")
    return PlainText("".join(out.parts), tuple(out.segments))


def _cell(block: QTextBlock) -> tuple[int, int, int] | None:
    """(table's first position, row, column) of a block inside a table cell, else None."""
    table = QTextCursor(block).currentTable()
    if table is None:
        return None
    cell = table.cellAt(block.position())
    return (table.firstPosition(), cell.row(), cell.column())


class _Builder:
    """Collects the text and the segments; closes a link with its address when it ends."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[tuple[int, int, str]] = []
        self.length = 0
        self.href = ""
        self.link_text = ""

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def run(self, run: str, position: int) -> None:
        for piece in run.split(_OBJECT):
            if piece:
                self.segments.append((self.length, position, piece))
                self.add(piece.replace("\u2028", "\n"))  # a <br> inside a paragraph
                if self.href:
                    self.link_text += piece
            position += to_qt(piece, len(piece)) + 1

    def link(self, href: str) -> None:
        if href == self.href:
            return
        shown = self.link_text.strip()
        if self.href and shown not in (self.href, self.href.removeprefix("mailto:")):
            self.add(f" ({self.href})")
        self.href = href
        self.link_text = ""
