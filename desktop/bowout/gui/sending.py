"""Sending the message on: the clipboard, the mail app, and export to a file."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication

from bowout.gui.window_parts import WindowParts

logger = logging.getLogger(__name__)


class SendingCommands(WindowParts):
    """Mixed into MainWindow (through WindowCommands): Copy, Open in mail app, Export."""

    if TYPE_CHECKING:  # provided by MainWindow and WindowCommands

        def show_error(self, text: str) -> None: ...
        def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None: ...

    @Slot()
    def copy_message(self) -> None:
        """Put the message on the clipboard as rich text and plain text together."""
        copy_rich(self.editor.body_html(), self.editor.message_text())
        self.statusBar().showMessage("Message copied (rich and plain text).", 6000)

    @Slot()
    def open_in_mail(self) -> None:
        """Hand subject and body to the mail app (see :func:`hand_to_mail_app`)."""
        ok, message = hand_to_mail_app(
            self.subject_edit.text(),
            self.editor.message_text(),
            self.editor.body_html(),
            self.form.situation().contact_email,
        )
        if not ok:
            self.show_error(message)
            return
        self.statusBar().showMessage(message, 15000)

    def export_as(self, extension: str) -> Path | None:
        """Ask where, then write the message as .eml, .pdf, .txt or .html."""
        from bowout.gui.exporting import FILTERS, export_message, suggested_name

        company = self.form.company_edit.text()
        path = self.ask_save_path(
            f"Export as {extension}", suggested_name(company, extension), FILTERS[extension]
        )
        if path is None:
            return None
        if path.suffix.lower() != extension:
            path = path.with_name(path.name + extension)
        try:
            export_message(
                path,
                self.subject_edit.text(),
                self.editor.message_text(),
                self.editor.body_html(),
                profile=self.context.settings.profile,
                document=self.editor.document(),
                to=self.form.situation().contact_email,
            )
        except OSError as exc:
            # Shown with the path, logged without it (its name is the company's).
            logger.warning("could not export a %s file: %s", extension, exc.strerror or "error")
            text = f"Could not export to {path}: {exc.strerror or exc}."
            self.banner.show_message(text)
            self.statusBar().showMessage(text, 15000)
            return None
        self.statusBar().showMessage(f"Exported {path.name}.", 8000)
        return path


def copy_rich(body_html: str, body_text: str) -> None:
    """Put a message on the clipboard as rich text and plain text together."""
    from PySide6.QtCore import QMimeData  # Qt classes used here wait for first use

    mime = QMimeData()
    mime.setHtml(body_html)
    mime.setText(body_text)
    QApplication.clipboard().setMimeData(mime)


def hand_to_mail_app(subject: str, body_text: str, body_html: str, to: str) -> tuple[bool, str]:
    """Open the mail app on a new message through a mailto: link: (opened, what to tell
    the user). A link longer than mail apps accept (exports.MAILTO_MAX_CHARS) carries the
    subject only, and the body goes on the clipboard (rich and plain); the message says so.
    """
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from bowout.core import exports

    url = exports.mailto_url(subject, body_text, to)
    message = "Opened in your mail app."
    if not exports.mailto_fits(url):
        url = exports.mailto_url(subject, "", to)
        if not exports.mailto_fits(url):
            return False, "This subject is too long for a mail link; export as .eml."
        copy_rich(body_html, body_text)
        message = (
            "The message is too long for a mail link: your mail app opens with the "
            "subject, and the body is on the clipboard; paste it in (Ctrl+V)."
        )
    if not QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii"))):
        return False, "No mail app answered; copy the message or export it as .eml."
    return True, message
