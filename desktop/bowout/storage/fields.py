"""The checks of single record fields: time stamps and text (shared by the record schema,
:mod:`bowout.storage.schema`, and the timeline, :mod:`bowout.storage.timeline`)."""

from __future__ import annotations

import datetime as dt
import re

from bowout.storage.errors import HistoryError

#: Years a record's times and dates may fall in (beyond them is a damaged or forged file).
YEARS = (1970, 2200)

#: Control characters: none in one-line fields; multi-line text may hold tab and newlines.
LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: A record time stamp: UTC, with a ``Z`` (microseconds optional).
TIME_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z")


def format_time(when: dt.datetime) -> str:
    """ISO-8601 in UTC with a ``Z`` and microseconds (naive times are taken as local)."""
    utc = when.astimezone(dt.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def check_time(value: object, field: str, *, optional: bool = False) -> None:
    """Raise unless ``value`` is a record time stamp (or "" / None when ``optional``)."""
    if optional and value in ("", None):
        return
    if not isinstance(value, str) or not TIME_STAMP.fullmatch(value):
        raise HistoryError(f"{field} is not a UTC time such as 2026-01-31T09:00:00Z: {value!r}")
    try:
        when = dt.datetime.fromisoformat(value[:-1])
    except ValueError:
        raise HistoryError(f"{field} is not a real date and time: {value!r}") from None
    if not YEARS[0] <= when.year <= YEARS[1]:
        raise HistoryError(f"{field} is outside the years {YEARS[0]}–{YEARS[1]}: {value!r}")


def canonical_time(value: str) -> str:
    """A checked time stamp in the one form that sorts correctly as text (microseconds)."""
    if len(value) == 27:
        return value
    when = dt.datetime.fromisoformat(value[:-1]).replace(tzinfo=dt.timezone.utc)
    return format_time(when)


def check_text(value: object, field: str, limit: int, *, multiline: bool) -> None:
    """Raise unless ``value`` is text of at most ``limit`` characters without control
    characters (tab, CR and LF allowed when ``multiline``)."""
    if not isinstance(value, str):
        raise HistoryError(f"{field} must be text")
    if len(value) > limit:
        raise HistoryError(f"{field} must be at most {limit:,} characters, not {len(value):,}")
    bad = (TEXT_CONTROL if multiline else LINE_CONTROL).search(value)
    if bad:
        kind = "a line break" if bad.group() in "\r\n\u2028\u2029" else "a control character"
        raise HistoryError(f"{field} contains {kind} (U+{ord(bad.group()):04X})")
