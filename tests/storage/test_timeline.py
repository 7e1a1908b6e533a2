"""The record's timeline and the negotiation's outcome (schema 3, issue 14 items 1 and 5)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest
from storage_helpers import make_record

from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Reason
from bowout.storage import SCHEMA_VERSION, History, HistoryError, Record
from bowout.storage.timeline import make_event

#: A history file written by Bow Out at schema 2 (before timelines): a draft, a sent
#: withdrawal that followed a conversation about pay, and a request for a conversation.
SCHEMA_2 = Path(__file__).parent / "fixtures" / "history-schema2.json"
SENT_ID = "e7ad1280046c47c5a8ae087e0d0f1581"
DRAFT_ID = "9bffc06947dd4119858db73974c37f8c"
ASKING_ID = "578d2dea39e94eddaf3d19699346dd45"


def _at(day: int, hour: int = 9) -> str:
    return f"2026-11-{day:02d}T{hour:02d}:00:00.000000Z"


def test_a_schema_2_history_is_migrated_with_timelines_and_outcomes(data_dir: Path) -> None:
    shutil.copy(SCHEMA_2, data_dir / "history.json")
    with History.open(data_dir) as history:
        records = {r.id: r for r in history.list()}
        assert set(records) == {SENT_ID, DRAFT_ID, ASKING_ID}
        sent = records[SENT_ID]
        assert sent.schema_version == SCHEMA_VERSION >= 3
        assert sent.timeline == [make_event(
            "message-sent", "2026-11-20T15:30:00.000000Z", "phone",
            "Confirming our call: declining the Engineer offer",
        )]  # fmt: skip
        assert sent.outcome == "not-resolved" and sent.negotiation["negotiated"] is True
        assert records[DRAFT_ID].timeline == [] and records[DRAFT_ID].outcome is None
        assert records[ASKING_ID].timeline == [] and records[ASKING_ID].outcome is None
        # Saving writes schema 3; reading it back gives the same records.
        history.timeline.add_events(SENT_ID, [make_event("note", _at(21), "phone", "Called back")])
    stored = orjson.loads((data_dir / "history.json").read_bytes())["records"][SENT_ID]
    assert stored["schema_version"] == SCHEMA_VERSION
    assert [e["kind"] for e in stored["timeline"]] == ["message-sent", "note"]
    assert stored["negotiation"]["outcome"] == "not-resolved"


def test_marking_sent_adds_the_message_sent_event_on_the_channel(history: History) -> None:
    record = history.add(make_record("Acme"))
    when = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone.utc)
    sent = history.lifecycle.mark_sent(record.id, when)
    assert sent.timeline == [
        make_event("message-sent", "2026-11-20T10:00:00.000000Z", record.channel,
                   f"Subject: {record.subject}\nTo: Jordan Lee\n\n{record.body_text}")
    ]  # fmt: skip
    assert history.get(record.id).timeline == sent.timeline


def test_events_are_kept_oldest_first_whatever_order_they_are_added(history: History) -> None:
    record = history.add(make_record("Acme"))
    history.lifecycle.mark_sent(record.id, dt.datetime(2026, 11, 20, 9, tzinfo=dt.timezone.utc))
    history.timeline.add_events(record.id, [
        make_event("reply-sent", _at(25), "email", "Thank you, but my decision stands.",
                   "counter-offer"),
        make_event("reply-received", _at(24), "email", "Would 10% more help?", "counter-offer"),
        make_event("call-note", _at(22), "phone", "Recruiter called; said they would write."),
    ])  # fmt: skip
    kinds = [e["kind"] for e in history.get(record.id).timeline]
    assert kinds == ["message-sent", "call-note", "reply-received", "reply-sent"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "shrug"}, "timeline event 1 kind must be one of"),
        ({"channel": "fax"}, "timeline event 1 channel must be one of"),
        ({"at": "yesterday"}, "timeline event 1 at is not a UTC time"),
        ({"at": "2026-11-31T09:00:00Z"}, "timeline event 1 at is not a real date"),
        ({"kind": "reply-received", "reply": None}, "timeline event 1 reply must be one of"),
        ({"reply": "counter-offer"}, "timeline event 1 reply must be null for a note event"),
        ({"text": 7}, "timeline event 1 text must be text"),
        ({"text": "a\x00b"}, "timeline event 1 text contains a control character"),
        ({"extra": 1}, "timeline event 1 must have exactly at, kind, channel, reply, text"),
    ],
)
def test_a_bad_event_is_refused_with_its_field_named(
    history: History, change: dict[str, Any], message: str
) -> None:
    record = history.add(make_record("Acme"))
    event = {**make_event("note", _at(20), "email", "fine"), **change}
    with pytest.raises(HistoryError, match=message):
        history.timeline.add_events(record.id, [event])
    assert history.get(record.id).timeline == []  # nothing half-saved


def test_a_timeline_out_of_order_or_not_a_list_is_refused() -> None:
    data = make_record("Acme").to_dict()
    data["timeline"] = [make_event("note", _at(21), "email"), make_event("note", _at(20), "email")]
    with pytest.raises(HistoryError, match="timeline event 2 is earlier than the one before"):
        Record.from_dict(data)
    with pytest.raises(HistoryError, match="timeline must be a list"):
        Record.from_dict({**data, "timeline": {}})


def test_short_times_are_stored_in_the_sortable_form() -> None:
    data = make_record("Acme").to_dict()
    data["timeline"] = [make_event("note", "2026-11-20T09:00:00Z", "email")]
    assert Record.from_dict(data).timeline[0]["at"] == "2026-11-20T09:00:00.000000Z"


def test_the_timeline_is_exported_imported_and_searched(history: History, tmp_path: Path) -> None:
    record = history.add(make_record("Acme"))
    history.timeline.add_events(record.id, [
        make_event("reply-received", _at(24), "email", "Could we offer a hybrid schedule?",
                   "counter-offer"),
    ])  # fmt: skip
    assert [r.id for r in history.search("HYBRID schedule")] == [record.id]
    out = tmp_path / "export.json"
    history.transfer.export_json(out)
    exported = orjson.loads(out.read_bytes())["records"][0]
    assert exported["timeline"][0]["reply"] == "counter-offer"
    with History.open(tmp_path / "other") as other:
        other.transfer.import_json(out)
        assert other.get(record.id).timeline == history.get(record.id).timeline
        assert [r.id for r in other.search("hybrid")] == [record.id]


def _negotiating(history: History) -> Record:
    situation = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                          deal_breaker=DealBreaker.PAY, company="Contoso")  # fmt: skip
    return history.add(Record.from_draft(Composer().compose(situation, Profile())))


def test_a_resolved_negotiation_is_kept(history: History) -> None:
    record = _negotiating(history)
    assert record.outcome is None
    assert history.timeline.set_outcome(record.id, "resolved").outcome == "resolved"
    assert history.get(record.id).outcome == "resolved"


def test_an_outcome_must_fit_the_negotiation(history: History) -> None:
    withdrawal = history.add(make_record("Acme"))
    with pytest.raises(HistoryError, match=r"outcome resolved needs negotiation\.kind negotiate"):
        history.timeline.set_outcome(withdrawal.id, "resolved")
    with pytest.raises(HistoryError, match="outcome must be not-resolved exactly when"):
        history.timeline.set_outcome(withdrawal.id, "not-resolved")
    with pytest.raises(HistoryError, match="outcome must be resolved, not-resolved or null"):
        history.timeline.set_outcome(_negotiating(history).id, "maybe")


def test_a_withdrawal_after_a_conversation_records_it_was_not_resolved() -> None:
    situation = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION,
                          deal_breaker=DealBreaker.PAY, negotiated=True)  # fmt: skip
    record = Record.from_draft(Composer().compose(situation, Profile()))
    assert record.outcome == "not-resolved"
    assert Record.from_dict({**record.to_dict(), "id": "0" * 32}).outcome == "not-resolved"


def test_history_compare_shows_a_timeline_that_differs(history: History) -> None:
    from bowout.storage.conflicts import compare_text

    record = history.add(make_record("Acme"))
    later = history.timeline.add_events(record.id, [make_event("note", _at(21), "email", "Agreed")])
    assert "timeline:" in compare_text(record, later) and "'Agreed'" in compare_text(record, later)


def test_events_just_added_can_be_taken_out_again(history: History) -> None:
    record = history.add(make_record("Acme"))
    history.lifecycle.mark_sent(record.id, dt.datetime(2026, 11, 20, 9, tzinfo=dt.timezone.utc))
    added = [make_event("call-note", _at(22), "phone", "Called"),
             make_event("call-note", _at(22), "phone", "Called")]  # fmt: skip
    history.timeline.add_events(record.id, added)
    assert len(history.get(record.id).timeline) == 3
    left = history.timeline.remove_events(record.id, added[:1])  # one equal copy at a time
    assert [e["kind"] for e in left.timeline] == ["message-sent", "call-note"]
    history.timeline.remove_events(record.id, added)  # one is gone already: passed over
    assert [e["kind"] for e in history.get(record.id).timeline] == ["message-sent"]
