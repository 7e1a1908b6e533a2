"""The tone coach: offline, rule-based remarks on a withdrawal message, each with its span.

The codes and their fixes are in :mod:`bowout.core.tone_findings`, the vocabulary in
:mod:`bowout.core.tone_rules` and :mod:`bowout.core.tone_kinds`, the fast scans in
:mod:`bowout.core.tone_scan`.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Iterator

from bowout.core import tone_findings as findings_of
from bowout.core import tone_kinds as kinds
from bowout.core import tone_language as in_language
from bowout.core import tone_rules as rules
from bowout.core import tone_scan as scan
from bowout.core.draft import Finding
from bowout.core.situation import Channel, Kind, Situation
from bowout.core.tone_findings import CODES, MAX_FINDINGS_PER_CODE, PLACEHOLDER_RE
from bowout.core.tone_words import ToneWords, load_tone_words
from bowout.paths import DEFAULT_LANGUAGE

__all__ = [
    "CODES",
    "MAX_FINDINGS_PER_CODE",
    "PLACEHOLDER_RE",
    "WORD_BUDGET",
    "body_word_count",
    "check_tone",
    "count_words",
    "word_budget",
]

logger = logging.getLogger(__name__)

#: Brevity is the rule: an email body stays within this many words (signature excluded).
WORD_BUDGET = 120
#: Words each goodwill offer the user chose after rescinding may add (a referral, a
#: handover call, staying in touch: one sentence each, asked for by the user).
GOODWILL_WORDS = 20
#: The essentials (thanks, the withdrawal) are looked for in this many leading characters
#: before the whole text is searched.
_ESSENTIALS_HEAD = 4000

_TOKEN_RE = re.compile(r"\S+")
_ALNUM_RE = re.compile(r"[^\W_]")
_NON_WORD_TOKEN_RE = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")
_FIRST_LINE_RE = re.compile(r"\S[^\n]*")
# Words of one name are separated by a space or two, never by a line break.
_NAME_GAP_RE = re.compile(r"[ \t]{1,2}")
# Quick tests that rule a costly scan out for ASCII text (the usual case); each pattern
# starts with a character class, so the regex engine skips most characters in C.
# A token without a letter or digit starts with one of these ASCII characters.
_ASCII_SYMBOLS = "".join(c for c in map(chr, range(128)) if not c.isalnum() and not c.isspace())
_SYMBOL_TOKEN_START_RE = re.compile("[" + re.escape(_ASCII_SYMBOLS) + r"](?<![^\s].)")
# An ALL-CAPS candidate holds two capitals in a row; in ASCII, capitals are A-Z.
_TWO_CAPITALS_RE = re.compile(r"[A-Z][A-Z]")
# Sentence ends for LONG_SENTENCE_RE, all mapped to one separator.
_SENTENCE_ENDS = bytes.maketrans(b".!?", b"\n\n\n")


def count_words(text: str) -> int:
    """Words as a person counts them: whitespace-separated runs holding a letter or digit."""
    # Count every token, then take away those without a letter or digit ("—", "!!!"): both
    # run in C, and the second pattern only starts at token starts, so it stays linear.
    tokens = len(text.split())
    if text.isascii() and _SYMBOL_TOKEN_START_RE.search(text) is None:
        return tokens  # no token starts with a symbol, so every token holds a letter or digit
    return tokens - len(_NON_WORD_TOKEN_RE.findall(text))


def check_tone(
    text: str,
    situation: Situation,
    channel: Channel,
    *,
    subject: str = "",
    signature: str = "",
) -> tuple[Finding, ...]:
    """Every remark on ``text`` (and ``subject``) for this situation, in reading order.

    ``text`` is the message as sent, ending with ``signature`` (left out of the phrase and
    length checks). Body findings come first, each kind capped at MAX_FINDINGS_PER_CODE;
    a placeholder is reported once across body and subject. Never raises on any text.
    """
    body_end = _body_end(text, signature)
    body = text[:body_end]
    lowered = scan.lowered_for_stems(text)
    body_lowered = None if lowered is None else lowered[:body_end]
    if lowered is not None and body_lowered is not None:
        scan.scan_with_head(lowered, body_lowered)
    names = _situation_words(situation)
    red_flags = not situation.reason.info.warm
    asks = situation.kind is Kind.NEGOTIATE
    words = _tone_words(situation.language)
    findings: list[Finding] = []
    findings.extend(findings_of.channel_findings(situation, channel, body))
    if words is None:  # English: the rules in Python
        findings.extend(_phrase_findings(body, body_lowered, names, "body", red_flags))
        findings.extend(kinds.repeated_apologies(body, body_lowered))
        findings.extend(_essentials(text, lowered, body, asks=asks))
    else:  # another language: its pack's word lists, and the checks that need no words
        findings.extend(in_language.phrase_findings(body, body_lowered, words, "body"))
        findings.extend(_venting(body, body_lowered, names, "body", english=False))
        findings.extend(in_language.essentials(text, body, words, asks=asks))
        findings.extend(in_language.mixed_address(body, situation, words))
    findings.extend(_length_finding(text, body_end, word_budget(situation)))
    if subject:
        subject_lowered = scan.lowered_for_stems(subject)
        if words is None:
            findings.extend(_phrase_findings(subject, subject_lowered, names, "subject", red_flags))
        else:
            findings.extend(in_language.phrase_findings(subject, subject_lowered, words, "subject"))
            findings.extend(_venting(subject, subject_lowered, names, "subject", english=False))
    findings.extend(findings_of.placeholder_findings(((text, "body"), (subject, "subject"))))
    result = tuple(sorted(findings, key=lambda f: (f.target != "body", f.start, f.end, f.code)))
    logger.debug("tone check of %d chars: %d findings", len(text), len(result))
    return result


def body_word_count(text: str, signature: str) -> int:
    """Words of ``text`` before its ``signature`` block (all of them when ``text`` does not
    end with it): the count the length remark ("The message is N words") gives."""
    return count_words(text[: _body_end(text, signature)])


def _tone_words(language: str) -> ToneWords | None:
    """The word lists of a message's language; None for English (its rules are in
    Python), and for a language whose pack has none (then the English rules run)."""
    if language == DEFAULT_LANGUAGE:
        return None
    return load_tone_words(language)


def _body_end(text: str, signature: str) -> int:
    """Where the body stops: before the composer's signature block when the text ends with it."""
    sig = signature.strip()
    stripped = text.rstrip()
    if sig and stripped.endswith(sig):
        return len(stripped) - len(sig)
    return len(text)


@functools.lru_cache(maxsize=64)
def _situation_words(situation: Situation) -> frozenset[str]:
    """Words of the names the user gave; these are the addressee's, never "the other employer"."""
    fields = (situation.company, situation.role, situation.contact, situation.recruiter)
    return frozenset(w.casefold() for field in fields for w in rules.NAME_WORD_RE.findall(field))


def _phrase_findings(
    text: str, lowered: str | None, names: frozenset[str], target: str, red_flags: bool
) -> Iterator[Finding]:
    """Criticism, complaints, contempt, venting, oversharing, shouting, long sentences,
    money figures, the other employer, and praise when ``red_flags``."""
    yield from _capped(
        _finding("criticism", start, end, target, quote=_quote(text[start:end]))
        for start, end in rules.CRITICISM.finditer(text, lowered)
    )
    yield from kinds.phrase_findings(text, lowered, target, red_flags=red_flags)
    figures = list(rules.MONEY.finditer(text, lowered))
    # "offered 5.000 €": the figure itself is the span to show, not the money word before it.
    figures.extend(
        span for span in rules.MONEY_WORDS.finditer(text, lowered) if not _overlaps(span, figures)
    )
    figures.sort()
    yield from _capped(
        _finding("money-figure", start, end, target, quote=_quote(text[start:end]))
        for start, end in figures
    )
    yield from _venting(text, lowered, names, target)
    yield from _capped(_other_employer(text, lowered, names, target))


def _overlaps(span: tuple[int, int], sorted_spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps any of ``sorted_spans`` (ordered, non-overlapping)."""
    at = bisect.bisect_right(sorted_spans, (span[1], -1))
    return at > 0 and sorted_spans[at - 1][1] > span[0]


def _venting(
    text: str, lowered: str | None, names: frozenset[str], target: str, *, english: bool = True
) -> Iterator[Finding]:
    """Venting, oversharing, shouting and long sentences: each its own code, each capped
    (not ``english``: shouting and long sentences only, which need no words)."""
    for code, rule in (("venting", rules.VENTING), ("overshare", rules.OVERSHARE)):
        if not english:
            break
        spans = list(rule.finditer(text, lowered))
        if spans:
            yield from _capped(
                _finding(code, start, end, target, quote=_quote(text[start:end]))
                for start, end in spans
            )
    loud: list[tuple[int, int]] = []
    if "!!" in text or "?!" in text or "!?" in text or "??" in text:
        loud.extend(match.span() for match in rules.PUNCT_RUN_RE.finditer(text))
    if not text.isascii() or _TWO_CAPITALS_RE.search(text) is not None:
        loud.extend(_shouting_runs(text, names))
    if loud:
        loud.sort()
        yield from _capped(
            _finding("shouting", start, end, target, quote=_quote(text[start:end]))
            for start, end in loud
        )
    long_sentences = [
        (start, end, words)
        for start, end in _long_runs(text)
        if (words := len(text[start:end].split())) > rules.LONG_SENTENCE_WORDS
    ]
    if long_sentences:
        yield from _capped(
            _finding("long-sentence", start, end, target, count=words)
            for start, end, words in long_sentences
        )


def _long_runs(text: str) -> list[tuple[int, int]]:
    """The spans of ``rules.LONG_SENTENCE_RE`` in ``text``: runs between sentence ends."""
    if len(text) < _LONG_RUN_CHARS:
        return []
    if not text.isascii():
        return [m.span() for m in rules.LONG_SENTENCE_RE.finditer(text)]
    # The pattern matches each maximal run without ".!?\n" of at least _LONG_RUN_CHARS:
    # splitting the bytes at those characters finds the runs in C.
    spans = []
    start = 0
    for run in text.encode("ascii").translate(_SENTENCE_ENDS).split(b"\n"):
        end = start + len(run)
        if end - start >= _LONG_RUN_CHARS:
            spans.append((start, end))
        start = end + 1
    return spans


#: The shortest run LONG_SENTENCE_RE matches.
_LONG_RUN_CHARS = 91


def _shouting_runs(text: str, names: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Runs of ALL-CAPS words that read as shouting (not acronyms, not the user's names)."""
    run_start = run_end = -1
    run_words: list[str] = []
    for match in rules.CAPS_CANDIDATE_RE.finditer(text):
        word = match.group()
        if not word.isupper():
            continue  # uncased letters (CJK, Arabic...) or lowercase non-ASCII ones
        if run_words and not _joins(text, run_end, match.start()):
            yield from _judge_run(run_start, run_end, run_words, names)
            run_words = []
        if not run_words:
            run_start = match.start()
        run_words.append(word)
        run_end = match.end()
    if run_words:
        yield from _judge_run(run_start, run_end, run_words, names)


def _joins(text: str, end: int, start: int) -> bool:
    # Two capitalised words belong to one run when only a little space or punctuation
    # separates them (no other word, no line break, no sentence end).
    gap = text[end:start]
    return len(gap) <= 3 and "\n" not in gap and "." not in gap and not _ALNUM_RE.search(gap)


def _judge_run(
    start: int, end: int, words: list[str], names: frozenset[str]
) -> Iterator[tuple[int, int]]:
    loud = [w for w in words if w not in rules.ACRONYMS and w.casefold() not in names]
    if any(len(w) >= 4 for w in loud) or len(loud) >= 3:
        yield start, end


def _other_employer(
    text: str, lowered: str | None, names: frozenset[str], target: str
) -> Iterator[Finding]:
    for _, lead_end in rules.OTHER_EMPLOYER_LEAD.finditer(text, lowered):
        span = _name_after(text, lead_end, names)
        if span is not None:
            start, end = span
            yield _finding("other-employer", start, end, target, quote=_quote(text[start:end]))


def _name_after(text: str, pos: int, names: frozenset[str]) -> tuple[int, int] | None:
    """The span of a proper name starting at ``pos``, or None when it is not one of theirs."""
    end = -1
    cursor = pos
    for _ in range(rules.MAX_NAME_WORDS):
        match = rules.NAME_WORD_RE.match(text, cursor)
        if match is None:
            break
        word = match.group().rstrip(".'’-")
        first = word[:1]
        if not first.isalpha() or first.islower() or word.casefold() in rules.NAME_STOPWORDS:
            break
        if word.casefold() in names:
            return None  # the addressee's own name: "the offer from Acme" when writing to Acme
        end = match.start() + len(word)
        gap = _NAME_GAP_RE.match(text, end)
        if gap is None:
            break
        cursor = gap.end()
    return (pos, end) if end > pos else None


def _first_line(text: str) -> tuple[int, int]:
    """The span of the first non-blank line (the greeting, usually)."""
    match = _FIRST_LINE_RE.search(text, 0, 2000)
    if match is None:
        return 0, 0
    return match.start(), match.start() + len(match.group().rstrip())


def _essentials(
    text: str, lowered: str | None, body: str, *, asks: bool = False
) -> Iterator[Finding]:
    """Thanks and an unmistakable withdrawal statement, each required once.

    ``asks``: the message asks to talk a deal-breaker through (kind negotiate), so it must
    not announce a withdrawal, and only the thanks are required.
    """
    essentials = [("missing-thanks", rules.THANKS)]
    if not asks:
        essentials.append(("unclear-withdrawal", rules.WITHDRAWAL))
    for code, rule in essentials:
        if not _contains(rule, text, lowered):
            start, end = _first_line(body)
            yield _finding(code, start, end, "body")


def _contains(rule: scan.Rule, text: str, lowered: str | None) -> bool:
    """Whether ``rule`` matches anywhere, not negated; the opening lines are tried first."""
    head = _ESSENTIALS_HEAD
    if len(text) > head:  # both are usually in the first lines: spare a long text the scan
        head_lowered = None if lowered is None else lowered[:head]
        if _contains(rule, text[:head], head_lowered):
            return True
    return any(not findings_of.negated(text, start) for start, _ in rule.finditer(text, lowered))


def word_budget(situation: Situation) -> int:
    """The most words the body of this situation's message should have (signature left
    out): :data:`WORD_BUDGET` (the spec's "under ~120 words"), plus :data:`GOODWILL_WORDS`
    for each goodwill offer the user chose, since the user asked for each sentence."""
    return WORD_BUDGET + GOODWILL_WORDS * len(situation.goodwill_offered)


def _length_finding(text: str, body_end: int, budget: int) -> Iterator[Finding]:
    body = text[:body_end]
    words = count_words(body)
    if words > budget:
        first_over = _start_of_word(body, budget)
        end = len(body.rstrip())
        yield _finding("too-long", first_over, end, "body", count=words, budget=budget)


def _start_of_word(text: str, index: int) -> int:
    """Where the word numbered ``index`` (from 0) starts, counting as :func:`count_words`."""
    seen = 0
    for match in _TOKEN_RE.finditer(text):
        if _ALNUM_RE.search(match.group()):
            if seen == index:
                return match.start()
            seen += 1
    return len(text)


_finding = findings_of.finding
_quote = findings_of.quote
_capped = findings_of.capped
