"""``bowout applications import|list|add|remove``: CSV files from spreadsheets, remembered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run

from bowout.storage import History

TABLE = [
    ["Company", "Position", "Contact", "Email", "Status", "Date applied"],
    ["Northwind", "Data Analyst", "Jordan Lee", "jordan@northwind.example", "Phone screen",
     "2026-10-02"],
    ["Contoso", "QA Lead", "Zoë Ørsted", "", "Final interview", "05/10/2026"],
    ["Fabrikam", "Designer", "", "", "Offer", "9 Oct 2026"],
]  # fmt: skip


def _write(path: Path, rows: list[list[str]], sep: str = ",", encoding: str = "utf-8") -> Path:
    text = "\r\n".join(sep.join(row) for row in rows) + "\r\n"
    data = text.encode("utf-8") if encoding == "utf-8-sig" else text.encode(encoding)
    path.write_bytes(b"\xef\xbb\xbf" + data if encoding == "utf-8-sig" else data)
    return path


def _listed(capsys: pytest.CaptureFixture[str], data_dir: Path) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "applications", "list", "--json")
    assert code == 0
    listed: list[dict[str, object]] = json.loads(out)
    return listed


@pytest.mark.parametrize("sep", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_every_encoding_and_separator_imports_through_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sep: str, encoding: str
) -> None:
    csv = _write(tmp_path / "apps.csv", TABLE, sep, encoding)
    code, out, err = run(
        capsys, "--data-dir", str(tmp_path / "d"), "applications", "import", str(csv), "--yes",
        "--date-order", "dmy",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith("Imported 3 application(s) from apps.csv (Company → company,")
    listed = _listed(capsys, tmp_path / "d")
    assert [a["company"] for a in listed] == ["Contoso", "Fabrikam", "Northwind"]
    assert [a["stage"] for a in listed] == ["final", "offer", "screening"]
    assert listed[0]["contact"] == "Zoë Ørsted" and listed[0]["applied"] == "2026-10-05"
    assert listed[2]["contact_email"] == "jordan@northwind.example"
    assert {a["state"] for a in listed} == {"open"} and all(len(str(a["id"])) == 32 for a in listed)


def test_a_first_mapping_is_confirmed_then_remembered_by_header_set(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dd = str(tmp_path / "d")
    first = _write(
        tmp_path / "a.csv",
        [["Org", "Job", "Stage now", "Link"], ["Northwind", "Analyst", "Panel", "x"]],
    )
    code, out, err = run(
        capsys,
        "--data-dir",
        dd,
        "applications",
        "import",
        str(first),
        "--map",
        "Org=company",
        "--map",
        "Job=role",
    )
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert "the columns were guessed (Org → company, Job → role; ignored: Stage now, Link)" in err
    code, _, err = run(
        capsys,
        "--data-dir",
        dd,
        "applications",
        "import",
        str(first),
        "--yes",
        "--map",
        "Org=company",
        "--map",
        "Job=role",
        "--map",
        "Stage now=stage",
    )
    assert code == 2 and len(err.splitlines()) == 1
    assert "'Panel' (line 2)" in err and "--status 'Panel=STAGE|closed|saved|skip'" in err
    assert "nothing was imported" in err and _listed(capsys, tmp_path / "d") == []
    code, out, _ = run(
        capsys,
        "--data-dir",
        dd,
        "applications",
        "import",
        str(first),
        "--map",
        "Org=company",
        "--map",
        "Job=role",
        "--map",
        "Stage now=stage",
        "--status",
        "Panel=interviewing",
        "--yes",
    )
    assert code == 0 and "Imported 1 application(s)" in out
    # Same columns in another order, another status: no flags needed any more.
    second = _write(
        tmp_path / "b.csv",
        [["Link", "Stage now", "Job", "Org"], ["", "Panel", "Engineer", "Contoso"]],
    )
    code, out, err = run(capsys, "--data-dir", dd, "applications", "import", str(second))
    assert (code, err) == (0, "") and "Imported 1 application(s)" in out
    stages = {a["company"]: a["stage"] for a in _listed(capsys, tmp_path / "d")}
    assert stages == {"Northwind": "interviewing", "Contoso": "interviewing"}
    with History.open(tmp_path / "d") as history:
        mapping = history.applications.mapping(["Org", "Job", "Stage now", "Link"])
    assert mapping is not None
    assert mapping.columns == {"Org": "company", "Job": "role", "Stage now": "stage"}
    assert mapping.statuses == {"Panel": "interviewing"}


MESSY = """My job search 2026,,,,
,,,,
Employer;Job title;Status;Applied on;Notes
Northwind;Data Analyst;Applied;03/14/2026;via referral
;;;;
Contoso;QA Lead;Technical interview;14 Mar 2026;
Litware;Designer;Rejected;2026-03-01;
Tailspin;;Take-home;Mar 20, 2026;
northwind;data  analyst;Phone screen;2026-03-23;duplicate
Initech;Engineer;Applied;31/31/2026;
"""


def test_duplicates_closed_and_bad_rows_are_reported_with_line_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dd = str(tmp_path / "d")
    code, _, _ = run(capsys, "--data-dir", dd, "applications", "add", "--company", "Tailspin")
    assert code == 0
    csv = tmp_path / "messy.csv"
    csv.write_text(MESSY, encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", dd, "applications", "import", str(csv), "--yes")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Imported 3 application(s) from messy.csv")
    assert "Skipped line 7: closed (Rejected)" in lines
    assert "Skipped line 8: already listed" in lines  # Tailspin, kept before the import
    assert "Skipped line 9: already listed" in lines  # Northwind twice in the file
    assert "Line 10: not a date: '31/31/2026'; imported without the date" in lines
    companies = [a["company"] for a in _listed(capsys, tmp_path / "d")]
    assert companies == ["Contoso", "Initech", "Northwind", "Tailspin"]
    code, out, _ = run(capsys, "--data-dir", dd, "applications", "import", str(csv), "--yes")
    assert code == 0 and out.startswith("Imported 0 application(s)")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--map", "Nope=company"], "no column named 'Nope'"),
        (["--map", "Company=salary"], "'salary' is not a field"),
        (["--status", "Panel=hired"], "'hired' (for 'Panel') is not a stage or answer"),
        (["--map", "Company="], "no column is the company"),
    ],
)
def test_bad_flags_are_one_line_and_change_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    csv = _write(tmp_path / "apps.csv", TABLE)
    code, out, err = run(
        capsys,
        "--data-dir",
        str(tmp_path / "d"),
        "applications",
        "import",
        str(csv),
        "--yes",
        *argv,
    )
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and message in err
    assert _listed(capsys, tmp_path / "d") == []


def test_a_missing_or_empty_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dd = str(tmp_path / "d")
    code, _, err = run(capsys, "--data-dir", dd, "applications", "import", str(tmp_path / "x"))
    assert code == 2 and err.startswith("bowout: error: cannot read") and err.count("\n") == 1
    (tmp_path / "empty.csv").write_bytes(b"")
    code, _, err = run(
        capsys, "--data-dir", dd, "applications", "import", str(tmp_path / "empty.csv")
    )
    assert code == 2 and "no header row" in err and err.count("\n") == 1


def test_add_list_and_remove(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dd = str(tmp_path / "d")
    code, out, _ = run(
        capsys,
        "--data-dir",
        dd,
        "applications",
        "add",
        "--company",
        "Northwind",
        "--role",
        "Analyst",
        "--stage",
        "final",
        "--contact",
        "Jordan Lee",
        "--applied",
        "2026-10-02",
        "--notes",
        "met the team",
    )
    app_id = out.strip()
    assert code == 0 and len(app_id) == 32
    code, _, err = run(
        capsys,
        "--data-dir",
        dd,
        "applications",
        "add",
        "--company",
        "northwind",
        "--role",
        "analyst",
    )
    assert code == 2 and "Northwind (Analyst) is already in your applications" in err
    code, _, err = run(
        capsys, "--data-dir", dd, "applications", "add", "--company", "X", "--contact-email", "nope"
    )
    assert code == 2 and err.count("\n") == 1
    code, out, _ = run(capsys, "--data-dir", dd, "applications", "list")
    listed_line = f"{app_id[:8]}  open       final         2026-10-02  en     "
    assert out == listed_line + "Northwind — Analyst (Jordan Lee)\n"
    [listed] = _listed(capsys, tmp_path / "d")
    assert listed["notes"] == "met the team" and listed["record_ids"] == []
    code, out, _ = run(capsys, "--data-dir", dd, "applications", "remove", app_id[:6])
    assert code == 0 and out == "Removed Northwind — Analyst (Jordan Lee)\n"
    code, out, _ = run(capsys, "--data-dir", dd, "applications", "list")
    assert "No applications kept" in out
    code, _, err = run(capsys, "--data-dir", dd, "applications", "remove", "abc")
    assert code == 2 and "matches 0 applications" in err


class _Terminal:
    """Standard input that is a terminal (the answers come from ``input``)."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "imported"), [("y", 3), ("", 0), ("no", 0)])
def test_on_a_terminal_a_first_mapping_is_confirmed_by_a_question(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    imported: int,
) -> None:
    csv = _write(tmp_path / "apps.csv", TABLE)
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or answer)
    code, _, err = run(
        capsys,
        "--data-dir",
        str(tmp_path / "d"),
        "applications",
        "import",
        str(csv),
        "--date-order",
        "dmy",
    )
    assert asked and "Company → company" in asked[0] and "Import 3 application(s)" in asked[0]
    assert len(_listed(capsys, tmp_path / "d")) == imported
    assert code == (0 if imported else 2) and (imported or "run again with --yes" in err)
