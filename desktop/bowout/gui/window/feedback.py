"""Where the window speaks: the banner for what needs a decision or went wrong, the message
bar for what the user must see until it goes stale, the status bar for what just happened.
Every collaborator of the window is handed the same one."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QStatusBar

from bowout.gui.plain_words import plain_words
from bowout.gui.widgets.banner import Banner
from bowout.gui.widgets.message_bar import MessageBar

logger = logging.getLogger(__name__)

#: (object name, label with mnemonic, what it does): a button of the banner.
BannerButton = tuple[str, str, Callable[[], None]]


class Feedback(QObject):
    """The banner, the message bar and the status bar of one window."""

    def __init__(
        self,
        banner: Banner,
        message_bar: MessageBar,
        status_bar: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.banner, self.message_bar, self.status_bar = banner, message_bar, status_bar

    def say(self, text: str, timeout_ms: int = 8000) -> None:
        """``text`` in the status bar for ``timeout_ms`` milliseconds (0: until replaced)."""
        self.status_bar.showMessage(text, timeout_ms)

    def show(self, text: str, *, error: bool = False) -> None:
        """``text`` in the message bar (and the status bar) until it goes stale: a decision
        made for the user or a failure (``error``: in the alarm colour)."""
        self.message_bar.show_message(text, error=error)

    @Slot()
    def clear(self) -> None:
        """The message bar's message went stale (an edit, another withdrawal shown)."""
        self.message_bar.clear()

    def error(self, text: str) -> None:
        """A problem the user can act on: in the banner (in plain words: no internal id),
        in the status bar, and in the log."""
        logger.warning("%s", text)
        text = plain_words(text)
        self.banner.show_message(text)
        self.status_bar.showMessage(text, 15000)

    def offer(self, text: str, buttons: tuple[BannerButton, ...] = ()) -> None:
        """``text`` in the banner with ``buttons`` (none: "Dismiss")."""
        self.banner.show_message(text, buttons)

    @Slot()
    def dismiss(self) -> None:
        """Hide the banner."""
        self.banner.dismiss()
