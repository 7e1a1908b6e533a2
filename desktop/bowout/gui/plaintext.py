"""The plain-text twin of a rich message, read from the document's structure.

``QTextDocument.toPlainText`` drops list markers and link targets and keeps every empty
paragraph, so a message copied or mailed as plain text loses its bullets and gains blank
lines. This reads the blocks instead: one blank line between paragraphs (empty paragraphs
are skipped), list items on their own lines with ``- `` or their number (``1.``, ``a.``)
indented two spaces per nesting level, and links as ``text (url)``. It also keeps, for every
run of the document's own text, where it sits in the result, so a tone-coach span found in
the plain text selects the same words in the editor.
"""

from __future__ import annotations

import bisect
import dataclasses

from PySide6.QtGui import QTextBlock, QTextDocument, QTextListFormat

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


def plain_text(document: QTextDocument) -> PlainText:
    """The plain-text twin of ``document`` (see the module docstring for the rules)."""
    out = _Builder()
    previous_was_item = False
    block = document.begin()
    while block.isValid():
        if not block.text().replace(_OBJECT, "").strip():
            block = block.next()
            continue
        is_item = block.textList() is not None
        if out.parts:
            out.add("\n" if is_item and previous_was_item else "\n\n")
        previous_was_item = is_item
        out.add(_marker(block))
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            fmt = fragment.charFormat()
            out.link(fmt.anchorHref() if fmt.isAnchor() else "")
            out.run(fragment.text(), fragment.position())
        out.link("")
        block = block.next()
    return PlainText("".join(out.parts), tuple(out.segments))


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
