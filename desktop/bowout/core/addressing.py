"""How people are addressed: the greeting name, and the placeholder for a missing name.

People greet by first name in most working email ("Hi Jordan,"); a letter uses the full
name ("Dear Jordan Lee,"). With a title ("Dr. Jordan Lee") the informal form keeps the
title with the family name ("Dr. Lee"), as a first name with a title reads oddly.
"""

from __future__ import annotations

from bowout.core.situation import Situation, Voice

#: Titles written before a name (compared without the trailing dot, case-insensitively).
TITLES = frozenset(
    {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "rev", "fr"}
)

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
    """The first name, or "Title Surname" when the name starts with a title; "" for ""."""
    words = full.split()
    if not words:
        return ""
    if words[0].rstrip(".").casefold() in TITLES:
        return f"{words[0]} {words[-1]}" if len(words) > 1 else words[0]
    return words[0]


def contact_addressee(situation: Situation, *, spoken: bool = False) -> str:
    """How the contact is greeted: the user's own greeting, else by voice.

    Warm and brief use the first name, formal the full name; a spoken script never uses
    a full name. Without a contact the placeholder is returned, to be filled in.
    """
    if situation.greeting:
        return situation.greeting
    if not situation.contact:
        return CONTACT_PLACEHOLDER
    if situation.voice is Voice.FORMAL and not spoken:
        return situation.contact
    return informal_name(situation.contact)


def recruiter_addressee(situation: Situation) -> str:
    """How the recruiter is greeted: the first name (the full name in the formal voice)."""
    if not situation.recruiter:
        return RECRUITER_PLACEHOLDER
    if situation.voice is Voice.FORMAL:
        return situation.recruiter
    return informal_name(situation.recruiter)
