"""Spell checking for the editors: red wavy underlines, suggestions, a personal word list."""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from bowout.gui.utf16 import from_qt, qt_positions, to_qt_span

if TYPE_CHECKING:
    from spellchecker import SpellChecker

logger = logging.getLogger(__name__)

#: Human names for the dictionaries pyspellchecker ships (shown in Settings).
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
    "pt": "Português",
    "it": "Italiano",
    "ru": "Русский",
    "ar": "العربية",
    "eu": "Euskara",
    "lv": "Latviešu",
    "nl": "Nederlands",
    "fa": "فارسی",
}
#: Words every draft may contain that the general dictionaries do not know.
_APP_WORDS = frozenset({"linkedin", "e-mail", "bowout"})
MAX_SUGGESTIONS = 5
#: Edit distance 2 grows fast with length (~0.2 s at 8 letters); longer words get distance 1.
_DISTANCE_2_MAX_LEN = 8

# Letters (and digits, filtered out later) with inner apostrophes: "I'm", "team's", "team’s".
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Things that look like words but are not prose: links and e-mail addresses.
_SKIP_RE = re.compile(
    r"(?:https?://|ftp://|mailto:|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.IGNORECASE,
)


@functools.cache
def available_languages() -> list[str]:
    """Language codes of the dictionaries installed with pyspellchecker.

    Read from its word-list files, so the window need not import pyspellchecker (about
    10 ms) before the first dictionary loads; its own list is the fallback.
    """
    spec = importlib.util.find_spec("spellchecker")
    if spec is not None and spec.origin:
        folder = Path(spec.origin).parent / "resources"
        found = [code for code in LANGUAGE_NAMES if (folder / f"{code}.json.gz").is_file()]
        if found:
            return found
    from spellchecker import SpellChecker

    return [str(code) for code in SpellChecker.languages()]


def spell_language_for(message_language: str, chosen: str) -> str:
    """The dictionary to check a message with: its own language's when pyspellchecker
    ships one (German, French, Spanish...), else ``chosen`` (Settings' spell-check
    language, which also decides for English: en, or a variant the user picked)."""
    if message_language != "en" and message_language in available_languages():
        return message_language
    return chosen


def language_name(code: str) -> str:
    """A readable name for a dictionary code (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code, code)


def iter_checkable_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for each word worth checking: no links, addresses, digits, ALLCAPS."""
    skipped = [(m.start(), m.end()) for m in _SKIP_RE.finditer(text)]
    for match in _WORD_RE.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in skipped):
            continue
        word = match.group()
        if any(ch.isdigit() for ch in word):
            continue
        if len(word) > 1 and word.isupper():  # acronyms: HR, NDA, CV
            continue
        yield start, end, word


def _normalise(word: str) -> str:
    return word.replace("’", "'").lower()


@functools.cache
def elided_words(language: str) -> tuple[str, ...]:
    """The elided words ("j'", "qu'") that may open a word in ``language``, longest first,
    from its language pack's ``[elision] clitics`` (French writes "J’ai", "l’offre",
    "qu’il": the dictionary knows "ai", "offre", "il", not the pair); () for a language
    without a pack or without elision. Either apostrophe is read the same (:func:`_normalise`)."""
    from bowout.core.pack import load_pack
    from bowout.paths import available_languages as pack_languages

    if language not in pack_languages():
        return ()
    clitics = load_pack(language).words.get("elision", {}).get("clitics", "")
    return tuple(sorted((f"{c.lower()}'" for c in clitics.split()), key=len, reverse=True))


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelled words; the dictionary for a language is loaded once per process."""

    personal_words_changed = Signal(list)
    #: Emitted with the language code once a deferred dictionary load has finished.
    dictionary_ready = Signal(str)

    #: One loaded dictionary per language, shared by every highlighter (they are a few MB).
    _checkers: ClassVar[dict[str, SpellChecker]] = {}
    #: Seconds each dictionary took to load (reported by benchmarks and logs).
    load_seconds: ClassVar[dict[str, float]] = {}

    def __init__(
        self,
        document: QTextDocument,
        language: str = "en",
        personal_words: Iterable[str] = (),
        *,
        load_delay_ms: int | None = None,
    ) -> None:
        """``load_delay_ms``: None loads the dictionary on first use (blocking, ~0.1-0.5 s);
        a number defers it that long after the first highlight, so a window can show first."""
        super().__init__(document)
        self._language = self._valid_language(language)
        self._personal = {_normalise(w) for w in personal_words if w.strip()}
        self._ignored: set[str] = set()
        self._extra_rules: list[tuple[re.Pattern[str], QTextCharFormat]] = []
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor(Qt.GlobalColor.red))
        # Per-instance cache so typing re-checks only new words; cleared when the rules change.
        self._cached_check = functools.lru_cache(maxsize=8192)(self._check)
        self._load_timer: QTimer | None = None
        if load_delay_ms is not None:
            self._load_timer = QTimer(self)
            self._load_timer.setSingleShot(True)
            self._load_timer.setInterval(load_delay_ms)
            self._load_timer.timeout.connect(self._load_now)

    # -- dictionary -----------------------------------------------------------------------

    @staticmethod
    def _valid_language(language: str) -> str:
        if language in available_languages():
            return language
        logger.warning("no spelling dictionary for %r; using English", language)
        return "en"

    @classmethod
    def checker_for(cls, language: str) -> SpellChecker:
        """The shared dictionary for ``language``, loaded on first use."""
        checker = cls._checkers.get(language)
        if checker is None:
            from spellchecker import SpellChecker

            started = time.perf_counter()
            checker = SpellChecker(language=language, distance=1)
            cls.load_seconds[language] = time.perf_counter() - started
            logger.info(
                "loaded %s dictionary in %.0f ms", language, cls.load_seconds[language] * 1000
            )
            cls._checkers[language] = checker
        return checker

    def is_ready(self) -> bool:
        """True once the dictionary for the current language is in memory."""
        return self._language in self._checkers

    @Slot()
    def _load_now(self) -> None:
        self.checker_for(self._language)
        self.recheck()
        self.dictionary_ready.emit(self._language)

    @property
    def language(self) -> str:
        """The dictionary code in use."""
        return self._language

    def set_language(self, language: str) -> None:
        """Switch dictionaries and re-check the whole document."""
        language = self._valid_language(language)
        if language != self._language:
            self._language = language
            self._invalidate()

    # -- words ----------------------------------------------------------------------------

    def _check(self, word: str) -> bool:
        key = _normalise(word)
        if key in self._personal or key in self._ignored or key in _APP_WORDS:
            return False
        checker = self.checker_for(self._language)
        if key in checker:
            return False
        # An elided word before a known one ("j’ai", "d’Ingénieur") is right if the rest is.
        if "'" in key:
            for clitic in elided_words(self._language):
                rest = key[len(clitic) :]
                if key.startswith(clitic) and rest and (rest in checker or rest in self._personal):
                    return False
        # Possessives the dictionary lacks ("Acme's" -> "Acme") are fine if the base word is.
        if key.endswith("'s") and (key[:-2] in checker or key[:-2] in self._personal):
            return False
        # The English list is American; British spellings ("apologise") are just as right.
        return not (self._language == "en" and any(v in checker for v in _us_variants(key)))

    def is_misspelled(self, word: str) -> bool:
        """True when the word is in neither the dictionary nor the personal list."""
        if not word.strip():
            return False
        return bool(self._cached_check(word))

    def suggestions(self, word: str) -> list[str]:
        """Up to five likely corrections, most common first, in the word's own case."""
        checker = self.checker_for(self._language)
        key = _normalise(word)
        letters = "".join(sorted(checker.word_frequency.letters))
        words = checker.word_frequency.dictionary.keys()
        first = _edits1(key, letters)
        found = words & first
        if not found and len(key) <= _DISTANCE_2_MAX_LEN:
            for near in first:
                found |= words & _edits1(near, letters)
        ranked = sorted(found, key=lambda w: (-checker[w], w))[:MAX_SUGGESTIONS]
        return [_match_case(word, w) for w in ranked]

    @property
    def personal_words(self) -> list[str]:
        """The user's own words, sorted (saved in Settings by the window)."""
        return sorted(self._personal)

    def add_to_dictionary(self, word: str) -> None:
        """Accept a word from now on, re-check, and announce the new personal list."""
        key = _normalise(word.strip())
        if not key or key in self._personal:
            return
        self._personal.add(key)
        self._invalidate()
        self.personal_words_changed.emit(self.personal_words)

    def set_ignored_words(self, words: Iterable[str]) -> None:
        """Words accepted for this session only (the names typed in the form)."""
        ignored = {_normalise(part) for w in words for _, _, part in iter_checkable_words(w)}
        if ignored != self._ignored:
            self._ignored = ignored
            self._invalidate()

    def set_extra_rules(self, rules: Iterable[tuple[str, QTextCharFormat]]) -> None:
        """Extra pattern formats (e.g. placeholders), since a document takes one highlighter."""
        self._extra_rules = [(re.compile(pattern), fmt) for pattern, fmt in rules]
        self.recheck()

    def recheck(self) -> None:
        """Underline the whole document again. Qt's rehighlight() marks the document as
        modified, which would read as the user's edit (a message left as "your own words"
        when only the dictionary changed), so the document's modified state is kept."""
        document = self.document()
        was_modified = document.isModified() if document is not None else False
        self.rehighlight()
        if document is not None:
            document.setModified(was_modified)

    def _invalidate(self) -> None:
        self._cached_check.cache_clear()
        self.recheck()

    # -- highlighting ---------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:
        """Qt calls this per changed paragraph; formats are layout-only, so no undo steps."""
        qt = qt_positions(text)  # Python code points -> Qt's UTF-16 units, per block
        for pattern, fmt in self._extra_rules:
            for match in pattern.finditer(text):
                self.setFormat(qt(match.start()), qt(match.end()) - qt(match.start()), fmt)
        if self._load_timer is not None and not self.is_ready():
            if not self._load_timer.isActive():
                self._load_timer.start()  # underline once loaded, without blocking now
            return
        for start, end, word in iter_checkable_words(text):
            if not self.is_misspelled(word):
                continue
            qt_start, qt_length = qt(start), qt(end) - qt(start)
            if not self._extra_rules:
                self.setFormat(qt_start, qt_length, self._format)
                continue
            for pos in range(qt_start, qt_start + qt_length):  # keep extra colours underneath
                merged = self.format(pos)
                merged.merge(self._format)
                self.setFormat(pos, 1, merged)

    def word_at(self, cursor: QTextCursor) -> QTextCursor | None:
        """A cursor selecting the checkable word at ``cursor``'s position, if any."""
        block = cursor.block()
        text = block.text()
        offset = from_qt(text, cursor.position() - block.position())
        for start, end, _word in iter_checkable_words(text):
            if start <= offset <= end:
                qt_start, qt_length = to_qt_span(text, start, end)
                found = QTextCursor(block)
                found.setPosition(block.position() + qt_start)
                found.setPosition(
                    block.position() + qt_start + qt_length, QTextCursor.MoveMode.KeepAnchor
                )
                return found
        return None


# British -> American endings: apologise/apologize, colour/color, centre/center, defence/defense.
_US_ENDINGS = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ence", "ense"),
    ("ogue", "og"),
    ("mme", "m"),
    ("lled", "led"),
    ("lling", "ling"),
)


def _us_variants(word: str) -> Iterator[str]:
    """American spellings a British word may have (only ever used to accept, not suggest)."""
    for gb, us in _US_ENDINGS:
        if word.endswith(gb) and len(word) > len(gb) + 2:
            yield word[: -len(gb)] + us


def _edits1(word: str, letters: str) -> set[str]:
    """Every string one deletion, swap, replacement or insertion away (set ops stay in C)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + ch + b[1:] for a, b in splits if b for ch in letters)
    out.update(a + ch + b for a, b in splits for ch in letters)
    return out


def _match_case(original: str, suggestion: str) -> str:
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
