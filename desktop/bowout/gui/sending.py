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
        from PySide6.QtCore import QMimeData  # the Qt classes used here wait for first use

        mime = QMimeData()
        mime.setHtml(self.editor.body_html())
        mime.setText(self.editor.message_text())
        QApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage("Message copied (rich and plain text).", 6000)

    @Slot()
    def open_in_mail(self) -> None:
        """Hand subject and body to the mail app through a mailto: link.

        A link longer than mail apps accept (exports.MAILTO_MAX_CHARS) carries the subject
        only; the body goes on the clipboard (rich and plain) and the status bar says so.
        """
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from bowout.core import exports

        subject = self.subject_edit.text()
        to = self.form.situation().contact_email
        url = exports.mailto_url(subject, self.editor.message_text(), to)
        message = "Opened in your mail app."
        if not exports.mailto_fits(url):
            url = exports.mailto_url(subject, "", to)
            if not exports.mailto_fits(url):
                self.show_error("This subject is too long for a mail link; export as .eml.")
                return
            self.copy_message()
            message = (
                "The message is too long for a mail link: your mail app opens with the "
                "subject, and the body is on the clipboard; paste it in (Ctrl+V)."
            )
        if not QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii"))):
            self.show_error("No mail app answered; copy the message or export it as .eml.")
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
            self.show_error(f"Could not export to {path}: {exc.strerror or exc}.")
            return None
        self.statusBar().showMessage(f"Exported {path.name}.", 8000)
        return path
