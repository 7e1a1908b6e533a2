"""Text as it crosses the edit boundary: pasted from Word, a PDF or a terminal, kept.

Word's manual line break is U+000B and a page break U+000C; a PDF or a terminal can carry
NUL, ESC and C1 controls. None of them belongs in a message or a note, and the history
refuses them (storage/schema.py), so they are mapped or dropped where text is typed or
pasted, never refused after the dialog holding it has closed. Zero-width (non-)joiners
stay: Persian and Indic names and words need them ("می‌خواهم"). Bidirectional overrides
and isolates are dropped (Unicode TR 36, "Bidi spoofing"): they can reverse what a name
appears to say.
"""

from __future__ import annotations

import re

#: Characters that end a line in text pasted from other programs (Word's U+000B manual
#: line break, U+000C form feed, NEL, and Unicode's line and paragraph separators).
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
#: C0 and C1 controls other than tab and line feed, and the bidirectional embeddings,
#: overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
#: Any character :func:`clean_text` changes (a line break other than ``\n``, a dropped one).
_CHANGED = re.compile(
    "[\r\x0b\x0c\x85\u2028\u2029\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]"
)
#: The ASCII information separators (file, group, record, unit): a space on one line.
_SEPARATORS = re.compile("[\x1c-\x1f]")
#: Format characters a one-line field keeps (the zero-width non-joiner and joiner).
KEPT_FORMAT = frozenset("\u200c\u200d")


def clean_text(value: str) -> str:
    """Multi-line text (a message, a note, their reply) with line breaks from any program
    as ``\\n`` and the other controls dropped; tabs stay. Nothing else changes."""
    return _DROPPED.sub("", _BREAKS.sub("\n", value))


def changed_by_clean_text(value: str) -> bool:
    """Whether :func:`clean_text` would change ``value`` (one search, no copy made)."""
    return _CHANGED.search(value) is not None


def clean_line(value: str) -> str:
    """One-line text (a name, a company, a subject): every run of whitespace and line
    breaks becomes one space, controls and invisible format characters are dropped, but
    the zero-width non-joiner and joiner stay."""
    value = _SEPARATORS.sub(" ", value)  # Python counts them as whitespace, as before
    kept = "".join(
        ch for ch in clean_text(value) if ch.isprintable() or ch.isspace() or ch in KEPT_FORMAT
    )
    return " ".join(kept.split())
