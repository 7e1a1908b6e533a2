"""``bowout reminders list|export FILE.ics``: the dated follow-ups of sent withdrawals."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from bowout.core.errors import InputError


def add_parser(sub: Any) -> None:
    """Register ``reminders`` on the top-level subparsers."""
    p = sub.add_parser("reminders", help="list or export the follow-ups of sent withdrawals")
    actions = p.add_subparsers(dest="reminders_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="what is due, overdue first")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    export = actions.add_parser("export", help="write every follow-up to a calendar file")
    export.add_argument("file", metavar="FILE.ics", type=Path)


def run(args: argparse.Namespace, data_dir: Path, today: dt.date | None = None) -> int:
    """List or export; a problem with the history is a HistoryError (exit 2)."""
    from bowout.core import reminders as core
    from bowout.storage import History
    from bowout.storage.atomic import atomic_write_bytes

    today = today or dt.date.today()
    items: list[core.Reminder] = []
    with History.open(data_dir) as history:
        for record in history.list():
            if record.status != "sent" or not record.sent:
                continue
            sent = dt.date.fromisoformat(record.sent[:10])
            items += core.reminders_for(record.id, record.situation(), sent)
    if args.reminders_command == "export":
        path: Path = args.file
        if path.suffix.lower() != ".ics":
            raise InputError(f"a calendar file ends in .ics: {path}")
        stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        try:
            atomic_write_bytes(path, core.to_ics(items, stamp))
        except OSError as exc:
            raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
        print(f"{len(items)} follow-up(s) written to {path}")
        return 0
    due = core.coming_up(items)
    if args.json:
        sys.stdout.write(json.dumps([r.to_dict() for r in due], indent=2) + "\n")
        return 0
    if not due:
        print("Nothing coming up: follow-ups appear once a withdrawal is marked as sent.")
    for reminder in due:
        late = " (overdue)" if reminder.due < today else ""
        print(f"{reminder.due.isoformat()}{late}  {reminder.title}")
    return 0
