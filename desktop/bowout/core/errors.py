"""Errors that belong to the user's world: each carries a message a person can act on."""

from __future__ import annotations


class BowOutError(Exception):
    """A problem the user can fix (bad input, bad template, unreadable file); not a bug."""


class InputError(BowOutError, ValueError):
    """A value given by the user (a flag, a form field) that cannot be used as it is."""


class TemplateError(BowOutError):
    """A message template that cannot be loaded or rendered.

    ``line`` is the template line at fault (when known) and ``reason`` the message without
    the file and line in front, for reports that show those separately.
    """

    def __init__(self, message: str, *, line: int | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.reason = reason or message
