"""Sending the message on: the clipboard, the mail app, export to a file; and all the data
to another computer (``bowout history export`` and ``import`` write and read the same
file: :mod:`bowout.storage.transfer`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from bowout.core.counting import counted
from bowout.core.errors import BowOutError

if TYPE_CHECKING:
    from bowout.gui.window.drafting import Drafting
    from bowout.gui.window.shared import WindowShared

logger = logging.getLogger(__name__)

#: The file dialogs' filter for an export of all data.
EXPORT_FILTER = "Bow Out data (*.json)"


class Sending(QObject):
    """Copy, Send by mail, Export as…; Export all data…, Import data…."""

    def __init__(
        self, shared: WindowShared, drafting: Drafting, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.feedback, self.ask = shared.context, shared.feedback, shared.ask
        self.events = shared.events
        self.drafting = drafting

    @Slot()
    def copy_message(self) -> None:
        """Put the message on the clipboard as rich text and plain text together."""
        if not self.drafting.ready_to_send("copy it"):
            return
        from bowout.gui.mail_link import copy_rich  # the mail hand-off loads on first use

        editor = self.drafting.view.editor
        copy_rich(editor.body_html(), editor.message_text())
        self.feedback.say("Message copied (rich and plain text).", 6000)

    @Slot()
    def open_in_mail(self) -> None:
        """Hand subject and body to the mail app (see :func:`hand_to_mail_app`)."""
        if not self.drafting.ready_to_send("open it in your mail app"):
            return
        from bowout.gui.mail_link import NO_MAIL_APP, hand_to_mail_app

        v = self.drafting.view
        ok, message = hand_to_mail_app(
            v.subject_edit.text(),
            v.editor.message_text(),
            v.editor.body_html(),
            v.form.situation().contact_email,
            opener=self.ask.launch_mail_link,
        )
        if not ok:
            self.feedback.error(message)
            if message == NO_MAIL_APP and self.ask.ask_save_eml():
                self.export_as(".eml")
            return
        self.feedback.say(message, 15000)

    def export_as(self, extension: str) -> Path | None:
        """Ask where, then write the message as .eml, .pdf, .txt or .html; the file written,
        or None (cancelled, refused, or not written: the reason is shown)."""
        from bowout.gui.exporting import (
            FILTERS,
            export_message,
            recipient_line,
            suggested_name,
        )

        v = self.drafting.view
        v.form.finish_typing()  # a name still being typed is in what is written
        if extension in (".eml", ".pdf") and not self.drafting.ready_to_send("export it"):
            return None
        company = v.form.company_edit.text()
        path = self.ask.ask_save_path(
            f"Export as {extension}", suggested_name(company, extension), FILTERS[extension]
        )
        if path is None:
            return None
        if path.suffix.lower() != extension:
            path = path.with_name(path.name + extension)
        situation = v.form.situation()
        try:
            boxes = export_message(
                path,
                v.subject_edit.text(),
                v.editor.message_text(),
                v.editor.body_html(),
                profile=self.context.settings.profile,
                document=v.editor.document(),
                to=situation.contact_email,
                recipient=recipient_line(situation.contact, situation.contact_email),
                language=situation.language,
            )
        except OSError as exc:
            # Shown with the path, logged without it (its name is the company's).
            logger.warning("could not export a %s file: %s", extension, exc.strerror or "error")
            self.feedback.show(f"Could not export to {path}: {exc.strerror or exc}.", error=True)
            return None
        if boxes:
            self.feedback.error(
                f"Exported {path.name}, but {counted(len(boxes), 'character')} print as "
                "empty boxes: "
                f"{' '.join(boxes[:8])}. No font on this computer has them; install an emoji "
                "or language font (Linux: fonts-noto-core, fonts-noto-color-emoji), or send "
                "the .eml or .html instead."
            )
            return path
        self.feedback.show(f"Exported {path.name}.")
        return path

    # -- moving to another computer (the file of bowout.storage.transfer) -----------------

    @Slot()
    def export_all_data(self) -> Path | None:
        """Write everything kept to one file, to take to another computer."""
        history = self.context.history
        if history is None:
            self.feedback.error(self.context.history_message or "The history is not available.")
            return None
        path = self.ask.ask_save_path("Export all data", "bowout-data.json", EXPORT_FILTER)
        if path is None:
            return None
        try:
            count = history.transfer.export_json(path)
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return None
        self.feedback.show(
            f"Exported all your data ({counted(count, 'withdrawal')}) to {path.name}."
        )
        return path

    @Slot()
    def import_all_data(self) -> bool:
        """Merge an export into this history (nothing here is overwritten by older data)."""
        history = self.context.history
        if history is None:
            self.feedback.error(self.context.history_message or "The history is not available.")
            return False
        path = self.ask.ask_open_path("Import data", EXPORT_FILTER)
        if path is None:
            return False
        try:
            report = history.transfer.import_json(path)
        except BowOutError as exc:
            self.feedback.error(str(exc))
            return False
        self.feedback.offer(
            f"Imported {path.name}: {counted(report.added, 'withdrawal')} added, "
            f"{report.updated:,} updated, {report.skipped:,} already here; "
            f"{counted(report.applications, 'application')}, "
            f"{counted(report.follow_ups, 'follow-up state')}, "
            f"{counted(report.mappings, 'column mapping')}."
        )
        self.events.publish()  # the lists beside the draft show what came in
        return True
