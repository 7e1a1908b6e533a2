"""``bowout history`` and ``bowout draft --save`` as a user runs them."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest
from cli_helpers import run

from bowout.cli import history as cli_history
from bowout.core import Composer, Profile, Situation, Stage
from bowout.storage import History, HistoryError, Record


def _save(data_dir: Path, company: str) -> str:
    draft = Composer().compose(Situation(stage=Stage.OFFER, company=company), Profile("Maya"))
    return cli_history.save_draft(draft, data_dir)


def test_save_draft_returns_a_durable_id(data_dir: Path) -> None:
    record_id = _save(data_dir, "Northwind")
    assert History.open(data_dir).get(record_id).company == "Northwind"


def test_history_parser_and_run_directly(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    cli_history.add_parser(parser.add_subparsers(dest="command"))
    record_id = _save(data_dir, "Northwind")
    for argv in (["history", "--json", "list"], ["history", "list", "--json"]):
        assert cli_history.run(parser.parse_args(argv), data_dir) == 0
        [item] = json.loads(capsys.readouterr().out)
        assert item["id"] == record_id
    assert cli_history.run(parser.parse_args(["history", "list"]), data_dir) == 0
    assert record_id[:8] in capsys.readouterr().out


def test_list_show_export_import(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(data_dir)
    assert run(capsys, "--data-dir", d, "history", "list")[1] == "The history is empty.\n"
    first, second = _save(data_dir, "Northwind"), _save(data_dir, "Zoë École")
    code, out, _ = run(capsys, "--data-dir", d, "history", "list")
    assert code == 0 and out.index(second[:8]) < out.index(first[:8])
    assert "Zoë École" in out
    code, out, _ = run(capsys, "--data-dir", d, "history", "show", first)
    assert code == 0 and f"Id:        {first}" in out and "Company:   Northwind" in out
    code, out, _ = run(capsys, "--data-dir", d, "history", "show", first[:6], "--json")
    assert json.loads(out)["id"] == first
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "--data-dir", d, "history", "export", str(target))
    assert code == 0 and out == f"Exported 2 record(s) to {target}\n"
    other = tmp_path / "other"
    code, out, _ = run(capsys, "--data-dir", str(other), "history", "import", str(target), "--json")
    assert code == 0 and json.loads(out) == {
        "added": 2,
        "updated": 0,
        "skipped": 0,
        "applications": 0,
        "follow_ups": 0,
        "mappings": 0,
    }
    code, out, _ = run(capsys, "--data-dir", str(other), "history", "import", str(target))
    assert out == f"Imported {target}: 0 added, 0 updated, 2 skipped\n"
    code, out, _ = run(capsys, "--data-dir", d, "history", "export", str(target), "--json")
    assert json.loads(out) == {"exported": 2, "file": str(target)}


def test_draft_save_prints_the_id(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "--data-dir", str(data_dir), "draft", "--stage", "final", "--company", "Acme",
        "--format", "json", "--save",
    )  # fmt: skip
    assert code == 0, err
    record_id = json.loads(out)["id"]
    assert History.open(data_dir).get(record_id).company == "Acme"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["history", "show", "ffffffff"], "No record with id 'ffffffff'"),
        (["history", "import", "missing.json"], "Could not read missing.json"),
    ],
)
def test_errors_are_one_line_exit_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    _save(data_dir, "A")
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    assert code == 2 and out == ""
    assert err.startswith("bowout: error: ") and words in err and err.count("\n") == 1


def test_id_prefixes(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        for rid in ("abc" + "0" * 29, "abd" + "0" * 29):
            history.add(Record(id=rid, company=rid[:3]))
        with pytest.raises(HistoryError, match="'ab' matches 2 records; type more"):
            cli_history.resolve_id(history, "ab")
        assert cli_history.resolve_id(history, "ABD") == "abd" + "0" * 29


def test_a_damaged_file_is_reported_as_a_note(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _save(data_dir, "A")
    _save(data_dir, "B")
    (data_dir / "history.json").write_bytes(b"\x00")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "history", "list")
    assert code == 0 and "A" in out
    assert err.startswith("bowout: note: The history file could not be read")


def test_read_only_folder_is_one_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = data_dir / "file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "--data-dir", str(blocker / "sub"), "history", "list")
    assert code == 2 and err.startswith(f"bowout: error: cannot use {blocker / 'sub'} as the data")
    assert err.count("\n") == 1 and os.listdir(data_dir) == ["file"]


def test_missing_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "history")
    assert code == 2 and "bowout: error:" in err
