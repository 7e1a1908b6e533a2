"""The file says which format it is; a newer one is opened read-only, never set aside."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from storage_helpers import make_record

from bowout.cli import main
from bowout.storage import History, HistoryError
from bowout.storage.jsonstore import FORMAT_VERSION


def test_every_saved_file_carries_the_format_version(history: History) -> None:
    history.add(make_record())
    data = orjson.loads(history.path.read_bytes())
    assert data["meta"] == {"format_version": FORMAT_VERSION}


def test_a_file_from_before_the_version_opens_and_gains_it(data_dir: Path) -> None:
    record = make_record().to_dict()
    record.update(id="a" * 32, created="2026-01-01T00:00:00.000000Z",
                  updated="2026-01-01T00:00:00.000000Z")  # fmt: skip
    (data_dir / "history.json").write_bytes(
        orjson.dumps({"records": {record["id"]: record}, "trash": {}})
    )
    with History.open(data_dir) as history:
        assert history.recovery_message is None
        history.add(make_record("Second"))
    data = orjson.loads((data_dir / "history.json").read_bytes())
    assert data["meta"]["format_version"] == FORMAT_VERSION and len(data["records"]) == 2


@pytest.mark.parametrize(
    "newer",
    [
        {"meta": {"format_version": FORMAT_VERSION + 1}},
        {"a_later_table": {"x": {"id": "x"}}},  # a table a later version might add
    ],
)
def test_a_newer_file_is_read_only_and_kept(
    data_dir: Path, newer: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    with History.open(data_dir) as history:
        kept = history.add(make_record("Kept"))
    data = orjson.loads((data_dir / "history.json").read_bytes())
    data.update(newer)
    raw = orjson.dumps(data)
    (data_dir / "history.json").write_bytes(raw)
    with History.open(data_dir) as history:
        assert "written by a newer Bow Out" in str(history.recovery_message)
        assert [r.id for r in history.list()] == [kept.id]  # still readable
        with pytest.raises(HistoryError, match="written by a newer Bow Out"):
            history.add(make_record("Refused"))
    assert (data_dir / "history.json").read_bytes() == raw  # untouched, not set aside
    assert not list(data_dir.glob("history-damaged-*"))
    code = main(["--data-dir", str(data_dir), "history", "list"])
    captured = capsys.readouterr()
    assert code == 0 and "Kept" in captured.out
    assert "written by a newer Bow Out" in captured.err
