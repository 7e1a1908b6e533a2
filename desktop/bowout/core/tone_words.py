"""The tone coach's word lists of a language pack (``templates/<language>/tone.toml``).

English keeps its rules in Python (:mod:`bowout.core.tone_rules`); another language states
its words in data, one table per kind of finding, each a list of Python regular
expressions matched case-insensitively as whole words::

    [thanks]              # none present: the "no thanks" finding
    patterns = ["danke", "vielen dank"]
    [address.formal]      # the formal address (Sie, Ihnen)
    patterns = ["Sie", "Ihnen"]
"""

from __future__ import annotations

import dataclasses
import functools
import re
import sys

from bowout import paths
from bowout.core.errors import TemplateError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The kinds of words a pack lists (``address.formal`` and ``address.informal`` nest).
KINDS = ("thanks", "decision", "criticism", "absolutes", "money", "formal", "informal")
#: Lists a pack may leave out: words of calling (``[call]``) and of who is called
#: (``[callee]``), which tell whether a note to a recruiter says the user will also call
#: the hiring manager (without them that remark is not made in the language).
OPTIONAL_KINDS = ("call", "callee")


@dataclasses.dataclass(frozen=True)
class ToneWords:
    """One language's word lists, each one compiled pattern (None: the list is empty)."""

    language: str
    patterns: dict[str, re.Pattern[str] | None]

    def find(self, kind: str, text: str) -> list[re.Match[str]]:
        """Every match of the ``kind`` list (a key of :data:`KINDS`) in ``text``."""
        pattern = self.patterns.get(kind)
        return list(pattern.finditer(text)) if pattern is not None else []

    def has(self, kind: str, text: str) -> bool:
        """Whether any word of the ``kind`` list is in ``text``."""
        pattern = self.patterns.get(kind)
        return pattern is not None and pattern.search(text) is not None


def _whole_words(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    # Whole words: not inside a longer word (letters of any script, digits, underscore).
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<!\w)(?:{joined})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def load_tone_words(language: str) -> ToneWords | None:
    """The word lists of the built-in pack ``language``; None when it has no
    ``tone.toml`` (English: its rules are in Python). Raises TemplateError naming the file
    and table when one cannot be used, InputError for an unknown language."""
    path = paths.pack_dir(paths.check_language(language)) / "tone.toml"
    label = f"{language}/tone.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{label} cannot be read: {exc}") from None
    compiled: dict[str, re.Pattern[str] | None] = {}
    for kind in KINDS + OPTIONAL_KINDS:
        table = data.get("address", {}).get(kind) if kind in ("formal", "informal") else (
            data.get(kind)
        )  # fmt: skip
        section = f"address.{kind}" if kind in ("formal", "informal") else kind
        if kind in OPTIONAL_KINDS and table is None:
            compiled[kind] = None
            continue
        patterns = table.get("patterns") if isinstance(table, dict) else None
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise TemplateError(f"{label}: [{section}] patterns must be a list of texts")
        try:
            compiled[kind] = _whole_words(patterns)
        except re.error as exc:
            raise TemplateError(f"{label}: [{section}] has a bad pattern: {exc}") from None
    return ToneWords(language, compiled)
