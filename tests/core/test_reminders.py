"""Dated follow-ups after a withdrawal, and their calendar file."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from bowout.core.reminders import (
    add_work_days,
    coming_up,
    reminders_for,
    to_ics,
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


def test_the_calendar_parses_back_and_keeps_its_uids() -> None:
    s = Situation(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, signing_bonus=Money.PAID,
                  company="Northwind")  # fmt: skip
    items = reminders_for("abc", s, SENT, done=["references"])
    first = icalendar.Calendar.from_ical(to_ics(items, STAMP))
    todos = [c for c in first.walk("VTODO")]
    assert len(todos) == len(items) == 5
    by_uid = {str(t["UID"]): t for t in todos}
    assert set(by_uid) == {r.uid for r in items}
    refs = by_uid["abc.references@bowout"]
    assert refs.decoded("DUE") == dt.date(2026, 12, 11) and str(refs["STATUS"]) == "COMPLETED"
    assert str(first["VERSION"]) == "2.0" and "Bow Out" in str(first["PRODID"])
    later = icalendar.Calendar.from_ical(to_ics(items, STAMP + dt.timedelta(days=3)))
    assert {str(t["UID"]) for t in later.walk("VTODO")} == set(by_uid), "same UIDs: updates"
