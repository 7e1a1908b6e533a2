"""Open applications: the ones still in play, each of which may get its own withdrawal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from typing import Any

from bowout.core.errors import InputError
from bowout.core.situation import MAX_FIELD_CHARS, Stage, check_email_address, single_line
from bowout.core.textclean import clean_text

#: Fields an application has, in the order a table shows them.
FIELDS = ("company", "role", "contact", "contact_email", "recruiter", "stage", "applied", "notes")


def nfc(text: str) -> str:
    """``text`` in Unicode NFC: "Schäfer" typed on macOS (a + combining diaeresis) and on
    Windows (one ä) become the same characters, so they compare and store as one."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def split_address(contact: str) -> tuple[str, str]:
    """("Sam Ortiz", "sam.ortiz@contoso.example") from "Sam Ortiz <sam.ortiz@contoso.example>"
    (RFC 5322's name-addr, as mail apps and trackers copy a contact); (contact, "") when it
    is not one."""
    match = re.fullmatch(r"\s*\"?([^<>\"]*?)\"?\s*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*", contact)
    if not match:
        return contact, ""
    return match[1].strip(), match[2]


@dataclasses.dataclass(frozen=True, slots=True)
class Application:
    """One application in play. ``applied`` is when the user applied, if known.

    Text is kept in NFC (see :func:`nfc`); a contact written "Name <address>" with no
    contact email is split into the two."""

    company: str
    role: str = ""
    contact: str = ""
    contact_email: str = ""
    recruiter: str = ""
    stage: Stage = Stage.APPLIED
    applied: dt.date | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        if not self.contact_email and "<" in self.contact:
            contact, address = split_address(self.contact)
            object.__setattr__(self, "contact", contact)
            object.__setattr__(self, "contact_email", address)
        if not self.notes.isascii():
            object.__setattr__(self, "notes", nfc(self.notes))
        for name in ("company", "role", "contact", "recruiter"):
            value = getattr(self, name)
            # Checked in C first: a file of ten thousand rows is mostly clean ASCII already.
            if not (value.isascii() and value.isprintable() and "  " not in value) or (
                value[:1] == " " or value[-1:] == " "
            ):
                value = nfc(single_line(value))
                object.__setattr__(self, name, value)
            if len(value) > MAX_FIELD_CHARS:
                raise InputError(f"{name} is longer than {MAX_FIELD_CHARS} characters")
        if not self.company:
            raise InputError("an application needs the company")
        object.__setattr__(self, "contact_email", nfc(check_email_address(self.contact_email)))
        object.__setattr__(self, "notes", clean_text(self.notes))  # pasted from anywhere

    def key(self) -> tuple[str, str]:
        """What makes two rows the same application: company and role, case and spaces
        aside."""
        role = self.role.casefold()
        return (nfc(self.company.casefold()), nfc(" ".join(role.split()) if "  " in role else role))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (stage as its identifier, date as YYYY-MM-DD)."""
        data = dataclasses.asdict(self)
        data["stage"] = self.stage.value
        data["applied"] = self.applied.isoformat() if self.applied else None
        return data
