"""Dated follow-ups after a withdrawal, and their calendar file."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bowout.core.reminders import (
    add_work_days,
    coming_up,
    local_day,
    reminders_for,
)
from bowout.core.situation import Money, Reason, Situation, Stage

SENT = dt.date(2026, 11, 27)  # a Friday
STAMP = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.timezone.utc)


def rules(items) -> dict[str, dt.date]:  # type: ignore[no-untyped-def]
    return {r.rule: r.due for r in items}


def test_work_days_skip_the_weekend() -> None:
    assert add_work_days(SENT, 1) == dt.date(2026, 11, 30)  # Monday
    assert add_work_days(SENT, 5) == dt.date(2026, 12, 4)
    assert add_work_days(dt.date(2026, 11, 28), 1) == dt.date(2026, 11, 30)  # from Saturday


def test_every_withdrawal_gets_references_materials_and_a_nudge() -> None:
    due = rules(reminders_for("r1", Situation(stage=Stage.FINAL, company="Northwind"), SENT))
    assert due == {
        "no-reply": dt.date(2026, 12, 4),
        "references": dt.date(2026, 12, 11),
        "materials": dt.date(2026, 12, 27),
    }


def test_mobility_adds_a_longer_plan_and_money_a_settlement() -> None:
    s = Situation(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, signing_bonus=Money.PAID,
                  relocation_assistance=Money.PROMISED, company="Northwind")  # fmt: skip
    items = reminders_for("r1", s, SENT)
    due = rules(items)
    assert due["plan"] == SENT + dt.timedelta(days=90)
    settle = next(r for r in items if r.rule == "settle")
    assert "signing bonus" in settle.title and "relocation" not in settle.title
    assert settle.due == SENT + dt.timedelta(days=14) and "Agree" in settle.title
    by = reminders_for("r1", s, SENT, settle_by=dt.date(2027, 1, 15))
    assert rules(by)["settle"] == dt.date(2027, 1, 15)
    promised = Situation(stage=Stage.ACCEPTED, signing_bonus=Money.PROMISED)
    assert "settle" not in rules(reminders_for("r1", promised, SENT))


def test_coming_up_leaves_out_what_is_done_and_puts_overdue_first() -> None:
    items = reminders_for("r1", Situation(stage=Stage.OFFER), SENT, done=["references"])
    shown = coming_up(items)
    assert [r.rule for r in shown] == ["no-reply", "materials"]
    with pytest.raises(ValueError, match="reply_days"):
        reminders_for("r1", Situation(stage=Stage.OFFER), SENT, reply_days=0)


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)), st.integers(1, 40))
def test_a_work_day_follow_up_never_lands_on_a_weekend(start: dt.date, days: int) -> None:
    due = add_work_days(start, days)
    assert due.weekday() < 5 and due > start
    assert sum(1 for n in range(1, (due - start).days + 1)
               if (start + dt.timedelta(days=n)).weekday() < 5) == days  # fmt: skip


def test_local_day_reads_record_times_and_aware_times() -> None:
    assert local_day(dt.datetime(2026, 11, 30, 8, 0)) == dt.date(2026, 11, 30)  # naive: local
    tokyo = dt.timezone(dt.timedelta(hours=9))
    moment = dt.datetime(2026, 11, 30, 8, 0, tzinfo=tokyo)
    assert local_day(moment) == moment.astimezone().date()
    assert local_day("2026-11-29T23:00:00.000000Z") == local_day(moment)
    with pytest.raises(ValueError):
        local_day("not a time")
