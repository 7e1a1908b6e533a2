"""``bowout history`` (list, show, export, import, compare; sent, reply, note: see
:mod:`bowout.cli.history_life`) and saving from ``bowout draft``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bowout.cli.history_life import ACTIONS, add_actions, run_action
from bowout.core.draft import Draft
from bowout.storage import History, HistoryError, Record

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers


def add_parser(sub: SubParsers) -> None:
    """Register ``history`` on the top-level subparsers."""
    p = sub.add_parser(
        "history", help="list, show, export or import kept withdrawals; mark sent, record replies"
    )
    # On both levels so that `history --json list` and `history list --json` both work;
    # SUPPRESS keeps the action's parser from resetting a flag given before it.
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    actions = p.add_subparsers(dest="history_command", metavar="ACTION", required=True)
    specs = (
        ("list", "list kept withdrawals, newest first", None),
        ("show", "show one withdrawal (an id or a unique start of one)", "id"),
        (
            "export",
            "write all your data (withdrawals, applications, follow-up ticks and "
            "dates, column mappings) to a JSON file, to move to another computer",
            "file",
        ),
        ("import", "merge all the data of a JSON export into this history", "file"),
        ("compare", "compare two withdrawals field by field (after a save conflict)", "ids"),
    )
    for name, help_text, positional in specs:
        action = actions.add_parser(name, help=help_text)
        if positional == "id":
            action.add_argument("id", metavar="ID")
        elif positional == "ids":
            action.add_argument("id", metavar="ID")
            action.add_argument("other", metavar="OTHER_ID")
        elif positional == "file":
            action.add_argument("file", metavar="FILE", type=Path)
        action.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    add_actions(actions)


def save_draft(draft: Draft, data_dir: Path) -> str:
    """Keep ``draft`` in the history; returns its id only once it is durably on disk."""
    with History.open(data_dir) as history:
        _note_recovery(history)
        return history.add(Record.from_draft(draft)).id


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one ``history`` action; user-world problems raise HistoryError (exit 2)."""
    with History.open(data_dir) as history:
        _note_recovery(history)
        command = args.history_command
        as_json = bool(getattr(args, "json", False))
        if command == "list":
            _print_list(history.list(), as_json)
        elif command == "show":
            record = history.get(resolve_id(history, args.id))
            if as_json:  # what a newer version wrote, as it is, and what is not understood
                unknown = record.not_understood
                _emit({**record.to_dict(), **({"not_understood": unknown} if unknown else {})})
            else:
                sys.stdout.write(render_record(record))
        elif command == "export":
            count = history.transfer.export_json(args.file)
            if as_json:
                _emit({"exported": count, "file": str(args.file)})
            else:
                print(f"Exported {count} record(s) to {args.file}")
        elif command == "import":
            report = history.transfer.import_json(args.file)
            if as_json:
                _emit(dataclasses.asdict(report))
            else:
                also = (
                    f"; {report.applications} application(s), {report.follow_ups} follow-up "
                    f"state(s), {report.mappings} column mapping(s)"
                    if report.applications or report.follow_ups or report.mappings
                    else ""
                )
                print(
                    f"Imported {args.file}: {report.added} added, {report.updated} updated, "
                    f"{report.skipped} skipped{also}"
                )
        elif command in ACTIONS:
            record, line = run_action(history, resolve_id(history, args.id), args)
            if as_json:
                _emit(record.to_dict())
            else:
                print(line)
        elif command == "compare":
            from bowout.storage.conflicts import compare_text

            first = history.get(resolve_id(history, args.id))
            second = history.get(resolve_id(history, args.other))
            sys.stdout.write(compare_text(first, second))
        else:  # argparse only lets the five actions through
            raise HistoryError(
                f"Unknown history action {command!r}; use list, show, export, import or compare."
            )
    return 0


def _note_recovery(history: History) -> None:
    if history.recovery_message:
        print(f"bowout: note: {history.recovery_message}", file=sys.stderr)


def _emit(payload: object) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def resolve_id(history: History, given: str) -> str:
    """An exact id, or the one id that starts with ``given`` (ids are long to type)."""
    from bowout.storage.schema import valid_id

    given = given.strip().lower()
    if valid_id(given):
        return given  # a whole id: the history says what is wrong with it, if anything
    ids = [record.id for record in history.list()]
    matches = [rid for rid in ids if given and rid.startswith(given)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise HistoryError(
            f"The id {given!r} matches {len(matches)} records; "
            "type more of it (see: bowout history list)."
        )
    raise HistoryError(f"No record with id {given!r} in the history (see: bowout history list).")


def _print_list(records: list[Record], as_json: bool) -> None:
    from bowout.services.records import state_of

    if as_json:
        _emit([record.to_dict() for record in records])
        return
    if not records:
        print("The history is empty.")
        return
    for record in records:
        who = " — ".join(part for part in (record.company, record.role) if part) or "(no company)"
        contact = f" ({record.contact})" if record.contact else ""
        status = state_of(record)
        print(
            f"{record.id[:8]}  {record.created[:10]}  {status:8}  {record.stage:12}  "
            f"{record.channel:9}  {who}{contact}"
        )


def render_record(record: Record) -> str:
    """The text shown by ``bowout history show ID``."""
    lines = [
        f"Id:        {record.id}",
        f"Company:   {record.company}",
        f"Role:      {record.role}",
        f"Contact:   {record.contact}",
    ]
    if record.recruiter:
        lines.append(f"Recruiter: {record.recruiter}")
    unknown = record.not_understood
    if unknown:
        lines.append(f"Not understood: {', '.join(unknown)} (from a newer Bow Out; kept as "
                     "it is)")  # fmt: skip
    if record.outcome:
        lines.append(f"Outcome:   {record.outcome} (of the conversation about "
                     f"{record.negotiation['deal_breaker']})")  # fmt: skip
    lines += [
        f"Stage:     {record.stage}",
        f"Reason:    {record.reason}",
        f"Channel:   {record.channel}",
        f"Status:    {record.status}" + (f" ({record.sent})" if record.sent else ""),
        *(
            ["           Resolved \u2014 stayed in the process; no withdrawal sent"]
            if record.outcome == "resolved"
            else []
        ),
        f"Created:   {record.created}",
        f"Updated:   {record.updated}",
        "",
        f"Subject: {record.subject}",
        "",
        record.body_text,
    ]
    if record.phone_script:
        lines += ["", "--- Phone script ---", record.phone_script]
    if record.checklist:
        lines += ["", "--- Checklist ---"]
        lines += [f"[{'x' if item['done'] else ' '}] {item['text']}" for item in record.checklist]
    if record.notes:
        lines += ["", "--- Notes ---", record.notes]
    if record.timeline:
        lines += ["", "--- Timeline ---", *timeline_lines(record)]
    return "\n".join(lines) + "\n"


def timeline_lines(record: Record) -> list[str]:
    """The record's timeline for ``history show``, oldest first: UTC time, what happened
    (with the reply kind), channel, then the text indented below."""
    from bowout.storage.timeline import EVENT_KINDS

    lines = []
    for event in record.timeline:
        what = EVENT_KINDS[event["kind"]] + (f" ({event['reply']})" if event["reply"] else "")
        lines.append(f"{event['at'][:16].replace('T', ' ')} UTC  {what}  [{event['channel']}]")
        lines += [f"    {line}" if line else "" for line in str(event["text"]).splitlines()]
    return lines
