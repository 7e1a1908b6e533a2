"""``bowout reminders list|export FILE.ics|done UID``: the follow-ups of sent withdrawals."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bowout.core.errors import InputError

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers
    from bowout.storage import History


def add_parser(sub: SubParsers) -> None:
    """Register ``reminders`` on the top-level subparsers."""
    p = sub.add_parser("reminders", help="list, tick off or export follow-ups of sent withdrawals")
    actions = p.add_subparsers(dest="reminders_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="what is due, overdue first (done ones hidden)")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing.add_argument("--all", action="store_true", help="include follow-ups already done")
    export = actions.add_parser(
        "export",
        help="write every follow-up to a calendar file",
        description="Write every follow-up to FILE.ics: all-day events with an alarm at 09:00 "
        "the day before (Google Calendar, Outlook, Apple Calendar show events), or tasks with "
        "--tasks (Thunderbird and task apps). Exporting again updates the same items; those "
        "of a withdrawal deleted or resolved since come back cancelled.",
    )
    export.add_argument("file", metavar="FILE.ics", type=Path)
    export.add_argument(
        "--tasks",
        action="store_true",
        help="write tasks (VTODO, for Thunderbird and task apps) instead of events",
    )
    done = actions.add_parser(
        "done", help="tick a follow-up off (its UID from list --json, or a unique start of it)"
    )
    done.add_argument("uid", metavar="UID")
    done.add_argument("--undo", action="store_true", help="put it back on the list")


def run(args: argparse.Namespace, data_dir: Path, today: dt.date | None = None) -> int:
    """List, tick off or export; a problem with the history is a HistoryError, an unknown
    UID or a file that is not .ics an InputError (both exit 2 with one line)."""
    from bowout.core import reminders as core
    from bowout.settings import load_settings
    from bowout.storage import History

    today = today or dt.date.today()
    reply_days = load_settings(data_dir).reply_days
    with History.open(data_dir) as history:
        items = history.reminders.due(reply_days)
        if args.reminders_command == "done":
            uid = _resolve_uid(args.uid, [r.uid for r in items])
            history.reminders.set_done(uid, not args.undo)
            print(f"{uid} {'back on the list' if args.undo else 'done'}")
            return 0
        if args.reminders_command == "export":
            return _export(history, args.file, args.tasks, reply_days)
    due = items if args.all else core.coming_up(items)
    if args.json:
        sys.stdout.write(json.dumps([r.to_dict() for r in due], indent=2) + "\n")
        return 0
    if not items:
        print(
            "Nothing coming up: follow-ups appear once a withdrawal is marked as sent "
            "(bowout history sent ID)."
        )
    elif not due:
        print("Nothing coming up: every follow-up is done (reminders list --all shows them).")
    for reminder in due:
        late = " (overdue)" if reminder.due < today and not reminder.done else ""
        tick = "[x] " if reminder.done else ""
        where = reminder.company and reminder.company not in reminder.title
        company = f" ({reminder.company})" if where else ""
        print(f"{reminder.due.isoformat()}{late}  {tick}{reminder.title}{company}")
    return 0


def _resolve_uid(given: str, uids: list[str]) -> str:
    """The UID itself, or the one UID that starts with ``given`` (as ``history show`` takes
    a unique start of an id); InputError when none or several do."""
    if given in uids:
        return given
    found = [uid for uid in uids if given and uid.startswith(given)]
    if len(found) == 1:
        return found[0]
    if found:
        raise InputError(f"{given!r} starts {len(found)} follow-ups' UIDs; give more of it")
    raise InputError(f"no follow-up has the UID {given!r} (see: bowout reminders list --json)")


def _export(history: History, path: Path, tasks: bool, reply_days: int) -> int:
    from bowout.core.calendar_export import ItemKind
    from bowout.services.calendar_export import export_follow_ups

    if path.suffix.lower() != ".ics":
        raise InputError(f"a calendar file ends in .ics: {path}")
    kind = ItemKind.TASK if tasks else ItemKind.EVENT
    try:
        done = export_follow_ups(history, path, kind=kind, reply_days=reply_days)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    cancelled = f", {done.cancelled} cancelled (withdrawal gone)" if done.cancelled else ""
    what = "task(s)" if tasks else "event(s)"
    print(f"{done.written} follow-up {what} written to {path}{cancelled}")
    return 0
