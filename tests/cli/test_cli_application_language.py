"""``bowout applications add|edit --language``, the import's Language column, and
``bowout batch`` drafting each application in its own language (issue 26)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run

from bowout.storage import History


def _bowout(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--data-dir", str(data_dir), *argv)


def _listed(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, dict[str, object]]:
    code, out, _ = _bowout(capsys, data_dir, "applications", "list", "--json")
    assert code == 0
    return {a["company"]: a for a in json.loads(out)}


def test_add_and_edit_keep_the_language_and_form_of_address(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _bowout(
        capsys, tmp_path, "applications", "add", "--company", "Schäfer GmbH",
        "--language", "de", "--address", "du",
    )  # fmt: skip
    assert code == 0 and err == ""
    app_id = out.strip()
    assert _bowout(capsys, tmp_path, "applications", "add", "--company", "Contoso")[0] == 0
    listed = _listed(capsys, tmp_path)
    assert (listed["Schäfer GmbH"]["language"], listed["Schäfer GmbH"]["address"]) == (
        "de", "informal",
    )  # fmt: skip
    assert (listed["Contoso"]["language"], listed["Contoso"]["address"]) == ("en", "formal")
    code, out, _ = _bowout(capsys, tmp_path, "applications", "edit", app_id[:8], "--language", "fr")
    assert code == 0 and out == "Saved Schäfer GmbH\n"
    edited = _listed(capsys, tmp_path)["Schäfer GmbH"]
    assert (edited["language"], edited["address"], edited["company"]) == (
        "fr", "informal", "Schäfer GmbH",
    )  # fmt: skip
    code, out, _ = _bowout(capsys, tmp_path, "applications", "list")
    assert "fr     Schäfer GmbH" in out


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["add", "--company", "Acme", "--language", "klingon"], "argument --language: invalid"),
        (["add", "--company", "Acme", "--address", "royal"], "not a form of address"),
        (["edit", "0000", "--language", "de"], "matches 0 applications"),
        (["edit", "ID"], "say what to change"),
    ],
)
def test_bad_language_input_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], said: str
) -> None:
    code, out, _ = _bowout(capsys, tmp_path, "applications", "add", "--company", "Initech")
    assert code == 0
    argv = [out.strip() if a == "ID" else a for a in argv]
    before = (tmp_path / "history.json").read_bytes()
    code, out, err = _bowout(capsys, tmp_path, "applications", *argv)
    assert code == 2 and out == "" and said in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert (tmp_path / "history.json").read_bytes() == before


def test_the_import_reads_a_language_column_and_refuses_an_unknown_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.csv"
    good.write_text("Company,Role,Language\nSchäfer GmbH,Analyst,Deutsch\nDupont,PM,French\n"
                    "Contoso,QA,\n", encoding="utf-8")  # fmt: skip
    code, _, err = _bowout(capsys, tmp_path / "d", "applications", "import", str(good), "--yes")
    assert code == 0, err
    languages = {c: a["language"] for c, a in _listed(capsys, tmp_path / "d").items()}
    assert languages == {"Schäfer GmbH": "de", "Dupont": "fr", "Contoso": "en"}
    bad = tmp_path / "bad.csv"
    bad.write_text("Company,Language\nGlobex,es\nInitech,Klingon\n", encoding="utf-8")
    code, out, err = _bowout(capsys, tmp_path / "d", "applications", "import", str(bad), "--yes")
    assert code == 2 and out == ""
    assert err.startswith("bowout: error: line 3: 'Klingon' is not a language Bow Out writes")
    assert err.count("\n") == 1
    assert "Globex" not in _listed(capsys, tmp_path / "d")  # nothing of it was imported


def test_batch_drafts_each_application_in_its_own_language_unless_told(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv in (["--company", "Schäfer GmbH", "--contact", "Frau Schäfer", "--language", "de"],
                 ["--company", "Dupont", "--language", "fr", "--address", "tu"],
                 ["--company", "Contoso"]):  # fmt: skip
        assert _bowout(capsys, tmp_path, "applications", "add", *argv)[0] == 0
    code, out, err = _bowout(
        capsys, tmp_path, "batch", "--reason", "other-offer", "--format", "json", "--save"
    )
    assert code == 0, err
    drafts = {d["company"]: d for d in json.loads(out)}
    assert {c: (d["language"], d["address"]) for c, d in drafts.items()} == {
        "Schäfer GmbH": ("de", "formal"), "Dupont": ("fr", "informal"),
        "Contoso": ("en", "formal"),
    }  # fmt: skip
    assert "Frau Schäfer" in drafts["Schäfer GmbH"]["body_text"]
    with History.open(tmp_path) as history:
        kept = {r.company: r.language for r in history.list()}
    assert kept == {"Schäfer GmbH": "de", "Dupont": "fr", "Contoso": "en"}
    code, out, _ = _bowout(
        capsys, tmp_path, "batch", "--reason", "other-offer", "--format", "json",
        "--language", "es",
    )  # fmt: skip
    assert code == 0 and {d["language"] for d in json.loads(out)} == {"es"}
