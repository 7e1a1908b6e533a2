"""``bowout applications import|list|add|remove``: the open applications kept in the history."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from bowout.core.applications import FIELDS, Application
from bowout.core.csv_import import ImportResult, read_applications, read_headers
from bowout.core.errors import InputError
from bowout.core.situation import Stage, parse_date
from bowout.storage import History, ImportMapping, StoredApplication

_STAGES = [s.value for s in Stage]
_IMPORT_EPILOG = (
    "The columns are guessed from the header row (company, role, contact, contact_email, "
    "recruiter, stage, applied, notes); correct a guess with --map 'Job title=role' or ignore "
    "a column with --map 'Link='. Tracker status words ('Phone screen', 'Final interview', "
    "'Offer', ...) become stages; answer for the others with --status 'Panel=interviewing'. "
    "The mapping and answers are remembered for the next file with the same columns. Rows "
    "already kept, closed (Rejected, Withdrawn, ...) or unreadable are skipped and listed "
    "with their line numbers."
)


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.rpartition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value.strip()


def add_parser(sub: Any) -> None:
    """Register ``applications`` on the top-level subparsers."""
    p = sub.add_parser("applications", help="list, add or import your open applications")
    actions = p.add_subparsers(dest="applications_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import", help="add applications from a CSV file", epilog=_IMPORT_EPILOG
    )
    imp.add_argument("file", metavar="FILE.csv", type=Path)
    imp.add_argument("--map", action="append", type=_pair, default=[], metavar="COLUMN=field",
                     help=f"read COLUMN as field ({', '.join(FIELDS)}; empty: ignore)")  # fmt: skip
    imp.add_argument("--status", action="append", type=_pair, default=[], metavar="WORD=stage",
                     help=f"a status word means this stage ({', '.join(_STAGES)})")  # fmt: skip
    imp.add_argument("--yes", action="store_true",
                     help="import with columns used for the first time without asking")  # fmt: skip
    listing = actions.add_parser("list", help="list kept applications by company")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing.add_argument("--open", action="store_true", help="only those still open")
    add = actions.add_parser("add", help="keep one application; prints its id")
    add.add_argument("--company", required=True, metavar="C", help="the employer")
    add.add_argument("--role", default="", metavar="R", help="the job title")
    add.add_argument("--stage", default="applied", choices=_STAGES,
                     help="how far it has gone (default: applied)")  # fmt: skip
    add.add_argument("--contact", default="", metavar="N", help="the hiring manager or contact")
    add.add_argument("--contact-email", default="", metavar="ADDR", help="their email address")
    add.add_argument("--recruiter", default="", metavar="N", help="the recruiter, if any")
    add.add_argument("--applied", type=_date, metavar="YYYY-MM-DD", help="when you applied")
    add.add_argument("--notes", default="", metavar="TEXT", help="anything to remember")
    remove = actions.add_parser("remove", help="forget one application (its id or a start)")
    remove.add_argument("id", metavar="ID")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one ``applications`` action; bad input and history problems raise a
    BowOutError (one line, exit 2)."""
    with History.open(data_dir) as history:
        if history.recovery_message:
            print(f"bowout: note: {history.recovery_message}", file=sys.stderr)
        command = args.applications_command
        if command == "import":
            return _import(history, args)
        if command == "add":
            application = Application(
                company=args.company, role=args.role, contact=args.contact,
                contact_email=args.contact_email, recruiter=args.recruiter,
                stage=Stage(args.stage), applied=args.applied, notes=args.notes,
            )  # fmt: skip
            print(history.add_application(application))
        elif command == "remove":
            application_id = _resolve_id(history, args.id)
            if application_id in dict(history.damaged_applications()):
                history.remove_damaged_application(application_id)
                print(f"Removed the damaged application {application_id}")
            else:
                print(f"Removed {_label(history.remove_application(application_id))}")
        else:
            kept = history.applications("open" if args.open else None)
            _show_damaged(history)
            if args.json:
                sys.stdout.write(json.dumps([s.to_dict() for s in kept], ensure_ascii=False,
                                            indent=2) + "\n")  # fmt: skip
            elif not kept:
                print("No applications kept; add one with: bowout applications add --company C")
            for stored in [] if args.json else kept:
                app = stored.application
                applied = app.applied.isoformat() if app.applied else "-"
                print(f"{stored.id[:8]}  {stored.state:9}  {app.stage.value:12}  {applied:10}  "
                      f"{_label(stored)}")  # fmt: skip
    return 0


def _import(history: History, args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    headers = read_headers(data)
    remembered = history.import_mapping(headers)
    columns = {**(remembered.columns if remembered else {}), **dict(args.map)}
    statuses = {**(remembered.statuses if remembered else {}), **dict(args.status)}
    for word, stage in statuses.items():
        if stage not in _STAGES:
            raise InputError(f"{stage!r} (for {word!r}) is not a stage; use one of "
                             f"{', '.join(_STAGES)}")  # fmt: skip
    existing = [s.application for s in history.applications()]
    result = read_applications(data, columns, statuses, existing)
    if result.unknown_statuses:
        raise InputError(unknown_statuses_message(result))
    described = describe_mapping(headers, result.mapping)
    if remembered is None and not args.yes and not _confirm(described, len(result.applications)):
        raise InputError(
            f"the columns were guessed ({described}); run again with --yes to import with "
            "them, or correct them with --map COLUMN=field"
        )
    mapping = ImportMapping(tuple(headers), result.mapping, statuses)
    report = history.import_applications(result.applications, mapping)
    print(f"Imported {len(report.added)} application(s) from {path.name} ({described}).")
    skipped = sorted(result.skipped) + [
        (0, f"{' — '.join(filter(None, (a.company, a.role)))} already listed")
        for a in report.duplicates
    ]
    for line, why in skipped:
        print(f"Skipped line {line}: {why}" if line else f"Skipped: {why}")
    return 0


def describe_mapping(headers: list[str], mapping: dict[str, str]) -> str:
    """``Company → company, Status → stage; ignored: Link`` for the columns of a CSV."""
    used = [f"{h} → {mapping[h]}" for h in headers if mapping.get(h)]
    ignored = [h for h in headers if h and not mapping.get(h)]
    return ", ".join(used) + (f"; ignored: {', '.join(ignored)}" if ignored else "")


def unknown_statuses_message(result: ImportResult) -> str:
    """One line naming each status word not known, its lines, and how to answer."""

    def lines(numbers: list[int]) -> str:
        return ("line " if len(numbers) == 1 else "lines ") + ", ".join(map(str, numbers))

    words = "; ".join(f"{word!r} ({lines(n)})" for word, n in result.unknown_statuses.items())
    example = next(iter(result.unknown_statuses))
    return (
        f"status words Bow Out does not know: {words}; say which stage each is with "
        f"--status '{example}=STAGE' ({', '.join(_STAGES)}); nothing was imported"
    )


def _confirm(described: str, count: int) -> bool:
    """Ask on a terminal whether the guessed columns are right; False when not a terminal."""
    if not sys.stdin.isatty():
        return False
    answer = input(f"Columns: {described}.\nImport {count} application(s) with them? [y/N] ")
    return answer.strip().casefold() in ("y", "yes")


def _label(stored: StoredApplication) -> str:
    app = stored.application
    who = " — ".join(part for part in (app.company, app.role) if part)
    return who + (f" ({app.contact})" if app.contact else "")


def _show_damaged(history: History) -> None:
    """One line on stderr per application that cannot be read: never silently left out."""
    for application_id, why in history.damaged_applications():
        print(
            f"bowout: note: application {application_id[:8]} cannot be read ({why}); remove "
            f"it with: bowout applications remove {application_id[:8]}",
            file=sys.stderr,
        )


def _resolve_id(history: History, given: str) -> str:
    """An exact id, or the one id that starts with ``given``; InputError otherwise."""
    given = given.strip().lower()
    ids = [s.id for s in history.applications()] + [i for i, _ in history.damaged_applications()]
    matches = [i for i in ids if given and i.startswith(given)]
    if len(matches) == 1:
        return matches[0]
    raise InputError(
        f"the id {given!r} matches {len(matches)} applications; "
        "give more of it (see: bowout applications list)"
    )
