"""``bowout batch``: one withdrawal draft per open application ("tell the others")."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bowout.cli.situation_flags import add_tone_flag, greeting_type
from bowout.core.applications import Application
from bowout.core.draft import Draft
from bowout.core.situation import Reason, Voice

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers


def add_parser(sub: SubParsers) -> None:
    """Register ``batch`` on the top-level subparsers."""
    p = sub.add_parser(
        "batch",
        help="draft one withdrawal per open application",
        description="Draft a withdrawal for every open application (see: bowout applications), "
        "each at its own stage, on the channel that stage calls for, with one reason and voice.",
    )
    p.add_argument(
        "--reason",
        required=True,
        choices=[r.value for r in Reason],
        help="why you are withdrawing from all of them (e.g. other-offer)",
    )
    p.add_argument(
        "--accepted",
        metavar="ID|COMPANY",
        help="the application whose offer you accepted (an id start or its company): it is "
        "marked accepted and never drafted to. Required when an open application is at "
        "stage accepted",
    )
    add_tone_flag(p)
    p.add_argument(
        "--greeting",
        type=greeting_type,
        metavar="TEXT",
        help="who every message greets, e.g. 'hiring team' gives \"Dear hiring team,\" "
        "(one line, at most 60 characters; default: each contact by name, and the "
        "company's hiring team where an application has no contact)",
    )
    p.add_argument(
        "--format",
        default="text",
        choices=("text", "json"),
        help="text (default), or json: a list of drafts as `bowout draft --format json` "
        "prints them, each with the application's company and stage",
    )
    p.add_argument(
        "--save",
        action="store_true",
        help="also keep each draft in the history, linked to its application (one write "
        "each); prints each id once it is on disk (in JSON as `id`). Running it again "
        "refreshes those drafts instead of keeping second ones",
    )
    p.add_argument("--your-name", metavar="N", help="your name (default: the saved profile)")
    p.add_argument("--your-email", metavar="E", help="your email (default: the saved profile)")
    p.add_argument("--your-phone", metavar="P", help="your phone (default: the saved profile)")


def batch_json(application: Application, draft: Draft) -> dict[str, Any]:
    """One element of ``--format json``: the draft's own JSON plus company and stage."""
    from bowout.cli.words import draft_json

    return {
        **draft_json(draft),
        "company": application.company,
        "stage": application.stage.value,
    }


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Draft for each open application and print them; exit 0 (an empty list when none).
    With ``--save`` each draft is also kept and linked to its application first."""
    from bowout.cli.draft import profile_from_args, render_text, user_template_dirs
    from bowout.core.batch import draft_batch
    from bowout.core.composer import Composer
    from bowout.services import batch
    from bowout.storage import History

    profile = profile_from_args(args, data_dir)
    with History.open(data_dir) as history:
        if history.recovery_message:
            print(f"bowout: note: {history.recovery_message}", file=sys.stderr)
        chosen = batch.plan(history, args.accepted)
        kept = list(chosen.others)
        composer = Composer(user_template_dirs(data_dir))
        applications = [stored.application for stored in kept]
        reason, voice = Reason(args.reason), Voice(args.tone)
        drafts = list(
            draft_batch(
                composer, profile, applications, reason, voice, greeting=args.greeting or "",
                language=args.language, address=args.address,  # None: each application's
            )
        )  # fmt: skip
        for problem in composer.take_template_problems():
            print(f"bowout: warning: {problem}", file=sys.stderr)
        record_ids = []
        if args.save:
            for stored, (_, draft) in zip(kept, drafts, strict=True):
                record_ids.append(batch.keep_draft(history, stored, draft).id)
    if args.format == "json":
        payload = [batch_json(application, draft) for application, draft in drafts]
        for item, record_id in zip(payload, record_ids, strict=False):
            item["id"] = record_id
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    if chosen.accepted is not None and args.format != "json":
        print(f"Marked accepted: {batch.label(chosen.accepted)} (never drafted to).\n")
    if not drafts:
        print("No open applications; add them with: bowout applications add|import")
    for number, (application, draft) in enumerate(drafts, 1):
        who = " — ".join(part for part in (application.company, application.role) if part)
        sys.stdout.write(f"=== {number}/{len(drafts)}: {who} ({application.stage.label}) ===\n")
        sys.stdout.write(render_text(draft))
        if record_ids:
            sys.stdout.write(f"Saved to history: {record_ids[number - 1]}\n")
        sys.stdout.write("\n")
    return 0
