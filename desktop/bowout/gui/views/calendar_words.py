"""What "Coming up" says about its calendar export: which apps take which kind of item, and
what was written (the .ics itself is :mod:`bowout.core.calendar_export`'s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bowout.core.calendar_export import ItemKind
from bowout.core.counting import counted

if TYPE_CHECKING:
    from bowout.services.calendar_export import CalendarExport

#: Which apps show which kind of item (they import one and ignore the other).
EVENT_APPS = "Google Calendar, Outlook or Apple Calendar"
TASK_APPS = "Thunderbird or a task app"
EVENTS_NOTE = (
    f"Exports all-day events with an alarm, for {EVENT_APPS}. "
    f"Tick \u201cAs tasks\u201d for {TASK_APPS} (calendars above ignore tasks)."
)
TASKS_NOTE = (
    f"Exports tasks, for {TASK_APPS}. "
    f"{EVENT_APPS} show only events: untick \u201cAs tasks\u201d for them."
)


def written_text(written: CalendarExport, kind: ItemKind, name: str) -> str:
    """ "3 follow-up events written to bowout-follow-ups.ics, 1 cancelled; import it into
    Google Calendar, Outlook or Apple Calendar." (``name``: the file's name)."""
    cancelled = f", {written.cancelled} cancelled" if written.cancelled else ""
    where = TASK_APPS if kind is ItemKind.TASK else EVENT_APPS
    what = "follow-up task" if kind is ItemKind.TASK else "follow-up event"
    return f"{counted(written.written, what)} written to {name}{cancelled}; import it into {where}."
