"""The table reader's own rules: separators, encodings, and native code's stderr."""

from __future__ import annotations

import logging
import os

import pytest

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
