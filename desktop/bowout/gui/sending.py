"""Sending the message on: the clipboard, the mail app, and export to a file."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication, QWidget

from bowout.core.counting import counted
from bowout.gui.utf16 import to_qt_span
from bowout.gui.window_parts import WindowParts

logger = logging.getLogger(__name__)

#: What the window says when no mail app took the mailto: link.
NO_MAIL_APP = (
    "No mail app opened the message: none is set up to answer mail links. "
    "Copy the message, or save it as an .eml file your mail app opens as a draft."
)


class SendingCommands(WindowParts):
    """Mixed into MainWindow (through WindowCommands): Copy, Open in mail app, Export."""

    if TYPE_CHECKING:  # provided by MainWindow and WindowCommands

        def show_error(self, text: str) -> None: ...
        def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None: ...

    def confirm_placeholders(self, names: list[str], action: str) -> bool:
        """Ask before a message with placeholders goes out; True: go on (tests replace it)."""
        from bowout.gui.placeholder_check import PlaceholderDialog

        return PlaceholderDialog.ask(self, names, action)

    def ready_to_send(self, action: str) -> bool:
        """The name being typed is in the draft, and no "[placeholder]" is left in the
        subject or the email (or the user chose "Send anyway"); else the first one is
        selected for filling in and False returned. ``action``: "copy it", "send it"..."""
        from bowout.gui.placeholder_check import unfilled

        self.form.finish_typing()
        subject, body = self.subject_edit.text(), self.editor.message_text()
        names = unfilled(subject, body)
        if not names or self.confirm_placeholders(names, action):
            return True
        first = names[0]
        if first in subject:
            start = subject.index(first)
            self.subject_edit.setFocus()
            self.subject_edit.setSelection(*to_qt_span(subject, start, start + len(first)))
        else:
            self.tabs.setCurrentWidget(self.editor)
            start = body.index(first)
            self.editor.select_span(start, start + len(first))
        return False

    @Slot()
    def copy_message(self) -> None:
        """Put the message on the clipboard as rich text and plain text together."""
        if not self.ready_to_send("copy it"):
            return
        copy_rich(self.editor.body_html(), self.editor.message_text())
        self.statusBar().showMessage("Message copied (rich and plain text).", 6000)

    @Slot()
    def open_in_mail(self) -> None:
        """Hand subject and body to the mail app (see :func:`hand_to_mail_app`)."""
        if not self.ready_to_send("open it in your mail app"):
            return
        ok, message = hand_to_mail_app(
            self.subject_edit.text(),
            self.editor.message_text(),
            self.editor.body_html(),
            self.form.situation().contact_email,
            opener=self.launch_mail_link,
        )
        if not ok:
            self.show_error(message)
            if message == NO_MAIL_APP and self.ask_save_eml():
                self.export_as(".eml")
            return
        self.statusBar().showMessage(message, 15000)

    # -- replaceable interactions (tests swap these) --------------------------------------

    def launch_mail_link(self, url: str) -> bool:
        """Hand a mailto: URL to the mail app; False when none answered."""
        from bowout.gui import mail_link

        return mail_link.open_mail_link(url)

    def ask_save_eml(self) -> bool:
        """No mail app answered: offer to save the message as an .eml file instead."""
        return offer_eml(self)

    def export_as(self, extension: str) -> Path | None:
        """Ask where, then write the message as .eml, .pdf, .txt or .html."""
        from bowout.gui.exporting import FILTERS, export_message, recipient_line, suggested_name

        self.form.finish_typing()  # a name still being typed is in what is written
        if extension in (".eml", ".pdf") and not self.ready_to_send("export it"):
            return None
        company = self.form.company_edit.text()
        path = self.ask_save_path(
            f"Export as {extension}", suggested_name(company, extension), FILTERS[extension]
        )
        if path is None:
            return None
        if path.suffix.lower() != extension:
            path = path.with_name(path.name + extension)
        situation = self.form.situation()
        try:
            boxes = export_message(
                path,
                self.subject_edit.text(),
                self.editor.message_text(),
                self.editor.body_html(),
                profile=self.context.settings.profile,
                document=self.editor.document(),
                to=situation.contact_email,
                recipient=recipient_line(situation.contact, situation.contact_email),
                language=situation.language,
            )
        except OSError as exc:
            # Shown with the path, logged without it (its name is the company's).
            logger.warning("could not export a %s file: %s", extension, exc.strerror or "error")
            self.message_bar.show_message(
                f"Could not export to {path}: {exc.strerror or exc}.", error=True
            )
            return None
        if boxes:
            self.show_error(
                f"Exported {path.name}, but {counted(len(boxes), 'character')} print as "
                "empty boxes: "
                f"{' '.join(boxes[:8])}. No font on this computer has them; install an emoji "
                "or language font (Linux: fonts-noto-core, fonts-noto-color-emoji), or send "
                "the .eml or .html instead."
            )
            return path
        self.message_bar.show_message(f"Exported {path.name}.")
        return path


def offer_eml(parent: QWidget) -> bool:
    """Ask, once no mail app answered a mailto: link, whether to save the message as an
    .eml file instead (True: save it). The draft headers make Outlook, Thunderbird and
    Apple Mail open it as a message ready to send (see :func:`bowout.core.exports.to_eml`).
    """
    from PySide6.QtWidgets import QMessageBox

    from bowout.gui.message_box import use_app_icons

    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Send by mail",
        "No mail app opened the message: none is set up to answer mail links.",
        parent=parent,
    )
    box.setObjectName("no_mail_app_box")
    box.setInformativeText(
        "Save it as an .eml file instead? Outlook, Thunderbird and Apple Mail open it "
        "as a draft ready to send."
    )
    save = box.addButton("Save as .&eml…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    use_app_icons(box).exec()
    return box.clickedButton() is save


def copy_rich(body_html: str, body_text: str) -> None:
    """Put a message on the clipboard as rich text and plain text together."""
    from PySide6.QtCore import QMimeData  # Qt classes used here wait for first use

    mime = QMimeData()
    mime.setHtml(body_html)
    mime.setText(body_text)
    QApplication.clipboard().setMimeData(mime)


def hand_to_mail_app(
    subject: str,
    body_text: str,
    body_html: str,
    to: str,
    opener: Callable[[str], bool] | None = None,
) -> tuple[bool, str]:
    """Open the mail app on a new message through a mailto: link: (opened, what to tell
    the user; NO_MAIL_APP when no mail app answered). A link longer than mail apps accept
    (exports.MAILTO_MAX_CHARS) carries the subject only, and the body goes on the clipboard
    (rich and plain); the message says so. ``opener``: hands the URL over, False when no
    app answered (default :func:`bowout.gui.mail_link.open_mail_link`).
    """
    from bowout.core import exports
    from bowout.gui import mail_link

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
    if not (opener or mail_link.open_mail_link)(url):
        return False, NO_MAIL_APP
    return True, message
