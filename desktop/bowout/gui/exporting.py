"""Writing the message out: .eml, .pdf, .txt and .html."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import (
    QFont,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from bowout.core import exports
from bowout.core.situation import Profile
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
) -> None:
    """Write the message in the format ``path``'s extension names; OSError on failure.

    ``to``: the recipient's address for the .eml's To: header (empty: none).
    """
    extension = path.suffix.lower()
    if extension == ".eml":
        data = exports.to_eml(subject, body_text, body_html, profile, to=to)
    elif extension == ".txt":
        data = exports.to_txt(subject, body_text).encode("utf-8")
    elif extension == ".html":
        data = exports.to_html(subject, body_html).encode("utf-8")
    elif extension == ".pdf":
        _write_pdf(path, subject, body_html, document)
        return
    else:
        raise ValueError(f"unsupported export format {extension!r}")
    atomic_write_bytes(path, data)
    # Not the path: its name is the company's, and the log names no one.
    logger.info("exported a %s file (%d bytes)", path.suffix, len(data))


def pdf_document(subject: str, body_html: str, document: QTextDocument | None) -> QTextDocument:
    """What the PDF shows: a "Subject:" line in bold, then the body (a copy of ``document``
    when given, else ``body_html``). The editor's own document is never changed."""
    doc = document.clone() if document is not None else QTextDocument()
    if document is None:
        doc.setHtml(body_html)
    if subject.strip():
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.insertBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.setBlockFormat(QTextBlockFormat())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(f"Subject: {subject}", bold)
    return doc


def _write_pdf(path: Path, subject: str, body_html: str, document: QTextDocument | None) -> None:
    """The message as an A4 PDF: the subject as a heading above the body (and in the
    metadata), written atomically and readable by the owner only, like every export."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(subject)
    writer.setCreator("Bow Out")
    doc = pdf_document(subject, body_html, document)
    doc.print_(writer)
    del writer  # finishes the document in the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    if not data:
        raise OSError(f"the PDF could not be made for {path}")
    atomic_write_bytes(path, data)
    # Not the path: its name is the company's, and the log names no one.
    logger.info("exported a %s file (%d bytes)", path.suffix, len(data))
