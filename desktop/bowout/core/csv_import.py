"""Reading a spreadsheet's or job tracker's CSV export into open applications.

Spreadsheets write UTF-8 with or without a byte-order mark, UTF-16 (Excel's "Unicode
text") or Windows-1252, separated by commas, semicolons (where the comma is the decimal
mark) or tabs. Column names differ from tool to tool, so a mapping from column to field is
guessed from the header and can be corrected; status words become stages; rows that
cannot be read are reported with their line numbers, never silently dropped.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence

from bowout.core.applications import CLOSED, FIELDS, Application, stage_for_status
from bowout.core.errors import InputError
from bowout.core.situation import Stage

#: Header words that name each field (lowercased, punctuation removed), most specific first.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "contact_email": ("contact email", "email", "e mail", "email address", "mail"),
    "recruiter": ("recruiter", "agency", "recruiter name", "agent"),
    "contact": ("contact", "contact name", "hiring manager", "manager", "interviewer",
                "contact person"),
    "company": ("company", "employer", "organisation", "organization", "company name",
                "business"),
    "role": ("role", "position", "job title", "title", "job", "job role", "vacancy"),
    "stage": ("status", "stage", "application status", "state", "pipeline stage"),
    "applied": ("date", "applied", "date applied", "applied on", "application date",
                "applied date", "submitted"),
    "notes": ("notes", "note", "comments", "comment"),
}  # fmt: skip
#: Largest file read (bytes): a job tracker's export is a few kilobytes.
MAX_BYTES = 5_000_000
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}


@dataclasses.dataclass
class ImportResult:
    """What a CSV gave: applications, rows skipped (line, why), statuses to ask about."""

    applications: list[Application]
    skipped: list[tuple[int, str]]
    unknown_statuses: dict[str, list[int]]
    mapping: dict[str, str]


def decode(data: bytes) -> str:
    """Text of a CSV file in any encoding spreadsheets write (see the module docstring)."""
    if len(data) > MAX_BYTES:
        raise InputError(f"the file is {len(data):,} bytes; a CSV of applications is smaller")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def split_rows(text: str) -> list[list[str]]:
    """Rows of cells; the separator (comma, semicolon or tab) is the one the text uses."""
    sample = "\n".join(text.splitlines()[:20])
    counts = {sep: sample.count(sep) for sep in (",", ";", "\t")}
    delimiter = max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _words(header: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", header.casefold()).split())


def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """Column header -> field, for the headers that name one (each field at most once)."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for field, words in HEADER_WORDS.items():
        for header in headers:
            if header in mapping or field in taken:
                continue
            if _words(header) in words:
                mapping[header] = field
                taken.add(field)
    return mapping


def parse_date(text: str, day_first: bool) -> dt.date | None:
    """A date as spreadsheets write it (2026-03-02, 02/03/2026, 2 Mar 2026, Mar 2, 2026);
    None for an empty cell, ValueError ("not a date: ...") for anything else."""
    try:
        return _parse_date(text.strip(), day_first)
    except (ValueError, KeyError):
        raise ValueError(f"not a date: {text.strip()!r}") from None


def _parse_date(text: str, day_first: bool) -> dt.date | None:
    if not text:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", text):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})", text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        year += 2000 if year < 100 else 0
        day, month = (a, b) if day_first else (b, a)
        return dt.date(year, month, day)
    if m := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})", text):
        return dt.date(int(m[3]), _MONTHS[m[2].casefold()], int(m[1]))
    if m := re.fullmatch(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})", text):
        return dt.date(int(m[3]), _MONTHS[m[1].casefold()], int(m[2]))
    raise ValueError(f"not a date: {text!r}")


def _day_first(cells: Sequence[str]) -> bool:
    """Whether slashed dates in a column put the day first (a first part above 12 says so)."""
    for cell in cells:
        if m := re.fullmatch(r"\s*(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\s*", cell):
            if int(m[1]) > 12:
                return True
            if int(m[2]) > 12:
                return False
    return True


def _header_row(rows: Sequence[Sequence[str]]) -> int:
    """Index of the header row: the first with two or more filled cells (InputError if none)."""
    for i, row in enumerate(rows):
        if sum(1 for c in row if c.strip()) >= 2:
            return i
    raise InputError("no header row: the first row with two or more filled cells")


def read_headers(data: bytes) -> list[str]:
    """The column headers of a CSV export, stripped, in file order (to look up a mapping
    remembered for them). InputError when there is no header row."""
    rows = split_rows(decode(data))
    return [h.strip() for h in rows[_header_row(rows)]]


def read_applications(
    data: bytes,
    overrides: Mapping[str, str] | None = None,
    statuses: Mapping[str, str] | None = None,
    existing: Sequence[Application] = (),
) -> ImportResult:
    """Open applications from a CSV export. InputError when no row names a company.

    ``overrides``: column -> field corrections of the guessed mapping (field "" ignores a
    column). ``statuses``: answers for status words Bow Out did not know (word -> stage
    identifier, ValueError for one that is not).
    ``existing``: applications already kept; the same company and role are skipped.
    """
    rows = split_rows(decode(data))
    header_at = _header_row(rows)
    headers = [h.strip() for h in rows[header_at]]
    mapping = guess_mapping(headers)
    for column, field in (overrides or {}).items():
        if column not in headers:
            raise InputError(f"no column named {column!r}; the columns are {', '.join(headers)}")
        if field and field not in FIELDS:
            raise InputError(f"{field!r} is not a field; the fields are {', '.join(FIELDS)}")
        mapping = {c: f for c, f in mapping.items() if f != field}
        mapping[column] = field
    if "company" not in mapping.values():
        raise InputError("no column is the company; name it with --map COLUMN=company")
    index = {field: headers.index(column) for column, field in mapping.items() if field}
    body = rows[header_at + 1 :]
    day_first = _day_first(
        [r[index["applied"]] for r in body if len(r) > index.get("applied", 1 << 30)]
    )
    result = ImportResult([], [], {}, mapping)
    seen = {a.key() for a in existing}
    for line, row in enumerate(body, start=header_at + 2):
        cells = {field: (row[i].strip() if i < len(row) else "") for field, i in index.items()}
        if not any(c.strip() for c in row):
            continue  # a blank row
        status = cells.get("stage", "")
        if status.casefold() in CLOSED:
            result.skipped.append((line, f"closed ({status})"))
            continue
        stage = stage_for_status(status) if status else Stage.APPLIED
        if stage is None and statuses and status in statuses:
            stage = Stage(statuses[status])
        if stage is None:
            result.unknown_statuses.setdefault(status, []).append(line)
            continue
        try:
            application = Application(
                company=cells.get("company", ""), role=cells.get("role", ""),
                contact=cells.get("contact", ""), contact_email=cells.get("contact_email", ""),
                recruiter=cells.get("recruiter", ""), stage=stage,
                applied=parse_date(cells.get("applied", ""), day_first),
                notes=cells.get("notes", ""),
            )  # fmt: skip
        except (InputError, ValueError, KeyError) as exc:
            result.skipped.append((line, str(exc)))
            continue
        if application.key() in seen:
            result.skipped.append((line, "already listed"))
            continue
        seen.add(application.key())
        result.applications.append(application)
    return result
