"""A language pack: one language's templates, wording and words, and the locale of its dates.

``templates/<language>/`` holds everything a message can say in that language: the layout
templates (``*.j2``), the wording (``wording/*.toml``) and ``pack.toml`` (its CLDR locale and
the words Python fills in: names for nobody named, money, deal-breakers, the phone tab's
branch titles, the checklist). Python holds no message words; each language is a folder
beside ``templates/en/`` (:func:`bowout.paths.available_languages` lists them).

Dates come from Babel's copy of the Unicode CLDR data for the pack's locale (the standard
source of month names and date patterns), never from the process locale: once Qt has
started, the C library's locale is the system's, and ``strftime("%B")`` would write a German
month into an English letter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import string
import sys
from collections.abc import Mapping

from bowout import paths
from bowout.core.errors import TemplateError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


#: How many days ahead a date is "near" (its year left out where the pack says so): a
#: reader never takes a date weeks ahead for one a year later.
NEAR_DATE_DAYS = 60
#: How many days ahead a date is "this week": a reader places it by its weekday ("by
#: Tuesday 8 December"), and the year would be redundant.
WEEK_DATE_DAYS = 7


@dataclasses.dataclass(frozen=True)
class Pack:
    """One language pack's settings and words (``pack.toml``)."""

    language: str
    #: The CLDR locale its dates are written in ("en_GB": 5 March 2027).
    locale: str
    #: A CLDR date format name ("long") or pattern ("d MMMM y").
    date_format: str
    #: Words by section and key: ``words["money"]["signing_bonus"]``.
    words: Mapping[str, Mapping[str, str]]
    #: A CLDR pattern for a date in the coming weeks ("d. MMMM": "8. Dezember"), where the
    #: language's letters leave the year out; "" writes every date in full.
    near_date_format: str = ""
    #: A CLDR pattern for a date within :data:`WEEK_DATE_DAYS` ("EEEE d MMMM": "Tuesday 8
    #: December"); "" uses the near (or full) format.
    week_date_format: str = ""
    #: The sign-offs that may close a greeting, by the greeting's first word (``[closing]``:
    #: German "Sehr" -> "Mit freundlichen Grüßen"); empty: any sign-off closes any greeting.
    closing_pairs: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)

    def word(self, section: str, key: str) -> str:
        """One word or phrase; TemplateError naming the pack when it is missing."""
        try:
            return self.words[section][key]
        except KeyError:
            raise TemplateError(
                f"{self.language}/pack.toml has no {key!r} in [{section}]"
            ) from None

    def text(self, section: str, key: str, **values: str) -> str:
        """A phrase with its ``{name}`` fields filled from ``values`` (plain text; a value
        is never read as a field, so names holding braces are safe)."""
        template = self.word(section, key)
        parts = []
        for literal, field, _spec, _conv in string.Formatter().parse(template):
            parts.append(literal)
            if field is not None:
                if field not in values:
                    raise TemplateError(
                        f"{self.language}/pack.toml [{section}] {key}: unknown field {{{field}}}"
                    )
                parts.append(values[field])
        return "".join(parts)

    def long_date(self, value: dt.date, today: dt.date | None = None) -> str:
        """``value`` as a letter writes it in this pack's locale ("5 March 2027"); within
        :data:`NEAR_DATE_DAYS` after ``today`` in the pack's ``date_near`` pattern when it
        has one ("8. Dezember": a German letter names no year for next week's date), and
        within :data:`WEEK_DATE_DAYS` in its ``date_week`` pattern when it has one
        ("Tuesday 8 December")."""
        ahead = (value - today).days if today is not None else -1
        if 0 <= ahead <= WEEK_DATE_DAYS and self.week_date_format:
            return _format_date(value, self.locale, self.week_date_format)
        near = 0 <= ahead <= NEAR_DATE_DAYS
        if near and self.near_date_format:
            return _format_date(value, self.locale, self.near_date_format)
        return _format_date(value, self.locale, self.date_format)

    def paired_signoff(self, greeting: str, signoff: str) -> str:
        """The sign-off that closes ``greeting``: ``signoff`` when the pack's ``[closing]``
        pairs allow it after the greeting's first word (or name none for it), else the first
        one they name ("Liebe Frau Nair," closes "Viele Grüße", never "Mit freundlichen
        Grüßen": German business-letter usage). Declared once in the pack for every letter
        and reply, rather than in each layout."""
        first = greeting.split(" ", 1)[0].rstrip(",") if greeting else ""  # "Hallo, Anna,"
        fits = self.closing_pairs.get(first) if first else None
        return signoff if not fits or signoff in fits else fits[0]

    def elide(self, value: str, word: str) -> str:
        """``word`` before ``value``, elided as the pack's ``[elision]`` says: French
        "de" before a vowel is "d’" ("d’Ingénieur", "de Data Analyst"). A word the table does
        not name, or a value starting with another letter, is written whole with a space.
        The wording's ``{{ role | elide("de") }}``: computed once in Python rather than by a
        Jinja2 expression in every sentence (issue 26: a French draft's render time)."""
        elision = self.words.get("elision", {})
        elided = elision.get(word)
        if elided is not None and value[:1] in elision.get("before", ""):
            return f"{elided}{value}"
        return f"{word} {value}"

    def joined(self, decision: str, reason: str) -> str:
        """``decision`` and the ``reason`` said after it, as the pack's ``[joining]`` says:
        a one-sentence decision (at most an opening phrase before its "I", and no "as" of
        its own) and a reason whose first sentence has no comma become one sentence ("I've
        decided to decline the role, as I've accepted another job."), so two flat sentences
        are not stacked; the reason's other sentences follow. Otherwise (or with no ``as``
        in the pack, or a joined sentence longer than its ``words``) the two are written
        side by side. Either may be ""."""
        joining = self.words.get("joining", {})
        glue, limit = joining.get("as", ""), int(joining.get("words", "0") or 0)
        head, _, rest = reason.partition(". ")
        head = head if rest else head.removesuffix(".")
        if (
            not glue
            or not decision.endswith(".")
            or not head
            or not (rest or reason.endswith("."))
            or any(mark in decision for mark in ":;?!")
            or decision.count(",") > (", I" in decision)
            or f" {glue.strip(' ,')} " in f" {decision.casefold()}"
            or any(mark in head for mark in ",:;?!")
            or len(f"{decision} {head}".split()) > limit
        ):
            return f"{decision} {reason}".strip()
        first = head.split(" ", 1)[0]
        keep = first == "I" or first.startswith(("I'", "I\u2019")) or first[1:2].isupper()
        head = head if keep else head[:1].lower() + head[1:]
        return f"{decision[:-1]}{glue}{head}.{' ' + rest if rest else ''}"


def load_pack(language: str = paths.DEFAULT_LANGUAGE) -> Pack:
    """The built-in pack of ``language``, read once per language however it is asked for
    (``load_pack()`` and ``load_pack("en")`` share one reading; :func:`clear_pack_cache`
    forgets).

    Raises InputError (one line) for a language no pack is found for, TemplateError when
    its ``pack.toml`` cannot be read.
    """
    return _read_pack(language)


def clear_pack_cache() -> None:
    """Forget every pack read (tests that point the packs' folder elsewhere)."""
    _read_pack.cache_clear()


@functools.lru_cache(maxsize=16)
def _read_pack(language: str) -> Pack:
    path = paths.pack_dir(paths.check_language(language)) / "pack.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"the {language} pack's pack.toml cannot be read: {exc}") from None
    closing = data.get("closing", {})
    if not isinstance(closing, dict) or not all(
        isinstance(v, list) and v and all(isinstance(w, str) for w in v) for v in closing.values()
    ):
        raise TemplateError(f"{path}: [closing] maps a greeting's first word to sign-offs")
    words = {k: v for k, v in data.items() if isinstance(v, dict) and k != "closing"}
    return Pack(
        language=language,
        locale=str(data.get("locale", language)),
        date_format=str(data.get("date", "long")),
        words=_flatten(words),
        near_date_format=str(data.get("date_near", "")),
        week_date_format=str(data.get("date_week", "")),
        closing_pairs={str(k): tuple(v) for k, v in closing.items()},
    )


def _flatten(words: Mapping[str, object], prefix: str = "") -> dict[str, dict[str, str]]:
    """TOML tables (``[checklist.steps]`` nests) as flat "section.sub" -> key -> text."""
    flat: dict[str, dict[str, str]] = {}
    for name, table in words.items():
        if not isinstance(table, dict):
            continue
        section = f"{prefix}{name}"
        flat[section] = {k: str(v) for k, v in table.items() if not isinstance(v, dict)}
        flat.update(_flatten({k: v for k, v in table.items() if isinstance(v, dict)},
                             f"{section}."))  # fmt: skip
    return flat


@functools.lru_cache(maxsize=256)
def _format_date(value: dt.date, locale: str, date_format: str) -> str:
    # Babel loads on the first date (about 0.1 s of CLDR data): most drafts have none.
    from babel.dates import format_date

    return str(format_date(value, format=date_format, locale=locale))


def long_date(value: dt.date, language: str = paths.DEFAULT_LANGUAGE) -> str:
    """``value`` in the built-in ``language`` pack's date format ("5 March 2027",
    "5. März 2027"). Raises InputError for an unknown language."""
    return load_pack(language).long_date(value)
