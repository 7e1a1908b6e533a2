"""Dates as spreadsheets and job trackers write them, and which order a column uses.

ISO dates (``2026-11-03``, with or without a time or a zone), year first with slashes or
dots (``2026/11/03``), day and month in either order (``03/11/2026``), month names
(``3 Nov 2026``, ``Nov 3, 2026``, ``3-Nov-26`` as Excel shows them), and Excel's serial
day numbers (``46329``: days since 1899-12-30, the epoch Excel uses on Windows and macOS
since 2011) all read; a time after a date is ignored.

A column of slashed dates whose parts are all 12 or below (``11/2/2026``) is ambiguous:
Americans read 2 November, most of the world 11 February. Bow Out never guesses: the
person says the order once (``--date-order dmy|mdy`` on the command line, a question in
the window), and the answer is remembered with the file's columns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

#: The two orders a slashed date can have: day first, or month first.
DMY = "dmy"
MDY = "mdy"
DATE_ORDERS = (DMY, MDY)
#: Cells that mean "no date" in exports (JobSync writes N/A).
EMPTY = frozenset({"", "n/a", "na", "-", "—", "none", "null", "tbd", "?"})
#: Excel serial numbers read as dates: 1982-01-01 to 2119-12-31 (a smaller number in a
#: date column is more likely a typo than a date from before 1982).
SERIALS = range(29_952, 80_000)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip
_TIME = (
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?)?"
)
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME)
_SLASHED = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})" + _TIME)
_DAY_NAME = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})" + _TIME
)
_NAME_DAY = re.compile(r"([A-Za-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME)
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_SERIAL = re.compile(r"(\d{5})(?:\.\d+)?")


class AmbiguousDates(ValueError):
    """A column's dates read both ways; the person must say the order."""

    def __init__(self, example: str) -> None:
        super().__init__(f"the dates could be day first or month first ({example})")
        self.example = example


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def parse_date(text: str, order: str | None = DMY) -> dt.date | None:
    """The date in a cell, None for an empty one ("", "N/A", "-"), ValueError ("not a
    date: ...") for anything else. ``order`` (:data:`DMY` or :data:`MDY`) reads a date
    like 03/11/2026; None refuses such a date when it is ambiguous (ValueError)."""
    cell = _WEEKDAY.sub("", text.strip())
    if cell.casefold() in EMPTY:
        return None
    try:
        if m := _ISO.fullmatch(cell):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _SLASHED.fullmatch(cell):
            a, b, year = int(m[1]), int(m[2]), _year(m[3])
            if order is None and a <= 12 and b <= 12 and a != b:
                raise AmbiguousDates(cell)
            day, month = (a, b) if (order or DMY) == DMY else (b, a)
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                day, month = b, a
            return dt.date(year, month, day)
        if m := _DAY_NAME.fullmatch(cell):
            return dt.date(_year(m[3]), _MONTHS[m[2].casefold()], int(m[1]))
        if m := _NAME_DAY.fullmatch(cell):
            return dt.date(int(m[3]), _MONTHS[m[1].casefold()], int(m[2]))
        if (m := _SERIAL.fullmatch(cell)) and int(m[1]) in SERIALS:
            return _EXCEL_EPOCH + dt.timedelta(days=int(m[1]))
    except AmbiguousDates:
        raise
    except (ValueError, KeyError):
        pass
    raise ValueError(f"not a date: {text.strip()!r}")


def column_order(cells: Iterable[str]) -> str | None:
    """The order of a column's slashed dates: :data:`DMY` when one has a first part above
    12, :data:`MDY` when one has a second part above 12, None when every one reads both
    ways (ask the person), :data:`DMY` when the column has none (nothing to ask)."""
    ambiguous = False
    for cell in cells:
        if m := _SLASHED.fullmatch(_WEEKDAY.sub("", cell.strip())):
            first, second = int(m[1]), int(m[2])
            if first > 12 >= second:
                return DMY
            if second > 12 >= first:
                return MDY
            ambiguous = ambiguous or first != second
    return None if ambiguous else DMY


def first_ambiguous(cells: Iterable[str]) -> str:
    """The first cell of a column that reads both ways (for the question); "" if none."""
    for cell in cells:
        m = _SLASHED.fullmatch(_WEEKDAY.sub("", cell.strip()))
        if m and m[1] != m[2] and int(m[1]) <= 12 and int(m[2]) <= 12:
            return cell.strip()
    return ""
