"""``bowout applications import`` with the files people really bring: every encoding, line
ending and separator spreadsheets write, damaged and wrong files, devices and pipes."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from cli_helpers import run

TABLE = [
    ["Company", "Role", "Status", "Notes"],
    ["Northwind", "Data Analyst", "Phone screen", "met Jo, liked the team"],
    ["Schäfer GmbH", "QA Lead", "Final interview", "second call, then a panel"],
]


def _import(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, *flags: str):
    path = tmp_path / "jobs.csv"
    path.write_bytes(data)
    return run(
        capsys, "--data-dir", str(tmp_path / "d"), "applications", "import", str(path), "--yes",
        *flags,
    )  # fmt: skip


def _kept(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "d"), "applications", "list", "--json")
    assert code == 0
    kept: list[dict[str, object]] = json.loads(out)
    return kept


def _one_line_error(code: int, out: str, err: str) -> str:
    assert code == 2 and out == "", (code, out, err)
    assert err.startswith("bowout: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("ending", ["\r", "\n", "\r\n"], ids=["cr-mac", "lf", "crlf"])
def test_every_line_ending_imports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, ending: str
) -> None:
    data = ending.join(",".join(f'"{c}"' for c in row) for row in TABLE).encode("utf-8")
    code, out, err = _import(capsys, tmp_path, data)
    assert (code, err) == (0, "") and out.startswith("Imported 2 application(s)")
    kept = {a["company"]: a for a in _kept(capsys, tmp_path)}
    assert kept["Northwind"]["notes"] == "met Jo, liked the team"
    assert kept["Schäfer GmbH"]["stage"] == "final"


def test_a_semicolon_file_whose_notes_hold_commas_splits_on_semicolons(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = [
        "Company;Role;Status;Notes",
        "Northwind;Data Analyst;Applied;met Jo, liked the team, salary 50,000, hybrid, May, 4 days",
        'Contoso;QA Lead;Applied;"quoted; with a semicolon, and commas, three, of, them"',
        "Fabrikam;Designer;Applied;call back, Tuesday, 10:00, ask for Jo, bring the portfolio",
    ]
    text = "\r\n".join(rows)
    assert text.count(",") > text.count(";")  # counting characters would choose the comma
    code, out, err = _import(capsys, tmp_path, text.encode("cp1252"))
    assert (code, err) == (0, "") and "Imported 3 application(s)" in out
    notes = {a["company"]: a["notes"] for a in _kept(capsys, tmp_path)}
    assert notes["Northwind"] == "met Jo, liked the team, salary 50,000, hybrid, May, 4 days"
    assert notes["Contoso"] == "quoted; with a semicolon, and commas, three, of, them"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe" + "Company,Role\r\nAcme,X\r\n".encode("utf-16-le") + b"\x00",
         "ends halfway through a character"),
        (b"\xff\xfe" + "Company,Role\r\nAcme,".encode("utf-16-le") + b"\x00\xd8A\x00",
         "broken character"),
        (b'Company,Role,Notes\nAcme,X,"never closed\nGlobex,Y,fine\n', "never closed"),
        (b'Company,Role,Notes\nAcme,X,"' + b"y" * 140_000 + b'"\n',
         "longer than 131,072 characters"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (bytes(range(256)) * 40, "binary data"),
        (b"PK\x03\x04" + bytes(200), "cannot be read"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cannot be read"),
    ],
    ids=["utf16-odd", "utf16-lone-surrogate", "unclosed-quote", "huge-cell", "pdf",
         "random-bytes", "broken-zip", "broken-xls"],
)  # fmt: skip
def test_a_broken_or_wrong_file_is_one_line_and_nothing_is_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, message: str
) -> None:
    err = _one_line_error(*_import(capsys, tmp_path, data))
    assert message in err
    assert _kept(capsys, tmp_path) == []


def test_dev_zero_is_refused_without_reading_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "--data-dir", str(tmp_path / "d"), "applications", "import", "/dev/zero"
    )
    assert "not a file" in _one_line_error(code, out, err)


def test_a_fifo_is_refused_without_blocking(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    outcome: list[tuple[int, str, str]] = []
    worker = threading.Thread(
        target=lambda: outcome.append(
            run(capsys, "--data-dir", str(tmp_path / "d"), "applications", "import", str(fifo))
        ),
        daemon=True,
    )
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock it so the test run can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("importing a FIFO blocked")
    assert "not a file" in _one_line_error(*outcome[0])


def test_a_file_over_the_size_bound_is_refused_before_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk used, 200 MB by size
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "applications", "import",
                         str(big))  # fmt: skip
    err = _one_line_error(code, out, err)
    assert "too large" in err and "split it into files" in err


def test_more_rows_than_the_cap_says_the_cap_and_how_to_split(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = "Company,Role\n" + "".join(f"C{i},R\n" for i in range(100_001))
    err = _one_line_error(*_import(capsys, tmp_path, data.encode()))
    assert "more than 100,000 rows" in err and "each starting with the header row" in err
