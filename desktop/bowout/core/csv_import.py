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
import datetime as dt
import re
from collections.abc import Mapping, Sequence

from bowout.core.applications import FIELDS, Application, nfc
from bowout.core.errors import InputError
from bowout.core.import_dates import DATE_ORDERS, column_order, first_ambiguous, parse_date
from bowout.core.situation import Stage
from bowout.core.statuses import (
    ACCEPTED_OFFER,
    ACCEPTED_STATE,
    CLOSED,
    SAVED,
    SKIP,
    answer_for,
    check_answer,
    status_key,
)
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
}  # fmt: skip
_STAGES = {stage.value: stage for stage in Stage}
#: The application state of a row, by what its status word means.
OPEN_STATE = "open"
SAVED_STATE = "saved"


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
    reader = _RowReader(index, answers, order, accepted_state)
    result = ImportResult([], [], [], {}, mapping, date_order=order if date_order else "")
    seen = {a.key() for a in existing}
    total = len(body)
    for line, row in enumerate(body, start=header_at + 2):
        if progress and line % PROGRESS_EVERY == 0:
            progress(line, total)
        if not "".join(row).strip():
            continue  # a blank row
        reader.read(line, row, result, seen)
    return result


def _date_order(
    body: Sequence[Sequence[str]], column: int | None, headers: list[str], given: str | None
) -> str:
    if column is None or given:
        return given or "dmy"
    cells = [r[column] for r in body if column < len(r)]
    order = column_order(cells)
    if order is None:
        raise DateOrderNeeded(headers[column], first_ambiguous(cells))
    return order


class _RowReader:
    """Turns one row into an application, with caches for the values that repeat (status
    words, dates): a file of ten thousand rows has a handful of each."""

    def __init__(
        self, index: dict[str, int], answers: dict[str, str], order: str, accepted: bool
    ) -> None:
        self.index = index
        self.answers = answers
        self.order = order
        self.accepted = accepted
        self._answer_cache: dict[str, tuple[str | None, bool]] = {}
        self._date_cache: dict[str, dt.date | str | None] = {}

    def answer(self, status: str) -> tuple[str | None, bool]:
        """(the answer for a status word, whether it is the person's)."""
        if status not in self._answer_cache:
            mine = self.answers.get(status_key(status))
            self._answer_cache[status] = (mine or answer_for(status), mine is not None)
        return self._answer_cache[status]

    def date(self, cell: str) -> dt.date | str | None:
        if cell not in self._date_cache:
            try:
                self._date_cache[cell] = parse_date(cell, self.order)
            except ValueError as exc:
                self._date_cache[cell] = str(exc)
        return self._date_cache[cell]

    def read(
        self, line: int, row: Sequence[str], result: ImportResult, seen: set[tuple[str, str]]
    ) -> None:
        width = len(row)
        cells = {f: row[i].strip() for f, i in self.index.items() if i < width}
        status = cells.get("stage", "")
        answer, mine = self.answer(status) if status else (Stage.APPLIED.value, False)
        if mine:
            result.answered_statuses.setdefault(status, []).append(line)
        state = OPEN_STATE
        if answer == ACCEPTED_OFFER:
            if not self.accepted:
                result.accepted_words.add(status)
                answer = None
            else:
                answer, state = Stage.OFFER.value, ACCEPTED_STATE
        if answer is None:
            result.unknown_statuses.setdefault(status, []).append(line)
            return
        if answer == CLOSED:
            result.skipped.append((line, f"closed ({status})"))
            return
        if answer == SKIP:
            result.skipped.append((line, f"status {status!r} skipped"))
            return
        if answer == SAVED:
            answer, state = Stage.APPLIED.value, SAVED_STATE
        applied = self.date(cells.get("applied", ""))
        if isinstance(applied, str):
            result.notes.append((line, f"{applied}; imported without the date"))
            applied = None
        get = cells.get
        try:
            application = Application(
                get("company", ""), get("role", ""), get("contact", ""), get("contact_email", ""),
                get("recruiter", ""), _STAGES[answer], applied, get("notes", ""),
            )  # fmt: skip
        except (InputError, ValueError) as exc:
            result.skipped.append((line, str(exc)))
            return
        key = application.key()
        if key in seen:
            result.skipped.append((line, "already listed"))
            return
        seen.add(key)
        result.applications.append(application)
        result.states.append(state)
