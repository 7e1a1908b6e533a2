"""Positions between Python and Qt: code points on one side, UTF-16 code units on the other.

Python indexes a ``str`` by code point; Qt's ``QString`` (and so every cursor position,
``QSyntaxHighlighter.setFormat`` offset and ``QLineEdit.setSelection`` start) counts UTF-16
code units, in which an emoji or any character beyond U+FFFF takes two. Every position that
crosses between the two goes through :func:`to_qt` or :func:`from_qt`; without them a span
found after "🙏" lands one unit early per emoji (the reason for this module: issue 11).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

#: Characters that take two UTF-16 code units (a surrogate pair).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def qt_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what Qt's ``QString.length()`` reports)."""
    return len(text) + len(_ASTRAL.findall(text))


def to_qt(text: str, index: int) -> int:
    """The Qt (UTF-16) position of code-point ``index`` in ``text``.

    ``index`` is clamped to ``0..len(text)``; the result is in ``0..qt_length(text)``.
    """
    index = max(0, min(index, len(text)))
    return index + len(_ASTRAL.findall(text, 0, index))


def from_qt(text: str, position: int) -> int:
    """The code-point index in ``text`` of Qt (UTF-16) ``position``.

    A position inside a surrogate pair (which Qt can report for a click between its halves)
    maps to the character it splits. ``position`` is clamped to ``0..qt_length(text)``.
    """
    position = max(0, position)
    if not _ASTRAL.search(text):
        return min(position, len(text))
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > position:
            return index
    return len(text)


def to_qt_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A code-point span ``[start, end)`` of ``text`` as a Qt (start, length) pair."""
    qt_start = to_qt(text, start)
    return qt_start, to_qt(text, end) - qt_start


def qt_positions(text: str) -> Callable[[int], int]:
    """:func:`to_qt` for many positions in one ``text``, each in constant time.

    The highlighter converts every word of a paragraph; this scans the paragraph once
    (and not at all when it holds no character beyond U+FFFF, the common case).
    """
    length = len(text)
    if not _ASTRAL.search(text):
        return lambda index: max(0, min(index, length))
    before = list(itertools.accumulate((ord(c) > 0xFFFF for c in text), initial=0))
    return lambda index: (clamped := max(0, min(index, length))) + before[clamped]
