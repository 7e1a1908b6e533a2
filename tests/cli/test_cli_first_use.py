"""The command line on first use: no custom templates yet, a bad --data-dir (issue 11, case 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run

from bowout.settings import Settings, save_settings


def test_templates_check_without_a_custom_folder_says_builtins_are_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "data"), "templates", "check")
    assert code == 0, err
    assert "built-in templates are in use" in out
    assert err == ""


def test_templates_check_without_dir_checks_every_folder_in_use(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data, mine = tmp_path / "data", tmp_path / "mine"
    (data / "templates").mkdir(parents=True)
    mine.mkdir()
    (data / "templates" / "linkedin.txt.j2").write_text("Leaving: {{ role }}")
    (mine / "email.txt.j2").write_text("{{ salary }}")
    save_settings(data, Settings(templates_dir=str(mine)))
    code, out, _ = run(capsys, "--data-dir", str(data), "templates", "check")
    assert code == 1
    assert "salary" in out
    assert f"{data / 'templates'}: 1 template(s) checked, 0 problem(s)" in out


def test_a_named_folder_that_is_missing_is_still_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "templates", "check", str(tmp_path / "missing"))
    assert code == 2 and "no template folder" in err


@pytest.mark.parametrize("inside", ["", "sub"])
def test_data_dir_on_a_file_names_the_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, inside: str
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    folder = blocker / inside if inside else blocker
    code, _, err = run(capsys, "--data-dir", str(folder), "history", "list")
    assert code == 2
    assert err.count("\n") == 1
    assert f"cannot use {folder} as the data folder" in err
    assert "history.json" not in err


def test_data_dir_from_the_environment_names_the_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    monkeypatch.setenv("BOWOUT_DATA_DIR", str(blocker))
    code, _, err = run(capsys, "history", "list")
    assert code == 2
    assert f"cannot use {blocker} as the data folder: it is a file, not a folder" in err
