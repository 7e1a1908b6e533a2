"""The table reader's own rules: separators, encodings, and native code's stderr."""

from __future__ import annotations

import csv
import io
import logging
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bowout.core import tabular
from bowout.core.errors import InputError


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [("a;b;c\n1;2,5;x, y, z\n", ";"), ('a,b\n"x;y;z",1\n', ","), ("a\tb\n1\t2\n", "\t"),
     ("sep=;\na,b;c\n", ";"), ("a|b|c\n1|2|3\n", "|"), ("just one column\n", ",")],
)  # fmt: skip
def test_the_separator_is_the_one_that_splits_rows_evenly(text: str, delimiter: str) -> None:
    assert tabular.find_delimiter(text) == delimiter


def test_what_native_code_writes_on_a_failure_goes_to_the_log_not_the_terminal(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bowout.core.tabular")
    with pytest.raises(RuntimeError), tabular._native_stderr_kept_aside():
        os.write(2, b"thread '<unnamed>' panicked at cfb.rs:305\n")
        raise RuntimeError("panic")
    assert capfd.readouterr().err == ""
    assert "panicked at cfb.rs:305" in caplog.text
    with tabular._native_stderr_kept_aside():
        os.write(2, b"a warning of its own\n")
    assert capfd.readouterr().err == "a warning of its own\n"  # passed on, not lost


def test_a_workbook_sheet_cell_reads_as_a_person_sees_it() -> None:
    import datetime as dt

    assert tabular.cell_text(3.0) == "3" and tabular.cell_text(2.5) == "2.5"
    assert tabular.cell_text(dt.datetime(2026, 11, 3, 14, 30)) == "2026-11-03 14:30:00"
    assert tabular.cell_text(dt.datetime(2026, 11, 3)) == "2026-11-03"
    assert tabular.cell_text(True) == "TRUE" and tabular.cell_text(None) == ""
    with pytest.raises(InputError, match="binary data"):
        tabular.read_table(b"\x01\x02\x03" * 100)


@pytest.mark.parametrize("ending", ["\n", "\r", "\r\n"])
def test_excels_separator_hint_line_is_read_and_dropped(ending: str) -> None:
    table = tabular.read_table(ending.join(["sep=;", "Company;Notes", "Acme;a, b"]).encode())
    assert table.rows == [("Company", "Notes"), ("Acme", "a, b")]


# -- a large file reaches the csv module a piece at a time ----------------------------------
CSV_PIECES = st.lists(
    st.sampled_from(["a", "b,c", '"q,\r\nq"', '"x\ny"', "\r\n", "\n", "\r", ",", '""', "é"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(CSV_PIECES, st.integers(1, 12))
def test_rows_read_a_piece_at_a_time_are_the_rows_of_the_whole_text(text: str, piece: int) -> None:
    whole = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        expected: list[tuple[str, ...]] | str = [tuple(row) for row in whole]
    except csv.Error as exc:
        expected = str(exc)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tabular, "_PIECE_CHARS", piece)  # quotes and CRLFs across pieces
        pieces = tabular._Pieces(text)
        assert "".join(p.getvalue() for p in pieces) == text
        cut = [p.getvalue() for p in tabular._Pieces(text)][:-1]
        assert all(c.endswith("\n") or (c.endswith("\r") and "\n" not in c[piece:]) for c in cut)
        try:
            rows: list[tuple[str, ...]] | str = tabular._csv_rows(
                text, ",", strict=True, progress=None
            )
        except csv.Error as exc:
            rows = str(exc)
    assert rows == expected


def test_a_large_file_is_never_copied_whole_for_the_csv_module() -> None:
    """One StringIO over a hundred thousand rows held the GIL for ~80 ms (the window could
    not paint); the pieces are each about ``_PIECE_CHARS`` long, a line never cut."""
    text = "Company,Role\r\n" + "".join(f"Acme {i},Role {i}\r\n" for i in range(60_000))
    sizes = [len(p.getvalue()) for p in tabular._Pieces(text)]
    assert len(sizes) > 3 and max(sizes) < tabular._PIECE_CHARS + 40
    assert all(p.getvalue().endswith("\r\n") for p in tabular._Pieces(text))
    done: list[int] = []
    rows = tabular._csv_rows(text, ",", strict=True, progress=lambda d, t: done.append(d))
    assert len(rows) == 60_001 and rows[-1] == ("Acme 59999", "Role 59999")
    assert done == sorted(done) and done[0] > 0 and done[-1] <= len(text)
    lone_cr = text.replace("\r\n", "\r")  # Excel for Mac: no LF at all
    assert tabular._csv_rows(lone_cr, ",", strict=True, progress=None) == rows


def test_an_unreadable_row_is_named_by_the_line_it_starts_on() -> None:
    text = "a,b\r\n1,2\r\n" * 40_000 + '3,"open\r\nquote\r\n'
    with pytest.raises(InputError, match=r"quote opened on line 80,001 is never closed"):
        tabular.read_table(text.encode())
