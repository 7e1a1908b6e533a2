"""A record's life through the use cases: what was sent is kept whole and never rewritten."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from services_helpers import make_record

from bowout.core.errors import InputError
from bowout.services import records
from bowout.storage import History, HistoryError
from bowout.storage.conflicts import SaveConflict
from bowout.storage.lifecycle import sent_messages

WHEN = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone.utc)


def _sent(history: History) -> str:
    record = records.save_draft(history, make_record())
    return records.mark_sent(history, record.id, WHEN).id


def test_marking_sent_keeps_the_whole_message_in_the_timeline(history: History) -> None:
    record = records.save_draft(history, make_record())
    sent = records.mark_sent(history, record.id, WHEN)
    [message] = sent_messages(history.get(record.id))
    assert message.at == "2026-12-01T09:30:00.000000Z" and message.channel == "email"
    assert message.subject == record.subject
    assert message.to == "Jordan Lee <jordan@example.com>"
    assert message.text == record.body_text and "Maya Okafor" in message.text
    assert records.state_of(sent) == "sent"


def test_marking_sent_happens_once(history: History) -> None:
    record_id = _sent(history)
    with pytest.raises(HistoryError, match="already marked sent on 2026-12-01"):
        records.mark_sent(history, record_id)
    kept = history.get(record_id)
    assert kept.sent == "2026-12-01T09:30:00.000000Z"
    assert [e["kind"] for e in kept.timeline] == ["message-sent"]


@pytest.mark.parametrize(
    "change",
    [
        {"body_text": "Something else entirely."},
        {"subject": "Another subject"},
        {"contact_email": "someone@example.com"},
        {"contact": "Someone Else"},
        {"channel": "phone"},
        {"sent": "2026-12-02T09:30:00.000000Z"},
        {"status": "draft", "sent": None},
    ],
)
def test_a_save_never_rewrites_what_was_sent(history: History, change: dict[str, object]) -> None:
    record_id = _sent(history)
    before = history.get(record_id)
    with pytest.raises(HistoryError):
        records.save_draft(history, dataclasses.replace(before, **change))
    assert history.get(record_id) == before


def test_a_save_cannot_drop_or_forge_the_sent_event(history: History) -> None:
    record_id = _sent(history)
    before = history.get(record_id)
    with pytest.raises(HistoryError, match="kept as it went out"):
        records.save_draft(history, dataclasses.replace(before, timeline=[]))
    with pytest.raises(HistoryError, match="marking it sent"):
        history.timeline.add_events(
            record_id, [dict(before.timeline[0], at="2026-12-03T00:00:00Z")]
        )
    with pytest.raises(HistoryError, match="marking it sent"):
        history.timeline.remove_events(record_id, before.timeline)
    assert history.get(record_id) == before


def test_what_is_not_the_message_may_still_change_after_sending(history: History) -> None:
    record_id = _sent(history)
    kept = history.get(record_id)
    ticked = [dict(item, done=True) for item in kept.checklist]
    saved = records.save_draft(
        history, dataclasses.replace(kept, notes="Called too", checklist=ticked)
    )
    assert saved.notes == "Called too" and all(i["done"] for i in saved.checklist)
    assert sent_messages(saved) == sent_messages(kept)


def test_revising_a_sent_record_is_explicit_and_keeps_the_sent_version(history: History) -> None:
    record_id = _sent(history)
    kept = history.get(record_id)
    revised = records.revise_sent(history, dataclasses.replace(kept, body_text="Revised text"))
    assert revised.body_text == "Revised text" and revised.status == "sent"
    [message] = sent_messages(revised)
    assert message.text == kept.body_text  # what went out is still there
    assert revised.timeline[-1]["kind"] == "note" and "Revised" in revised.timeline[-1]["text"]


def test_a_draft_cannot_become_sent_by_a_save(history: History) -> None:
    draft = records.save_draft(history, make_record())
    with pytest.raises(HistoryError, match="mark it sent"):
        records.save_draft(history, dataclasses.replace(draft, status="sent", sent=draft.created))


def test_undo_sent_is_one_step_back_to_the_draft(history: History) -> None:
    draft = records.save_draft(history, make_record())
    records.mark_sent(history, draft.id, WHEN)
    back = records.undo_sent(history, draft.id)
    assert back.status == "draft" and back.sent is None and back.timeline == []
    assert records.state_of(back) == "draft"
    assert records.mark_sent(history, draft.id).status == "sent"  # and it can go out again
    with pytest.raises(HistoryError, match="not marked sent"):
        records.undo_sent(history, records.save_draft(history, make_record("Other")).id)


def test_a_reply_needs_a_sent_message_and_comes_after_it(history: History) -> None:
    draft = records.save_draft(history, make_record())
    with pytest.raises(InputError, match="not marked sent"):
        records.record_reply(history, draft.id, "accepted")
    records.mark_sent(history, draft.id, WHEN)
    with pytest.raises(InputError, match="before the message went out"):
        records.record_reply(history, draft.id, "accepted", when=WHEN - dt.timedelta(days=1))
    with pytest.raises(InputError, match="not a reply kind"):
        records.record_reply(history, draft.id, "shrugged")
    replied = records.record_reply(
        history,
        draft.id,
        "asked-why",
        text="  Could you say why?  ",
        when=WHEN + dt.timedelta(hours=2),
    )
    event = replied.timeline[-1]
    assert (event["kind"], event["reply"], event["text"]) == (
        "reply-received",
        "asked-why",
        "Could you say why?",
    )
    assert records.state_of(replied) == "replied"
    with pytest.raises(HistoryError, match="reply to this withdrawal is kept"):
        records.undo_sent(history, draft.id)  # it went out: they answered it


def test_a_call_note_may_come_before_the_message(history: History) -> None:
    draft = records.save_draft(history, make_record())
    noted = records.record_call_note(history, draft.id, "Told Jordan on the phone", WHEN)
    assert noted.timeline[-1]["kind"] == "call-note" and noted.status == "draft"
    with pytest.raises(InputError, match="needs its text"):
        records.record_call_note(history, draft.id, "   ")


def test_resolved_keeps_the_sent_request_and_sends_nothing(history: History) -> None:
    from bowout.core import Composer, Profile, Reason, Situation, Stage
    from bowout.core.situation import DealBreaker, Kind
    from bowout.storage import Record

    ask = Situation(stage=Stage.FINAL, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                    deal_breaker=DealBreaker.PAY)  # fmt: skip
    request = records.save_draft(history, Record.from_draft(Composer().compose(ask, Profile())))
    records.mark_sent(history, request.id, WHEN)
    resolved = records.mark_resolved(history, request.id)
    assert records.state_of(resolved) == "resolved" and resolved.status == "sent"
    assert sent_messages(resolved) == sent_messages(history.get(request.id))
    assert resolved.timeline[-1]["text"] == records.RESOLVED_NOTE
    with pytest.raises(HistoryError):  # a plain withdrawal has nothing to resolve
        records.mark_resolved(history, records.save_draft(history, make_record()).id)


def test_a_stale_window_cannot_rewrite_a_sent_message_through_a_conflict(
    history: History,
) -> None:
    record_id = _sent(history)
    opened = history.get(record_id)  # this window's copy
    records.save_draft(history, dataclasses.replace(opened, notes="Another window"))
    with pytest.raises(HistoryError, match="stay as they went out"):
        records.save_draft(history, dataclasses.replace(opened, body_text="Rewritten"))
    assert [r.id for r in history.list()] == [record_id]  # no rewritten copy either
    with pytest.raises(SaveConflict):  # a stale change beside the message is still kept
        records.save_draft(history, dataclasses.replace(opened, notes="Mine"))


def test_the_application_follows_its_withdrawal_in_the_same_save(history: History) -> None:
    from bowout.core.applications import Application
    from bowout.core.situation import Stage
    from bowout.services import batch

    app_id = history.applications.add(Application(company="Northwind", stage=Stage.FINAL))
    kept = history.withdrawals.keep(app_id, make_record())
    assert history.applications.get(app_id).state == "open"  # a draft withdraws nothing
    records.mark_sent(history, kept.id)
    assert history.applications.get(app_id).state == "withdrawn"
    assert batch.plan(history).others == ()  # nobody left to tell
    records.undo_sent(history, kept.id)
    assert history.applications.get(app_id).state == "open"


def test_an_import_never_rewrites_a_sent_message(history: History, tmp_path: Path) -> None:
    record_id = _sent(history)
    kept = history.get(record_id)
    export = tmp_path / "other.json"
    history.transfer.export_json(export)
    raw = json.loads(export.read_text(encoding="utf-8"))
    raw["records"][0].update(body_text="Rewritten elsewhere", updated="2099-01-01T00:00:00Z")
    export.write_text(json.dumps(raw), encoding="utf-8")
    report = history.transfer.import_json(export)
    assert (report.added, report.updated) == (1, 0)  # kept beside it, never over it
    assert history.get(record_id) == kept
    assert sorted(r.body_text == "Rewritten elsewhere" for r in history.list()) == [False, True]


def test_keeping_the_same_batch_draft_again_writes_nothing(history: History) -> None:
    from bowout.core.applications import Application
    from bowout.core.situation import Stage

    app_id = history.applications.add(Application(company="Northwind", stage=Stage.FINAL))
    first = history.withdrawals.keep(app_id, make_record())
    stamp = history.path.stat().st_mtime_ns
    again = history.withdrawals.keep(app_id, make_record())
    assert again == first and history.path.stat().st_mtime_ns == stamp
    changed = history.withdrawals.keep(app_id, make_record(notes="A new reason"))
    assert changed.id == first.id and changed.notes == "A new reason"  # refreshed in place
    assert history.applications.get(app_id).record_ids == (first.id,)
