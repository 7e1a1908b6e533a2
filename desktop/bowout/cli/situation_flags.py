"""The situation's flags, shared by ``bowout draft``, ``reply`` and ``batch``: the stage,
reason, channel, relationship, visa and money facts, goodwill, tone and wording, and the
:class:`~bowout.core.situation.Situation` they describe."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from bowout.cli.language import add_language_flags, address_of, country_type, language_of
from bowout.core.country_notes import countries
from bowout.core.errors import InputError
from bowout.core.goodwill import Goodwill, goodwill_fits
from bowout.core.situation import (
    Channel,
    DealBreaker,
    Kind,
    Money,
    Reason,
    Situation,
    Stage,
    Voice,
    check_start_date,
    parse_date,
)
from bowout.core.stage_facts import check_facts_fit

#: Relationship and visa facts that are simply true or false: flag -> help.
_BOOL_FLAGS = {
    "rapport": "you built a real connection with the hiring manager",
    "via_recruiter": "you applied through a recruiter or agency (they hear it first)",
    "linkedin_main": "LinkedIn has been your main, informal channel",
    "keep_door_open": "you would like to stay in touch or apply again later",
    "will_call": "you will also call the hiring manager yourself (only then does a note to "
    "the recruiter promise or ask to arrange a call; rescinding deserves one)",
    "visa_petition_started": "the employer has started a visa petition for you (--stage "
    "accepted only: a petition is filed once an offer is accepted)",
    "sponsorship_required": "you need visa sponsorship to take the job",
    "relocation_timeline_changed": "your relocation timeline has changed",
}


_MONEY_FLAGS = {
    "signing_bonus": "a signing bonus: paid (received; the default; --stage accepted only) "
    "or promised (--stage offer or accepted)",
    "relocation_assistance": "relocation assistance: paid (received; the default; --stage "
    "accepted only) or promised (--stage offer or accepted)",
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
        "contact has one; in the formal voice the full name). In German give the Anrede, "
        "'Frau Nair' or 'Herr Dr. Müller': the greeting agrees with it ('Sehr geehrte Frau "
        "Nair,', 'Lieber Herr Dr. Müller,'); without one it names the full name",
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
        help="the start date the offer names (today or later; --stage offer or accepted)",
    )
    for field, (metavar, text) in _NAMES.items():
        p.add_argument(f"--{field}", default="", metavar=metavar, help=text)
    p.add_argument(
        "--country",
        type=country_type,
        metavar="CC",
        help="the country of the job, for the checklist's notes on rescinding an accepted "
        f"offer there: {', '.join(countries())} (ISO 3166 codes; general information, not "
        "legal advice); a Spanish message for MX writes Mexico's words ('Buen día', 'visa')",
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
    """Build the :class:`Situation` from parsed flags; InputError on a past start date or a
    fact the stage cannot have (:func:`~bowout.core.stage_facts.check_facts_fit`)."""
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
    situation = Situation(
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
    check_facts_fit(situation)  # no money, petition or start date the stage cannot have
    return situation
