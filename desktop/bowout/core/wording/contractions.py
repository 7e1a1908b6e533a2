"""Contractions: a voice that speaks as a person writes ("I'm", "don't") in a pack whose
wording is written out in full.

A voice file says ``contract = true``; its language pack's ``[contractions]`` table maps each
phrase written in full to its contracted form (English: "I am" = "I'm"). The phrasings of
such a voice, and those it takes from its base, are contracted once when the voice loads
(``bowout.core.wording.model.contracted``), so drafting costs nothing more. A voice without
it (English formal: a letter spells its words out) keeps every phrasing as written.

A phrase is contracted only where a word follows it: a contraction never ends a clause
("I'd be glad to, as I have." never becomes "as I've."). A phrase capitalised at the start
of a sentence ("It is") is contracted with the same capital ("It's").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

#: A word (or a Jinja2 value, or a quotation) must follow a contracted phrase.
_FOLLOWED = r"(?=\s+[\w{\"“‘'])"


@dataclasses.dataclass(frozen=True)
class Contractions:
    """A pack's contractions, compiled into one pattern (longest phrase first)."""

    table: Mapping[str, str]
    pattern: re.Pattern[str] | None

    def apply(self, text: str) -> str:
        """``text`` with each phrase of the table contracted where a word follows it."""
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.table[m.group()], text)


def compile_contractions(table: Mapping[str, str]) -> Contractions:
    """:class:`Contractions` for ``table`` (phrase in full -> contracted), with each
    phrase's capitalised form too ("it is" -> "it's", "It is" -> "It's")."""
    full: dict[str, str] = {}
    for phrase, short in table.items():
        full[phrase] = short
        full[phrase[:1].upper() + phrase[1:]] = short[:1].upper() + short[1:]
    if not full:
        return Contractions({}, None)
    phrases = sorted(full, key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in phrases)
    return Contractions(full, re.compile(rf"(?<![\w'’])(?:{alternation})\b{_FOLLOWED}"))
