"""Writing the message out: .eml, .pdf, .txt and .html.

The PDF is drawn by Qt with the fonts installed on the computer: Qt picks, for each
character, a font that has it (font fallback through fontconfig on Linux, DirectWrite on
Windows, Core Text on macOS). Windows and macOS ship emoji and Indic fonts; a Linux desktop
may have only DejaVu Sans, which has neither. For emoji Bow Out ships a monochrome emoji
font (Noto Emoji, SIL OFL 1.1: ``resources/fonts/``), added to its own process when a PDF
is written and named after the message's font as its fallback (:func:`pdf_font`). Indic
scripts need their own fonts, which the distributions package (the .deb recommends
fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji, fonts-symbola); the export names
the characters no font has (they print as empty boxes).

Qt's PDF writer maps each glyph back to the one character the font's character map gives
it (its ToUnicode table): a glyph drawn for several characters copies out as one (Latin's
"ffi" ligature as U+FB03) or as nothing (a Hindi conjunct such as क्ष has no character of
its own). Latin's optional ligatures are turned off in the PDF so its words copy out
exactly; a script's required conjuncts cannot be (the text would be wrong), which is a
limitation of Qt's writer: the PDF also carries the message as an exact text attachment
(``message.txt``).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import unicodedata
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetrics,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from bowout.core import exports
from bowout.core.checklist import format_date
from bowout.core.situation import Profile
from bowout.paths import resources_dir
from bowout.storage.atomic import atomic_write_bytes

logger = logging.getLogger(__name__)

#: Extension -> file-dialog filter.
FILTERS = {
    ".eml": "Email message (*.eml)",
    ".pdf": "PDF document (*.pdf)",
    ".txt": "Plain text (*.txt)",
    ".html": "Web page (*.html)",
}


def suggested_name(company: str, extension: str) -> str:
    """A file name from the company, safe on every OS and at most 255 bytes (see
    :func:`exports.file_name`)."""
    return exports.file_name("withdrawal-", company, extension)


def export_message(
    path: Path,
    subject: str,
    body_text: str,
    body_html: str,
    *,
    profile: Profile,
    document: QTextDocument | None = None,
    to: str = "",
    recipient: str = "",
    date: dt.date | None = None,
    language: str = "en",
) -> list[str]:
    """Write the message in the format ``path``'s extension names; OSError on failure.

    ``to``: the recipient's address for the .eml's To: header (empty: none);
    ``recipient`` and ``date`` (default today): the PDF's "To:" and "Date:" lines. Returns
    the characters no installed font can draw (PDF only; they print as empty boxes).
    ``language``: the message's, for the .eml's Content-Language and the HTML's lang.
    """
    extension = path.suffix.lower()
    if extension == ".eml":
        data = exports.to_eml(subject, body_text, body_html, profile, to=to, language=language)
    elif extension == ".txt":
        data = exports.to_txt(subject, body_text).encode("utf-8")
    elif extension == ".html":
        data = exports.to_html(subject, body_html, language).encode("utf-8")
    elif extension == ".pdf":
        heading = PdfHeading(subject, recipient, date or dt.date.today())
        return _write_pdf(path, heading, body_text, body_html, document)
    else:
        raise ValueError(f"unsupported export format {extension!r}")
    atomic_write_bytes(path, data)
    # Not the path: its name is the company's, and the log names no one.
    logger.info("exported a %s file (%d bytes)", path.suffix, len(data))
    return []


class PdfHeading:
    """The lines above the body of a printed message: To, Date, then Subject in bold."""

    def __init__(self, subject: str, recipient: str, date: dt.date) -> None:
        self.subject = subject
        self.lines = [f"To: {recipient}"] if recipient.strip() else []
        self.lines.append(f"Date: {format_date(date)}")

    def text(self) -> str:
        """Every heading line, as plain text."""
        return "\n".join([*self.lines, f"Subject: {self.subject}"])


def recipient_line(name: str, address: str) -> str:
    """ "Priya Shah <priya@northwind.example>", or whichever of the two is given."""
    name, address = name.strip(), address.strip()
    if name and address:
        return f"{name} <{address}>"
    return name or address


#: Unicode categories that draw nothing on their own: spaces and separators, controls and
#: format characters (joiners, variation selectors), surrogates, non-spacing marks.
_DRAW_NOTHING = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Mn", "Me"})


def missing_glyphs(text: str) -> list[str]:
    """The characters of ``text`` that no installed font has, in order of first use (Qt
    draws them as empty boxes). Spaces, controls, joiners and combining marks are left out:
    they draw nothing on their own."""
    wanted: dict[str, None] = {}
    for char in text:
        if unicodedata.category(char) not in _DRAW_NOTHING:
            wanted.setdefault(char)
    if not wanted:
        return []
    default = QFontMetrics(QFont())
    left = [c for c in wanted if not default.inFontUcs4(ord(c))]
    for family in QFontDatabase.families():
        if not left:
            break
        metrics = QFontMetrics(QFont(family))
        left = [c for c in left if not metrics.inFontUcs4(ord(c))]
    return left


#: The shipped emoji font (resources/fonts/README.md) and its family name.
EMOJI_FONT = "fonts/NotoEmoji-Regular.ttf"
EMOJI_FAMILY = "Noto Emoji"


@functools.cache
def emoji_font_loaded() -> bool:
    """Add the shipped emoji font to this process's fonts (once; never to the system's);
    False, logged, when it cannot be read (emoji then print as boxes and are named)."""
    path = resources_dir() / EMOJI_FONT
    if QFontDatabase.addApplicationFont(str(path)) < 0:
        logger.warning("the emoji font %s could not be loaded", path.name)
        return False
    return True


def pdf_font(base: QFont) -> QFont:
    """``base`` as the PDF draws text with it: the shipped emoji font after its own
    families (emoji print as glyphs where no installed font has them), and standard
    ligatures off (so that "office" copies out of the PDF as "office", not "oﬃce")."""
    font = QFont(base)
    families = base.families() or [base.family()]
    if emoji_font_loaded() and EMOJI_FAMILY not in families:
        font.setFamilies([*families, EMOJI_FAMILY])
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def pdf_document(
    subject: str,
    body_html: str,
    document: QTextDocument | None,
    heading: PdfHeading | None = None,
) -> QTextDocument:
    """What the PDF shows: the heading's "To:" and "Date:" lines, a "Subject:" line in bold,
    then the body (a copy of ``document`` when given, else ``body_html``). The editor's own
    document is never changed."""
    doc = document.clone() if document is not None else QTextDocument()
    doc.setDefaultFont(pdf_font(doc.defaultFont()))
    if document is None:
        doc.setHtml(body_html)
    lines = list(heading.lines) if heading is not None else []
    if not subject.strip() and not lines:
        return doc
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.insertBlock()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.setBlockFormat(QTextBlockFormat())
    plain = QTextCharFormat()
    plain.setFontWeight(QFont.Weight.Normal)
    for line in lines:
        cursor.insertText(line, plain)
        cursor.insertBlock()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(f"Subject: {subject}", bold)
    return doc


def _write_pdf(
    path: Path,
    heading: PdfHeading,
    body_text: str,
    body_html: str,
    document: QTextDocument | None,
) -> list[str]:
    """The message as an A4 PDF: To, Date and Subject above the body (the subject also in
    the metadata), the message's exact text attached, written atomically and readable by
    the owner only, like every export. Returns :func:`missing_glyphs` of what it shows."""
    subject = heading.subject
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(subject)
    writer.setCreator("Bow Out")
    exact = f"{heading.text()}\n\n{body_text.rstrip()}\n"
    if hasattr(writer, "addFileAttachment"):  # Qt 6.8 and later
        # Text copied out of the page may lose joined letters; this copy never does.
        writer.addFileAttachment("message.txt", exact.encode("utf-8"), "text/plain")
    doc = pdf_document(subject, body_html, document, heading)
    doc.print_(writer)
    del writer  # finishes the document in the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    if not data:
        raise OSError(f"the PDF could not be made for {path}")
    atomic_write_bytes(path, data)
    # Not the path: its name is the company's, and the log names no one.
    logger.info("exported a %s file (%d bytes)", path.suffix, len(data))
    return missing_glyphs(doc.toPlainText())
