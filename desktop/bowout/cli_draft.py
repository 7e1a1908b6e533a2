"""``bowout draft`` and ``bowout templates check``: drafting from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from bowout.core import exports, templating
from bowout.core.composer import Composer, sample_situations, template_context
from bowout.core.draft import Draft
from bowout.core.errors import InputError
from bowout.core.situation import (
    MAX_FIELD_CHARS,
    Channel,
    Profile,
    Reason,
    Situation,
    Stage,
    parse_date,
)
from bowout.settings import load_settings

_FLAGS = ("rapport", "via_recruiter", "linkedin_main", "keep_door_open")
_VISA_FLAGS = (
    "visa_petition_started",
    "sponsorship_required",
    "relocation_assistance",
    "signing_bonus",
    "relocation_timeline_changed",
)


def _date(text: str) -> Any:
    try:
        return parse_date(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parser(sub: Any) -> None:
    """Register ``draft`` on the top-level subparsers."""
    p = sub.add_parser("draft", help="draft a withdrawal message and print it")
    p.add_argument("--stage", required=True, choices=[s.value for s in Stage])
    p.add_argument("--reason", default="none", choices=[r.value for r in Reason])
    p.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        help="default: the recommended channel for the situation",
    )
    for flag in _FLAGS + _VISA_FLAGS[:-1]:
        p.add_argument(f"--{flag.replace('_', '-')}", action="store_true")
    p.add_argument("--start-date", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--relocation-timeline-changed", action="store_true")
    for field in ("contact", "role", "company", "recruiter"):
        p.add_argument(f"--{field}", default="", metavar="N" if field != "role" else "R")
    p.add_argument("--your-name", metavar="N")
    p.add_argument("--your-email", metavar="E")
    p.add_argument("--your-phone", metavar="P")
    p.add_argument("--template", type=Path, metavar="PATH", help="custom email body template")
    p.add_argument("--format", default="text", choices=("text", "html", "json", "eml"))
    p.add_argument("--save", action="store_true", help="also keep the draft in the history")


def situation_from_args(args: argparse.Namespace) -> Situation:
    """Build the :class:`Situation` from parsed flags."""
    return Situation(
        stage=Stage(args.stage),
        reason=Reason(args.reason),
        channel=Channel(args.channel) if args.channel else None,
        start_date=args.start_date,
        contact=args.contact,
        role=args.role,
        company=args.company,
        recruiter=args.recruiter,
        **{name: bool(getattr(args, name)) for name in _FLAGS + _VISA_FLAGS},
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


def _user_template_dirs(data_dir: Path) -> list[Path]:
    settings = load_settings(data_dir) if data_dir.is_dir() else None
    dirs = [data_dir / "templates"]
    if settings and settings.templates_dir:
        dirs.insert(0, Path(settings.templates_dir))
    return dirs


def render_text(draft: Draft) -> str:
    """The human-readable output of ``--format text``."""
    parts = [f"Subject: {draft.subject}", "", draft.body_text]
    if draft.phone_script:
        parts += ["", "--- Phone script ---", draft.phone_script]
    parts += ["", f"--- Channel: {draft.channel.label} ---"]
    if draft.channel is not draft.advice.channel:
        parts.append(f"Recommended instead: {draft.advice.channel.label}.")
    parts.append(draft.advice.rationale)
    parts += ["", "--- Checklist ---"]
    parts += [f"[{'x' if item.done else ' '}] {item.text}" for item in draft.checklist]
    if draft.findings:
        parts += ["", "--- Tone coach ---"]
        parts += [f"* {f.message}" for f in draft.findings]
    return "\n".join(parts) + "\n"


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Compose, print in the chosen format, and optionally save to the history."""
    situation = situation_from_args(args)
    profile = profile_from_args(args, data_dir)
    composer = Composer(_user_template_dirs(data_dir))
    draft = composer.compose(situation, profile, body_template=args.template)
    for problem in composer.take_template_problems():
        print(f"bowout: warning: {problem}", file=sys.stderr)
    record_id = None
    if args.save:
        from bowout.cli_history import save_draft

        record_id = save_draft(draft, data_dir)
    out = sys.stdout
    if args.format == "json":
        payload = draft.to_json_dict()
        if record_id:
            payload["id"] = record_id
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "html":
        out.write(exports.to_html(draft.subject, draft.body_html))
    elif args.format == "eml":
        eml = exports.to_eml(draft.subject, draft.body_text, draft.body_html, profile)
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


def run_templates_check(args: argparse.Namespace, data_dir: Path) -> int:
    """Validate custom templates; print each problem as file:line: message."""
    folder = Path(args.dir) if args.dir else data_dir / "templates"
    if not folder.is_dir():
        raise InputError(f"no template folder at {folder}")
    profile = Profile("Sample Name", "sample@example.com", "+1 555 0100")
    contexts = [
        template_context(s, profile, s.channel or Channel.EMAIL) for s in sample_situations()
    ]
    problems = templating.check_templates(folder, contexts)
    checked = len(list(folder.glob("*.j2")))
    for problem in problems:
        print(problem)
    print(f"{checked} template(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0
