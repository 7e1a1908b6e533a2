"""The window's inline message bar: a decision or a failure the user must see (the draft
replaced, a file exported or not, what an import brought) shown above the message, not only
in the status bar where it scrolls away unseen; cleared as soon as it goes stale (the user
edits, or another withdrawal is opened), together with the status bar's copy."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStatusBar, QToolButton, QWidget

from bowout.gui.plain_words import plain_words
from bowout.gui.widgets.message_line import alarm_style, plain_label

__all__ = ["MessageBar"]

#: How long the status bar keeps its copy of a message (milliseconds).
STATUS_MS = 15000


class MessageBar(QFrame):
    """One message at a time, with a close button; mirrored in ``status_bar``."""

    def __init__(self, status_bar: QStatusBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.status_bar = status_bar
        self.label = plain_label(QLabel(self))  # messages quote companies, file names
        self.label.setObjectName("message_bar_label")
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Message")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("message_bar_close")
        self.close_button.setText("✕")
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAccessibleName("Dismiss the message")
        self.close_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 2, 2)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self.error = False
        self.hide()

    def show_message(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` (in plain words; an error in the theme's alarm red) until stale."""
        text = plain_words(text)
        self.error = error
        self.label.setStyleSheet(alarm_style(self.label) if error else "")
        self.label.setText(text)
        self.status_bar.showMessage(text, STATUS_MS)
        self.show()

    @Slot(str)
    def show_error(self, text: str) -> None:
        """Show ``text`` as a failure or a refusal (alarm red)."""
        self.show_message(text, error=True)

    def text(self) -> str:
        """The message shown ("" when none)."""
        return "" if self.isHidden() else self.label.text()

    @Slot()
    def clear(self) -> None:
        """Hide the message and the status bar's copy of it (stale, or dismissed)."""
        if self.isHidden():
            return
        if self.status_bar.currentMessage() == self.label.text():
            self.status_bar.clearMessage()
        self.label.clear()
        self.hide()
