"""The text around a message's sentences: the values its templates see, and the tidying of
what the layout templates leave (spacing of optional parts, numbered steps, paragraphs and
their HTML). Used by :mod:`bowout.core.composer` at every draft."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from bowout.core import addressing
from bowout.core.names import parse_name
from bowout.core.negotiation import point_of
from bowout.core.pack import Pack, load_pack
from bowout.core.salutation import salutation
from bowout.core.situation import Channel, Kind, Money, Profile, Situation
from bowout.core.wording import SLOTS

#: Profile fields a signature leaves out when empty (no placeholder).
OPTIONAL = ("your_email", "your_phone")


#: Whitespace a template's layout leaves, collapsed by :func:`tidy`: every kind but the
#: no-break spaces (U+00A0, U+202F), which are typography a wording chose (French sets a
#: narrow one before ":" ";" "?" "!", so that no line of a mail client starts with one).
_LAYOUT_SPACES = re.compile(r"[^\S\u00a0\u202f]+")


def tidy(text: str) -> str:
    """Collapse the spacing left by optional template parts: single spaces, one blank line;
    a no-break space is kept (:data:`_LAYOUT_SPACES`), though not at either end of a line."""
    # One pass (it runs on every message of every keystroke): a regex over the joined text
    # took twice as long. Each line is tidied once: a draft's lines come back at the next
    # keystroke but for the few naming what is typed, and looking a line up costs less
    # than testing its characters again (a French line with its no-break spaces, twice).
    out: list[str] = []
    blank = True  # no blank line at the start
    known = _TIDY_LINES
    for raw in text.split("\n"):
        line = known.get(raw)
        if line is None:
            if len(known) >= _TIDY_LINES_SIZE:
                known.clear()
            line = known[raw] = _tidy_line(raw)
        if line:
            out.append(line)
            blank = False
        elif not blank:
            out.append("")
            blank = True
    if out and not out[-1]:
        out.pop()
    return "\n".join(out)


#: Lines already tidied, by the line as written (a few drafts' worth: see :func:`tidy`).
_TIDY_LINES: dict[str, str] = {}
_TIDY_LINES_SIZE = 2048


def _tidy_line(raw: str) -> str:
    """One line of :func:`tidy`: single spaces, none at either end, no-break spaces kept."""
    # Most lines need no change: printable (so no tab, no-break space or other whitespace
    # but the plain space), no double space, nothing at either end.
    if (
        "  " not in raw
        and raw[:1] != " "
        and raw[-1:] != " "
        and (
            raw.isprintable()
            # A French line: printable but for its no-break spaces, none at either end.
            or (
                raw.replace("\u202f", "x").replace("\u00a0", "x").isprintable()
                and not raw[:1].isspace()
                and not raw[-1:].isspace()
            )
        )
    ):
        return raw
    if "\u00a0" in raw or "\u202f" in raw:
        return _LAYOUT_SPACES.sub(" ", raw).strip()
    return " ".join(raw.split())


def number_steps(text: str) -> str:
    """Replace each leading "#." with 1., 2., ... so optional steps never leave gaps."""
    # A line starting with "#." starts the text or follows a line break.
    head, *steps = text.split("\n#.")
    number = 0
    if head.startswith("#."):
        number = 1
        head = f"1.{head[2:]}"
    out = [head]
    for step in steps:
        number += 1
        out.append(f"{number}.{step}")
    return "\n".join(out)


def paragraphs(text: str) -> list[list[str]]:
    """Split tidy text into paragraphs of lines (for the HTML version)."""
    return [block.split("\n") for block in text.split("\n\n") if block]


def html_context(context: Mapping[str, Any], blocks: list[list[str]]) -> dict[str, Any]:
    """``context`` for ``email.html.j2``: the paragraphs as lines (``blocks``, from
    :func:`paragraphs`: no line holds a line break), and each one escaped and joined with
    ``<br>`` (markupsafe escapes the text; the joins are markup)."""
    # A paragraph escaped whole, its line breaks then made <br>: escaping never makes or
    # moves a line break, so this is each line escaped and joined, in one call.
    html = [Markup(str(escape("\n".join(block))).replace("\n", "<br>")) for block in blocks]
    return {**context, "paragraphs": blocks, "html_paragraphs": html}


def paid_money(situation: Situation, language: str | None = None) -> str:
    """The money received, as the pack of ``language`` (default: the message's) names it
    ("the signing bonus and the relocation assistance"); "" when none was received."""
    pack = load_pack(language or situation.language)
    items = [
        pack.word("money", name)
        for name, value in (
            ("signing_bonus", situation.signing_bonus),
            ("relocation_assistance", situation.relocation_assistance),
        )
        if value is Money.PAID
    ]
    return pack.word("money", "and").join(items)


def template_context(
    situation: Situation, profile: Profile, channel: Channel, today: dt.date | None = None
) -> dict[str, Any]:
    """The values templates see, in the words of ``situation.language``'s pack. Every
    value is data: nothing here is ever template source. ``today``: the date the message
    is written on (a pack may leave the year out of a near date); None writes dates in
    full. A new dict, the caller's to change."""
    pack = load_pack(situation.language)
    # While the user types the contact's name only what is read from it changes: the rest
    # is kept by everything else it is made from, and the pack it is worded in.
    key = (
        situation.facts_key, situation.role, situation.company, situation.recruiter,
        situation.greeting, profile, channel, today,
    )  # fmt: skip
    known = _CONTEXTS.get(key)
    if known is not None and known[0] is pack:
        context = dict(known[1])
        context.update(_contact_values(situation, channel, pack))  # in their places
    else:
        context = _context(situation, profile, channel, today, pack)
        if len(_CONTEXTS) >= _CONTEXTS_SIZE:
            _CONTEXTS.clear()
        _CONTEXTS[key] = (pack, dict(context))
    # Containers of its own for each draft.
    context["paragraphs"] = []
    context["html_paragraphs"] = []
    context["say"] = dict.fromkeys(SLOTS, "")
    return context


#: Contexts made, with the pack each was worded in, by all they are made from but the
#: contact's name (:func:`template_context`).
_CONTEXTS: dict[tuple[object, ...], tuple[Pack, dict[str, Any]]] = {}
_CONTEXTS_SIZE = 256


def _contact_values(situation: Situation, channel: Channel, pack: Pack) -> dict[str, Any]:
    """The values of :func:`template_context` read from the contact's name (and the
    greeting the user wrote for them)."""
    # The written message confirms a call just made (a request to talk is written first).
    called = channel is Channel.PHONE and situation.kind is Kind.WITHDRAW
    # LinkedIn shows the reader's name: its message and call script both use it.
    linkedin = channel is Channel.LINKEDIN
    # Through a recruiter, a negotiation's call is with the recruiter its note goes to, so the
    # talking points greet them as the note does ("Hi Tom," / "Hi Tom, Riley here", never the
    # hiring manager's name: the panels of issue 26 read that as a name changed midway).
    through_recruiter = (
        channel is Channel.RECRUITER
        and situation.kind is Kind.NEGOTIATE
        and parse_name(situation.recruiter).is_person
    )
    contact_forms = _salutation_forms("", situation.greeting, situation.contact, situation.language)
    if through_recruiter:
        spoken = addressing.recruiter_addressee(situation)
        heard = _salutation_forms("", "", situation.recruiter, situation.language)
    else:
        spoken = addressing.contact_addressee(situation, spoken=True, linkedin=linkedin)
        heard = contact_forms
    return {
        "contact": situation.contact or pack.word("placeholders", "contact"),
        "contact_given": bool(situation.contact),
        "addressee": addressing.contact_addressee(situation, called=called, linkedin=linkedin),
        "spoken_addressee": spoken,
        "manager": addressing.reference_name(situation.contact) or pack.word("names", "manager"),
        **contact_forms,
        # The forms of whoever the call is with, which a spoken sentence sees as its own
        # (:meth:`bowout.core.wording.Sentences.render_all`).
        **{f"spoken_{key}": form for key, form in heard.items()},
    }


def _context(
    situation: Situation, profile: Profile, channel: Channel, today: dt.date | None, pack: Pack
) -> dict[str, Any]:
    language = situation.language
    blanks = addressing.placeholders(language)
    mine = _contact_values(situation, channel, pack)
    given = {
        "contact": situation.contact,
        "role": situation.role,
        "company": situation.company,
        # Running text names people in reading order ("Mary O'Brien-Smith", not the
        # "O'Brien-Smith, Mary" an HR export gives).
        "recruiter": addressing.reference_name(situation.recruiter) or situation.recruiter,
        "your_name": addressing.own_name(profile.name),
        "your_email": profile.email.strip(),
        "your_phone": profile.phone.strip(),
    }
    context: dict[str, Any] = {key: value or blanks[key] for key, value in given.items()}
    # The profile's email and phone are optional: an empty one leaves its signature line out
    # (the welcome says so), rather than a placeholder the tone coach then objects to.
    for key in OPTIONAL:
        context[key] = given[key]
    for key in ("contact", "role", "company", "recruiter"):
        context[f"{key}_given"] = bool(given[key])
    context.update(
        stage=situation.stage.value,
        reason=situation.reason.value,
        channel=channel.value,
        voice=situation.voice.value,
        # Running text names the company without its legal form ("Tailspin Toys", not
        # "Tailspin Toys, Inc."); a placeholder stays as it is.
        company_name=addressing.company_name(situation.company) or context["company"],
        addressee=mine["addressee"],
        spoken_addressee=mine["spoken_addressee"],
        recruiter_addressee=addressing.recruiter_addressee(situation),
        # The user's own "How to address them": a pack may read a title's gender from it
        # that a name typed for every language does not give (Spanish "Dr." and "Dra.").
        greeting_given=bool(situation.greeting),
        # The job's country (ISO 3166-1 alpha-2, "" when not given), for a pack's regional
        # words.
        country=situation.country,
        manager=mine["manager"],
        **{key: mine[key] for key in _FORM_KEYS},
        **{f"spoken_{key}": mine[f"spoken_{key}"] for key in _FORM_KEYS},
        **_salutation_forms("recruiter_", "", situation.recruiter, language),
        start_date=pack.long_date(situation.start_date, today) if situation.start_date else "",
        paid_money=paid_money(situation),
        point=point_of(situation.deal_breaker, language, situation.country),
        decide_by=pack.long_date(situation.decide_by, today) if situation.decide_by else "",
        kind=situation.kind.value,
        reply="",
        signature_extra=profile.signature.strip(),
        paragraphs=[],
        html_paragraphs=[],
        say=dict.fromkeys(SLOTS, ""),
        br=Markup("<br>"),
    )
    return context


#: The forms a greeting may name a person by, in the pack's courtesy conventions
#: (:mod:`bowout.core.salutation`): ``courtesy_name`` ("Frau Nair"), ``courtesy_gender``
#: ("f"), ``first_name``, ``full_name``, ``courtesy_object`` ("Herrn Lee"); the context holds
#: them for the contact, and with ``recruiter_`` in front for the recruiter.
_FORM_KEYS = ("courtesy_name", "courtesy_gender", "first_name", "full_name", "courtesy_object")


def _salutation_forms(prefix: str, greeting: str, name: str, language: str) -> dict[str, str]:
    """The :data:`_FORM_KEYS` of one person, each with ``prefix`` in front; each "" when not
    known."""
    said = salutation(greeting, name, language)
    forms = (said.courtesy, said.gender, said.first, said.full, said.accusative)
    return {f"{prefix}{key}": form for key, form in zip(_FORM_KEYS, forms, strict=True)}
