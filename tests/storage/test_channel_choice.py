"""A record remembers whether its channel was chosen or recommended (issue 11, case 7)."""

from __future__ import annotations

from typing import Any

import pytest

from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.situation import Channel
from bowout.storage import SCHEMA_VERSION, HistoryError, Record


def _record(situation: Situation) -> Record:
    return Record.from_draft(Composer().compose(situation, Profile()))


def _version_1(record: Record) -> dict[str, Any]:
    data = record.to_dict()
    del data["channel_chosen"]
    data["schema_version"] = 1
    return data


def test_recommended_channel_is_not_pinned() -> None:
    record = _record(Situation(stage=Stage.APPLIED))
    assert record.channel == "email" and record.channel_chosen is False
    assert record.situation().channel is None


def test_chosen_channel_stays_chosen() -> None:
    record = _record(Situation(stage=Stage.APPLIED, channel=Channel.PHONE))
    assert record.channel_chosen is True
    assert record.situation().channel is Channel.PHONE


@pytest.mark.parametrize(
    ("stage", "channel", "chosen"),
    [("applied", "email", False), ("applied", "phone", True), ("accepted", "phone", False)],
)
def test_version_1_records_are_migrated_by_the_advice(
    stage: str, channel: str, chosen: bool
) -> None:
    record = _record(Situation(stage=Stage(stage), channel=Channel(channel)))
    migrated = Record.from_dict({**_version_1(record), "id": "0" * 32})
    assert migrated.channel_chosen is chosen
    assert migrated.schema_version == SCHEMA_VERSION


def test_channel_chosen_must_be_a_flag() -> None:
    data = {**_record(Situation(stage=Stage.APPLIED)).to_dict(), "channel_chosen": "yes"}
    with pytest.raises(HistoryError, match="channel_chosen must be true or false"):
        Record.from_dict(data)
