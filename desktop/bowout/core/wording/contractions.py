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

Nor where its complement has moved before it: English cannot contract a verb whose
predicate went ahead ("the clearer it is that…", "how glad I am that…", never "the clearer
it's that…"). The pack's ``[uncontracted]`` table names, as regular expressions, the words
and phrases of a moved predicate; a phrase that ends a match stays written in full.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

#: A word (or a Jinja2 value, or a quotation) must follow a contracted phrase.
_FOLLOWED = r"(?=\s+[\w{\"“‘'])"


@dataclasses.dataclass(frozen=True)
class Contractions:
    """A pack's contractions, compiled into one pattern (longest phrase first)."""

    table: Mapping[str, str]
    pattern: re.Pattern[str] | None
    #: Matches, ending where a phrase ends, the phrases that must stay in full; or None.
    kept_after: re.Pattern[str] | None = None

    def apply(self, text: str) -> str:
        """``text`` with each phrase of the table contracted where a word follows it and
        no moved predicate precedes it."""
        if self.pattern is None:
            return text
        kept = self.kept_after

        def contract(m: re.Match[str]) -> str:
            if kept is not None and kept.search(text, 0, m.end()):
                return m.group()
            return self.table[m.group()]

        return self.pattern.sub(contract, text)


def compile_contractions(table: Mapping[str, str], kept_after: Sequence[str] = ()) -> Contractions:
    """:class:`Contractions` for ``table`` (phrase in full -> contracted), with each
    phrase's capitalised form too ("it is" -> "it's", "It is" -> "It's").

    ``kept_after`` are regular expressions (the values of the pack's ``[uncontracted]``
    table): a phrase where a match of one ends stays in full. Raises :class:`re.error` on a
    bad expression.
    """
    full: dict[str, str] = {}
    for phrase, short in table.items():
        full[phrase] = short
        full[phrase[:1].upper() + phrase[1:]] = short[:1].upper() + short[1:]
    if not full:
        return Contractions({}, None)
    phrases = sorted(full, key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in phrases)
    kept = re.compile(rf"(?:{'|'.join(kept_after)})$", re.IGNORECASE) if kept_after else None
    return Contractions(full, re.compile(rf"(?<![\w'’])(?:{alternation})\b{_FOLLOWED}"), kept)
