"""Country notes for rescinding an accepted offer: where the law of the job's country
differs (a signed contract binds before the start date, notice applies, a penalty may be
owed), one checklist step names it, with its source, and a "not legal advice" line.

The notes are in ``templates/en/country_notes.toml`` (English: the checklist is advice to
the user; each note's source is named in a comment there). The country is a fact the user
gives (``--country``, the window's "Country of the job"), not derived from the message's
language: German is written in Germany, Austria and Switzerland, Spanish in Spain and
Mexico, and English anywhere, while the law that applies is the job's country's.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping

from bowout import paths
from bowout.core.errors import InputError, TemplateError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: A country as ISO 3166-1 alpha-2 writes it ("DE"); "" for none given.
COUNTRY_CODE = re.compile(r"[A-Z]{2}")


@functools.cache
def _notes() -> dict[str, dict[str, str]]:
    path = paths.pack_dir() / "country_notes.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"en/country_notes.toml cannot be read: {exc}") from None
    notes = {"": {"not_advice": str(data.get("not_advice", ""))}}
    for code, table in data.items():
        if isinstance(table, dict):
            notes[code] = {"name": str(table.get("name", code)), "note": str(table["note"])}
    return notes


def countries() -> Mapping[str, str]:
    """The countries with a note, code to English name ("DE": "Germany"), in file order."""
    return {code: n["name"] for code, n in _notes().items() if code}


def check_country(value: str) -> str:
    """``value`` as a country code ("de" -> "DE"), or "" for none; InputError (one line)
    for anything that is not two letters."""
    code = value.strip().upper()
    if code and not COUNTRY_CODE.fullmatch(code):
        raise InputError(f"a country is a two-letter code such as DE or FR: {value!r}")
    return code


def country_note(country: str) -> str:
    """The note for rescinding an accepted offer in ``country`` ("" when there is none)."""
    return _notes().get(country, {}).get("note", "") if country else ""


def not_advice() -> str:
    """The line that follows every note: general information, not legal advice."""
    return _notes()[""]["not_advice"]
