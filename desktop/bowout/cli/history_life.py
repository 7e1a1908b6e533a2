"""``bowout history sent|reply|note``: a kept withdrawal's life after the draft.

Part of the ``history`` subcommand (:mod:`bowout.cli.history` adds and runs these actions);
each calls one use case of :mod:`bowout.services.records`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from bowout.cli.words import refuse_placeholders
from bowout.core.draft import REPLY_KINDS
from bowout.core.errors import InputError
from bowout.services.when import WHEN_FORMS, parse_when

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers
    from bowout.storage import History, Record

#: The actions this module adds to ``bowout history``.
ACTIONS = ("sent", "reply", "note")


def _when(text: str) -> dt.datetime:
    try:
        return parse_when(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_actions(actions: SubParsers) -> None:
    """Add ``sent``, ``reply`` and ``note`` to the ``history`` action subparsers."""
    at_help = f"when it happened ({WHEN_FORMS}; default: now)"
    sent = actions.add_parser(
        "sent",
        help="mark a kept withdrawal sent (once; the message as sent is kept)",
        description="Mark a kept withdrawal sent. Its subject, recipient, text, channel and "
        "time are kept whole in its timeline and never rewritten; its follow-ups start "
        "(bowout reminders). Marking sent happens once; --undo takes it back as one step.",
    )
    sent.add_argument("id", metavar="ID", help="its id or a unique start of one")
    sent.add_argument("--at", type=_when, metavar="WHEN", help=at_help)
    sent.add_argument("--undo", action="store_true", help="back to a draft (before any reply)")
    sent.add_argument("--with-placeholders", action="store_true",
                      help="mark it sent although [bracketed] fill-ins remain")  # fmt: skip
    reply = actions.add_parser(
        "reply",
        help="record what they replied to a sent withdrawal",
        description="Keep their reply in the withdrawal's timeline (it ticks off the "
        "'no answer yet' follow-up). To draft your answer: bowout reply --record ID --kind KIND",
    )
    reply.add_argument("id", metavar="ID", help="its id or a unique start of one")
    reply.add_argument("--kind", required=True, choices=list(REPLY_KINDS), metavar="KIND",
                       help=f"what they said: {', '.join(REPLY_KINDS)}")  # fmt: skip
    reply.add_argument("--text", default="", metavar="T", help="their words (optional)")
    reply.add_argument("--at", type=_when, metavar="WHEN", help=at_help)
    note = actions.add_parser("note", help="record a call note (what was said)")
    note.add_argument("id", metavar="ID", help="its id or a unique start of one")
    note.add_argument("--text", required=True, metavar="T", help="what was said")
    note.add_argument("--at", type=_when, metavar="WHEN", help=at_help)
    for action in (sent, reply, note):
        action.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                            help="print the record as JSON")  # fmt: skip


def run_action(history: History, record_id: str, args: argparse.Namespace) -> tuple[Record, str]:
    """Run one of :data:`ACTIONS` on the record ``record_id``; returns the record as stored
    and the line to print. InputError / HistoryError for the user's problems."""
    from bowout.services import records

    command = args.history_command
    if command == "sent" and args.undo:
        record = records.undo_sent(history, record_id)
        return record, f"Back to a draft: {_who(record)} (no longer marked sent)."
    if command == "sent":
        record = history.get(record_id)
        if not args.with_placeholders and record.status != "sent":
            refuse_placeholders(record.subject, record.body_text, fix="fill in the draft")
        record = records.mark_sent(history, record_id, args.at)
        return record, (
            f"Marked sent: {_who(record)} at {_shown(record.sent)} on {record.channel}. The "
            "message as sent is kept in its timeline; its follow-ups: bowout reminders list"
        )
    if command == "reply":
        record = records.record_reply(history, record_id, args.kind, text=args.text, when=args.at)
        return record, (
            f"Kept their reply ({REPLY_KINDS[args.kind].lower()}) for {_who(record)}. "
            f"To draft your answer: bowout reply --record {record.id[:8]} --kind {args.kind}"
        )
    record = records.record_call_note(history, record_id, args.text, args.at)
    return record, f"Kept the call note for {_who(record)}."


def _who(record: Record) -> str:
    return " — ".join(part for part in (record.company, record.role) if part) or record.id[:8]


def _shown(stamp: str | None) -> str:
    return f"{stamp[:16].replace('T', ' ')} UTC" if stamp else "?"
