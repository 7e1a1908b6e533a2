"""Text as different systems write it is one text: NFC everywhere, "Name <address>" split."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from cli_helpers import run

COMPOSED = "Schäfer"  # Windows: one ä
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)  # macOS: a + combining diaeresis


def _kept(capsys: pytest.CaptureFixture[str], data_dir: Path) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "applications", "list", "--json")
    assert code == 0
    kept: list[dict[str, object]] = json.loads(out)
    return kept


def test_a_company_typed_on_macos_and_on_windows_is_one_company(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert COMPOSED != DECOMPOSED
    path = tmp_path / "jobs.csv"
    path.write_text(f"Company,Role\n{DECOMPOSED},Analyst\n{COMPOSED},Analyst\n", encoding="utf-8")
    dd = str(tmp_path / "d")
    code, out, err = run(capsys, "--data-dir", dd, "applications", "import", str(path), "--yes")
    assert (code, err) == (0, "") and out.startswith("Imported 1 application(s)")
    assert "Skipped line 3: already listed" in out
    [kept] = _kept(capsys, tmp_path / "d")
    assert kept["company"] == COMPOSED  # stored in NFC
    code, _, err = run(capsys, "--data-dir", dd, "applications", "add", "--company", DECOMPOSED,
                       "--role", "analyst")  # fmt: skip
    assert code == 2 and "already in your applications" in err


def test_decomposed_headers_find_the_remembered_mapping(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = unicodedata.normalize("NFD", "Société")
    first = tmp_path / "a.csv"
    first.write_text("Société,Rôle\nAcme,Analyst\n", encoding="utf-8")
    dd = str(tmp_path / "d")
    code, _, err = run(capsys, "--data-dir", dd, "applications", "import", str(first), "--yes",
                       "--map", "Société=company", "--map", "Rôle=role")  # fmt: skip
    assert (code, err) == (0, "")
    second = tmp_path / "b.csv"
    second.write_text(f"{header},{unicodedata.normalize('NFD', 'Rôle')}\nGlobex,Lead\n",
                      encoding="utf-8")  # fmt: skip
    code, out, err = run(capsys, "--data-dir", dd, "applications", "import", str(second))
    assert (code, err) == (0, "") and "Société → company, Rôle → role" in out


@pytest.mark.parametrize(
    ("cell", "contact", "address"),
    [("Sam Ortiz <sam.ortiz@contoso.example>", "Sam Ortiz", "sam.ortiz@contoso.example"),
     ('"Ortiz, Sam" <sam.ortiz@contoso.example>', "Ortiz, Sam", "sam.ortiz@contoso.example"),
     ("<sam.ortiz@contoso.example>", "", "sam.ortiz@contoso.example"),
     ("Sam Ortiz", "Sam Ortiz", "")],
)  # fmt: skip
def test_a_name_and_address_in_one_cell_are_split(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, cell: str, contact: str, address: str
) -> None:
    path = tmp_path / "jobs.csv"
    escaped = cell.replace('"', '""')
    path.write_text(f'Company,Contact\nContoso,"{escaped}"\n', encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "d"), "applications", "import",
                       str(path), "--yes")  # fmt: skip
    assert (code, err) == (0, "")
    [kept] = _kept(capsys, tmp_path / "d")
    assert (kept["contact"], kept["contact_email"]) == (contact, address)
