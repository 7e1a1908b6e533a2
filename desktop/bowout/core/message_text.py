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
from bowout.core.negotiation import point_of
from bowout.core.pack import load_pack
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
    # took twice as long.
    out: list[str] = []
    blank = True  # no blank line at the start
    for raw in text.split("\n"):
        # Most lines need no change: printable (so no tab, no-break space or other
        # whitespace but the plain space), no double space, nothing at either end.
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
            line = raw
        elif "\u00a0" in raw or "\u202f" in raw:
            line = _LAYOUT_SPACES.sub(" ", raw).strip()
        else:
            line = " ".join(raw.split())
        if line:
            out.append(line)
            blank = False
        elif not blank:
            out.append("")
            blank = True
    if out and not out[-1]:
        out.pop()
    return "\n".join(out)


def number_steps(text: str) -> str:
    """Replace each leading "#." with 1., 2., ... so optional steps never leave gaps."""
    lines = text.split("\n")
    number = 0
    for index, line in enumerate(lines):
        if line.startswith("#."):
            number += 1
            lines[index] = f"{number}.{line[2:]}"
    return "\n".join(lines)


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
    full."""
    language = situation.language
    pack = load_pack(language)
    blanks = addressing.placeholders(language)
    # The written message confirms a call just made (a request to talk is written first).
    called = channel is Channel.PHONE and situation.kind is Kind.WITHDRAW
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
        addressee=addressing.contact_addressee(situation, called=called),
        spoken_addressee=addressing.contact_addressee(situation, spoken=True),
        recruiter_addressee=addressing.recruiter_addressee(situation),
        # The user's own "How to address them": a pack may read a title's gender from it
        # that a name typed for every language does not give (Spanish "Dr." and "Dra.").
        greeting_given=bool(situation.greeting),
        # The job's country (ISO 3166-1 alpha-2, "" when not given), for a pack's regional
        # words.
        country=situation.country,
        manager=addressing.reference_name(situation.contact) or pack.word("names", "manager"),
        **_salutations(situation),
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


def _salutations(situation: Situation) -> dict[str, str]:
    """The forms a greeting may name the contact and the recruiter by, in the pack's
    courtesy conventions (:mod:`bowout.core.salutation`): ``courtesy_name`` ("Frau Nair"),
    ``courtesy_gender`` ("f"), ``courtesy_object`` ("Herrn Lee"), ``first_name``,
    ``full_name``, and the same with
    ``recruiter_`` in front; each "" when not known."""
    forms: dict[str, str] = {}
    for prefix, greeting, name in (
        ("", situation.greeting, situation.contact),
        ("recruiter_", "", situation.recruiter),
    ):
        said = salutation(greeting, name, situation.language)
        forms[f"{prefix}courtesy_name"] = said.courtesy
        forms[f"{prefix}courtesy_gender"] = said.gender
        forms[f"{prefix}first_name"] = said.first
        forms[f"{prefix}full_name"] = said.full
        forms[f"{prefix}courtesy_object"] = said.accusative
    return forms
