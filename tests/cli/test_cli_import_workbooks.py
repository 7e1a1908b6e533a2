"""``bowout applications import`` reads .xlsx, .xls and .ods workbooks directly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cli_helpers import run

import spreadsheets

ROWS: list[list[spreadsheets.Cell]] = [
    ["Company", "Job Title", "Contact", "Status", "Date Applied", "Notes"],
    ["Schäfer GmbH", "Data Analyst", "Sam Ortiz <sam.ortiz@contoso.example>", "Interview",
     dt.datetime(2026, 11, 3, 14, 30), "met the team"],
    ["Northwind", "QA Lead", "Jordan Lee", "Offer", dt.date(2026, 10, 5), ""],
    ["Fabrikam", "Designer", "", "Wishlist", None, 42],
    ["Litware", "Engineer", "", "Rejected", dt.date(2026, 9, 1), ""],
]  # fmt: skip


def _listed(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, dict[str, object]]:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "applications", "list", "--json")
    assert code == 0
    return {str(a["company"]): a for a in json.loads(out)}


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
@pytest.mark.parametrize("suffix", ["own", "csv"], ids=["own-name", "saved-as-csv"])
def test_a_workbook_imports_directly_whatever_its_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, suffix: str
) -> None:
    path = spreadsheets.write(tmp_path / f"jobs.{kind if suffix == 'own' else 'csv'}", ROWS, kind)
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "applications", "import",
                         str(path), "--yes")  # fmt: skip
    assert (code, err) == (0, ""), err
    assert out.startswith(f"Imported 3 application(s) from {path.name}")
    assert "Skipped line 5: closed (Rejected)" in out
    kept = _listed(capsys, tmp_path / "d")
    assert set(kept) == {"Schäfer GmbH", "Northwind", "Fabrikam"}
    schafer = kept["Schäfer GmbH"]
    assert (schafer["role"], schafer["stage"], schafer["applied"]) == (
        "Data Analyst",
        "interviewing",
        "2026-11-03",
    )
    assert (schafer["contact"], schafer["contact_email"]) == (
        "Sam Ortiz",
        "sam.ortiz@contoso.example",
    )
    assert kept["Northwind"]["applied"] == "2026-10-05"
    assert (kept["Fabrikam"]["state"], kept["Fabrikam"]["notes"]) == ("saved", "42")
