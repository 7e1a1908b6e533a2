"""How people are addressed: the greeting name, and the placeholder for a missing name.

People greet by first name in most working email ("Hi Jordan,"); a letter uses the full
name ("Dear Jordan Lee,") or the title with the family name ("Dear Dr. Lee,"). With a
title the informal form keeps it too ("Hi Dr. Lee,"), as a first name with a title reads
oddly. :mod:`bowout.core.names` decides which parts of a name these are; nobody named
(an application without a contact, a shared mailbox) greets the hiring team.
"""

from __future__ import annotations

import re

from bowout.core.errors import InputError
from bowout.core.names import parse_name, without_titles
from bowout.core.situation import Situation, Voice

#: Who a message goes to when nobody is named: "Dear Northwind hiring team,".
HIRING_TEAM = "hiring team"
#: Who a call greets when nobody is named: a team cannot pick up a phone ("Hello there,
#: this is Maya").
SPOKEN_TEAM = "there"
#: The longest greeting name the user may set for a whole batch ("Dear …,"): a name with
#: a title, or a team, fits in far fewer; more is a sentence, not a greeting.
MAX_GREETING_CHARS = 60

#: Legal forms left out of a company's name when greeting its team ("Tailspin Toys, Inc."
#: → "Tailspin Toys hiring team"): nobody writes them in a salutation.
LEGAL_FORMS = frozenset(
    {
        "inc", "llc", "llp", "ltd", "limited", "plc", "corp", "corporation", "co", "company",
        "gmbh", "ag", "kg", "se", "ug", "e.v", "sa", "s.a", "sas", "sarl", "s.l", "sl",
        "srl", "s.r.l", "spa", "s.p.a", "bv", "b.v", "nv", "n.v", "ab", "oy", "as", "a/s",
        "aps", "pty", "k.k", "kk", "lda", "ltda",
    }
)  # fmt: skip

CONTACT_PLACEHOLDER = "[Hiring manager's name]"
RECRUITER_PLACEHOLDER = "[Recruiter's name]"

#: Visible placeholders for missing names; the tone coach flags them until filled.
PLACEHOLDERS = {
    "contact": CONTACT_PLACEHOLDER,
    "role": "[Role]",
    "company": "[Company]",
    "recruiter": RECRUITER_PLACEHOLDER,
    "your_name": "[Your name]",
    "your_email": "[Your email]",
    "your_phone": "[Your phone]",
}


def informal_name(full: str) -> str:
    """How a first-name message greets ``full``: the given name, or the title with the
    family name when a title is written ("Dr. Lee"); "" when no person is named."""
    return parse_name(full).informal


def formal_name(full: str) -> str:
    """How a letter greets ``full``: the highest title with the family name ("Dr.
    Müller"), else the full name in reading order; "" when no person is named."""
    return parse_name(full).formal


def reference_name(full: str) -> str:
    """``full`` as running text names the person ("let Mary O'Brien-Smith know"); ""
    when no person is named."""
    return parse_name(full).full


def own_name(name: str) -> str:
    """The user's own name as they sign and introduce themselves: without a title in
    front ("Dr. Aiko Tanaka" → "Aiko Tanaka"; a career coach never signs "Dr."), else as
    written; "" for ""."""
    return without_titles(name)


def team_addressee(company: str) -> str:
    """The greeting name for a company's hiring team: "Northwind hiring team" (legal forms
    such as "Inc." left out), or "hiring team" without a company or when the whole would be
    longer than :data:`MAX_GREETING_CHARS`."""
    words = re.sub(r"\s*,\s*", " ", company).split()
    while len(words) > 1 and (
        words[-1].casefold().strip(".") in LEGAL_FORMS or words[-1] in {"&", "and"}
    ):
        words.pop()
    team = " ".join((*words, HIRING_TEAM))
    # A company name too long to read in a salutation is left out (and would not fit a
    # record's greeting field).
    return team if len(team) <= MAX_GREETING_CHARS else HIRING_TEAM


def check_greeting(text: str) -> str:
    """``text`` stripped, when it can stand as who a message greets ("hiring team",
    "Jordan"); InputError (one line) for a line break, an empty text, one longer than
    :data:`MAX_GREETING_CHARS`, or a whole greeting line, whose "Dear …," the voice adds."""
    if "\n" in text or "\r" in text:
        raise InputError("the greeting holds a line break; give who to greet, on one line")
    text = " ".join(text.split())
    if not text:
        raise InputError("the greeting is empty; give who to greet, e.g. 'hiring team'")
    if len(text) > MAX_GREETING_CHARS:
        raise InputError(
            f"the greeting is {len(text)} characters long; the limit is {MAX_GREETING_CHARS}"
        )
    first = text.split()[0].casefold().rstrip(",")
    if text.endswith(",") or first in {"dear", "hi", "hello", "hey"}:
        raise InputError(
            f"give only who to greet (e.g. 'hiring team'), not the greeting line {text!r}: "
            "the voice adds 'Dear …,' or 'Hi …,'"
        )
    return text


def contact_addressee(situation: Situation, *, spoken: bool = False) -> str:
    """How the contact is greeted: the user's own greeting, else by voice.

    Warm and brief use the first name, formal the title with the family name or the full
    name; a spoken script never uses a full name. A mailbox that names nobody greets the
    company's hiring team, and a call to a team says "Hello there"; without a contact (or
    with a title alone) the placeholder is returned, to be filled in.
    """
    if situation.greeting:
        team = situation.greeting.casefold().endswith(HIRING_TEAM)
        return SPOKEN_TEAM if spoken and team else situation.greeting
    name = parse_name(situation.contact)
    if name.mailbox:
        return SPOKEN_TEAM if spoken else team_addressee(situation.company)
    if not name.is_person:
        return CONTACT_PLACEHOLDER
    if situation.voice is Voice.FORMAL and not spoken:
        return name.formal
    return name.informal


def recruiter_addressee(situation: Situation) -> str:
    """How the recruiter is greeted: the first name (the full name in the formal voice)."""
    name = parse_name(situation.recruiter)
    if not name.is_person:
        return RECRUITER_PLACEHOLDER
    if situation.voice is Voice.FORMAL:
        return name.formal
    return name.informal
