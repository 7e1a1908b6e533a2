"""How the tone coach finds its patterns fast: :class:`Rule` and the scans behind it.

A regex alternation of many phrases is slow when tried at every character of a pasted
100 kB text, so each :class:`Rule` also names literal stems that every match contains:
``str.find`` locates them, and the pattern runs only near them. In a short ASCII text (a
message), the stems are found word by word instead, with a cache of the words already seen,
and alternatives whose literal "cues" are all missing rule the pattern out before it runs at
all. Every shortcut gives exactly the spans of the full scan. The vocabulary is in
:mod:`bowout.core.tone_rules` and :mod:`bowout.core.tone_kinds`.
"""

from __future__ import annotations

import dataclasses
import re
import re._parser as sre_parse
from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

from bowout.core.tone_guard import guard

_I = re.IGNORECASE
#: How far a match may start before, and end after, the stem that located it.
WINDOW_BEFORE = 60
WINDOW_AFTER = 80


def _lower_source(source: str) -> str:
    """A pattern's source in lowercase, leaving escapes such as ``\\W`` or ``\\S`` alone."""
    return re.sub(
        r"\\.|[^\\]+", lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), source
    )


@dataclasses.dataclass(frozen=True)
class Rule:
    """A case-insensitive pattern and how to find where it can match: ``stems`` or ``hits``.

    Matching runs on the lowercased text with a lowercase copy of the pattern (about three
    times faster than IGNORECASE), guarded by the characters a match can start with (see
    :mod:`bowout.core.tone_guard`); spans are the same because the lowercased text keeps
    every index in place (see :func:`lowered_for_stems`).
    """

    pattern: re.Pattern[str]
    stems: tuple[str, ...] = ()
    #: Instead of stems: a fast pattern whose matches mark where the rule can match (stems
    #: given too only rule the scan out in a short ASCII text that holds none of them).
    hits: re.Pattern[str] | None = None
    #: Run ``hits`` on the original text rather than the lowercased one (to see capitals).
    hits_see_case: bool = False
    #: The spans ``hits`` finds, found faster in an ASCII text: (text, lowercased) -> spans.
    ascii_hits: Callable[[str, str], list[tuple[int, int]]] | None = None
    #: How far a match may start before, and end after, the stem or hit that located it.
    before: int = WINDOW_BEFORE
    after: int = WINDOW_AFTER
    #: ASCII characters at least one of which every match holds in an ASCII text (digits for
    #: figures): checking them with ``in`` spares the ``hits`` scan most of the time.
    needs: str = ""
    fast: re.Pattern[str] = dataclasses.field(init=False, repr=False, compare=False)
    #: ``pattern`` with the same guard, for texts that have no same-length lowercase.
    full: re.Pattern[str] = dataclasses.field(init=False, repr=False, compare=False)

    #: Words or parts of words one of which every match holds (empty: none known), each
    #: with the clauses of the alternatives it stands for (see :func:`cues`).
    cues: Cues = dataclasses.field(init=False, repr=False, compare=False)
    stem_set: frozenset[str] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        source, flags = _lower_source(self.pattern.pattern), self.pattern.flags & ~_I
        # The guard covers the whole pattern, every top-level alternative included.
        prefix = guard(source, flags)
        fast = re.compile(f"{prefix}(?:{source})" if prefix else source, flags)
        # Under IGNORECASE the lowercase guard admits every case of each first character.
        full = self.pattern
        if prefix:
            full = re.compile(f"{prefix}(?:{self.pattern.pattern})", self.pattern.flags)
        object.__setattr__(self, "full", full)
        object.__setattr__(self, "fast", fast)
        object.__setattr__(self, "cues", cues(fast) if self.stems else {})
        object.__setattr__(self, "stem_set", frozenset(self.stems))

    def finditer(self, text: str, lowered: str | None) -> Iterator[tuple[int, int]]:
        """Spans of matches in reading order; ``lowered`` is from :func:`lowered_for_stems`."""
        if lowered is None:  # lower() changed the length: no safe stem positions
            for match in self.full.finditer(text):
                yield match.span()
            return
        if self.needs and text.isascii() and not any(map(lowered.__contains__, self.needs)):
            return
        if self.ascii_hits is not None and text.isascii():
            spans = self.ascii_hits(text, lowered)
        elif self.hits is not None:
            # Stems given with hits rule the hits scan out when none is in a short text.
            if (
                self.stems
                and len(lowered) <= _WORD_SCAN_CHARS
                and lowered.isascii()
                and _stems_in(lowered).isdisjoint(self.stem_set)
            ):
                return
            source = text if self.hits_see_case else lowered
            spans = [m.span() for m in self.hits.finditer(source)]
        else:
            if len(lowered) <= _WORD_SCAN_CHARS and lowered.isascii():
                found = _stems_in(lowered)
                if found.isdisjoint(self.stem_set):
                    return
                # Every alternative needs its clauses met (one cue of each clause): when no
                # alternative has them all in the text, nothing can match.
                if self.cues and not any(
                    all(not found.isdisjoint(clause) for clause in clauses)
                    for cue in found.intersection(self.cues)
                    for clauses in self.cues[cue]
                ):
                    return
                present = list(found.intersection(self.stems))
            else:
                # filter() over a bound method runs in C: most stems are absent from most texts.
                present = list(filter(lowered.__contains__, self.stems))
                if not present:
                    return
            spans = [(0, len(text))] if len(text) <= WINDOW_AFTER else _find_all(lowered, present)
        for start, end in _merge(spans, len(text), self.before, self.after):
            for match in self.fast.finditer(lowered, start, end):
                yield match.span()


#: Texts up to this long have their stems found word by word (with a cache of words).
_WORD_SCAN_CHARS = 5_000
#: The cache of words (runs of stem characters) and the stems each holds; cleared when full.
_WORD_STEMS: dict[bytes, frozenset[str]] = {}
_WORD_STEMS_MAX = 50_000
# ASCII characters that never occur in a stem become spaces, so each stem lies in one word.
_NON_STEM_ASCII = bytes(
    c if ord("a") <= c <= ord("z") or c in b"'-" else ord(" ") for c in range(256)
)
#: The last texts scanned for stems and their stems (two slots, each replaced whole): the
#: rules of one check share the scan of each text.
_LAST_SCAN: list[tuple[str, frozenset[str]]] = [("", frozenset()), ("", frozenset())]


def _stems_in(lowered: str) -> frozenset[str]:
    """Every stem of every rule in an ASCII text, from its distinct words (cached per word).

    A short message has a hundred words but the rules have hundreds of stems: looking each
    stem up in the text costs far more than looking each word up in a dictionary.
    """
    for last in _LAST_SCAN:
        if last[0] is lowered:
            return last[1]
    cache = _WORD_STEMS
    words = lowered.encode("ascii").translate(_NON_STEM_ASCII).split()
    groups: set[frozenset[str] | None] = set(map(cache.get, words))  # None: a new word
    if None in groups:
        new = {w: _stems_of_word(w.decode("ascii")) for w in words if w not in cache}
        if len(cache) + len(new) > _WORD_STEMS_MAX:
            cache.clear()
        cache.update(new)
        groups = set()
        for word in words:
            stems = new.get(word)
            if stems is None:
                stems = cache.get(word)
            if stems is None:  # another thread cleared the cache meanwhile
                stems = _stems_of_word(word.decode("ascii"))
            groups.add(stems)
    groups.discard(None)
    result = frozenset[str]().union(*cast("set[frozenset[str]]", groups))
    _LAST_SCAN[:] = [_LAST_SCAN[1], (lowered, result)]
    return result


def stems_present(lowered: str) -> frozenset[str] | None:
    """The registered stems in the words of ``lowered`` (a short ASCII text), or None when
    the text is too long or not ASCII for the word scan. Lets a caller skip a group of rules
    at once when none of their stems is present."""
    if len(lowered) <= _WORD_SCAN_CHARS and lowered.isascii():
        return _stems_in(lowered)
    return None


def scan_with_head(lowered: str, head: str) -> None:
    """Scan ``lowered`` for stems as its start ``head`` plus the rest, when no word spans
    the two: the rules then find both scans ready (a message body and the whole text)."""
    cut = len(head)
    if (
        0 < cut < len(lowered) <= _WORD_SCAN_CHARS
        and lowered.isascii()
        and lowered.startswith(head)
        and _NON_STEM_ASCII[ord(head[-1])] == ord(" ")
    ):
        found = _stems_in(head)
        _LAST_SCAN[:] = [(head, found), (lowered, found | _stems_in(lowered[cut:]))]


def _stems_of_word(word: str) -> frozenset[str]:
    """The stems inside one word, looked up by the two letters each stem starts with."""
    found = []
    for at in range(len(word) - 1):
        for stem in _STEMS_BY_HEAD.get(word[at : at + 2], ()):
            if word.startswith(stem, at):
                found.append(stem)
    return frozenset(found)


#: A cue and, for each alternative whose telling clause holds it, all that alternative's
#: clauses (sets of cues, one of each being in every match of the alternative).
Cues = dict[str, tuple[tuple[frozenset[str], ...], ...]]


def cues(pattern: re.Pattern[str]) -> Cues:
    """The cues of a case-sensitive pattern: empty when some alternative has none.

    Each top-level alternative gives clauses: sets of literals one of which each of its
    matches holds. Only literals made of stem characters count, so that each lies inside
    one word of the text (see :func:`_stems_in`); its most telling clause names its cues.
    """
    items = list(sre_parse.parse(pattern.pattern, pattern.flags).data)
    body = [(op, av) for op, av in items if op not in _ZERO_WIDTH]
    if len(body) == 1 and body[0][0] is sre_parse.BRANCH:
        alternatives = [list(branch) for branch in body[0][1][1]]
    else:
        alternatives = [items]
    found: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for alternative in alternatives:
        clauses = [c for c in _clauses(alternative) if all(map(_is_cue, c))]
        if not clauses:
            return {}
        best = _telling(clauses)
        for cue in best:
            found.setdefault(cue, []).append(tuple(map(frozenset, clauses)))
    return {cue: tuple(alternatives) for cue, alternatives in found.items()}


def _telling(clauses: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The clause least likely to be met by chance: long literals, few of them."""
    return max(clauses, key=lambda clause: (min(map(len, clause)), -len(clause)))


def _is_cue(literal: str) -> bool:
    return len(literal) >= 2 and all("a" <= c <= "z" or c in "'-" for c in literal)


_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)


def _clauses(items: Sequence[tuple[Any, Any]]) -> list[tuple[str, ...]]:
    """Clauses (sets of literals, one of which is in the match) met by every match of the
    parsed sequence ``items``; lookarounds, classes and optional parts give none."""
    clauses: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre_parse.LITERAL:
            run.append(chr(av))
            continue
        if run:  # consecutive literals appear together in every match
            clauses.append(("".join(run),))
            run = []
        if op is sre_parse.SUBPATTERN and not av[1] & _I:
            clauses.extend(_clauses(av[3]))
        elif op in _REPEATS and av[0] >= 1:
            clauses.extend(_clauses(av[2]))
        elif op is sre_parse.BRANCH:
            # Every match holds a match of one branch: one clause from each, joined.
            joined: list[str] = []
            for branch in av[1]:
                options = _clauses(branch)
                if not options:
                    break
                joined.extend(_telling(options))
            else:
                clauses.append(tuple(dict.fromkeys(joined)))
    return clauses


def _find_all(lowered: str, stems: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of each stem, as spans."""
    spans = []
    for stem in stems:
        at = lowered.find(stem)
        while at >= 0:
            spans.append((at, at + len(stem)))
            at = lowered.find(stem, at + 1)
    return spans


def _merge(
    spans: list[tuple[int, int]], size: int, before: int, after: int
) -> Iterator[tuple[int, int]]:
    """Windows around each span, overlapping ones merged, in order."""
    spans.sort()
    current_start = current_end = -1
    for start, end in spans:
        low, high = max(0, start - before), min(size, end + after)
        if low <= current_end:
            current_end = max(current_end, high)
            continue
        if current_end >= 0:
            yield current_start, current_end
        current_start, current_end = low, high
    if current_end >= 0:
        yield current_start, current_end


def lowered_for_stems(text: str) -> str | None:
    """``text.lower()`` when it keeps every index in place (else stems cannot be located)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def _cue_words(rule: Rule) -> list[str]:
    """Every literal in the clauses of ``rule``'s cues."""
    words = {w for all_clauses in rule.cues.values() for cl in all_clauses for c in cl for w in c}
    return sorted(words)


#: The stems of every registered rule by their first two characters (each has two or more).
_STEMS_BY_HEAD: dict[str, tuple[str, ...]] = {}


def register(*new_rules: Rule) -> None:
    """Add the stems and cues of ``new_rules`` to the word scan of :meth:`Rule.finditer`.

    A rule with ``stems`` finds nothing in a short ASCII text until it is registered; rules
    kept in other modules (see :mod:`bowout.core.tone_kinds`) register at import. Raises
    ValueError for a stem shorter than two characters (the scan looks stems up by two).
    """
    for rule in new_rules:
        for stem in (*rule.stems, *_cue_words(rule)):
            if len(stem) < 2:
                raise ValueError(f"a stem needs two characters or more: {stem!r}")
            group = _STEMS_BY_HEAD.get(stem[:2], ())
            if stem not in group:
                _STEMS_BY_HEAD[stem[:2]] = (*group, stem)
    # Words already scanned may hold the new stems: forget them.
    _WORD_STEMS.clear()
    _LAST_SCAN[:] = [("", frozenset()), ("", frozenset())]
