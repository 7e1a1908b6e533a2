"""Reading a spreadsheet's or job tracker's export into applications.

The file is read once into a :class:`~bowout.core.tabular.Table` (CSV, .xlsx, .xls or .ods,
told apart by content); this module turns its rows into applications. Column names differ
from tool to tool, so a mapping from column to field is guessed from the header and can be
corrected; status words get their answers from :mod:`bowout.core.statuses` or from the
person; dates are read by :mod:`bowout.core.import_dates`. Rows that cannot be imported are
reported with their line numbers, never silently dropped; an optional value that cannot be
read (a date) is left out of its row, which is kept, and the row is named.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import NamedTuple

from bowout.core.applications import FIELDS, Application, nfc
from bowout.core.errors import InputError
from bowout.core.import_dates import DATE_ORDERS, column_order, first_ambiguous
from bowout.core.import_rows import (
    TEXT_FIELDS,
    Built,
    DateCells,
    Status,
    build_applications,
    column,
    key_text,
    language_codes,
    status_of,
)
from bowout.core.situation import Stage
from bowout.core.statuses import check_answer, status_key
from bowout.core.tabular import PROGRESS_EVERY, Progress, Table, read_table

#: Header words that name each field (lowercased, camelCase split, punctuation removed),
#: most specific first: "appliedDate" is the date even beside JobSync's yes/no "applied".
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "contact_email": ("contact email", "email address", "email", "e mail", "mail"),
    "recruiter": ("recruiter name", "recruiter", "agency", "agent"),
    "contact": ("contact name", "contact person", "contact", "hiring manager", "manager",
                "interviewer"),
    "company": ("company name", "company", "employer", "organisation", "organization",
                "business"),
    "role": ("job title", "job position", "position", "role", "title", "job role", "job",
             "vacancy"),
    "stage": ("application status", "pipeline stage", "status", "stage", "state", "list"),
    "applied": ("date applied", "applied date", "applied on", "application date",
                "date of application", "submitted", "applied", "date"),
    "notes": ("notes", "note", "comments", "comment"),
    "language": ("message language", "language", "lang", "sprache", "langue", "idioma"),
}  # fmt: skip


class DateOrderNeeded(InputError):
    """Every date of the applied column reads both ways (11/2/2026): the person must say
    the order (``--date-order dmy|mdy``, or the window's question)."""

    def __init__(self, column: str, example: str) -> None:
        super().__init__(
            f"the dates in column {column!r} could be day first or month first "
            f"({example}); say which they are"
        )
        self.column = column
        self.example = example


@dataclasses.dataclass
class ImportResult:
    """What a table gave: applications and their states ("open", "saved", or "accepted"
    where the history keeps it), rows skipped (line, why), rows kept without a value
    (line, what), status words to ask about (word -> lines; ``accepted_words`` are those
    meaning an accepted offer), the mapping used and the date order ("dmy"/"mdy")."""

    applications: list[Application]
    states: list[str]
    skipped: list[tuple[int, str]]
    unknown_statuses: dict[str, list[int]]
    mapping: dict[str, str]
    notes: list[tuple[int, str]] = dataclasses.field(default_factory=list)
    accepted_words: set[str] = dataclasses.field(default_factory=set)
    date_order: str = ""
    #: Status words the person's answers placed (word -> lines), so they can be changed.
    answered_statuses: dict[str, list[int]] = dataclasses.field(default_factory=dict)


def _words(header: str) -> str:
    split = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header)  # JobTitle, appliedDate
    return " ".join(re.sub(r"[^\w]+|_", " ", split.casefold()).split())


def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """Column header -> field, for the headers that name one (each field at most once,
    each column at most one field; the most specific header word wins)."""
    words_of = {header: _words(header) for header in headers if header}
    mapping: dict[str, str] = {}
    for field, words in HEADER_WORDS.items():
        for word in words:
            header = next((h for h, w in words_of.items() if w == word and h not in mapping), "")
            if header:
                mapping[header] = field
                break
    return mapping


def _header_row(rows: Sequence[Sequence[str]]) -> int:
    """Index of the header row: the first with two or more filled cells (InputError if none)."""
    for i, row in enumerate(rows):
        if sum(1 for c in row if c.strip()) >= 2:
            return i
    raise InputError("no header row: the first row with two or more filled cells")


def read_headers(table: Table | bytes) -> list[str]:
    """The column headers of a table, stripped and in NFC, in file order (to look up a
    mapping remembered for them). InputError when there is no header row."""
    rows = (read_table(table) if isinstance(table, bytes) else table).rows
    return [nfc(h.strip()) for h in rows[_header_row(rows)]]


def _apply_overrides(
    headers: list[str], mapping: dict[str, str], overrides: Mapping[str, str]
) -> dict[str, str]:
    for given, field in overrides.items():
        column = nfc(given)
        if column not in headers:
            shown = ", ".join(h for h in headers[:40] if h)
            more = f" and {len(headers) - 40:,} more" if len(headers) > 40 else ""
            raise InputError(f"no column named {column!r}; the columns are {shown}{more}")
        if field and field not in FIELDS:
            raise InputError(f"{field!r} is not a field; the fields are {', '.join(FIELDS)}")
        mapping = {c: f for c, f in mapping.items() if f != field or not field}
        mapping[column] = field
    return mapping


def read_applications(
    table: Table | bytes,
    overrides: Mapping[str, str] | None = None,
    statuses: Mapping[str, str] | None = None,
    existing: Sequence[Application] = (),
    *,
    date_order: str | None = None,
    accepted_state: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Applications from a table (or the bytes of a file). InputError when no column is
    the company; :class:`DateOrderNeeded` when the dates are all ambiguous and no
    ``date_order`` ("dmy" or "mdy") is given.

    ``overrides``: column -> field corrections of the guessed mapping (field "" ignores a
    column). ``statuses``: the person's answers for status words (word -> a stage
    identifier, "closed", "saved" or "skip"; InputError for another), before the table's.
    ``existing``: applications already kept; the same company and role are skipped.
    ``accepted_state``: the history keeps accepted applications ("accepted" is one of its
    states); otherwise a word meaning the offer was accepted is asked about.
    ``progress``: called with (rows done, rows in all) every few thousand rows; it may
    raise :class:`~bowout.core.tabular.ReadCancelled` to stop.
    """
    if isinstance(table, bytes):
        table = read_table(table)
    if date_order not in (None, *DATE_ORDERS):
        raise InputError(f"the date order is dmy or mdy, not {date_order!r}")
    rows = table.rows
    header_at = _header_row(rows)
    headers = [nfc(h.strip()) for h in rows[header_at]]
    mapping = _apply_overrides(headers, guess_mapping(headers), overrides or {})
    if "company" not in mapping.values():
        raise InputError("no column is the company; name it with --map COLUMN=company")
    answers: dict[str, str] = {}
    for word, answer in (statuses or {}).items():
        try:
            answers[status_key(word)] = check_answer(word, answer)
        except ValueError as exc:
            raise InputError(str(exc)) from None
    first = {h: i for i, h in reversed(list(enumerate(headers)))}
    index = {field: first[column] for column, field in mapping.items() if field}
    body = rows[header_at + 1 :]
    order = _date_order(body, index.get("applied"), headers, date_order)
    result = ImportResult([], [], [], {}, mapping, date_order=order if date_order else "")
    reader = _RowReader(index, answers, order, accepted_state, existing)
    total = len(body)
    for start in range(0, total, PROGRESS_EVERY):
        reader.read(body[start : start + PROGRESS_EVERY], header_at + 2 + start, result)
        if progress and start + PROGRESS_EVERY < total:
            progress(header_at + 2 + start + PROGRESS_EVERY, total)
    return result


def _date_order(
    body: Sequence[Sequence[str]], at: int | None, headers: list[str], given: str | None
) -> str:
    if at is None or given:
        return given or "dmy"
    # Each distinct cell once, in the order they come: a column repeats its dates. A block
    # at a time, as the rows are read: no one call holds the GIL over the whole file.
    distinct: dict[str, None] = {}
    for start in range(0, len(body), PROGRESS_EVERY):
        rows = body[start : start + PROGRESS_EVERY]
        distinct.update(dict.fromkeys(column(rows, at, min(map(len, rows)))))
    cells = list(distinct)
    order = column_order(cells)
    if order is None:
        raise DateOrderNeeded(headers[at], first_ambiguous(cells))
    return order


class _Block(NamedTuple):
    """A block of rows, read: status words, what they do, the rows without their date
    (-> why) and the rows made applications."""

    words: list[str]
    statuses: list[Status]
    date_problems: dict[int, str]
    built: Built


class _RowReader:
    """Turns rows into applications a block at a time, column by column (see
    :mod:`bowout.core.import_rows`), remembering status words and dates across blocks."""

    def __init__(
        self,
        index: dict[str, int],
        answers: dict[str, str],
        order: str,
        accepted: bool,
        existing: Sequence[Application],
    ) -> None:
        self.index = index
        self.answers = answers
        self.accepted = accepted
        self.dates = DateCells(order)
        self.seen = {key_text(a.key()) for a in existing}
        self._statuses: dict[str, Status] = {}

    def read(self, rows: Sequence[Sequence[str]], first_line: int, result: ImportResult) -> None:
        """Adds the rows (the first of them on line ``first_line``) to ``result``."""
        index, shortest = self.index, min(map(len, rows), default=0)
        cells = {f: column(rows, index.get(f), shortest) for f in TEXT_FIELDS}
        words = column(rows, index.get("stage"), shortest)
        known = self._statuses
        for word in set(words).difference(known):
            known[word] = status_of(word, self.answers, self.accepted)
        statuses = list(map(known.__getitem__, words))  # C loops: a block is 2,000 rows
        companies, blank = cells["company"], False
        if "" in companies:  # a row with a company is not blank: look at the others only
            for i, company in enumerate(companies):
                if not company and not "".join(rows[i]).strip():
                    statuses[i], blank = _BLANK, True
        applied, date_problems = self.dates.read(column(rows, index.get("applied"), shortest))
        stage_of = {w: known[w].stage or Stage.APPLIED for w in set(words)}
        languages = language_codes(column(rows, index.get("language"), shortest), first_line)
        stages = list(map(stage_of.__getitem__, words))
        built = build_applications(cells, stages, applied, languages)
        plain = (  # every row imported as it is: nothing to say of any
            not date_problems
            and not built.failed
            and all(known[w].stage is not None and not known[w].mine for w in set(words))
            and not blank
            and len(set(built.keys)) == len(rows)
            and self.seen.isdisjoint(built.keys)
        )
        if plain:
            result.applications += built.applications  # type: ignore[arg-type]
            result.states += map(attrgetter("state"), statuses)
            self.seen.update(built.keys)  # type: ignore[arg-type]
            return
        self._read_rows(first_line, result, _Block(words, statuses, date_problems, built))

    def _read_rows(self, first_line: int, result: ImportResult, block: _Block) -> None:
        """Adds the rows one at a time, saying what happened to each that was not simply
        imported."""
        words, statuses, date_problems, built = block
        seen = self.seen
        together = zip(words, statuses, built.applications, built.keys, strict=True)
        for i, (word, status, application, key) in enumerate(together):
            line = first_line + i
            if status is _BLANK:
                continue
            if status.mine:
                result.answered_statuses.setdefault(word, []).append(line)
            if status.stage is None:
                if status.skipped:
                    result.skipped.append((line, status.skipped))
                    continue
                if status.accepted_word:
                    result.accepted_words.add(word)
                result.unknown_statuses.setdefault(word, []).append(line)
                continue
            if i in date_problems:
                result.notes.append((line, f"{date_problems[i]}; imported without the date"))
            if isinstance(application, str):
                result.skipped.append((line, application))
                continue
            if key in seen:
                result.skipped.append((line, "already listed"))
                continue
            seen.add(key)  # type: ignore[arg-type]
            result.applications.append(application)
            result.states.append(status.state)


#: The status of a blank row, which is passed over.
_BLANK = Status(None)
