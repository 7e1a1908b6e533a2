"""Export and import: validated completely first, merged by id, never deleting anything."""

from __future__ import annotations

import stat
from pathlib import Path

import orjson
import pytest
from storage_helpers import make_record

from bowout.storage import History, HistoryError, ImportReport


def test_export_then_import_elsewhere_round_trips(history: History, tmp_path: Path) -> None:
    saved = [history.add(make_record(f"C{i}")) for i in range(3)]
    history.delete(saved[0].id)
    out = tmp_path / "export.json"
    assert history.transfer.export_json(out) == 2
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    payload = orjson.loads(out.read_bytes())
    assert payload["format"] == "bowout-history" and len(payload["records"]) == 2
    other = History.open(tmp_path / "other")
    assert other.transfer.import_json(out) == ImportReport(added=2, updated=0, skipped=0)
    assert other.list() == history.list()
    assert other.transfer.import_json(out) == ImportReport(added=0, updated=0, skipped=2)


def test_import_merges_newer_versions_and_skips_older_and_trashed(
    history: History, tmp_path: Path
) -> None:
    a, b, c = (history.add(make_record(n)) for n in ("A", "B", "C"))
    out = tmp_path / "export.json"
    history.transfer.export_json(out)
    a.notes = "edited here after the export"
    history.update(a)  # newer here than in the file: skipped
    history.delete(c.id)  # deleted here: stays in the trash
    data = orjson.loads(out.read_bytes())
    for item in data["records"]:
        if item["id"] == b.id:
            item["notes"] = "edited in the other copy"
            item["updated"] = "2099-01-01T00:00:00.000000Z"
    data["records"].append({**make_record("New").to_dict()})  # no id yet: gets one
    out.write_bytes(orjson.dumps(data))
    assert history.transfer.import_json(out) == ImportReport(added=1, updated=1, skipped=2)
    assert history.get(a.id).notes == "edited here after the export"
    assert history.get(b.id).notes == "edited in the other copy"
    assert [r.id for r in history.trash()] == [c.id]
    assert {r.company for r in history.list()} == {"A", "B", "New"}


def test_import_accepts_a_bare_list(history: History, tmp_path: Path) -> None:
    out = tmp_path / "list.json"
    out.write_bytes(orjson.dumps([make_record("One").to_dict(), make_record("Two").to_dict()]))
    assert history.transfer.import_json(out).added == 2


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "something-else", "records": []}', "not a Bow Out history export"),
        (b'"a string"', "not a Bow Out history export"),
        (b"\xff\xfe garbage", "not valid JSON"),
    ],
)
def test_a_bad_file_is_rejected_without_touching_the_history(
    history: History, tmp_path: Path, content: bytes, words: str
) -> None:
    history.add(make_record())
    before = history.path.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(HistoryError, match=words) as info:
        history.transfer.import_json(bad)
    assert "history was not changed" in str(info.value)
    assert history.path.read_bytes() == before


def test_one_bad_record_rejects_the_whole_file(history: History, tmp_path: Path) -> None:
    before = history.path.read_bytes()
    good, broken = make_record("Good").to_dict(), make_record("Broken").to_dict()
    broken["channel"] = "carrier pigeon"
    bad = tmp_path / "bad.json"
    bad.write_bytes(orjson.dumps([good, broken]))
    with pytest.raises(HistoryError, match="record 2: channel must be one of"):
        history.transfer.import_json(bad)
    assert history.list() == [] and history.path.read_bytes() == before


def test_repeated_ids_are_rejected(history: History, tmp_path: Path) -> None:
    record = make_record().to_dict()
    record.update(id="b" * 32, created="2026-01-01T00:00:00Z", updated="2026-01-01T00:00:00Z")
    bad = tmp_path / "dup.json"
    bad.write_bytes(orjson.dumps([record, record]))
    with pytest.raises(HistoryError, match="repeats the id"):
        history.transfer.import_json(bad)


def test_missing_import_file_and_export_onto_the_history(history: History, tmp_path: Path) -> None:
    with pytest.raises(HistoryError, match="Could not read"):
        history.transfer.import_json(tmp_path / "nope.json")
    with pytest.raises(HistoryError, match="another file"):
        history.transfer.export_json(history.path)
    with pytest.raises(HistoryError, match="Could not export"):
        history.transfer.export_json(tmp_path / "no" / "such" / "folder.json")


def test_import_checks_every_field_as_a_save_would(history: History, tmp_path: Path) -> None:
    from bowout.core.exports import to_eml
    from bowout.core.situation import Profile

    kept = history.add(make_record("Kept"))
    before = history.path.read_bytes()
    good, bad = make_record("Good").to_dict(), make_record("Bad").to_dict()
    bad["subject"] = "Withdrawing\nBcc: everyone@example.com"
    source = tmp_path / "crafted.json"
    source.write_bytes(orjson.dumps([good, bad]))
    with pytest.raises(HistoryError, match=r"record 2: subject contains a line break"):
        history.transfer.import_json(source)
    assert history.path.read_bytes() == before  # nothing changed
    assert [r.id for r in history.list()] == [kept.id]
    for record in history.list():  # what import lets in, every export can write
        to_eml(record.subject, record.body_text, record.body_html, Profile())


def test_import_stages_all_records_in_one_step(
    history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TinyDB rebuilds the whole table per insert: one step per record made import O(n²)."""
    from bowout.storage.jsonstore import HistoryStorage

    kept = history.add(make_record("Kept"))
    newer = kept.to_dict()
    newer["notes"], newer["updated"] = "changed", "2099-01-01T00:00:00.000000Z"
    source = tmp_path / "many.json"
    source.write_bytes(orjson.dumps([newer] + [make_record(f"C{i}").to_dict() for i in range(50)]))
    staged: list[int] = []
    real_write = HistoryStorage.write

    def counting_write(self: HistoryStorage, data: dict[str, dict[str, object]]) -> None:
        staged.append(len(data["records"]))
        real_write(self, data)

    monkeypatch.setattr(HistoryStorage, "write", counting_write)
    assert history.transfer.import_json(source) == ImportReport(added=50, updated=1, skipped=0)
    assert staged == [51]
    assert history.get(kept.id).notes == "changed"
