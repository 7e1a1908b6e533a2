"""What the window asks the user, in one replaceable place (tests swap these methods).

Every modal question (discard changes?, where to save, placeholders left, no mail app) and
the clock go through one :class:`Questions` per window, handed to its collaborators, so a
test answers them without a dialog ever blocking (STYLE.md, "Wiring").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog  # a type built on first use: no dialog at start

    from bowout.core.situation import Profile
    from bowout.gui.dialogs.welcome import WelcomeAnswer


class Questions(QObject):
    """The questions of the window ``window`` (the dialogs' parent)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        #: Saves the draft into the history (True once on disk), offered while
        #: :attr:`can_save` says there is a history to save into.
        self.save: Callable[[], bool] = lambda: False
        self.can_save: Callable[[], bool] = lambda: False

    def confirm_discard(self, title: str) -> bool:
        """Ask about unsaved changes: Save (True once saved: :attr:`save`), Discard (True)
        or Cancel (False). True: what is on screen may go."""
        from bowout.gui.dialogs.message_box import Unsaved, ask_unsaved

        answer = ask_unsaved(self.window, title, can_save=self.can_save())
        if answer is Unsaved.SAVE:
            return self.save()
        return answer is Unsaved.DISCARD

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """The native save dialog, in the folder used last or Documents; None when
        cancelled."""
        from bowout.gui.dialogs.file_dialogs import save_file_name

        return save_file_name(self.window, title, suggested, file_filter)

    def ask_open_path(self, title: str, file_filter: str) -> Path | None:
        """The native open dialog; None when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(self.window, title, str(Path.home()), file_filter)
        return Path(chosen) if chosen else None

    def confirm_placeholders(self, names: list[str], action: str) -> bool:
        """Ask before a message with placeholders goes out; True: go on."""
        from bowout.gui.dialogs.placeholder_check import PlaceholderDialog

        return PlaceholderDialog.ask(self.window, names, action)

    def launch_mail_link(self, url: str) -> bool:
        """Hand a mailto: URL to the mail app; False when none answered."""
        from bowout.gui import mail_link

        return mail_link.open_mail_link(url)

    def ask_save_eml(self) -> bool:
        """No mail app answered: offer to save the message as an .eml file instead."""
        from bowout.gui.mail_link import offer_eml

        return offer_eml(self.window)

    def run_dialog(self, dialog: QDialog) -> int:
        """Show a dialog modally; returns its result code."""
        return dialog.exec()

    def now(self) -> dt.datetime:
        """The current time (UTC)."""
        return dt.datetime.now(dt.timezone.utc)

    def ask_welcome(self, profile: Profile) -> WelcomeAnswer:
        """The first-run welcome dialog."""
        from bowout.gui.dialogs.welcome import WelcomeDialog

        return WelcomeDialog.ask(self.window, profile)
