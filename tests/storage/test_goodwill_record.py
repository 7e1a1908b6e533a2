"""The goodwill offered after rescinding is kept with the record (schema 3)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from storage_helpers import make_record

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.storage import SCHEMA_VERSION, History, HistoryError, Record
from bowout.storage.conflicts import COMPARED, compare_text, differences


def saved_dict(**changes: Any) -> dict[str, Any]:
    data = make_record().to_dict()
    data.update(id="1" * 32, created="2026-01-31T09:00:00.000000Z")
    data["updated"] = data["created"]
    data.update(changes)
    return data


def test_the_choices_are_kept_and_rebuild_the_situation() -> None:
    situation = Situation(
        stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.PHONE,
        goodwill=(Goodwill.REFERRAL, Goodwill.STAY_IN_TOUCH), contact="Jordan Lee",
    )  # fmt: skip
    record = Record.from_draft(Composer().compose(situation, Profile("Aiko")))
    assert record.goodwill == ["referral", "stay-in-touch"]
    assert record.situation() == situation
    assert "goodwill.referral" in {item["key"] for item in record.checklist}


def test_a_schema_2_record_is_migrated_with_no_goodwill() -> None:
    old = saved_dict(schema_version=2)
    del old["goodwill"]
    record = Record.from_dict(old)
    assert record.schema_version == SCHEMA_VERSION >= 3
    assert record.goodwill == [] and record.situation().goodwill == ()
    assert record.to_dict()["goodwill"] == []


def test_saved_choices_survive_a_reopened_history(tmp_path) -> None:  # type: ignore[no-untyped-def]
    situation = Situation(stage=Stage.ACCEPTED, goodwill=tuple(Goodwill))
    record = Record.from_draft(Composer().compose(situation, Profile()))
    with History.open(tmp_path) as history:
        saved = history.add(record)
    with History.open(tmp_path) as history:
        again = history.get(saved.id)
    assert again.goodwill == ["referral", "handover", "stay-in-touch"]
    assert again.situation().goodwill_offered == tuple(Goodwill)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("referral", "must be a list"),
        (["a-named-person"], "goodwill holds 'a-named-person'"),
        (["referral", "referral"], "twice"),
        ([1], "must be a list"),
    ],
)
def test_a_broken_goodwill_field_is_named(value: object, message: str) -> None:
    with pytest.raises(HistoryError, match=message):
        Record.from_dict(saved_dict(goodwill=value))


def test_a_comparison_names_every_field_a_person_changes() -> None:
    """goodwill (and before it the negotiation, voice, greeting...) was left out."""
    a = Record.from_dict(saved_dict())
    b = Record.from_dict(saved_dict(goodwill=["referral"]))
    assert differences(a, b) == ["goodwill"]
    assert "goodwill:" in compare_text(a, b)
    c = Record.from_dict(saved_dict(voice="formal", greeting="Dr. Lee"))
    assert differences(a, c) == ["voice", "greeting"]
    named = set(COMPARED) | {"id", "created", "updated", "schema_version", "body_html"}
    assert named == {f.name for f in dataclasses.fields(Record)}
