"""The rows of an imported table made into applications, a column at a time.

A tracker's export of ten thousand rows holds a handful of status words, a few hundred
dates and mostly plain ASCII names. Checking each cell the way :class:`Application` does
would cost several times reading the file, so every check :class:`Application` makes is
made here once per column where it can be (the whole column is plain ASCII with no double
space; every address in it matches one pattern at once; no name is over the limit) and per
cell only where it must. A row that a column check cannot vouch for is built by the
checked constructor, so its error is word for word the one a person would get from it;
the others are built with :meth:`Application.trusted`. ``tests/core/test_import_rows.py``
holds the two paths to the same result with Hypothesis.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import NamedTuple

from bowout.core.applications import (
    Application,
    application_key,
    clean_name,
    clean_notes,
    nfc,
)
from bowout.core.errors import InputError
from bowout.core.import_dates import parse_date
from bowout.core.situation import MAX_FIELD_CHARS, Stage
from bowout.core.statuses import (
    ACCEPTED_OFFER,
    ACCEPTED_STATE,
    CLOSED,
    SAVED,
    SKIP,
    answer_for,
    status_key,
)
from bowout.core.textclean import changed_by_clean_text
from bowout.paths import DEFAULT_LANGUAGE, available_languages

#: The fields a row's cells are read into, besides the stage and the applied date.
TEXT_FIELDS = ("company", "role", "contact", "contact_email", "recruiter", "notes")
NAME_FIELDS = ("company", "role", "contact", "recruiter")
#: The application state of a row, by what its status word means.
OPEN_STATE = "open"
SAVED_STATE = "saved"

#: One address as :func:`~bowout.core.situation.check_email_address` accepts it (after
#: stripping): something, an "@", then a domain with a dot; no space, comma or second "@"
#: after the last "@". (``\s`` and the information separators, which ``str.split`` takes
#: for spaces, are named apart.)
_ADDRESS = re.compile(r"[^\s\x1c-\x1f,]+?@[^\s\x1c-\x1f,@.]*\.[^\s\x1c-\x1f,@]*")
#: A column of ASCII addresses with one "@" each (or empty cells), one a line, with no
#: space or comma (checked first, in C): one call, one way to match each line.
_PLAIN_ADDRESS_LINES = re.compile(
    r"(?:(?:[^@\n]++@[^@\n.]*+\.[^@\n]*+)?\n)*+(?:[^@\n]++@[^@\n.]*+\.[^@\n]*+)?", re.ASCII
)
_STAGES = {stage.value: stage for stage in Stage}


class Status(NamedTuple):
    """What a status word does to its row: imported at ``stage`` into ``state``, or left
    out (``stage`` None) because it is unknown (``unknown``) or with ``skipped`` as the
    reason. ``mine``: the person's answer placed it; ``accepted_word``: it means an
    accepted offer and the history keeps no accepted applications."""

    stage: Stage | None
    state: str = OPEN_STATE
    skipped: str = ""
    unknown: bool = False
    mine: bool = False
    accepted_word: bool = False


def status_of(word: str, answers: Mapping[str, str], accepted: bool) -> Status:
    """What ``word`` (a stripped cell; "" when there is no status) does to a row, given
    the person's ``answers`` (status key -> answer) and whether the history keeps
    accepted applications."""
    if not word:
        return Status(Stage.APPLIED)
    mine = answers.get(status_key(word))
    answer = mine or answer_for(word)
    is_mine = mine is not None
    if answer == ACCEPTED_OFFER:
        if accepted:
            return Status(Stage.OFFER, ACCEPTED_STATE, mine=is_mine)
        return Status(None, unknown=True, mine=is_mine, accepted_word=True)
    if answer is None:
        return Status(None, unknown=True, mine=is_mine)
    if answer == CLOSED:
        return Status(None, skipped=f"closed ({word})", mine=is_mine)
    if answer == SKIP:
        return Status(None, skipped=f"status {word!r} skipped", mine=is_mine)
    if answer == SAVED:
        return Status(Stage.APPLIED, SAVED_STATE, mine=is_mine)
    return Status(_STAGES[answer], mine=is_mine)


def column(rows: Sequence[Sequence[str]], index: int | None, shortest: int) -> list[str]:
    """The stripped cells of column ``index`` ("" where a row is short, every cell "" for
    None); ``shortest`` is the length of the shortest row."""
    if index is None:
        return [""] * len(rows)
    if index < shortest:
        return list(map(str.strip, map(itemgetter(index), rows)))
    return [row[index].strip() if index < len(row) else "" for row in rows]


def clean_names(cells: list[str]) -> list[str]:
    """:func:`clean_name` of every cell of a column of stripped cells; the column itself
    when it is plain printable ASCII without a double space (nothing to clean)."""
    joined = "".join(cells)
    if joined.isascii() and joined.isprintable() and "  " not in joined:
        return cells
    return [clean_name(cell) for cell in cells]


def clean_notes_column(cells: list[str]) -> list[str]:
    """:func:`clean_notes` of every cell; the column itself when that changes nothing."""
    joined = "".join(cells)
    if joined.isascii() and (joined.isprintable() or not changed_by_clean_text(joined)):
        return cells
    return [clean_notes(cell) for cell in cells]


def _address_fine(cell: str) -> bool:
    return not cell or (len(cell) <= MAX_FIELD_CHARS and bool(_ADDRESS.fullmatch(cell)))


def _vouched_addresses(cells: list[str]) -> list[bool] | None:
    """None when every cell is empty or one address as the checked path takes it; else
    whether each is."""
    joined = "".join(cells)
    if (
        joined.isascii()
        and joined.isprintable()  # no line break, tab or other ASCII space but " "
        and " " not in joined
        and "," not in joined
        and max(map(len, cells), default=0) <= MAX_FIELD_CHARS
        and _PLAIN_ADDRESS_LINES.fullmatch("\n".join(cells))
    ):
        return None
    return [_address_fine(cell) for cell in cells]


def key_text(key: tuple[str, str]) -> str:
    """:meth:`Application.key` as one string, a NUL (which no clean name holds) between
    company and role: a hundred thousand keys are then a hundred thousand objects to keep
    and free, not three times as many (freeing them is one call that holds the GIL)."""
    return "\x00".join(key)


class Built(NamedTuple):
    """Rows made into applications: each an application or the reason (one line) it
    cannot be one, its :func:`key_text` (None for a reason), and the rows that are
    reasons."""

    applications: list[Application | str]
    keys: list[str | None]
    failed: set[int]


def build_applications(
    cells: Mapping[str, list[str]],
    stages: list[Stage],
    applied: list[dt.date | None],
    languages: list[str] | None = None,
) -> Built:
    """One application per row, or the reason a row cannot be one: the same, value for
    value and word for word, as ``Application(...)`` of the row's values gives.

    ``cells``: each of :data:`TEXT_FIELDS` -> the column's stripped cells; ``stages`` and
    ``applied`` the rows' stages and dates; ``languages`` the rows' language packs
    (:func:`language_codes`; None: every row English); all of one length.
    """
    if languages is None:
        languages = [DEFAULT_LANGUAGE] * len(stages)
    company, role, contact, recruiter = (clean_names(cells[f]) for f in NAME_FIELDS)
    raw_company, raw_role, raw_contact, emails, raw_recruiter, raw_notes = (
        cells[f] for f in TEXT_FIELDS
    )
    notes = clean_notes_column(cells["notes"])
    checked: set[int] = set()  # rows the checked constructor builds
    for names in (company, role, contact, recruiter):
        if max(map(len, names), default=0) > MAX_FIELD_CHARS:
            checked.update(i for i, name in enumerate(names) if len(name) > MAX_FIELD_CHARS)
    if "" in company:
        checked.update(i for i, name in enumerate(company) if not name)
    if "<" in "".join(raw_contact):  # "Name <address>" with no address column: split
        checked.update(i for i, c in enumerate(raw_contact) if "<" in c and not emails[i])
    vouched = _vouched_addresses(emails)
    if vouched is not None:
        checked.update(i for i, fine in enumerate(vouched) if not fine)
    addresses = emails if "".join(emails).isascii() else [nfc(e) for e in emails]
    columns = (company, role, contact, addresses, recruiter, stages, applied, notes, languages)
    built: list[Application | str] = list(Application.trusted(columns))
    keys: list[str | None]
    if "".join(company).isascii() and "".join(role).isascii():
        # NFC changes no ASCII text, a clean name holds no double space, and case folding
        # goes character by character: fold the joined key once.
        keys = list(map(str.casefold, map("\x00".join, zip(company, role, strict=True))))
    else:
        keys = list(map(key_text, map(application_key, company, role)))
    failed: set[int] = set()
    for i in checked:
        try:
            application = Application(
                raw_company[i], raw_role[i], raw_contact[i], emails[i], raw_recruiter[i],
                stages[i], applied[i], raw_notes[i], languages[i],
            )  # fmt: skip
        except (InputError, ValueError) as exc:
            built[i], keys[i] = str(exc), None
            failed.add(i)
        else:
            built[i], keys[i] = application, key_text(application.key())
    return Built(built, keys, failed)


def language_names() -> dict[str, str]:
    """Every way a cell may name a language Bow Out writes, folded (case and accents
    aside) -> its pack: the code ("de"), and the language's name in English and in each
    pack's own language ("German", "Deutsch", "allemand", "alemán"), from Babel's CLDR
    data (the names a person types in a spreadsheet)."""
    from babel import Locale, UnknownLocaleError

    packs = available_languages()
    names: dict[str, str] = {}
    for code in packs:
        names[fold_name(code)] = code
        try:
            locale = Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue
        for shown_in in {DEFAULT_LANGUAGE, *packs}:
            name = locale.get_language_name(shown_in)
            if name:
                names.setdefault(fold_name(name), code)
    return names


def fold_name(text: str) -> str:
    """``text`` lower-cased without accents or surrounding space ("Alemán" -> "aleman")."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def language_codes(cells: list[str], first_line: int) -> list[str]:
    """The language pack each cell of a Language column names (:func:`language_names`;
    an empty cell is English). InputError names the line (``first_line`` is the first
    cell's) of a cell that names no language Bow Out writes."""
    if not any(cells):
        return [DEFAULT_LANGUAGE] * len(cells)
    names = language_names()
    codes = []
    for i, cell in enumerate(cells):
        code = names.get(fold_name(cell)) if cell else DEFAULT_LANGUAGE
        if code is None:
            raise InputError(
                f"line {first_line + i}: {cell[:40]!r} is not a language Bow Out writes "
                f"(the languages are {', '.join(available_languages())}); correct the "
                "cell or leave it empty for English"
            )
        codes.append(code)
    return codes


class DateCells:
    """Dates of cells, read once per distinct cell (a column of ten thousand rows holds
    a few hundred dates)."""

    def __init__(self, order: str) -> None:
        self.order = order
        self._dates: dict[str, dt.date | None] = {}
        self._problems: dict[str, str] = {}

    def read(self, cells: list[str]) -> tuple[list[dt.date | None], dict[int, str]]:
        """(each cell's date, None for an empty one or one that is not a date; the rows
        whose cell is not a date -> why)."""
        dates, problems = self._dates, self._problems
        for cell in set(cells).difference(dates):
            try:
                dates[cell] = parse_date(cell, self.order)
            except ValueError as exc:
                dates[cell], problems[cell] = None, str(exc)
        bad = {i: problems[c] for i, c in enumerate(cells) if c in problems} if problems else {}
        return list(map(dates.__getitem__, cells)), bad
