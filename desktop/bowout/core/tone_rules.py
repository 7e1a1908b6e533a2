"""The tone coach's vocabulary: precompiled patterns for each kind of finding.

Every pattern is linear in the length of the text (no nested unbounded repetition, every gap
bounded). All are case-insensitive; ``\\b`` and ``\\w`` are Unicode-aware in Python 3, and
apostrophes may be straight or curly. A regex alternation of many phrases is slow when tried
at every character of a pasted 100 kB text, so each :class:`Rule` also names literal stems
that every match contains: ``str.find`` locates them, and the pattern runs only near them.
In a short ASCII text (a message), the stems are found word by word instead, with a cache of
the words already seen, and alternatives whose literal "cues" are all missing rule the
pattern out before it runs at all. Every shortcut gives exactly the spans of the full scan.
"""

from __future__ import annotations

import dataclasses
import re
import re._parser as sre_parse
from collections.abc import Iterator, Sequence
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
    #: Instead of stems: a fast pattern whose matches mark where the rule can match.
    hits: re.Pattern[str] | None = None
    #: Run ``hits`` on the original text rather than the lowercased one (to see capitals).
    hits_see_case: bool = False
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
        prefix = guard(source, flags)
        fast = re.compile(prefix + source, flags)
        # Under IGNORECASE the lowercase guard admits every case of each first character.
        full = re.compile(prefix + self.pattern.pattern, self.pattern.flags)
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
        if self.hits is _CAPITAL_NAME_HITS and text.isascii():
            spans = _capital_name_hits(text, lowered)
        elif self.hits is not None:
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


def _capital_name_hits(text: str, lowered: str) -> list[tuple[int, int]]:
    """The spans ``OTHER_EMPLOYER_LEAD.hits`` finds in an ASCII ``text``, found faster.

    In ASCII the case-insensitive words are their lowercase forms, and a capital is A-Z; a
    match of ``_LEAD_WORD_RE`` on ``lowered`` is a hit when a capital follows it. None of the
    words is a suffix of another, so skipping what a hit overlaps gives the same hits.
    """
    spans = []
    last_end = 0
    for match in _LEAD_WORD_RE.finditer(lowered):
        start, end = match.span()
        if start >= last_end and end < len(text) and "A" <= text[end] <= "Z":
            spans.append((start, end + 1))
            last_end = end + 1
    return spans


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


def _words(*alternatives: str) -> str:
    """One non-capturing group of alternatives, anchored on word boundaries."""
    return r"\b(?:" + "|".join(alternatives) + r")\b"


# --- criticism of the employer, the process or the people -------------------------------
# Verdicts on them ("chaotic", "unprofessional"); complaints about how they treated the user
# ("nobody got back to me") are their own kind, in :mod:`bowout.core.tone_kinds`.
_CRITICAL_WORDS = (
    r"(?:dis|un)-?organi[sz](?:ed|ation)",
    r"unprofessional(?:ly|ism)?",
    r"rude(?:ly|ness)?",
    r"chaotic",
    r"chaos",
    r"shambolic",
    r"shambles",
    r"toxic",
    r"incompeten(?:t|ce)",
    r"disrespectful(?:ly)?",
    r"condescending",
    r"patroni[sz]ing",
    r"arrogant",
    r"dismissive",
    r"hostile",
    r"shady",
    r"sketchy",
    r"misleading",
    r"dishonest",
    r"clueless",
    r"amateurish",
    r"sloppy",
    r"exploitative",
    r"low-?ball(?:ed|ing|s)?",
    r"insulting",
    r"unacceptable",
    r"ridiculous",
    r"laughable",
    r"pathetic",
    r"underwhelming",
    r"unimpressed",
    r"not\s+impressed",
    r"unprepared",
    r"micro-?manag\w*",
    r"bait[-\s]+and[-\s]+switch",
    r"red\s+flags?",
    r"waste\s+of\s+(?:my\s+|our\s+|everyone['’]s\s+|your\s+)?time",
    r"wast(?:ed|ing)\s+(?:my|our|everyone['’]s)\s+time",
    r"below\s+(?:the\s+)?market",
    r"under-?pa(?:id|y|ying|ys)",
    r"lack\s+of\s+(?:communication|respect|professionalism|organi[sz]ation|transparency|clarity)",
    r"(?:poor|bad|terrible|awful|horrible|appalling|dreadful|worst|lousy)\s+"
    r"(?:experience|process|interview\w*|communication|management|culture|treatment|"
    r"organi[sz]ation|manager|team|offer|pay|salary|behaviou?r|attitude|questions?|"
    r"recruiter|recruitment|hiring|feedback|conduct|service)",
    r"poorly\s+(?:organi[sz]ed|run|managed|handled|communicated|planned|prepared)",
    r"(?:a|an)\s+(?:complete\s+|total\s+|absolute\s+|utter\s+)?"
    r"(?:joke|mess|disaster|nightmare|farce|circus)",
    r"dragged\s+on",
    r"took\s+(?:far\s+|way\s+)?too\s+long",
    r"(?:I\s+was|I['’]m|I\s+am)\s+(?:very\s+|really\s+|deeply\s+)?disappointed\s+(?:by|with|in)",
)
CRITICISM = Rule(
    re.compile(_words(*_CRITICAL_WORDS), _I),
    stems=(
        "disorgani", "unorgani", "dis-organi", "un-organi", "unprofessional", "rude", "chao",
        "shambl", "toxic", "incompeten", "disrespect", "condescend", "patroni", "arrogan",
        "dismissive", "hostile", "shady", "sketchy", "misleading", "dishonest", "clueless",
        "amateur", "sloppy", "exploitative", "lowball", "low-ball", "insult", "unacceptable",
        "ridiculous", "laughable", "pathetic", "underwhelm", "impressed", "unprepared", "micro",
        "switch", "flag", "wast", "market", "underpa", "under-pa", "lack", "poor", "bad",
        "terribl", "awful", "horribl", "appalling", "dreadful", "worst", "lousy", "joke",
        "mess", "disaster", "nightmare", "farce", "circus", "dragged", "long", "disappointed",
    ),
)  # fmt: skip

# --- venting and oversharing -------------------------------------------------------------
_FEELINGS = (
    r"shocked|appalled|stunned|offended|furious|angry|upset|annoyed|frustrated|fed\s+up|"
    r"insulted|livid|disgusted|baffled|taken\s+aback|outraged|horrified|gutted|"
    r"sick\s+(?:and\s+tired\s+)?of|tired\s+of"
)
_FEELING_STEMS = (
    "shock", "appall", "stunned", "offended", "furious", "angry", "upset", "annoyed",
    "frustrated", "fed", "insulted", "livid", "disgusted", "baffled", "aback", "outraged",
    "horrified", "gutted", "sick", "tired",
)  # fmt: skip
_VENTING_PHRASES = (
    r"(?:quite\s+)?frankly",
    r"to\s+be\s+(?:perfectly\s+|completely\s+|totally\s+|brutally\s+|very\s+)?(?:honest|frank)",
    r"honestly(?=\s*[,!])",
    r"brutally\s+honest",
    r"tbh",
    r"I\s+(?:have|had)\s+to\s+(?:say|admit)",
    r"I\s+must\s+(?:say|admit)",
    r"not\s+(?:going\s+to|gonna)\s+lie",
    r"I\s+(?:can['’]t|cannot|could\s+not|couldn['’]t)\s+believe",
    r"unbelievable",
    r"needless\s+to\s+say",
    r"to\s+put\s+it\s+(?:mildly|bluntly)",
    r"believe\s+me",
    r"long\s+story\s+short",
    r"let['’]s\s+be\s+honest",
    r"no\s+offen[cs]e",
    r"with\s+(?:all\s+)?due\s+respect",
    r"(?:I\s+was|I['’]m|I\s+am|I\s+felt|I\s+feel|I['’]ve\s+been|I\s+have\s+been)\s+"
    r"(?:really\s+|very\s+|so\s+|quite\s+|deeply\s+|extremely\s+|absolutely\s+|honestly\s+|"
    r"a\s+bit\s+|a\s+little\s+)?(?:" + _FEELINGS + r")",
)
VENTING = Rule(
    re.compile(_words(*_VENTING_PHRASES), _I),
    stems=(
        "frank", "honest", "tbh", "say", "admit", "lie", "believ", "needless", "mildly",
        "bluntly", "story", "offen", "respect", *_FEELING_STEMS,
    ),
)  # fmt: skip

# Personal details that are nobody's business in a withdrawal: "personal reasons" suffices.
_OVERSHARE_WORDS = (
    r"divorc\w*",
    r"diagnos\w*",
    r"surgery",
    r"therapy",
    r"therapist",
    r"pregnan\w*",
    r"miscarriage",
    r"chemo\w*",
    r"cancer",
    r"rehab",
    r"depression",
    r"anxiety",
    r"mental\s+health",
    r"burn(?:ed|t)[-\s]?out",
    r"breakdown",
    r"lawsuit",
    r"custody",
    r"my\s+debts?",
)
OVERSHARE = Rule(
    re.compile(_words(*_OVERSHARE_WORDS), _I),
    stems=(
        "divorc", "diagnos", "surgery", "therap", "pregnan", "miscarriage", "chemo", "cancer",
        "rehab", "depression", "anxiety", "mental", "burn", "breakdown", "lawsuit", "custody",
        "debt",
    ),
)  # fmt: skip

# Runs of "!" and "?" ("!!", "?!", "???") read as raised voice.
PUNCT_RUN_RE = re.compile(r"[!?]{2,}")
# Whole words of two or more letters none of which is a lowercase ASCII letter: the
# candidates for the ALL-CAPS check (confirmed with str.isupper, which knows Unicode).
CAPS_CANDIDATE_RE = re.compile(r"(?<![^\W\d_])[^\W\d_a-z]{2,}(?![^\W\d_])")
# Acronyms that are not shouting even when long.
ACRONYMS = frozenset(
    {
        "ASAP", "NASA", "HTML", "JSON", "FAANG", "IKEA", "NATO", "CERN", "UNICEF", "OECD",
        "UNESCO", "SAAS", "GDPR", "HIPAA", "FMCG", "NGO", "NGOS", "EMEA", "APAC", "LATAM",
        "AMER", "DACH", "NYSE", "NASDAQ", "FIFA", "UEFA", "SQL", "AWS", "IBM", "SAP", "UK",
        "USA", "US", "EU", "HR", "CV", "CEO", "CTO", "CFO", "COO", "VP", "PM", "QA", "UX",
        "UI", "AI", "ML", "IT", "PHD", "MBA", "RE", "FW", "FWD", "OK", "NB", "PS", "CC",
        "BCC", "AM", "FYI", "ETA", "TBD", "TBC", "LLC", "LTD", "INC", "PLC", "GMBH", "SA",
    }
)  # fmt: skip
# Sentences long enough to hold more than LONG_SENTENCE_WORDS words (46 one-letter words
# need 91 characters); anchored at a sentence start so each sentence is scanned once.
LONG_SENTENCE_RE = re.compile(r"(?<![^.!?\n])[^.!?\n]{91,}")
#: A single sentence longer than this reads as a long explanation.
LONG_SENTENCE_WORDS = 45

# --- the essentials: thanks and an unmistakable withdrawal --------------------------------
THANKS = Rule(
    re.compile(
        _words(r"thank\w*", r"thx", r"grateful", r"gratitude", r"appreciat\w*", r"merci"), _I
    ),
    stems=("thank", "thx", "grateful", "gratitude", "appreciat", "merci"),
)
_WITHDRAWAL_PHRASES = (
    r"withdr[ae]w\w*",
    r"step(?:ping|ped|s)?\s+(?:back|away|aside|down)\s+from",
    r"declin(?:e|es|ing|ed)",
    r"rescind\w*",
    r"revok(?:e|ing)",
    r"turn(?:ing)?\s+down",
    r"bow(?:ing)?\s+out",
    r"pull(?:ing)?\s+(?:out|my\s+(?:application|candidacy|name))",
    r"remov\w*\s+(?:me|myself|my\s+(?:name|application|candidacy))\s+from",
    r"tak\w*\s+(?:myself|me|my\s+name)\s+out\s+of",
    r"(?:end|close|cancel)\w*\s+my\s+(?:application|candidacy)",
    r"pass(?:ing)?\s+on\s+(?:this|the|your)\s+(?:offer|opportunity|role|position)",
    r"no\s+longer\s+(?:be\s+)?(?:pursu\w*|continu\w*|proceed\w*|interested|available|able|"
    r"in\s+a\s+position|consider\w*|seeking|mov\w*\s+forward|a\s+candidate|wish|want|"
    r"join\w*|accept\w*|tak\w*)",
    r"(?:decided|chosen|choose|decide|have|need|must|will|going)\s+not\s+to\s+"
    r"(?:pursue|continue|proceed|move\s+forward|accept|join|take|go\s+ahead)",
    r"(?:will\s+not|won['’]t|shall\s+not|cannot|can['’]t|can\s+not|unable\s+to)\s+"
    r"(?:be\s+)?(?:join\w*|accept\w*|continu\w*|proceed\w*|pursu\w*|mov\w*\s+forward|"
    r"go\w*\s+ahead|start\w*|commit\w*|tak\w*\s+(?:the|this|up))",
)
WITHDRAWAL = Rule(
    re.compile(_words(*_WITHDRAWAL_PHRASES), _I),
    stems=(
        "withdr", "step", "declin", "rescind", "revok", "turn", "bow", "pull", "remov", "out",
        "applica", "candida", "pass", "longer", "not", "n't", "n’t", "unable",
    ),
)  # fmt: skip
# A negation just before a match ("I am not withdrawing", "I don't appreciate") cancels it.
NEGATION_BEFORE_RE = re.compile(r"(?:\bnot|\bnever|\bno|n['’]t)\s+(?:\w+\s+){0,2}$", _I)
NEGATION_WINDOW = 30

# --- money --------------------------------------------------------------------------------
_NUM = r"\d+(?:[.,'’]\d+)*"
# A number starts where no letter, digit or separator precedes it: starting inside a long
# run of digits would make a failed match quadratic.
_NUM_START = r"(?<![\w.,'’])"
_SYMBOLS = "$€£¥₹₩₽₺₪₫₴₦₱฿"
_CODES = r"USD|EUR|GBP|CHF|CAD|AUD|NZD|SGD|INR|JPY|CNY|SEK|NOK|DKK|PLN|BRL|MXN|ZAR|AED|HKD"
_SCALE = r"(?:\s?(?:k|m|bn|million|thousand|grand)\b)?"
_BIG_NUMBER = r"(?:\d{1,3}(?:[,.'’]\d{3})+|(?!(?:19|20)\d\d\b)\d{4,})"
_MONEY_FORMS = (
    "[" + _SYMBOLS + r"]\s?" + _NUM + _SCALE,  # $85,000  €5.000  £90k
    r"\b(?:" + _CODES + r")\s?" + _NUM + _SCALE,  # USD 85000
    _NUM_START + _NUM + r"\s?(?:[" + _SYMBOLS + r"]|(?:" + _CODES + r"|dollars?|euros?|"
    r"pounds?|bucks)\b)",  # 5.000 €  85000 dollars
    _NUM_START + r"\d+(?:[.,]\d+)?\s?(?:k|grand|thousand|million)\b",  # 90k
)
# Every figure holds a digit: the rule runs only near clusters of digits and symbols. The
# leading lookahead lets most positions fail on one character test.
MONEY = Rule(
    re.compile(r"(?=[\d" + _SYMBOLS + r"a-z])(?:" + "|".join(_MONEY_FORMS) + ")", _I),
    hits=re.compile(r"[\d" + _SYMBOLS + r"][\d" + _SYMBOLS + r".,'’ ]*"),
    # A code or symbol sits just before the digits; a scale or currency word just after.
    before=6,
    after=12,
    needs="0123456789$",
)
# "salary of 120000": a money word, a short gap without digits or symbols, a big number.
MONEY_WORDS = Rule(
    re.compile(
        _words(
            r"salary|salaries|compensation|pay|paid|base|package|wages?|rate|stipend|bonus|"
            r"raise|offer(?:ed)?|counter-?offer|TC|OTE"
        )
        + r"[^.\n\d"
        + _SYMBOLS
        + r"]{0,30}?"
        + _BIG_NUMBER,
        _I,
    ),
    # The money word and its gap come before the big number, which ends the match.
    hits=re.compile(_BIG_NUMBER),
    before=50,
    after=0,
    needs="0123456789",
)

# --- naming the other employer -------------------------------------------------------------
_ACCEPT = r"accept(?:ed|ing)?|tak(?:e|en|ing)|took|sign(?:ed|ing)?|cho(?:se|sen|osing)|got|received"
_JOB = r"offer|position|role|job|opportunity|post"
_OTHER_EMPLOYER_LEADS = (
    # "accepted a position at Initech", "received an offer from Globex"
    r"\b(?:" + _ACCEPT + r")\s+(?:[\w-]+\s+){0,3}?(?:" + _JOB + r")s?\s+(?:at|with|from)\s+",
    # "another offer from Acme", "a new role with Hooli", "an offer from Acme"
    r"\b(?:another|other|competing|different|new)\s+(?:" + _JOB + r")s?\s+(?:at|with|from)\s+",
    r"\ban\s+offers?\s+(?:at|with|from)\s+",
    # "I'll be joining Globex", "I have joined Acme", "starting at Initech"
    r"\b(?:be|am|I['’]m|now)\s+joining\s+",
    r"\b(?:will|['’]ll|decided\s+to|chosen\s+to|going\s+to|have|['’]ve)\s+join(?:ed)?\s+",
    r"\bstart(?:ing)?\s+(?:work(?:ing)?\s+)?(?:at|with)\s+",
    r"\b(?:be|am|I['’]m|now)\s+(?:going\s+)?(?:working|moving)\s+(?:at|for|with)\s+",
)
_CAPITAL_NAME_HITS = re.compile(r"(?i:at|with|from|join|joining|joined)\s+[^\W\d_a-z]")
# The same words, lowercase, for ASCII texts: plain literals let the scan skip most letters.
_LEAD_WORD_RE = re.compile(r"at\s+|with\s+|from\s+|join(?:|ing|ed)\s+")
OTHER_EMPLOYER_LEAD = Rule(
    re.compile("|".join(_OTHER_EMPLOYER_LEADS), _I),
    # Every lead ends in one of these words and a capitalised name: only look there.
    hits=_CAPITAL_NAME_HITS,
    hits_see_case=True,
    before=90,
    after=0,
)
# One word of a name: "Acme", "Hooli", "AT&T", "Procter", "O’Brien".
NAME_WORD_RE = re.compile(r"[^\W_][\w&'’.-]*")
NAME_STOPWORDS = frozenset(
    {
        "the", "a", "an", "another", "your", "you", "our", "us", "my", "me", "this", "that",
        "these", "those", "their", "them", "his", "her", "it", "its", "him", "someone",
        "some", "other", "i", "we", "they", "he", "she", "one", "both", "each", "all",
        "team", "company", "firm", "organisation", "organization", "employer",
    }
)  # fmt: skip
MAX_NAME_WORDS = 4


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


register(CRITICISM, VENTING, OVERSHARE, THANKS, WITHDRAWAL)
