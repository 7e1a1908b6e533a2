"""Open applications: the ones still in play, each of which may get its own withdrawal."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from bowout.core.errors import InputError
from bowout.core.situation import MAX_FIELD_CHARS, Stage, check_email_address, single_line
from bowout.core.textclean import clean_text
from bowout.core.vocabulary import Address
from bowout.paths import DEFAULT_LANGUAGE

#: Fields an application has, in the order a table shows them (and an import reads them).
#: ``language``: the language pack the employer's messages are written in (issue 26).
FIELDS = ("company", "role", "contact", "contact_email", "recruiter", "stage", "applied",
          "notes", "language")  # fmt: skip
#: A column of values for each of :data:`FIELDS`, in that order.
Columns = tuple[
    Sequence[str], Sequence[str], Sequence[str], Sequence[str], Sequence[str],
    Sequence[Stage], Sequence["dt.date | None"], Sequence[str], Sequence[str],
]  # fmt: skip
#: A language pack's name: a language code, perhaps with a region ("de", "pt_BR"), as
#: records keep it (:data:`bowout.storage.schema.LANGUAGE`).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")


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


def clean_name(value: str) -> str:
    """A one-line field (company, role, contact, recruiter) as an application keeps it:
    whitespace runs as one space, controls dropped (:func:`single_line`), in NFC."""
    # Checked in C first: a file of ten thousand rows is mostly clean ASCII already.
    plain = value.isascii() and value.isprintable() and "  " not in value
    if plain and value[:1] != " " and value[-1:] != " ":
        return value
    return nfc(single_line(value))


def clean_notes(value: str) -> str:
    """Notes as an application keeps them: NFC, line breaks from any program as ``\\n``,
    other controls dropped (:func:`~bowout.core.textclean.clean_text`; notes are pasted
    from anywhere)."""
    return clean_text(nfc(value))


def application_key(company: str, role: str) -> tuple[str, str]:
    """What makes two applications the same: company and role, case and spaces aside."""
    role = role.casefold()
    return (nfc(company.casefold()), nfc(" ".join(role.split()) if "  " in role else role))


@dataclasses.dataclass(frozen=True, slots=True)
class Application:
    """One application in play. ``applied`` is when the user applied, if known.
    ``language`` (a language pack's name, default English) and ``address`` (formal by
    default) are how the employer is written to: a withdrawal drafted for the
    application is in that language and form (issue 26). A language with no pack here
    (written by a newer Bow Out) is kept as it is; InputError for one that is no code.

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
    language: str = DEFAULT_LANGUAGE
    address: Address = Address.FORMAL

    def __post_init__(self) -> None:
        if not LANGUAGE_CODE.fullmatch(self.language):
            raise InputError(f"language must be a language code such as de, not {self.language!r}")
        object.__setattr__(self, "address", Address(self.address))
        if not self.contact_email and "<" in self.contact:
            contact, address = split_address(self.contact)
            object.__setattr__(self, "contact", contact)
            object.__setattr__(self, "contact_email", address)
        object.__setattr__(self, "notes", clean_notes(self.notes))
        for name in ("company", "role", "contact", "recruiter"):
            value = clean_name(getattr(self, name))
            object.__setattr__(self, name, value)
            if len(value) > MAX_FIELD_CHARS:
                raise InputError(f"{name} is longer than {MAX_FIELD_CHARS} characters")
        if not self.company:
            raise InputError("an application needs the company")
        object.__setattr__(self, "contact_email", nfc(check_email_address(self.contact_email)))

    @classmethod
    def trusted(cls, columns: Columns) -> list[Application]:
        """Applications from columns of field values (one list per field, in
        :data:`FIELDS` order, all of one length) already in the form
        :meth:`__post_init__` leaves them (names through :func:`clean_name`, notes through
        :func:`clean_notes`, a checked address in NFC, a company), built without checking
        them again, a column at a time.

        Only for the importer (:mod:`bowout.core.import_rows`), which makes the same
        checks a whole column at a time; a test holds the two paths to the same result.
        """
        built = list(map(_new, itertools.repeat(cls, len(columns[0]))))
        for setter, values in zip(_SETTERS, columns, strict=True):
            if len(values) != len(built):
                raise ValueError("the columns of trusted applications differ in length")
            collections.deque(map(setter, built, values), maxlen=0)  # run in C, kept none
        formal = itertools.repeat(Address.FORMAL, len(built))
        collections.deque(map(_SET_ADDRESS, built, formal), maxlen=0)
        return built

    def key(self) -> tuple[str, str]:
        """What makes two rows the same application: company and role, case and spaces
        aside."""
        return application_key(self.company, self.role)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (stage and address as their identifiers, date as YYYY-MM-DD)."""
        data = dataclasses.asdict(self)
        data["stage"] = self.stage.value
        data["applied"] = self.applied.isoformat() if self.applied else None
        data["address"] = self.address.value
        return data


_new = object.__new__
#: The slots' own setters, in :data:`FIELDS` order (a frozen dataclass's are refused).
_SETTERS = tuple(getattr(Application, name).__set__ for name in FIELDS)
_SET_ADDRESS = getattr(Application, "address").__set__  # noqa: B009 (mypy: a slot)
