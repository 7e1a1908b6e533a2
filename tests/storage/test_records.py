"""The record schema: built from drafts, round-tripped, validated and migrated."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from storage_helpers import make_record

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.storage import SCHEMA_VERSION, HistoryError, Record, schema


def saved_dict(**changes: Any) -> dict[str, Any]:
    data = make_record().to_dict()
    data.update(id="0" * 32, created="2026-01-31T09:00:00.000000Z")
    data["updated"] = data["created"]
    data.update(changes)
    return data


def test_from_draft_carries_situation_and_texts() -> None:
    situation = Situation(
        stage=Stage.ACCEPTED,
        reason=Reason.RELOCATION,
        channel=Channel.PHONE,
        via_recruiter=True,
        signing_bonus=True,
        start_date=dt.date(2027, 1, 12),
        company="Northwind",
        role="Analyst",
        contact="Jordan",
        recruiter="Sam",
    )
    draft = Composer().compose(situation, Profile("Maya", "maya@example.com", "1"))
    record = Record.from_draft(draft, notes="called Tuesday")
    assert record.id == "" and record.created == "" and record.status == "draft"
    assert (record.stage, record.reason, record.channel) == ("accepted", "relocation", "phone")
    assert record.subject == draft.subject and record.body_text == draft.body_text
    assert record.phone_script == draft.phone_script and record.phone_script
    assert record.relationship["via_recruiter"] is True and record.relationship["rapport"] is False
    assert record.visa["signing_bonus"] == "paid" and record.visa["start_date"] == "2027-01-12"
    assert [i["key"] for i in record.checklist] == [i.key for i in draft.checklist]
    assert record.notes == "called Tuesday" and record.recruiter == "Sam"
    assert record.situation() == situation


def test_from_draft_keeps_the_users_edits() -> None:
    draft = Composer().compose(Situation(stage=Stage.SCREENING), Profile())
    items = [{"key": "k", "text": "Call Sam", "group": "roadmap", "done": True}]
    record = Record.from_draft(
        draft,
        subject="Edited",
        body_text="Mine",
        body_html="<p>Mine</p>",
        phone_script="Hello",
        checklist=items,
    )
    assert (record.subject, record.body_text, record.body_html) == ("Edited", "Mine", "<p>Mine</p>")
    assert record.phone_script == "Hello" and record.checklist == items
    items[0]["done"] = False
    assert record.checklist[0]["done"] is True  # a copy, not the window's list


def test_round_trip_copies_everything() -> None:
    data = saved_dict()
    record = Record.from_dict(data)
    assert record.to_dict() == data and record.schema_version == SCHEMA_VERSION
    record.relationship["rapport"] = False
    record.checklist.clear()
    assert data["relationship"]["rapport"] is True and data["checklist"]


def test_times_are_made_sortable() -> None:
    record = Record.from_dict(
        saved_dict(created="2026-01-31T09:00:00Z", updated="2026-01-31T09:00:00.5Z")
    )
    assert record.created == "2026-01-31T09:00:00.000000Z"
    assert record.updated == "2026-01-31T09:00:00.500000Z"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"id": "not-an-id"}, "id must be"),
        ({"stage": "hired"}, "stage must be one of"),
        ({"reason": 3}, "reason must be one of"),
        ({"channel": "fax"}, "channel must be one of"),
        ({"status": "done"}, "status must be"),
        ({"status": "sent"}, "sent time"),
        ({"sent": "2026-01-31T09:00:00Z"}, "sent time"),
        ({"created": "yesterday"}, "created is not a UTC time"),
        ({"updated": "2026-02-30T09:00:00Z"}, "not a real date"),
        ({"company": 5}, "company must be text"),
        ({"contact": "x" * 201}, "at most 200"),
        ({"body_text": None}, "body_text must be text"),
        ({"phone_script": 1}, "phone_script must be"),
        ({"relationship": {"rapport": True}}, "relationship must be an object"),
        ({"relationship": dict.fromkeys(schema.RELATIONSHIP_KEYS, 1)}, "must be true or false"),
        ({"visa": []}, "visa must be an object"),
        (
            {
                "visa": {
                    **dict.fromkeys(schema.VISA_BOOLS, False),
                    "signing_bonus": "none",
                    "relocation_assistance": "none",
                    "start_date": "soon",
                }
            },
            "start_date",
        ),
        (
            {
                "visa": {
                    **dict.fromkeys(schema.VISA_BOOLS, False),
                    "signing_bonus": True,
                    "relocation_assistance": "none",
                    "start_date": None,
                }
            },
            "none, promised or paid",
        ),
        ({"voice": "Shouty!"}, "voice must be one of"),
        ({"wording": 0}, "wording must be"),
        ({"checklist": {}}, "checklist must be a list"),
        ({"checklist": [{"key": "a"}]}, "checklist item 1"),
        (
            {"checklist": [{"key": 1, "text": "", "group": "", "done": False, "phase": "after"}]},
            "must be text",
        ),
        (
            {"checklist": [{"key": "a", "text": "", "group": "", "done": "no", "phase": "after"}]},
            "done must be",
        ),
        (
            {"checklist": [{"key": "a", "text": "", "group": "", "done": False, "phase": "soon"}]},
            "phase must be",
        ),
        ({"schema_version": "1"}, "schema_version must be"),
        ({"schema_version": True}, "schema_version must be"),
        ({"colour": "red"}, "unknown record field"),
        ({"subject": "Withdrawing\nBcc: all@example.com"}, "subject contains a line break"),
        ({"company": "North\x00wind"}, "company contains a control character"),
        ({"notes": "bell \x07"}, "notes contains a control character"),
        ({"subject": "x" * 999}, "at most 998"),
        ({"notes": "x" * (schema.MAX_TEXT_CHARS + 1)}, "notes must be at most"),
        ({"created": "0001-01-01T00:00:00Z"}, "outside the years"),
        ({"updated": "9999-12-31T23:59:59Z"}, "outside the years"),
        (
            {
                "visa": {
                    **dict.fromkeys(schema.VISA_BOOLS, False),
                    "signing_bonus": "none",
                    "relocation_assistance": "none",
                    "start_date": "0200-01-01",
                }
            },
            "start_date",
        ),
        (
            {
                "checklist": [
                    {"key": "a", "text": "x\ny", "group": "", "done": False, "phase": "after"}
                ]
            },
            "checklist item 1 text contains a line break",
        ),
    ],
)
def test_bad_fields_are_named(changes: dict[str, Any], words: str) -> None:
    with pytest.raises(HistoryError, match=words):
        Record.from_dict(saved_dict(**changes))


def test_missing_field_and_non_object_are_rejected() -> None:
    data = saved_dict()
    del data["notes"]
    with pytest.raises(HistoryError, match="missing record field"):
        Record.from_dict(data)
    with pytest.raises(HistoryError, match="JSON object"):
        Record.from_dict(["not", "a", "record"])


def test_a_newer_schema_is_refused() -> None:
    with pytest.raises(HistoryError, match="newer Bow Out"):
        Record.from_dict(saved_dict(schema_version=SCHEMA_VERSION + 1))


def test_older_records_are_migrated_forward(monkeypatch: pytest.MonkeyPatch) -> None:
    """A future schema bump: version N records gain a field and the chain runs in order."""
    current = SCHEMA_VERSION
    old = saved_dict()
    del old["notes"]  # pretend the previous version had no notes yet
    old["schema_version"] = current
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(schema.MIGRATIONS, current, lambda d: {**d, "notes": "(migrated)"})
    record = Record.from_dict(old)
    assert record.notes == "(migrated)" and record.schema_version == current + 1
    assert "notes" not in old and old["schema_version"] == current  # the input is untouched


def test_a_missing_migration_step_is_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="no migration"):
        Record.from_dict(saved_dict())


def test_later_than_never_goes_backwards() -> None:
    future = "2999-01-01T00:00:00.000000Z"
    assert schema.later_than(future) == "2999-01-01T00:00:00.000001Z"
    assert schema.later_than("") > "2026"
    assert make_record().situation().company == "Northwind"


def test_a_request_to_talk_and_a_withdrawal_after_it_are_kept() -> None:
    import datetime as dt

    from bowout.core import Composer, Profile, Reason, Situation, Stage
    from bowout.core.situation import DealBreaker, Kind

    asked = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                      deal_breaker=DealBreaker.PAY, decide_by=dt.date(2027, 1, 5))  # fmt: skip
    record = Record.from_dict(Record.from_draft(Composer().compose(asked, Profile())).to_dict())
    assert record.negotiation == {"kind": "negotiate", "deal_breaker": "pay",
                                  "decide_by": "2027-01-05", "negotiated": False,
                                  "outcome": None}  # fmt: skip
    back = record.situation()
    assert (back.kind, back.deal_breaker, back.decide_by) == (
        Kind.NEGOTIATE, DealBreaker.PAY, dt.date(2027, 1, 5))  # fmt: skip
    after = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, negotiated=True,
                      deal_breaker=DealBreaker.PAY)  # fmt: skip
    kept = Record.from_draft(Composer().compose(after, Profile())).situation()
    assert kept.negotiated and kept.kind is Kind.WITHDRAW
    with pytest.raises(HistoryError, match="deal_breaker is needed"):
        Record.from_dict({**record.to_dict(), "negotiation": {**record.negotiation,
                                                              "deal_breaker": None}})  # fmt: skip
