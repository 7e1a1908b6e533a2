"""``bowout draft`` and ``bowout templates check``: drafting from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bowout.cli.situation_flags import (
    add_situation_flags,
    situation_from_args,
)
from bowout.cli.words import draft_json, for_cli, refuse_placeholders
from bowout.core import exports
from bowout.core.checklist import PHASE_TITLES
from bowout.core.composer import Composer
from bowout.core.draft import Draft
from bowout.core.errors import InputError
from bowout.core.salutation import missing_courtesy_hint
from bowout.core.situation import (
    MAX_FIELD_CHARS,
    Profile,
)
from bowout.settings import load_settings

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers


#: The end of ``bowout draft --help``: the two kinds, and an example of each option.
EPILOG = """\
kinds (--kind):
  withdraw    the withdrawal message (the default)
  negotiate   try to resolve it first: a short request to talk about one deal-breaker
              (no threat, no ultimatum, no figures you did not type), talking points
              for the call (what to ask for, what would be enough, what to say if the
              answer is no) and a checklist with your decision date; for the reasons
              compensation, not-a-fit, relocation and personal, from interviewing on

deal-breakers (--deal-breaker): pay, scope, remote, start-date, sponsorship, relocation,
  other; with --kind withdraw, the point a conversation could not resolve

examples:
  try to resolve the pay first:
    bowout draft --stage offer --reason compensation --kind negotiate --deal-breaker pay
  name the deal-breaker, here remote or hybrid work:
    bowout draft --stage final --reason not-a-fit --kind negotiate --deal-breaker remote
  give your answer by a date:
    bowout draft --stage accepted --reason relocation --kind negotiate \\
      --deal-breaker start-date --decide-by 2027-01-15
  the talk found no way: withdraw, saying so neutrally:
    bowout draft --stage offer --reason compensation --kind withdraw --deal-breaker pay
  rescind with goodwill (a referral, a handover call, staying in touch):
    bowout draft --stage accepted --reason other-offer --offer-referral \\
      --offer-handover --stay-in-touch
"""


def add_parser(sub: SubParsers) -> None:
    """Register ``draft`` on the top-level subparsers."""
    p = sub.add_parser(
        "draft",
        help="draft a withdrawal message and print it",
        description="Draft the message for one withdrawal and print it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_situation_flags(p, stage_required=True)
    p.add_argument(
        "--template", type=Path, metavar="PATH", help="a custom email body template for this draft"
    )
    p.add_argument(
        "--format",
        default="text",
        choices=("text", "html", "json", "eml"),
        help="what to print (default: text); eml, a message to send, is refused while "
        "[bracketed] fill-ins remain",
    )
    p.add_argument(
        "--with-placeholders",
        action="store_true",
        help="print the .eml although [bracketed] fill-ins remain",
    )
    p.add_argument(
        "--save",
        action="store_true",
        help="also keep the draft in the history; prints its id once it is on disk",
    )


def profile_from_args(args: argparse.Namespace, data_dir: Path) -> Profile:
    """``--your-*`` flags over the profile saved in Settings."""
    saved = load_settings(data_dir).profile if data_dir.is_dir() else Profile()
    overrides = {
        "name": args.your_name,
        "email": args.your_email,
        "phone": args.your_phone,
    }
    for key, value in overrides.items():
        if value is not None and len(value) > MAX_FIELD_CHARS:
            raise InputError(f"--your-{key} is too long (limit {MAX_FIELD_CHARS} characters)")
    if args.your_email and "@" not in args.your_email:
        raise InputError(f"--your-email does not look like an email address: {args.your_email!r}")
    return dataclasses.replace(saved, **{k: v for k, v in overrides.items() if v is not None})


def user_template_dirs(data_dir: Path) -> list[Path]:
    """Where the user's custom templates are: the Settings folder first, then the data folder."""
    settings = load_settings(data_dir) if data_dir.is_dir() else None
    dirs = [data_dir / "templates"]
    if settings and settings.templates_dir:
        dirs.insert(0, Path(settings.templates_dir))
    return dirs


def render_text(draft: Draft) -> str:
    """The human-readable output of ``--format text``."""
    parts = [f"Subject: {draft.subject}", ""] if draft.subject else []
    parts.append(draft.body_text)
    if draft.phone_script:
        parts += ["", "--- Phone script ---", draft.phone_script]
    if draft.phone_branches:
        parts += ["", "--- If the call turns ---"]
        parts += [f"{when}: {words}" for when, words in draft.phone_branches]
    parts += ["", f"--- Channel: {draft.channel.label} ---"]
    if draft.channel is not draft.advice.channel:
        parts.append(f"Recommended instead: {draft.advice.channel.label}.")
    parts.append(draft.advice.rationale)
    parts += ["", "--- Checklist ---"]
    phase = ""
    for item in draft.checklist:
        if item.phase != phase:
            phase = item.phase
            parts.append(f"{PHASE_TITLES[phase]}:")
        parts.append(f"[{'x' if item.done else ' '}] {item.text}")
    if draft.findings:
        parts += ["", "--- Tone coach ---"]
        parts += [f"* {for_cli(f.message)}" for f in draft.findings]
    return "\n".join(parts) + "\n"


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Compose, print in the chosen format, and optionally save to the history."""
    situation = situation_from_args(args)
    profile = profile_from_args(args, data_dir)
    composer = Composer(user_template_dirs(data_dir))
    draft = composer.compose(situation, profile, body_template=args.template)
    if situation.wording > draft.wordings:
        raise InputError(
            f"--wording {situation.wording}: this situation has {draft.wordings} wording(s); "
            f"choose 1 to {draft.wordings}"
        )
    for problem in composer.take_template_problems():
        print(f"bowout: warning: {problem}", file=sys.stderr)
    hint = missing_courtesy_hint(situation.greeting, situation.contact, situation.language)
    if hint:  # a German letter greets by the Anrede; only the user knows it
        print(f"bowout: note: how to address them (--greeting): {hint}", file=sys.stderr)
    record_id = None
    if args.save:
        from bowout.cli.history import save_draft

        record_id = save_draft(draft, data_dir)
    out = sys.stdout
    if args.format == "json":
        payload = draft_json(draft)
        if record_id:
            payload["id"] = record_id
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "html":
        out.write(exports.to_html(draft.subject, draft.body_html, situation.language))
    elif args.format == "eml":
        if not args.with_placeholders:
            fix = "give the flags that fill them (bowout draft --help)"
            refuse_placeholders(draft.subject, draft.body_text, fix=fix)
        eml = exports.to_eml(
            draft.subject, draft.body_text, draft.body_html, profile,
            to=situation.contact_email, language=situation.language,
        )  # fmt: skip
        out.flush()
        sys.stdout.buffer.write(eml)
    else:
        out.write(render_text(draft))
        if record_id:
            out.write(f"Saved to history: {record_id}\n")
    if record_id and args.format in ("html", "eml"):
        print(f"bowout: saved to history as {record_id}", file=sys.stderr)
    out.flush()
    return 0
