"""Case- and accent-insensitive substring search over records, with a per-record fold cache."""

from __future__ import annotations

import unicodedata
from typing import Any

#: The fields a search looks in (SPEC: company, role, contact, subject and body), and then
#: the text of every timeline event (their replies, your answers, call notes: issue 14).
SEARCH_FIELDS = ("company", "role", "contact", "subject", "body_text")
_SEP = "\x00"  # cannot be typed into the search box, so a match never spans two fields


def fold(text: str) -> str:
    """Lower-case and strip accents: "Zoë ÉCOLE" -> "zoe ecole"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


class FoldCache:
    """Folded search text per record id, reused while the stored document is unchanged."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[dict[str, Any], object, str]] = {}

    def text(self, doc: dict[str, Any]) -> str:
        """The folded haystack of one stored record document."""
        key = doc.get("id")
        stamp = doc.get("updated")
        entry = self._entries.get(key) if isinstance(key, str) else None
        # Identity and the updated stamp together: TinyDB edits documents in place, and
        # every edit made by History moves the stamp forward.
        if entry is not None and entry[0] is doc and entry[1] == stamp:
            return entry[2]
        parts = [doc.get(field) for field in SEARCH_FIELDS]
        timeline = doc.get("timeline")
        if isinstance(timeline, list):
            parts += [e.get("text") for e in timeline if isinstance(e, dict)]
        haystack = fold(_SEP.join(p if isinstance(p, str) else "" for p in parts))
        if isinstance(key, str):
            self._entries[key] = (doc, stamp, haystack)
        return haystack

    def trim(self, live: int) -> None:
        """Forget entries of records that are gone, once the cache clearly outgrows them."""
        if len(self._entries) > 2 * live + 64:
            self._entries.clear()


class Matcher:
    """A TinyDB condition: does a raw stored document contain the folded needle?"""

    def __init__(self, query: str, cache: FoldCache) -> None:
        self.needle = fold(query.strip())
        self._cache = cache

    def __call__(self, doc: dict[str, Any]) -> bool:
        return self.needle in self._cache.text(doc)

    def is_cacheable(self) -> bool:
        """Never cached by TinyDB: results change whenever the file does."""
        return False
