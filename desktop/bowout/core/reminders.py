"""Dated follow-ups after a withdrawal, counted in the user's own calendar days.

The dates come from the article's re-entry advice: tell references within two weeks,
refresh materials within one to three months, and, when mobility drove the decision, build
a longer plan at three to twelve months; plus money received, to repay or settle by a date
the user sets, and silence, a gentle follow-up when nobody has answered after some work
days. Nothing is sent anywhere: the calendar file (:mod:`bowout.core.calendar_export`) is
written for the user to open.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

# DEFAULT_REPLY_DAYS is the situation module's: the settings read at start need no reminders.
from bowout.core.situation import DEFAULT_REPLY_DAYS, Money, Reason, Situation
from bowout.core.stage_facts import within_stage

#: Days after sending: references (within two weeks), materials (one month into the
#: "one to three months"), a longer plan (three months into "three to twelve").
REFERENCES_DAYS = 14
MATERIALS_DAYS = 30
PLAN_DAYS = 90
#: Days after sending to agree a repayment date when the user has not set one.
SETTLE_AGREE_DAYS = 14
#: The calendar's product identifier (RFC 5545, 3.7.3).
PRODID = "-//Bow Out//Bow Out reminders//EN"


@dataclasses.dataclass(frozen=True)
class Reminder:
    """One dated follow-up of one withdrawal. ``uid`` is stable across exports."""

    uid: str
    record_id: str
    rule: str
    title: str
    due: dt.date
    done: bool = False
    #: The company the withdrawal went to ("" when the record has none).
    company: str = ""
    #: The role withdrawn from ("" when the record has none).
    role: str = ""

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (``due`` as YYYY-MM-DD)."""
        data = dataclasses.asdict(self)
        data["due"] = self.due.isoformat()
        return data


def reminder_uid(record_id: str, rule: str) -> str:
    """The reminder's calendar UID (RFC 5545 3.8.4.7): the same on every export, so a
    calendar that imports the file again updates the item instead of adding a copy."""
    return f"{record_id}.{rule}@bowout"


def local_day(when: dt.datetime | str) -> dt.date:
    """The user's calendar day of a moment: a record time (ISO 8601, UTC ``Z``) or an aware
    datetime, in the process's local time zone (the OS setting, or ``TZ``).

    A message marked sent on Monday 08:00 in Tokyo is Sunday 23:00 UTC: its follow-ups count
    from Monday, the day the user lives. A naive datetime is taken as local already.
    Raises ValueError for text that is not an ISO 8601 time.
    """
    if isinstance(when, str):
        when = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
    return when.astimezone().date() if when.tzinfo is not None else when.date()


def add_work_days(start: dt.date, days: int) -> dt.date:
    """``start`` moved ``days`` working days (Monday to Friday) later: never a Saturday or
    a Sunday for ``days`` of 1 or more, whatever day ``start`` is."""
    day = start
    while days > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def reminders_for(
    record_id: str,
    situation: Situation,
    sent: dt.date,
    *,
    settle_by: dt.date | None = None,
    reply_days: int = DEFAULT_REPLY_DAYS,
    done: Iterable[str] = (),
) -> list[Reminder]:
    """Every follow-up of a withdrawal sent on ``sent``, earliest first.

    ``done`` holds the rules already ticked off; ``reply_days`` the work days of silence
    before a follow-up (at least 1); ``settle_by`` the date the user set to repay or settle
    money received (None: a reminder to agree one). Raises ValueError for ``reply_days``
    below 1. A fact the stage cannot have is no reason for a reminder
    (:func:`~bowout.core.stage_facts.within_stage`).
    """
    if reply_days < 1:
        raise ValueError(f"reply_days must be 1 or more: {reply_days}")
    situation = within_stage(situation)
    where = situation.company or "this company"
    items: list[tuple[str, str, dt.date]] = [
        ("no-reply", f"No answer from {where} yet? Send a short follow-up",
         add_work_days(sent, reply_days)),
        ("references", f"Tell your references the {where} application is closed",
         sent + dt.timedelta(days=REFERENCES_DAYS)),
        ("materials", "Refresh your CV, LinkedIn profile and job tracker",
         sent + dt.timedelta(days=MATERIALS_DAYS)),
    ]  # fmt: skip
    mobility = situation.reason is Reason.RELOCATION or situation.visa_petition_started
    if mobility or situation.sponsorship_required or situation.relocation_timeline_changed:
        items.append(
            ("plan", "Make a longer plan that fits your move and visa timing",
             sent + dt.timedelta(days=PLAN_DAYS))
        )  # fmt: skip
    paid = [
        name
        for name, value in (("signing bonus", situation.signing_bonus),
                            ("relocation assistance", situation.relocation_assistance))
        if value is Money.PAID
    ]  # fmt: skip
    if paid:
        money = " and ".join(paid)
        if settle_by is not None:
            items.append(("settle", f"Repay or settle the {money} with {where}", settle_by))
        else:
            items.append(
                ("settle", f"Agree with {where} when to repay or settle the {money}",
                 sent + dt.timedelta(days=SETTLE_AGREE_DAYS))
            )  # fmt: skip
    finished = set(done)
    reminders = [
        Reminder(
            reminder_uid(record_id, rule),
            record_id,
            rule,
            title,
            due,
            rule in finished,
            situation.company,
            situation.role,
        )
        for rule, title, due in items
    ]
    return sorted(reminders, key=lambda r: (r.due, r.rule))


def coming_up(reminders: Iterable[Reminder]) -> list[Reminder]:
    """What is still to do, by date (so whatever is overdue comes first)."""
    return sorted((r for r in reminders if not r.done), key=lambda r: (r.due, r.rule))
