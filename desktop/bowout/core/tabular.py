"""One reader for the tables users bring: CSV in any encoding spreadsheets write, and
Excel (.xlsx, .xls) and LibreOffice (.ods) workbooks, told apart by their content.

A file's name says little (an .xlsx saved as "jobs.csv" is common), so the first bytes
decide: a ZIP or an OLE2 compound file is a workbook, read with python-calamine (the Rust
calamine reader: maintained, fast, one API for all three formats); a PDF or other binary
data is refused in one line; anything else is text. Text is UTF-8 (with or without a
byte-order mark), UTF-16 with a BOM (Excel's "Unicode text"), or Windows-1252/Latin-1;
its lines end in CRLF, LF or a lone CR (Excel for Mac's "Comma Separated Values"), and its
separator (comma, semicolon, tab or bar) is the one that splits the rows into the most
consistent columns, quotes respected.

Every problem a file can have ends in an :class:`~bowout.core.errors.InputError` with one
line a person can act on; never a traceback.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import dataclasses
import datetime as dt
import io
import itertools
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from bowout.core.errors import InputError

#: The largest file read, in bytes (checked before reading): a job tracker's export is a few
#: hundred kilobytes; a hundred thousand rows of one fits well below this.
MAX_BYTES = 64 * 1024 * 1024
#: The most rows read (after the header): a person's applications, many times over. Above
#: it the file is refused, not cut, so that nothing is silently left out.
MAX_ROWS = 100_000
#: How to make a file fit, said with either limit.
SPLIT_HINT = (
    f"split it into files of at most {MAX_ROWS:,} rows, each starting with the header row, "
    "and import them one after the other"
)
#: Separators tried, in the order a tie is settled.
DELIMITERS = (",", ";", "\t", "|")
#: Rows read between two progress reports.
PROGRESS_EVERY = 2_000
_SAMPLE_CHARS = 65_536
#: How much of a file's text is handed to the csv module at a time (see :class:`_Pieces`).
_PIECE_CHARS = 256 * 1024
#: How much of the text the separator is chosen from (a few hundred rows).
_DELIMITER_SAMPLE = 16_384

logger = logging.getLogger(__name__)

#: Called with (units done, units in all) while reading; it may raise :class:`ReadCancelled`.
Progress = Callable[[int, int], None]


class ReadCancelled(Exception):
    """The person cancelled the reading (raised by a progress callback)."""


@dataclasses.dataclass(frozen=True)
class Table:
    """The cells of a file as text, row by row (row ``i`` is line ``i + 1`` of the sheet),
    and what the file was found to be ("CSV, UTF-8, separated by ;", "Excel workbook")."""

    rows: list[tuple[str, ...]]
    kind: str


def read_table(data: bytes, progress: Progress | None = None) -> Table:
    """The table in ``data``, whatever kind of file it is (see the module docstring).

    InputError for a file that is not a table, is damaged, or is over :data:`MAX_ROWS`
    rows; :class:`ReadCancelled` when ``progress`` raises it.
    """
    if len(data) > MAX_BYTES:
        raise InputError(f"the file is over {MAX_BYTES:,} bytes; {SPLIT_HINT}")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _read_workbook(data, progress)
    if data.lstrip(b"\x00\t\r\n ").startswith(b"%PDF"):
        raise InputError(
            "this file is a PDF document, not a table; export your tracker as CSV, "
            ".xlsx, .xls or .ods"
        )
    text, encoding = decode(data)
    return _read_csv(text, encoding, progress)


# -- text -----------------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a text file in any encoding spreadsheets write.

    InputError for UTF-16 that is cut off (an odd number of bytes) or holds a broken
    character (a lone surrogate), and for data that is not text at all.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        body = data[2:]
        if len(body) % 2:
            raise InputError(
                "the file says it is UTF-16 but ends halfway through a character "
                "(an odd number of bytes): it was cut off; save or export it again"
            )
        try:
            text, name = body.decode(codec), "UTF-16"
        except UnicodeDecodeError as exc:
            raise InputError(
                f"the file says it is UTF-16 but holds a broken character at byte "
                f"{exc.start + 2:,}; save or export it again"
            ) from None
    elif data.startswith(b"\xef\xbb\xbf"):
        text, name = data[3:].decode("utf-8", errors="replace"), "UTF-8"
    else:
        try:
            text, name = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            try:
                text, name = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:
                text, name = data.decode("latin-1"), "Latin-1"
    _refuse_binary(text)
    return text, name


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _refuse_binary(text: str) -> None:
    sample = text[:_SAMPLE_CHARS]
    controls = len(_CONTROLS.findall(sample))
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise InputError(
            "this file is not a CSV or a spreadsheet (it holds binary data); export your "
            "tracker as CSV, .xlsx, .xls or .ods"
        )


def _reader(text: str, delimiter: str, strict: bool) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)


def find_delimiter(text: str) -> str:
    """The separator that splits the start of ``text`` into the most rows of one same
    number (two or more) of columns, quotes respected; a comma when none does."""
    if text.startswith(("sep=", "SEP=")) and len(text) > 4 and text[4] in DELIMITERS:
        return text[4]  # Excel's own hint line
    sample = text[:_DELIMITER_SAMPLE]
    if len(text) > _DELIMITER_SAMPLE and "\n" in sample:
        sample = sample[: sample.rfind("\n")]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts: collections.Counter[int] = collections.Counter()
        try:
            for row in _reader(sample, delimiter, strict=False):
                if any(cell.strip() for cell in row):
                    counts[len(row)] += 1
        except csv.Error:
            continue
        width, rows = max(
            ((w, n) for w, n in counts.items() if w > 1), key=lambda c: (c[1], c[0]), default=(0, 0)
        )
        if (rows, width) > best_score:
            best, best_score = delimiter, (rows, width)
    return best


_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}


def _read_csv(text: str, encoding: str, progress: Progress | None) -> Table:
    delimiter = find_delimiter(text)
    if text.startswith(("sep=", "SEP=")):
        parts = re.split(r"\r\n|\r|\n", text, maxsplit=1)
        text = parts[1] if len(parts) > 1 else ""
    try:
        rows = _csv_rows(text, delimiter, strict=True, progress=progress)
    except csv.Error as exc:
        if "expected after" not in str(exc):
            raise InputError(_csv_problem(exc, text, delimiter, strict=True)) from None
        # A stray quote inside a cell ("5'10"" after text): read it as a spreadsheet would.
        try:
            rows = _csv_rows(text, delimiter, strict=False, progress=progress)
        except csv.Error as again:
            raise InputError(_csv_problem(again, text, delimiter, strict=False)) from None
    if progress:
        progress(len(text), len(text))
    return Table(rows, f"CSV, {encoding}, separated by {_NAMES[delimiter]}")


def _csv_rows(
    text: str, delimiter: str, *, strict: bool, progress: Progress | None
) -> list[tuple[str, ...]]:
    """The rows of ``text``, read a block of :data:`PROGRESS_EVERY` rows at a time (the
    csv module's C loop does each block whole); csv.Error as the csv module raises it."""
    pieces = _Pieces(text)
    reader = csv.reader(itertools.chain.from_iterable(pieces), delimiter=delimiter, strict=strict)
    rows: list[tuple[str, ...]] = []
    while True:
        # A tuple of strings leaves the garbage collector's care at its first collection;
        # a list would be traversed by every full collection, which holds the GIL and so
        # would stall the window while a large file is read in a worker.
        block = list(map(tuple, itertools.islice(reader, PROGRESS_EVERY)))
        rows += block
        _check_rows(len(rows))
        if len(block) < PROGRESS_EVERY:
            return rows
        if progress:
            progress(pieces.done, len(text))


class _Pieces:
    """The lines of ``text`` as :class:`io.StringIO` yields them (their own line endings
    kept, as the csv module needs), a piece of about :data:`_PIECE_CHARS` at a time.

    One StringIO over a whole file of a hundred thousand rows copies it in one call that
    holds the GIL for most of a tenth of a second, so the window (in the other thread)
    could not paint; a piece takes well under a millisecond. Pieces end after a line
    break (never between the CR and LF of a CRLF), so no line is cut.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.done = 0  # characters handed out

    def __iter__(self) -> Iterator[io.StringIO]:
        text, size = self.text, len(self.text)
        while self.done < size:
            start = self.done
            end = text.find("\n", start + _PIECE_CHARS) + 1
            if not end:  # no LF after the piece: a CR-only file, or the last piece
                end = text.find("\r", start + _PIECE_CHARS) + 1
                if not end or text.startswith("\n", end):
                    end = size
            self.done = end
            yield io.StringIO(text[start:end], newline="")


def _error_line(text: str, delimiter: str, *, strict: bool) -> int:
    """The line on which the row starts that the csv module cannot read (0 if it can):
    the file read again row by row, only when it has failed."""
    lines = itertools.chain.from_iterable(_Pieces(text))
    reader = csv.reader(lines, delimiter=delimiter, strict=strict)
    while True:
        start = reader.line_num + 1
        try:
            next(reader)
        except StopIteration:
            return 0
        except csv.Error:
            return start


def _csv_problem(exc: csv.Error, text: str, delimiter: str, *, strict: bool) -> str:
    line = _error_line(text, delimiter, strict=strict)
    where = f" on line {line:,}" if line else ""
    message = str(exc)
    if "field larger than field limit" in message:
        return (
            f"a cell{where} is longer than {csv.field_size_limit():,} characters, more than "
            "a CSV cell can hold; is a quote left open before it?"
        )
    if "unexpected end of data" in message:
        return (
            f"a quote opened{where} is never closed, so the rest of the file would be one "
            "cell; close it (or remove it) in the file and import again"
        )
    return f"the CSV cannot be read{where}: {message}"


def _check_rows(count: int) -> None:
    if count > MAX_ROWS + 1:  # the header row and MAX_ROWS rows of applications
        raise InputError(f"the file has more than {MAX_ROWS:,} rows; {SPLIT_HINT}")


# -- workbooks ------------------------------------------------------------------------------
def _read_workbook(data: bytes, progress: Progress | None) -> Table:
    import python_calamine  # a compiled module: loaded only when a workbook comes

    try:
        with _native_stderr_kept_aside():
            book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            kind = _workbook_kind(data, book.sheet_names)
            rows: list[tuple[str, ...]] = []
            for index in range(len(book.sheet_names)):
                sheet = book.get_sheet_by_index(index)
                rows = _sheet_rows(sheet.iter_rows(), sheet.height, progress)
                if rows:
                    break
    except (InputError, ReadCancelled):
        raise
    except BaseException as exc:  # calamine's errors, and a Rust panic (a BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
            raise
        raise InputError(
            "this file looks like a workbook (.xlsx, .xls or .ods) but cannot be read "
            f"({_first_line(exc)}); open it in your spreadsheet app and save it again"
        ) from None
    return Table(rows, kind)


@contextlib.contextmanager
def _native_stderr_kept_aside() -> Iterator[None]:
    """Keep what native code writes to file descriptor 2 aside while it runs.

    A damaged .xls can make calamine (Rust) panic: python-calamine turns the panic into
    an exception, which becomes our one-line message, but Rust's panic hook first writes
    its own lines straight to descriptor 2, past ``sys.stderr``. They go to the log
    instead; anything written there without a failure is passed on to stderr unchanged.
    """
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all (a windowed app on Windows): nothing to keep aside
        yield
        return
    failed = True
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
            failed = False
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            written = sink.read()
            if written and failed:
                logger.info("the workbook reader said: %s", written.decode("utf-8", "replace"))
            elif written:
                os.write(2, written)


def _workbook_kind(data: bytes, sheets: Sequence[str]) -> str:
    if data.startswith(b"PK"):
        head = data[:200]
        if b"mimetypeapplication/vnd.oasis.opendocument" in head:
            return "OpenDocument spreadsheet (.ods)"
        return "Excel workbook (.xlsx)"
    return "Excel 97-2003 workbook (.xls)"


def _sheet_rows(
    cells: Iterable[list[Any]], height: int, progress: Progress | None
) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for count, row in enumerate(cells, start=1):
        _check_rows(count)
        rows.append(tuple([cell_text(value) for value in row]))
        if progress and count % PROGRESS_EVERY == 0:
            progress(count, max(height, count))
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    if progress and rows:
        progress(len(rows), len(rows))
    return rows


def cell_text(value: object) -> str:
    """A workbook cell as the text a person sees: dates as YYYY-MM-DD (with the time when
    there is one), whole numbers without ".0", booleans as TRUE/FALSE."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:120]
