"""``bowout reply``: the short answer to what they wrote back after the message."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from bowout.core.draft import REPLY_ANSWERS, REPLY_KINDS, Reply
from bowout.core.errors import InputError

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers
    from bowout.storage import Record


def kinds_help() -> str:
    """Every reply kind with what it means and what Bow Out drafts, wrapped to 79 columns."""
    width = max(map(len, REPLY_KINDS))
    lines = []
    for kind, said in REPLY_KINDS.items():
        text = f"{said}. Drafts {REPLY_ANSWERS[kind]}."
        lines += textwrap.wrap(text, 79, initial_indent=f"  {kind:<{width}}  ",
                               subsequent_indent=" " * (width + 4))  # fmt: skip
    return "\n".join(lines)


def add_parser(sub: SubParsers) -> None:
    """Register ``reply`` on the top-level subparsers."""
    from bowout.cli.situation_flags import add_situation_flags

    p = sub.add_parser(
        "reply",
        help="draft the short answer to what they replied",
        description="Draft the short answer to what they wrote back after your message:\n"
        "for a kept withdrawal (--record ID) or for the situation the draft flags describe.",
        epilog="reply kinds (--kind):\n" + kinds_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--kind",
        required=True,
        choices=list(REPLY_KINDS),
        metavar="KIND",
        help="what they said (see the list below)",
    )
    p.add_argument(
        "--record",
        metavar="ID",
        help="answer for a withdrawal kept in your history (an id or a unique start of one); "
        "the draft flags are then not needed",
    )
    p.add_argument(
        "--format",
        default="text",
        choices=("text", "json"),
        help="what to print (default: text)",
    )
    add_situation_flags(p, stage_required=False, message_kind=False)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Compose the answer and print it; InputError when neither --record nor --stage is given."""
    from bowout.cli.draft import profile_from_args, user_template_dirs
    from bowout.cli.language import address_of, language_of
    from bowout.cli.situation_flags import situation_from_args
    from bowout.core.composer import Composer

    subject = ""
    profile = profile_from_args(args, data_dir)
    if args.record:
        from bowout.services.profile import signer

        record = _kept(args.record, data_dir)
        situation, subject = record.situation(), record.subject
        profile = signer(profile, record)  # sign as the kept withdrawal was signed
        # The answer is in the record's language unless another is asked for.
        situation = dataclasses.replace(
            situation,
            language=language_of(args, situation.language),
            address=address_of(args, situation.address),
        )
    elif args.stage:
        # The answer follows a withdrawal; --deal-breaker says a conversation came first.
        situation = situation_from_args(argparse.Namespace(**{**vars(args), "kind": "withdraw"}))
    else:
        raise InputError("say which withdrawal to answer for: --record ID, or --stage STAGE ...")
    composer = Composer(user_template_dirs(data_dir))
    reply = composer.compose_reply(situation, profile, args.kind, subject=subject)
    for problem in composer.take_template_problems():
        print(f"bowout: warning: {problem}", file=sys.stderr)
    sys.stdout.write(render(reply, args.format, situation.language))
    return 0


def render(reply: Reply, form: str, language: str = "en") -> str:
    """The answer as ``text`` (subject line, blank line, body) or ``json`` (which says
    the ``language`` it is written in)."""
    if form == "json":
        payload = {**reply.to_json_dict(), "kind_label": REPLY_KINDS[reply.kind]}
        payload["language"] = language
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    head = f"Subject: {reply.subject}\n\n" if reply.subject else ""
    return head + reply.body_text + "\n"


def _kept(given: str, data_dir: Path) -> Record:
    """The kept record ``given`` names (HistoryError if there is none)."""
    from bowout.cli.history import resolve_id
    from bowout.storage import History

    with History.open(data_dir) as history:
        return history.get(resolve_id(history, given))
