"""Whether the user chose to call the hiring manager too is kept with the record (schema 5,
issue 21); a record from before loads as "not chosen"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from storage_helpers import make_record

from bowout.core import Channel, Composer, Profile, Situation, Stage
from bowout.storage import SCHEMA_VERSION, History, HistoryError, Record
from bowout.storage.io import export_bytes, parse_import


def saved_dict(**changes: Any) -> dict[str, Any]:
    data = make_record().to_dict()
    data.update(id="2" * 32, created="2026-01-31T09:00:00.000000Z")
    data["updated"] = data["created"]
    data.update(changes)
    return data


def test_the_choice_is_kept_and_rebuilds_the_situation(tmp_path: Path) -> None:
    situation = Situation(stage=Stage.ACCEPTED, channel=Channel.RECRUITER, will_call=True,
                          contact="Priya Nair", recruiter="Tom Baker")  # fmt: skip
    record = Record.from_draft(Composer().compose(situation, Profile("Aiko")))
    assert record.relationship["will_call"] is True
    assert record.situation() == situation
    with History.open(tmp_path) as history:
        saved = history.add(record)
    with History.open(tmp_path) as history:
        assert history.get(saved.id).situation().will_call is True
    (imported,) = parse_import(export_bytes([saved]), tmp_path / "export.json")
    assert imported.situation().will_call is True


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_an_older_record_loads_as_not_chosen(version: int) -> None:
    old = saved_dict(schema_version=version)
    del old["relationship"]["will_call"]
    record = Record.from_dict(old)
    assert record.schema_version == SCHEMA_VERSION == 5
    assert record.relationship["will_call"] is False
    assert record.situation().will_call is False


def test_a_record_without_the_key_at_schema_5_is_refused() -> None:
    data = saved_dict()
    del data["relationship"]["will_call"]
    with pytest.raises(HistoryError, match="will_call"):
        Record.from_dict(data)
