"""Dates as trackers and spreadsheets write them; ambiguous ones are asked about, never
guessed; an optional date that cannot be read never drops its row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run

SAME_DAY = ["2026-11-03", "2026/11/03", "3-Nov-26", "46329", "2026-11-03 14:30",
            "Nov 3, 2026 2:30 PM", "Tuesday, November 3, 2026", "2026-11-03T09:15:00Z"]  # fmt: skip


def _import(capsys: pytest.CaptureFixture[str], data_dir: Path, path: Path, *flags: str):
    return run(capsys, "--data-dir", str(data_dir), "applications", "import", str(path),
               "--yes", *flags)  # fmt: skip


def _applied(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, object]:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "applications", "list", "--json")
    assert code == 0
    return {a["company"]: a["applied"] for a in json.loads(out)}


def test_every_way_of_writing_a_date_reads_and_no_row_is_dropped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = [f'Company {i},Engineer,"{cell}"' for i, cell in enumerate(SAME_DAY)]
    path = tmp_path / "dates.csv"
    path.write_text("Company,Role,Date applied\n" + "\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = _import(capsys, tmp_path / "d", path)
    assert (code, err) == (0, "") and out.startswith(f"Imported {len(SAME_DAY)} application(s)")
    assert set(_applied(capsys, tmp_path / "d").values()) == {"2026-11-03"}


def test_a_date_that_cannot_be_read_leaves_the_row_without_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "dates.csv"
    path.write_text("Company,Date applied\nAcme,sometime in May\nGlobex,N/A\n", encoding="utf-8")
    code, out, _ = _import(capsys, tmp_path / "d", path)
    assert code == 0 and out.startswith("Imported 2 application(s)")
    assert "Line 2: not a date: 'sometime in May'; imported without the date" in out
    assert _applied(capsys, tmp_path / "d") == {"Acme": None, "Globex": None}


def test_a_column_of_ambiguous_dates_needs_the_order_and_it_is_remembered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "us.csv"
    path.write_text("Company,Applied\nAcme,11/2/2026\nGlobex,3/4/2026\n", encoding="utf-8")
    code, out, err = _import(capsys, tmp_path / "d", path)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "could be day first or month first (11/2/2026)" in err
    assert "--date-order dmy reads it as 11 February 2026" in err
    assert "--date-order mdy reads it as 2 November 2026" in err
    assert _applied(capsys, tmp_path / "d") == {}
    code, _, err = _import(capsys, tmp_path / "d", path, "--date-order", "mdy")
    assert (code, err) == (0, "")
    assert _applied(capsys, tmp_path / "d") == {"Acme": "2026-11-02", "Globex": "2026-03-04"}
    later = tmp_path / "later.csv"
    later.write_text("Applied,Company\n5/6/2026,Initech\n", encoding="utf-8")
    code, _, err = _import(capsys, tmp_path / "d", later)  # same columns: the order is kept
    assert (code, err) == (0, "")
    assert _applied(capsys, tmp_path / "d")["Initech"] == "2026-05-06"


@pytest.mark.parametrize(("order", "expected"), [("dmy", "2026-02-11"), ("mdy", "2026-11-02")])
def test_the_date_order_flag_decides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, order: str, expected: str
) -> None:
    path = tmp_path / "one.csv"
    path.write_text("Company,Applied\nAcme,11/2/2026\n", encoding="utf-8")
    code, _, err = _import(capsys, tmp_path / "d", path, "--date-order", order)
    assert (code, err) == (0, "")
    assert _applied(capsys, tmp_path / "d") == {"Acme": expected}


def test_a_column_whose_dates_say_their_order_needs_no_flag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "eu.csv"
    path.write_text("Company,Applied\nAcme,11/2/2026\nGlobex,25/3/2026\n", encoding="utf-8")
    code, _, err = _import(capsys, tmp_path / "d", path)
    assert (code, err) == (0, "")
    assert _applied(capsys, tmp_path / "d") == {"Acme": "2026-02-11", "Globex": "2026-03-25"}
