"""Export the follow-ups to a calendar file, and remember what was written.

The window's "Export to calendar…" and ``bowout reminders export`` both call
:func:`export_follow_ups`, so both raise SEQUENCE and cancel the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bowout.core.calendar_export import ItemKind, plan_export, to_ics
from bowout.core.reminders import Reminder

if TYPE_CHECKING:
    from bowout.storage import History

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class CalendarExport:
    """What was written: the path, the follow-ups in it, and how many were cancelled."""

    path: Path
    written: int
    cancelled: int


def export_follow_ups(
    history: History,
    path: Path,
    *,
    kind: ItemKind = ItemKind.EVENT,
    reply_days: int,
    selected: Sequence[Reminder] | None = None,
    now: dt.datetime | None = None,
) -> CalendarExport:
    """Write the follow-ups to ``path`` (owner-only, atomically) as ``kind`` items, then
    keep in ``history`` what was written.

    ``history``: a History (``reminders``, ``calendar_exported``, ``set_calendar_exported``).
    ``selected``: only these follow-ups (nothing is cancelled); None: every follow-up, and
    those exported before whose withdrawal is gone come back cancelled. ``now``: DTSTAMP
    (default the current time, UTC). Raises OSError when the file cannot be written
    (nothing is remembered then) and HistoryError when the history cannot be read or saved.
    """
    from bowout.storage.atomic import atomic_write_bytes

    items = list(selected) if selected is not None else history.reminders.due(reply_days)
    previous = history.reminders.calendar_exported(kind)
    entries = plan_export(items, kind, previous, cancel_missing=selected is None)
    stamp = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    atomic_write_bytes(path, to_ics(entries, kind, stamp))
    history.reminders.set_calendar_exported(kind, entries)
    cancelled = sum(1 for e in entries if e.status == "CANCELLED")
    logger.info("wrote %d calendar %s(s) to %s", len(entries), kind.value, path)
    return CalendarExport(path, len(entries) - cancelled, cancelled)
