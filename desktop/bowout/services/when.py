"""The times a person types for when something happened, read the one way both fronts use."""

from __future__ import annotations

import datetime as dt

from bowout.core.errors import InputError

#: What ``--at`` accepts, for messages and ``--help``.
WHEN_FORMS = "YYYY-MM-DD, YYYY-MM-DD HH:MM (your local time) or an ISO 8601 time with Z"


def parse_when(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """An aware UTC time from ``text`` (see :data:`WHEN_FORMS`).

    A day alone means now when it is today, else noon local time (the hour a person would
    guess); a time without a zone is local. Raises InputError for anything else, or for a
    time later than ``now`` (default: the current time): nothing is recorded in the future.
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    given = text.strip()
    try:
        if len(given) == 10:
            day = dt.date.fromisoformat(given)
            local_now = now.astimezone()
            if day == local_now.date():
                when = now
            else:
                when = dt.datetime.combine(day, dt.time(12)).astimezone()
        else:
            when = dt.datetime.fromisoformat(given.replace("Z", "+00:00").replace(" ", "T", 1))
            if when.tzinfo is None:
                when = when.astimezone()
    except ValueError:
        raise InputError(f"not a time in the form {WHEN_FORMS}: {text!r}") from None
    if when > now + dt.timedelta(minutes=1):
        raise InputError(f"{text!r} is in the future; say when it happened")
    return when.astimezone(dt.timezone.utc)


def stamp(when: dt.datetime) -> str:
    """``when`` as a record time stamp (UTC, microseconds, ``Z``; naive times are local)."""
    from bowout.storage.fields import format_time

    return format_time(when)
