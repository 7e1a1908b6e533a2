"""Where the window speaks: the banner for what needs a decision or went wrong, the status
bar for what just happened. Every collaborator of the window is handed the same one."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QStatusBar

from bowout.gui.plain_words import plain_words
from bowout.gui.widgets.banner import Banner

logger = logging.getLogger(__name__)

#: (object name, label with mnemonic, what it does): a button of the banner.
BannerButton = tuple[str, str, Callable[[], None]]


class Feedback(QObject):
    """The banner and the status bar of one window."""

    def __init__(self, banner: Banner, status_bar: QStatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self.banner = banner
        self.status_bar = status_bar

    def say(self, text: str, timeout_ms: int = 8000) -> None:
        """``text`` in the status bar for ``timeout_ms`` milliseconds (0: until replaced)."""
        self.status_bar.showMessage(text, timeout_ms)

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
