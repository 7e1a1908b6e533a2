"""Counts written out as English writes them: "1 open application", "10 open applications",
never "application(s)" (a plural hedge reads as a form, not as a sentence)."""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun phrase it counts, with thousands separators.

    ``singular``: the phrase for one ("open application"); ``plural``: for any other count
    (default: ``singular`` + "s"; give it for "reply" → "replies", "follow-up state").
    """
    word = singular if count == 1 else (plural if plural is not None else singular + "s")
    return f"{count:,} {word}"
