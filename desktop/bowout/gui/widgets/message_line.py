"""A short note above a list or in a dialog: what happened, or what went wrong.

Errors are drawn in an alarm red chosen per theme so the text keeps at least 4.5:1
against the window (WCAG 2.x, 1.4.3): #c62828 is 5.6:1 on white and #ff8a80 is over 6:1
on the dark palette's window; the #d64545 used before was 4.4:1 on white and 3.2:1 on dark.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from bowout.core.errors import BowOutError
from bowout.gui.plain_words import plain_words

#: The alarm red on a light window, and on a dark one.
ALARM_ON_LIGHT = "#c62828"
ALARM_ON_DARK = "#ff8a80"


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text as typed, never as rich text; returns it.

    A QLabel guesses rich text from the first tag it sees, so a company name such as
    ``<img src=...>`` from a CSV would render as an image. Every label that shows text
    the user (or a file) supplied, or a message that quotes it, is made plain.
    """
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def alarm_colour(palette: QPalette) -> QColor:
    """The red for warnings and errors that reads on ``palette``'s window colour."""
    from bowout.gui.theme import is_dark

    return QColor(ALARM_ON_DARK if is_dark(palette) else ALARM_ON_LIGHT)


def alarm_style(widget: QWidget, *, bold: bool = True) -> str:
    """A style sheet that draws ``widget``'s text in the alarm red of its palette."""
    weight = " font-weight: bold;" if bold else ""
    return f"color: {alarm_colour(widget.palette()).name()};{weight}"


class MessageLine(QLabel):
    """A word-wrapped note, hidden until there is something to say."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        """``name``: the object name (tests find it); ``accessible``: what a screen reader
        calls it."""
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setWordWrap(True)
        plain_label(self)  # messages quote companies and file names
        self.hide()

    def show_text(self, text: str, *, error: bool = False) -> None:
        """Show ``text``; an error in bold alarm red (``error`` is also a property, for
        tests and style sheets)."""
        self.setProperty("error", error)
        self.setStyleSheet(alarm_style(self) if error else "")
        self.setText(text)
        self.show()
        self._fresh = True  # the list refreshes with it this turn: not stale yet
        QTimer.singleShot(0, self._settled)

    def mark_stale(self) -> None:
        """The list changed: a note shown before this turn of the event loop no longer
        speaks of what is listed ("Restored Fabrikam" after a later delete), so it goes."""
        if not getattr(self, "_fresh", False):
            self.clear()
            self.hide()

    def _settled(self) -> None:
        self._fresh = False


def run_storage(call: Callable[[], object], line: MessageLine, log: logging.Logger) -> bool:
    """Run a storage call for a view; a user-world error (BowOutError: a locked, read-only
    or damaged history, a bad value) is logged and shown on ``line`` instead of escaping.
    Returns True when the call succeeded. Anything else is a bug and propagates to the
    application's error dialog."""
    try:
        call()
    except BowOutError as exc:
        log.warning("%s: %s", line.accessibleName() or line.objectName(), exc)
        line.show_text(plain_words(str(exc)), error=True)
        return False
    return True
