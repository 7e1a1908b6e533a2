"""Ticked-off follow-ups and settle-by dates live in the history file (format 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest
from storage_helpers import make_record

from bowout.core.situation import Money, Stage
from bowout.storage import History, HistoryError
from bowout.storage.jsonstore import FORMAT_VERSION

SENT = dt.datetime(2026, 11, 27, 10, tzinfo=dt.timezone.utc)  # a Friday


def sent(history: History, company: str = "Northwind", **changes: object) -> str:
    record = history.add(make_record(company, **changes))
    return history.lifecycle.mark_sent(record.id, SENT).id


def test_ticks_are_saved_and_read_back_by_another_copy(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        record_id = sent(history)
        draft = history.add(make_record("Contoso"))  # never sent: no follow-ups
        items = history.reminders.due()
        assert {r.record_id for r in items} == {record_id} and draft.id
        assert not any(r.done for r in items)
        history.reminders.set_done(f"{record_id}.references@bowout", when=SENT)
    data = orjson.loads((data_dir / "history.json").read_bytes())
    assert data["meta"]["format_version"] == FORMAT_VERSION == 2
    stored = data["reminders"][f"{record_id}.references@bowout"]
    assert stored["done"] is True and stored["done_at"].startswith("2026-11-27T10:00")
    with History.open(data_dir) as again:
        done = {r.rule: r.done for r in again.reminders.due()}
        assert done == {"no-reply": False, "references": True, "materials": False}
        again.reminders.set_done(f"{record_id}.references@bowout", False)
        assert not any(r.done for r in again.reminders.due())
        assert again.reminders.states()[f"{record_id}.references@bowout"].done_at == ""


def test_reply_days_move_the_follow_up(history: History) -> None:
    sent(history)
    due = {r.rule: r.due for r in history.reminders.due(reply_days=2)}
    assert due["no-reply"] == dt.date(2026, 12, 1)  # Friday + 2 work days: Tuesday
    with pytest.raises(ValueError, match="reply_days"):
        history.reminders.due(reply_days=0)


def test_the_settle_by_date_is_kept_with_the_withdrawal(history: History) -> None:
    record_id = sent(history)
    record = history.get(record_id)
    record.visa["signing_bonus"] = Money.PAID.value
    record.stage = Stage.ACCEPTED.value  # money is paid once an offer is accepted (issue 21)
    history.update(record)
    settle = next(r for r in history.reminders.due() if r.rule == "settle")
    assert settle.due == dt.date(2026, 12, 11) and "Agree" in settle.title
    history.reminders.set_settle_by(record_id, dt.date(2027, 1, 15))
    settle = next(r for r in history.reminders.due() if r.rule == "settle")
    assert settle.due == dt.date(2027, 1, 15) and settle.title.startswith("Repay or settle")
    history.reminders.set_done(settle.uid)
    kept = history.reminders.states()[settle.uid]
    assert kept.done and kept.settle_by == dt.date(2027, 1, 15)  # a tick keeps the date
    history.reminders.set_settle_by(record_id, None)
    assert next(r for r in history.reminders.due() if r.rule == "settle").due == dt.date(
        2026, 12, 11
    )


def test_a_format_1_file_opens_and_gains_the_table(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        record_id = sent(history)
    data = orjson.loads((data_dir / "history.json").read_bytes())
    data.pop("reminders", None)
    data["meta"] = {"format_version": 1}
    (data_dir / "history.json").write_bytes(orjson.dumps(data))
    with History.open(data_dir) as history:
        assert history.recovery_message is None and history.reminders.states() == {}
        history.reminders.set_done(f"{record_id}.materials@bowout")
        assert [r.id for r in history.list()] == [record_id]
    data = orjson.loads((data_dir / "history.json").read_bytes())
    assert data["meta"]["format_version"] == 2 and list(data["reminders"]) == [
        f"{record_id}.materials@bowout"
    ]


def test_a_damaged_reminders_table_is_a_damaged_file(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        sent(history)
    data = orjson.loads((data_dir / "history.json").read_bytes())
    data["reminders"] = {"x": {"id": "y"}}
    (data_dir / "history.json").write_bytes(orjson.dumps(data))
    with History.open(data_dir) as history:
        assert "could not be read (an entry of its reminders is damaged)" in str(
            history.recovery_message
        )


def test_a_bad_uid_is_refused_with_a_message(history: History) -> None:
    for bad in ("", "   ", "x" * 201):
        with pytest.raises(HistoryError, match="Not a follow-up's id"):
            history.reminders.set_done(bad)


@pytest.mark.parametrize(
    ("kind", "reply", "answered"),
    [
        ("reply-received", "counter-offer", True),  # they wrote back
        ("reply-sent", "no-reply", True),  # the follow-up for silence went out
        ("reply-sent", "asked-why", True),  # answering them means they wrote
        ("call-note", None, False),  # a note of the user's own is no answer
    ],
)
def test_an_answer_in_the_timeline_settles_the_no_reply_follow_up(
    history: History, kind: str, reply: str | None, answered: bool
) -> None:
    from bowout.storage.fields import format_time
    from bowout.storage.timeline import make_event

    record_id = sent(history)
    assert not next(r for r in history.reminders.due() if r.rule == "no-reply").done
    at = format_time(SENT + dt.timedelta(days=2))
    history.timeline.add_events(
        record_id, [make_event(kind, at, "email", "Thanks for letting us know.", reply)]
    )
    done = {r.rule: r.done for r in history.reminders.due()}
    assert done["no-reply"] is answered and not done["references"]
