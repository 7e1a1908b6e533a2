"""Open applications as the history file keeps them: documents, checks, import mappings.

The ``applications`` table (file format 2) holds one document per application the user
has in play, flat: ``id``, the :data:`~bowout.core.applications.FIELDS` of an
:class:`~bowout.core.applications.Application`, its ``state`` (one of :data:`STATES`),
the ids of the withdrawal records made from it (``record_ids``) and its ``created`` and
``updated`` times; since issue 26 also the ``language`` and ``address`` its messages are
written in (:func:`migrate_application` reads an older document). Records do not point
back (their schema is unchanged): the link lives here. The ``import_mappings`` table
remembers, per CSV header set, which column is which field and what the user said unknown
status words mean.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from bowout.core.applications import FIELDS, Application
from bowout.core.errors import InputError
from bowout.core.import_dates import DATE_ORDERS
from bowout.core.situation import Stage
from bowout.core.statuses import ANSWERS
from bowout.core.vocabulary import Address
from bowout.paths import DEFAULT_LANGUAGE
from bowout.storage.errors import HistoryError
from bowout.storage.schema import MAX_TEXT_CHARS

#: The state of a stored application: still in play; a withdrawal was sent for it; a job
#: saved but not applied to (nothing to withdraw; Tell the others and ``bowout batch`` never
#: draft to it; the answers of an import say which: bowout.core.statuses); its offer is the
#: one the user accepted (never drafted to: issue 20). Every state lives here, so a new one
#: is one line here and one label below.
OPEN = "open"
WITHDRAWN = "withdrawn"
SAVED = "saved"
ACCEPTED = "accepted"
STATES = (OPEN, WITHDRAWN, SAVED, ACCEPTED)
#: How the window names each state (a state a newer version wrote is shown as it is).
STATE_LABELS = {
    OPEN: "Open", WITHDRAWN: "Withdrawn", SAVED: "Saved", ACCEPTED: "Offer accepted",
}  # fmt: skip
#: How the window's filter names each state (a list of them reads as a question).
STATE_FILTER_LABELS = {**STATE_LABELS, SAVED: "Saved, not applied"}
_TEXT = frozenset(FIELDS) - {"stage", "applied"}


def migrate_application(data: Mapping[str, Any]) -> dict[str, Any]:
    """A stored application document brought to this version's fields (a copy).

    Before issue 26 an application kept no ``language`` nor ``address``: such a document
    was written for English messages, in the only form English has, so it reads as
    ``en`` and ``formal`` and nothing else changes; it is written with them on its next
    change. (Records carry a schema version: :func:`bowout.storage.schema.migrate`;
    applications are flat documents whose new fields have defaults, so their migration is
    this one step, run on every read.)
    """
    return {"language": DEFAULT_LANGUAGE, "address": Address.FORMAL.value, **data}


@dataclasses.dataclass(frozen=True)
class StoredApplication:
    """One kept application: its id (a uuid hex string, stable for its life), the
    application itself, its state, the withdrawal records made from it (ids, oldest
    first) and its created/updated times (ISO 8601 UTC strings, as records have)."""

    id: str
    application: Application
    state: str = OPEN
    record_ids: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""

    @property
    def is_open(self) -> bool:
        """Is it still in play (no withdrawal sent)?"""
        return self.state == OPEN

    def to_dict(self) -> dict[str, Any]:
        """The stored document: flat, JSON-ready (stage identifier, date YYYY-MM-DD)."""
        return {
            "id": self.id,
            **self.application.to_dict(),
            "state": self.state,
            "record_ids": list(self.record_ids),
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoredApplication:
        """Check and read a stored document; HistoryError says what is wrong with it."""
        data = migrate_application(data)
        try:
            for name in (*_TEXT, "address", "id", "state", "created", "updated"):
                if not isinstance(data.get(name, ""), str):
                    raise InputError(f"{name} is not text")
            if len(str(data.get("notes", ""))) > MAX_TEXT_CHARS:
                raise InputError(f"notes are longer than {MAX_TEXT_CHARS} characters")
            state = data.get("state", OPEN)
            if not state:  # a state a newer Bow Out wrote is kept as it is (never open)
                raise InputError("state is empty")
            record_ids = data.get("record_ids", [])
            if not isinstance(record_ids, list) or not all(isinstance(r, str) for r in record_ids):
                raise InputError("record_ids is not a list of record ids")
            applied = data.get("applied")
            application = Application(
                **{name: data.get(name, "") for name in _TEXT},
                stage=Stage(data.get("stage", Stage.APPLIED.value)),
                applied=dt.date.fromisoformat(applied) if applied else None,
                address=Address(data["address"]),
            )
        except (InputError, ValueError, TypeError) as exc:
            raise HistoryError(f"the application is damaged: {exc}") from None
        if not data.get("id"):
            raise HistoryError("the application has no id")
        return cls(
            id=str(data["id"]),
            application=application,
            state=str(state),
            record_ids=tuple(record_ids),
            created=str(data.get("created", "")),
            updated=str(data.get("updated", "")),
        )


def by_company(stored: Iterable[StoredApplication]) -> list[StoredApplication]:
    """Sorted by company, then role (ignoring case), then oldest first: how a person looks
    an application up in a list they keep."""
    return sorted(
        stored,
        key=lambda s: (*s.application.key(), s.created, s.id),
    )


@dataclasses.dataclass(frozen=True)
class ApplicationImport:
    """What an import stored: the new ids (in the order given), and the applications it
    skipped because the same company and role is already kept (or came twice)."""

    added: tuple[str, ...]
    duplicates: tuple[Application, ...]


def header_key(headers: Iterable[str]) -> str:
    """The id of a table's header set: the same columns in any order (and in any Unicode
    normal form) give the same key."""
    names = sorted({unicodedata.normalize("NFC", h.strip()) for h in headers if h.strip()})
    return hashlib.sha256("\x1f".join(names).encode("utf-8")).hexdigest()[:32]


@dataclasses.dataclass(frozen=True)
class ImportMapping:
    """How to read a table with these headers: ``columns`` maps a column to a field of
    :data:`~bowout.core.applications.FIELDS` ("" ignores it); ``statuses`` maps a status
    word to the user's answer (a stage identifier, "closed", "saved" or "skip": see
    :data:`bowout.core.statuses.ANSWERS`); ``date_order`` is "dmy" or "mdy" when the user
    said how the dates are written ("" when nobody had to)."""

    headers: tuple[str, ...]
    columns: dict[str, str]
    statuses: dict[str, str] = dataclasses.field(default_factory=dict)
    date_order: str = ""

    @property
    def key(self) -> str:
        """The document id: :func:`header_key` of the headers."""
        return header_key(self.headers)

    def to_dict(self) -> dict[str, Any]:
        """The stored document."""
        return {
            "id": self.key,
            "headers": list(self.headers),
            "columns": dict(self.columns),
            "statuses": dict(self.statuses),
            "date_order": self.date_order,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ImportMapping:
        """Read a stored document; HistoryError when it is damaged."""
        headers, columns, statuses = data.get("headers"), data.get("columns"), data.get("statuses")
        date_order = data.get("date_order", "")
        if (
            date_order not in ("", *DATE_ORDERS)
            or not isinstance(headers, list)
            or not isinstance(columns, dict)
            or not isinstance(statuses, dict)
            or not all(isinstance(h, str) for h in headers)
            or not all(f == "" or f in FIELDS for f in columns.values())
            or not all(s in ANSWERS for s in statuses.values())
        ):
            raise HistoryError("a remembered CSV column mapping is damaged")
        return cls(
            tuple(headers),
            {str(k): v for k, v in columns.items()},
            {str(k): v for k, v in statuses.items()},
            str(date_order),
        )
