"""Tell the others: the message on review to the mail app, or to an .eml when none answers.

The same path as the main window's "Open in mail app" (:mod:`bowout.gui.window.sending`): a
mailto: link (the body on the clipboard when it is too long for one); when no mail app
answers it (:func:`bowout.gui.mail_link.open_mail_link`), that is said plainly and the
message is offered as an .eml file, which Outlook, Thunderbird and Apple Mail open as a
draft ready to send.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bowout.gui.mail_link import NO_MAIL_APP, hand_to_mail_app, offer_eml
from bowout.gui.views.batch_items import BatchItem, text_html

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from bowout.gui.context import AppContext


class ShowMessage(Protocol):
    """The batch view's note above its list (an error in the alarm colour)."""

    def __call__(self, text: str, *, error: bool = False) -> None: ...


logger = logging.getLogger(__name__)


class BatchMail:
    """Sends the batch view's messages by mail; the three interactions a test replaces
    are its methods :meth:`launch_mail_link`, :meth:`ask_save_eml` and
    :meth:`ask_save_path`."""

    def __init__(self, view: QWidget, context: AppContext, show_message: ShowMessage) -> None:
        """``view``: the batch view (the dialogs' parent); ``context``: the profile for the
        .eml's From; ``show_message``: where to say what happened."""
        self.view, self.context, self.show_message = view, context, show_message

    def send(self, item: BatchItem) -> None:
        """Open ``item`` in the mail app; when none answers, say so and offer the .eml."""
        to = item.stored.application.contact_email
        ok, message = hand_to_mail_app(
            item.subject, item.body, text_html(item.body), to, opener=self.launch_mail_link
        )
        self.show_message(message, error=not ok)
        if message == NO_MAIL_APP and self.ask_save_eml():
            self.save_eml(item)

    def save_eml(self, item: BatchItem) -> Path | None:
        """Ask where, then write ``item`` as an .eml draft (To: its contact's address);
        the path written, or None (cancelled, or a failure the view shows)."""
        return self.export(item, ".eml", "Save as .eml")

    def export(self, item: BatchItem, extension: str, title: str = "") -> Path | None:
        """Ask where, then write ``item`` as ``extension`` (".eml", ".pdf", ".txt",
        ".html"; an .eml with To: its contact's address, a PDF with its To: line); the path
        written, or None (cancelled, or a failure the view shows)."""
        from bowout.gui.exporting import FILTERS, export_message, recipient_line, suggested_name

        application = item.stored.application
        path = self.ask_save_path(
            title or f"Export as {extension}",
            suggested_name(application.company, extension),
            FILTERS[extension],
        )
        if path is None:
            return None
        if path.suffix.lower() != extension:
            path = path.with_name(path.name + extension)
        try:
            export_message(
                path, item.subject, item.body, text_html(item.body),
                profile=self.context.settings.profile, to=application.contact_email,
                recipient=recipient_line(application.contact, application.contact_email),
                language=item.situation.language,
            )  # fmt: skip
        except OSError as exc:
            # Shown with the path, logged without it (its name is the company's).
            logger.warning("could not save a batch %s: %s", extension, exc.strerror or "error")
            self.show_message(f"Could not save {path}: {exc.strerror or exc}.", error=True)
            return None
        if extension == ".eml":
            self.show_message(
                f"Saved {path.name}: open it in your mail app, which shows it as a draft to send."
            )
        else:
            self.show_message(f"Exported {path.name}.")
        return path

    # -- replaceable interactions (tests swap these) --------------------------------------
    def launch_mail_link(self, url: str) -> bool:
        """Hand a mailto: URL to the mail app; False when none answered."""
        from bowout.gui import mail_link

        return mail_link.open_mail_link(url)

    def ask_save_eml(self) -> bool:
        """No mail app answered: offer the .eml instead (True: save it)."""
        return offer_eml(self.view)

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """The native save dialog, in the folder used last or Documents; None when
        cancelled."""
        from bowout.gui.dialogs.file_dialogs import save_file_name

        return save_file_name(self.view, title, suggested, file_filter)
