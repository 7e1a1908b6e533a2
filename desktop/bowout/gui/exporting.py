"""Writing the message out: .eml, .pdf, .txt and .html."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

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
    """A file name from the company, safe on every OS."""
    stem = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in company).strip()
    return f"withdrawal-{stem.replace(' ', '-') or 'draft'}{extension}"


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
    logger.info("exported %s (%d bytes)", path, len(data))


def _write_pdf(path: Path, subject: str, body_html: str, document: QTextDocument | None) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(subject)
    writer.setCreator("Bow Out")
    doc = document.clone() if document is not None else QTextDocument()
    if document is None:
        doc.setHtml(body_html)
    doc.print_(writer)
    del writer  # flushes and closes the file
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")
    logger.info("exported %s", path)
