"""``bowout draft`` and ``bowout templates check``: drafting from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bowout.cli.language import add_language_flags, address_of, country_type, language_of
from bowout.cli.words import draft_json, for_cli, refuse_placeholders
from bowout.core import exports
from bowout.core.checklist import PHASE_TITLES
from bowout.core.composer import Composer
from bowout.core.country_notes import countries
from bowout.core.draft import Draft
from bowout.core.errors import InputError
from bowout.core.goodwill import Goodwill, goodwill_fits
from bowout.core.situation import (
    MAX_FIELD_CHARS,
    Channel,
    DealBreaker,
    Kind,
    Money,
    Profile,
    Reason,
    Situation,
    Stage,
    Voice,
    check_start_date,
    parse_date,
)
from bowout.settings import load_settings

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers

#: Relationship and visa facts that are simply true or false: flag -> help.
_BOOL_FLAGS = {
    "rapport": "you built a real connection with the hiring manager",
    "via_recruiter": "you applied through a recruiter or agency (they hear it first)",
    "linkedin_main": "LinkedIn has been your main, informal channel",
    "keep_door_open": "you would like to stay in touch or apply again later",
    "visa_petition_started": "the employer has started a visa petition for you",
    "sponsorship_required": "you need visa sponsorship to take the job",
    "relocation_timeline_changed": "your relocation timeline has changed",
}
_MONEY_FLAGS = {
    "signing_bonus": "a signing bonus: paid (received; the default) or promised",
    "relocation_assistance": "relocation assistance: paid (received; the default) or promised",
}
#: Goodwill offered after rescinding (--stage accepted): flag -> (choice, help).
_GOODWILL_FLAGS = {
    "offer_referral": (
        Goodwill.REFERRAL,
        "after rescinding: offer to put them in touch with someone you know who may suit "
        "the role (no name is given or promised)",
    ),
    "offer_handover": (
        Goodwill.HANDOVER,
        "after rescinding: offer a short call to help restart the search or brief whoever "
        "comes next",
    ),
    "stay_in_touch": (Goodwill.STAY_IN_TOUCH, "after rescinding: offer to stay in touch"),
}
_NAMES = {
    "contact": ("N", "the hiring manager or contact you have been talking to"),
    "role": ("R", "the job title"),
    "company": ("C", "the employer"),
    "recruiter": ("N", "the recruiter's name, if one is involved"),
}


def _date(text: str) -> object:
    try:
        return parse_date(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def greeting_type(text: str) -> str:
    """``--greeting``'s argparse type: who the message greets, checked
    (:func:`bowout.core.addressing.check_greeting`: one line, 60 characters at most, not a
    whole "Dear …," line); argparse turns a refusal into one line and exit 2."""
    from bowout.core.addressing import check_greeting

    try:
        return check_greeting(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _wording(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a whole number from 1: {text!r}")
    return value


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


def add_situation_flags(
    p: argparse.ArgumentParser, *, stage_required: bool, message_kind: bool = True
) -> None:
    """The flags that describe a situation and the user's profile (``draft``, ``reply``);
    ``message_kind``: with ``--kind withdraw|negotiate`` (``reply`` has its own ``--kind``)."""
    p.add_argument(
        "--stage",
        required=stage_required,
        choices=[s.value for s in Stage],
        help="how far the application has gone (accepted: rescinding an offer)",
    )
    p.add_argument(
        "--reason",
        default="none",
        choices=[r.value for r in Reason],
        help="why you are withdrawing, said in one neutral sentence (default: none)",
    )
    p.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        help="how to tell them (default: the recommended channel)",
    )
    if message_kind:
        add_kind_flag(p)
    _add_fact_flags(p)


def add_kind_flag(p: argparse.ArgumentParser) -> None:
    """``--kind withdraw|negotiate``: the kind of message ``draft`` writes."""
    p.add_argument(
        "--kind",
        default="withdraw",
        choices=[k.value for k in Kind],
        help="withdraw (default), or negotiate: first ask for a conversation about one "
        "deal-breaker (with --deal-breaker)",
    )


def add_tone_flag(p: argparse.ArgumentParser) -> None:
    """``--tone brief|warm|formal``: the voice, and ``--language`` and ``--address``
    (``draft``, ``reply``, ``batch``)."""
    p.add_argument(
        "--tone",
        default="warm",
        choices=[v.value for v in Voice],
        help="the voice: brief, warm (default) or formal",
    )
    add_language_flags(p)


def _add_fact_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--deal-breaker",
        choices=[d.value for d in DealBreaker],
        help="the one point to talk about; with --kind withdraw, the point a conversation "
        "could not resolve (the message then says so)",
    )
    p.add_argument(
        "--decide-by",
        type=_date,
        metavar="YYYY-MM-DD",
        help="with --kind negotiate: the date you will give your answer by (today or later)",
    )
    add_tone_flag(p)
    p.add_argument(
        "--wording",
        type=_wording,
        default=1,
        metavar="N",
        help="alternative phrasing number N, from 1 to the number this situation has (the "
        "JSON's wordings says how many; beyond it is an error); the same N gives the same text",
    )
    p.add_argument(
        "--greeting",
        type=greeting_type,
        metavar="TEXT",
        help="how to address the contact, e.g. 'Jordan' or 'Dr. Lee' (one line, at most 60 "
        "characters; default: the first name, or the title with the family name when the "
        "contact has one; in the formal voice the full name)",
    )
    for flag, text in _BOOL_FLAGS.items():
        p.add_argument(f"--{flag.replace('_', '-')}", action="store_true", help=text)
    for flag, text in _MONEY_FLAGS.items():
        p.add_argument(
            f"--{flag.replace('_', '-')}",
            nargs="?",
            const="paid",
            default="none",
            choices=("paid", "promised"),
            metavar="paid|promised",
            help=text,
        )
    for flag, (_choice, text) in _GOODWILL_FLAGS.items():
        p.add_argument(f"--{flag.replace('_', '-')}", action="store_true", help=text)
    p.add_argument(
        "--start-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the agreed start date (today or later)",
    )
    for field, (metavar, text) in _NAMES.items():
        p.add_argument(f"--{field}", default="", metavar=metavar, help=text)
    p.add_argument(
        "--country",
        type=country_type,
        metavar="CC",
        help="the country of the job, for the checklist's notes on rescinding an accepted "
        f"offer there: {', '.join(countries())} (ISO 3166 codes; general information, not "
        "legal advice)",
    )
    p.add_argument(
        "--contact-email",
        default="",
        metavar="ADDR",
        help="the contact's email address, for To: in the .eml",
    )
    p.add_argument("--your-name", metavar="N", help="your name (default: the saved profile)")
    p.add_argument("--your-email", metavar="E", help="your email (default: the saved profile)")
    p.add_argument("--your-phone", metavar="P", help="your phone (default: the saved profile)")


def situation_from_args(args: argparse.Namespace, today: dt.date | None = None) -> Situation:
    """Build the :class:`Situation` from parsed flags; InputError on a past start date."""
    today = today or dt.date.today()
    check_start_date(args.start_date, today)
    if args.decide_by is not None and args.decide_by < today:
        raise InputError(f"the decision date {args.decide_by.isoformat()} is in the past")
    kind = Kind(args.kind)
    breaker = DealBreaker(args.deal_breaker) if args.deal_breaker else None
    facts: dict[str, Any] = {name: bool(getattr(args, name)) for name in _BOOL_FLAGS}
    facts.update((name, Money(getattr(args, name))) for name in _MONEY_FLAGS)
    goodwill = tuple(choice for flag, (choice, _) in _GOODWILL_FLAGS.items() if getattr(args, flag))
    if goodwill and not goodwill_fits(Stage(args.stage), Reason(args.reason), kind):
        given = " ".join(f"--{f.replace('_', '-')}" for f in _GOODWILL_FLAGS if getattr(args, f))
        if not Reason(args.reason).info.warm:
            raise InputError(
                f"{given}: with the reason {args.reason} the message offers nothing more"
            )
        raise InputError(
            f"{given}: goodwill fits only rescinding (--stage accepted, --kind withdraw)"
        )
    return Situation(
        stage=Stage(args.stage),
        reason=Reason(args.reason),
        channel=Channel(args.channel) if args.channel else None,
        start_date=args.start_date,
        contact=args.contact,
        role=args.role,
        company=args.company,
        recruiter=args.recruiter,
        greeting=args.greeting or "",
        contact_email=args.contact_email,
        voice=Voice(args.tone),
        language=language_of(args),
        address=address_of(args),
        country=args.country or "",
        wording=args.wording,
        kind=kind,
        deal_breaker=breaker,
        decide_by=args.decide_by,
        negotiated=kind is Kind.WITHDRAW and breaker is not None,
        goodwill=goodwill,
        **facts,
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
