"""``bowout applications import|list|add|edit|remove``: the applications kept in the history."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bowout import paths
from bowout.cli.language import address_type
from bowout.core.applications import FIELDS, Application
from bowout.core.csv_import import DateOrderNeeded, ImportResult, read_applications, read_headers
from bowout.core.errors import InputError
from bowout.core.import_dates import DATE_ORDERS, DMY, MDY
from bowout.core.import_dates import parse_date as read_cell_date
from bowout.core.situation import Stage, parse_date
from bowout.core.statuses import ACCEPTED_STATE, ANSWERS
from bowout.core.tabular import MAX_BYTES, SPLIT_HINT, read_table
from bowout.core.ui_dates import day_month_year
from bowout.core.vocabulary import Address
from bowout.readfile import read_named_file
from bowout.storage import History, ImportMapping, StoredApplication
from bowout.storage.applications import STATES

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers

_STAGES = [s.value for s in Stage]
_IMPORT_EPILOG = (
    "FILE is a CSV (any encoding and separator spreadsheets write) or an .xlsx, .xls or "
    ".ods workbook, told apart by content. The columns are guessed from the header row "
    "(company, role, contact, contact_email, recruiter, stage, applied, notes, language); "
    "a Language column names each employer's language by code or name (de, German, Deutsch; "
    "empty: English), and a row naming another stops the import with its line; correct a "
    "guess with --map 'Job title=role' or ignore a column with --map 'Link='. The status "
    "words of JobSync, Huntr, Teal, Notion and spreadsheet templates are known ('Phone "
    "screen' is screening, 'Expired' closed, 'Wishlist' saved: kept, not applied to, never "
    "drafted to); answer for another with --status 'Panel=interviewing', --status "
    "'Absage=closed', --status 'Idea=saved' or --status 'Maybe=skip'. A status saying the "
    "offer was accepted is asked about, as importing it as stage 'accepted' means "
    "rescinding. When every date reads both ways (11/2/2026), say the order with "
    "--date-order dmy or mdy. The mapping, answers and date order are remembered for the "
    "next file with the same columns. Rows already kept, closed (Rejected, Offer declined, "
    "Expired, ...) or unreadable are skipped and listed with their line numbers; a date "
    f"that cannot be read leaves the row without it. At most {MAX_BYTES // (1 << 20)} MB; "
    f"{SPLIT_HINT}."
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


def add_parser(sub: SubParsers) -> None:
    """Register ``applications`` on the top-level subparsers."""
    p = sub.add_parser("applications", help="list, add or import your open applications")
    actions = p.add_subparsers(dest="applications_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="add applications from a CSV, .xlsx, .xls or .ods file",
        epilog=_IMPORT_EPILOG,
    )
    imp.add_argument("file", metavar="FILE", type=Path, help="a .csv, .xlsx, .xls or .ods file")
    imp.add_argument("--map", action="append", type=_pair, default=[], metavar="COLUMN=field",
                     help=f"read COLUMN as field ({', '.join(FIELDS)}; empty: ignore)")  # fmt: skip
    imp.add_argument("--status", action="append", type=_pair, default=[],
                     metavar="WORD=STAGE|closed|saved|skip",
                     help=f"what a status word means: a stage ({', '.join(_STAGES)}), closed "
                          "(over: not imported), saved (not applied to yet) or skip")  # fmt: skip
    imp.add_argument("--date-order", choices=DATE_ORDERS, default=None,
                     help="how slashed dates are written when every one reads both ways: "
                          "dmy (day first, 11/2 is 11 February) or mdy (month first)")  # fmt: skip
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
    _add_language_flags(add, "en")
    edit = actions.add_parser(
        "edit", help="change fields of one application (its id or a start); others stay"
    )
    edit.add_argument("id", metavar="ID")
    edit.add_argument("--company", metavar="C", help="the employer")
    edit.add_argument("--role", metavar="R", help="the job title")
    edit.add_argument("--stage", choices=_STAGES, help="how far it has gone")
    edit.add_argument("--contact", metavar="N", help="the hiring manager or contact")
    edit.add_argument("--contact-email", metavar="ADDR", help="their email address")
    edit.add_argument("--recruiter", metavar="N", help="the recruiter")
    edit.add_argument("--applied", type=_date, metavar="YYYY-MM-DD", help="when you applied")
    edit.add_argument("--notes", metavar="TEXT", help="anything to remember")
    _add_language_flags(edit, "unchanged")
    remove = actions.add_parser("remove", help="forget one application (its id or a start)")
    remove.add_argument("id", metavar="ID")


def _add_language_flags(p: argparse.ArgumentParser, default: str) -> None:
    """``--language`` (the same choices as ``draft --language``) and ``--address``: how
    the employer is written to; withdrawals drafted for the application use them."""
    p.add_argument(
        "--language",
        choices=paths.available_languages(),
        help="the language the employer writes in; drafts for this application "
        f"(bowout batch, the window) are written in it (default: {default})",
    )
    p.add_argument("--address", type=address_type, metavar="formal|informal",
                   help="the form of address where the language has two: formal (also sie, "
                        "vous, usted) or informal (also du, tu, tú) "
                        f"(default: {'formal' if default == 'en' else default})")  # fmt: skip


def _edited(old: Application, args: argparse.Namespace) -> Application:
    """``old`` with the fields the ``edit`` flags give; InputError when one cannot be kept."""
    names = ("company", "role", "contact", "contact_email", "recruiter", "applied", "notes",
             "language", "address")  # fmt: skip
    given = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    if args.stage is not None:
        given["stage"] = Stage(args.stage)
    if not given:
        raise InputError("say what to change, e.g. --language de (see: applications edit --help)")
    return dataclasses.replace(old, **given)


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
                language=args.language or paths.DEFAULT_LANGUAGE,
                address=args.address or Address.FORMAL,
            )  # fmt: skip
            print(history.applications.add(application))
        elif command == "edit":
            stored = history.applications.get(_resolve_id(history, args.id))
            changed = history.applications.update(stored.id, _edited(stored.application, args))
            print(f"Saved {_label(changed)}")
        elif command == "remove":
            application_id = _resolve_id(history, args.id)
            if application_id in dict(history.applications.damaged()):
                history.applications.remove_damaged(application_id)
                print(f"Removed the damaged application {application_id}")
            else:
                print(f"Removed {_label(history.applications.remove(application_id))}")
        else:
            kept = history.applications.list("open" if args.open else None)
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
                      f"{app.language:5}  {_label(stored)}")  # fmt: skip
    return 0


def _import(history: History, args: argparse.Namespace) -> int:
    path: Path = args.file
    table = read_table(read_named_file(path, MAX_BYTES, hint=SPLIT_HINT))
    headers = read_headers(table)
    remembered = history.applications.mapping(headers)
    columns = {**(remembered.columns if remembered else {}), **dict(args.map)}
    given = {word: answer.strip().casefold() for word, answer in args.status}
    statuses = {**(remembered.statuses if remembered else {}), **given}
    for word, answer in statuses.items():
        if answer not in ANSWERS:
            raise InputError(f"{answer!r} (for {word!r}) is not a stage or answer; use one of "
                             f"{', '.join(ANSWERS)}")  # fmt: skip
    date_order = args.date_order or (remembered.date_order if remembered else "") or None
    existing = [s.application for s in history.applications.list()]
    try:
        result = read_applications(
            table, columns, statuses, existing,
            date_order=date_order, accepted_state=ACCEPTED_STATE in STATES,
        )  # fmt: skip
    except DateOrderNeeded as exc:
        raise InputError(date_order_message(exc)) from None
    if result.unknown_statuses:
        raise InputError(unknown_statuses_message(result))
    described = describe_mapping(headers, result.mapping)
    if remembered is None and not args.yes and not _confirm(described, len(result.applications)):
        raise InputError(
            f"the columns were guessed ({described}); run again with --yes to import with "
            "them, or correct them with --map COLUMN=field"
        )
    mapping = ImportMapping(tuple(headers), result.mapping, statuses, result.date_order)
    report = history.applications.import_many(result.applications, mapping, result.states)
    saved = sum(1 for state in result.states if state == "saved")
    print(
        f"Imported {len(report.added)} application(s) from {path.name} ({described})."
        + (f" {saved} saved, not applied to yet." if saved else "")
    )
    for line, what in result.notes:
        print(f"Line {line}: {what}")
    skipped = sorted(result.skipped) + [
        (0, f"{' — '.join(filter(None, (a.company, a.role)))} already listed")
        for a in report.duplicates
    ]
    for line, why in skipped:
        print(f"Skipped line {line}: {why}" if line else f"Skipped: {why}")
    return 0


def date_order_message(exc: DateOrderNeeded) -> str:
    """One line: the column, both readings of its first ambiguous date, and the flag."""
    readings = []
    for order in (DMY, MDY):
        try:
            day = read_cell_date(exc.example, order)
        except ValueError:
            day = None
        readings.append(f"--date-order {order} reads it as {day_month_year(day)}" if day else "")
    return f"{exc}: run again with {' or '.join(r for r in readings if r)}; nothing was imported"


def describe_mapping(headers: list[str], mapping: dict[str, str]) -> str:
    """``Company → company, Status → stage; ignored: Link`` for the columns of a CSV."""
    used = [f"{h} → {mapping[h]}" for h in headers if mapping.get(h)]
    ignored = [h for h in headers if h and not mapping.get(h)]
    return ", ".join(used) + (f"; ignored: {', '.join(ignored)}" if ignored else "")


def unknown_statuses_message(result: ImportResult) -> str:
    """One line naming each status word not known, its lines, and how to answer."""

    def lines(numbers: list[int]) -> str:
        return ("line " if len(numbers) == 1 else "lines ") + ", ".join(map(str, numbers))

    unknown = {w: n for w, n in result.unknown_statuses.items() if w not in result.accepted_words}
    accepted = {w: n for w, n in result.unknown_statuses.items() if w in result.accepted_words}
    parts = []
    if unknown:
        words = "; ".join(f"{word!r} ({lines(n)})" for word, n in unknown.items())
        example = next(iter(unknown))
        parts.append(
            f"status words Bow Out does not know: {words}; say what each means with "
            f"--status '{example}=STAGE|closed|saved|skip' (stages: {', '.join(_STAGES)})"
        )
    if accepted:
        words = "; ".join(f"{word!r} ({lines(n)})" for word, n in accepted.items())
        example = next(iter(accepted))
        parts.append(
            f"{words} says you accepted that offer: --status '{example}=accepted' keeps it "
            "to rescind, --status '" + example + "=closed' leaves it out"
        )
    return "; ".join(parts) + "; nothing was imported"


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
    for application_id, why in history.applications.damaged():
        print(
            f"bowout: note: application {application_id[:8]} cannot be read ({why}); remove "
            f"it with: bowout applications remove {application_id[:8]}",
            file=sys.stderr,
        )


def _resolve_id(history: History, given: str) -> str:
    """An exact id, or the one id that starts with ``given``; InputError otherwise."""
    given = given.strip().lower()
    ids = [s.id for s in history.applications.list()] + [
        i for i, _ in history.applications.damaged()
    ]
    matches = [i for i in ids if given and i.startswith(given)]
    if len(matches) == 1:
        return matches[0]
    raise InputError(
        f"the id {given!r} matches {len(matches)} applications; "
        "give more of it (see: bowout applications list)"
    )
