"""Errors that belong to the user's world: each carries a message a person can act on."""

from __future__ import annotations


class BowOutError(Exception):
    """A problem the user can fix (bad input, bad template, unreadable file); not a bug."""


class InputError(BowOutError, ValueError):
    """A value given by the user (a flag, a form field) that cannot be used as it is."""


class TemplateError(BowOutError):
    """A message template that cannot be loaded or rendered."""
