"""One withdrawal as kept in the history: a versioned, validated record."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any, TypeVar

from bowout.core.draft import Draft
from bowout.core.errors import InputError
from bowout.core.goodwill import goodwill_choices
from bowout.core.situation import (
    MONEY_FIELDS,
    Channel,
    DealBreaker,
    Kind,
    Money,
    Reason,
    Situation,
    Stage,
    Voice,
)
from bowout.core.vocabulary import Address
from bowout.paths import available_languages
from bowout.storage.errors import HistoryError
from bowout.storage.fields import canonical_time
from bowout.storage.schema import (
    NO_NEGOTIATION,
    RELATIONSHIP_KEYS,
    SCHEMA_VERSION,
    VISA_BOOLS,
    VISA_FLAGS,
    check_fields,
    migrate,
)
from bowout.storage.timeline import canonical_timeline


def _no_relationship() -> dict[str, bool]:
    return dict.fromkeys(RELATIONSHIP_KEYS, False)


def _no_visa() -> dict[str, Any]:
    visa: dict[str, Any] = dict.fromkeys(VISA_FLAGS, False)
    visa.update(dict.fromkeys(MONEY_FIELDS, Money.NONE.value), start_date=None)
    return visa


@dataclasses.dataclass
class Record:
    """A withdrawal: the situation, what was (or will be) sent, the checklist and notes."""

    id: str = ""
    created: str = ""
    updated: str = ""
    sent: str | None = None
    status: str = "draft"
    company: str = ""
    role: str = ""
    contact: str = ""
    recruiter: str = ""
    stage: str = Stage.APPLIED.value
    reason: str = Reason.NONE.value
    channel: str = Channel.EMAIL.value
    #: True when the user picked ``channel``; False when it was the recommendation, so a
    #: reopened draft follows the advice again when the situation changes (schema 2).
    channel_chosen: bool = False
    subject: str = ""
    body_html: str = ""
    body_text: str = ""
    phone_script: str | None = None
    relationship: dict[str, bool] = dataclasses.field(default_factory=_no_relationship)
    visa: dict[str, Any] = dataclasses.field(default_factory=_no_visa)
    checklist: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    notes: str = ""
    voice: str = Voice.WARM.value
    #: The language the message is written in (a language pack's name) and its form of
    #: address (schema 4).
    language: str = "en"
    address: str = Address.FORMAL.value
    #: The country of the job ("DE"; "" when not given), for the checklist's notes.
    country: str = ""
    wording: int = 1
    greeting: str = ""
    contact_email: str = ""
    negotiation: dict[str, Any] = dataclasses.field(default_factory=lambda: dict(NO_NEGOTIATION))
    #: Goodwill offered after rescinding: Goodwill identifiers, as chosen (schema 3).
    goodwill: list[str] = dataclasses.field(default_factory=list)
    #: What happened after the draft, oldest first (see :mod:`bowout.storage.timeline`).
    timeline: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    @classmethod
    def from_draft(
        cls,
        draft: Draft,
        *,
        notes: str = "",
        body_html: str | None = None,
        body_text: str | None = None,
        subject: str | None = None,
        phone_script: str | None = None,
        checklist: list[dict[str, Any]] | None = None,
    ) -> Record:
        """A new, unsaved record from a draft; keyword values carry the user's edits."""
        situation = draft.situation
        visa: dict[str, Any] = {name: bool(getattr(situation, name)) for name in VISA_FLAGS}
        for name in MONEY_FIELDS:
            visa[name] = getattr(situation, name).value
        visa["start_date"] = situation.start_date.isoformat() if situation.start_date else None
        items = checklist if checklist is not None else [i.to_dict() for i in draft.checklist]
        return cls(
            company=situation.company,
            role=situation.role,
            contact=situation.contact,
            recruiter=situation.recruiter,
            stage=situation.stage.value,
            reason=situation.reason.value,
            channel=draft.channel.value,
            channel_chosen=situation.channel is not None,
            subject=draft.subject if subject is None else subject,
            body_html=draft.body_html if body_html is None else body_html,
            body_text=draft.body_text if body_text is None else body_text,
            phone_script=draft.phone_script if phone_script is None else phone_script,
            relationship={name: bool(getattr(situation, name)) for name in RELATIONSHIP_KEYS},
            visa=visa,
            checklist=[dict(item) for item in items],
            notes=notes,
            voice=situation.voice.value,
            language=situation.language,
            address=situation.address.value,
            country=situation.country,
            wording=draft.wording,
            greeting=situation.greeting,
            contact_email=situation.contact_email,
            negotiation={
                "kind": situation.kind.value,
                "deal_breaker": situation.deal_breaker.value if situation.deal_breaker else None,
                "decide_by": situation.decide_by.isoformat() if situation.decide_by else None,
                "negotiated": situation.negotiated,
                "outcome": "not-resolved" if situation.negotiated else None,
            },
            goodwill=[choice.value for choice in situation.goodwill],
        )

    def situation(self) -> Situation:
        """Rebuild the situation this record was drafted for. Values a newer Bow Out wrote
        read as the nearest this one knows (see :func:`understood`); if the rebuilt request
        to talk then no longer fits, it reads as a withdrawal."""
        try:
            return self._situation(self.negotiation)
        except InputError:
            if not self.not_understood:
                raise
            return self._situation({**self.negotiation, "kind": "withdraw", "deal_breaker": None})

    def _situation(self, negotiation: dict[str, Any]) -> Situation:
        start = self.visa.get("start_date")
        talk = {**NO_NEGOTIATION, **negotiation}
        facts: dict[str, Any] = {
            name: bool(self.relationship.get(name)) for name in RELATIONSHIP_KEYS
        }
        facts.update((name, bool(self.visa.get(name))) for name in VISA_BOOLS)
        facts.update((name, Money.coerce(self.visa.get(name))) for name in MONEY_FIELDS)
        return Situation(
            stage=Stage(self.stage),
            reason=understood(Reason, self.reason, Reason.NONE),
            channel=Channel(self.channel) if self.channel_chosen else None,
            start_date=dt.date.fromisoformat(start) if start else None,
            contact=self.contact,
            role=self.role,
            company=self.company,
            recruiter=self.recruiter,
            greeting=self.greeting,
            contact_email=self.contact_email,
            voice=understood(Voice, self.voice, Voice.WARM),
            # A language with no pack here (a newer Bow Out's) drafts in English.
            language=self.language if self.language in available_languages() else "en",
            address=understood(Address, self.address, Address.FORMAL),
            country=self.country,
            wording=self.wording,
            kind=Kind(talk["kind"]),
            deal_breaker=(
                understood(DealBreaker, talk["deal_breaker"], DealBreaker.OTHER)
                if talk["deal_breaker"]
                else None
            ),
            decide_by=dt.date.fromisoformat(talk["decide_by"]) if talk["decide_by"] else None,
            negotiated=bool(talk["negotiated"]),
            goodwill=goodwill_choices(self.goodwill),
            **facts,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (nothing shared with this record)."""
        data = {f.name: getattr(self, f.name) for f in _FIELDS}
        data["relationship"] = dict(self.relationship)
        data["visa"] = dict(self.visa)
        data["checklist"] = [dict(item) for item in self.checklist]
        data["negotiation"] = dict(self.negotiation)
        data["goodwill"] = list(self.goodwill)
        data["timeline"] = [dict(event) for event in self.timeline]
        return data

    @classmethod
    def from_dict(cls, data: object) -> Record:
        """Validate, migrate forward and copy a record dict; HistoryError says what is wrong."""
        if not isinstance(data, dict):
            raise HistoryError(f"a record must be a JSON object, not {type(data).__name__}")
        data = migrate(data)
        if data.keys() != _NAMES:
            unknown = set(data) - _NAMES
            if unknown:
                raise HistoryError(f"unknown record field(s): {', '.join(sorted(unknown))}")
            missing = _NAMES - set(data)
            raise HistoryError(f"missing record field(s): {', '.join(sorted(missing))}")
        check_fields(data)
        record = cls.from_trusted(data)
        for name in ("created", "updated", "sent"):
            value = getattr(record, name)
            if value and len(value) != 27:
                setattr(record, name, canonical_time(value))
        if any(len(event["at"]) != 27 for event in record.timeline):
            record.timeline = canonical_timeline(record.timeline)
        return record

    @classmethod
    def from_trusted(cls, data: dict[str, Any]) -> Record:
        """Copy a record dict that has already passed :meth:`from_dict` (no checks)."""
        record = cls.__new__(cls)
        fields = record.__dict__
        fields.update(data)
        fields["relationship"] = dict(data["relationship"])
        fields["visa"] = dict(data["visa"])
        fields["checklist"] = [dict(item) for item in data["checklist"]]
        fields["negotiation"] = dict(data["negotiation"])
        fields["goodwill"] = list(data["goodwill"])
        fields["timeline"] = [dict(event) for event in data["timeline"]]
        return record

    @property
    def not_understood(self) -> list[str]:
        """What in this record this Bow Out does not know (values a newer version wrote,
        kept as they are), e.g. ``["reason 'career-break'"]``."""
        from bowout.storage.newer import not_understood

        return not_understood(vars(self))

    @property
    def outcome(self) -> str | None:
        """How a conversation about a deal-breaker ended: "resolved", "not-resolved" or None."""
        value = self.negotiation.get("outcome")
        return value if isinstance(value, str) else None


E = TypeVar("E", bound=enum.Enum)


def understood(kind: type[E], value: object, fallback: E) -> E:
    """``value`` as a member of ``kind``; a value a newer Bow Out wrote reads as ``fallback``
    for drafting (the record keeps it as it is: see :attr:`Record.not_understood`)."""
    try:
        return kind(value)
    except ValueError:
        return fallback


def checked(record: Record) -> Record:
    """A validated copy of ``record`` at the current schema version, as a save stores it;
    HistoryError ("This record cannot be saved: ...") names the field that is wrong."""
    data = record.to_dict()
    data["schema_version"] = data.get("schema_version") or SCHEMA_VERSION
    try:
        return Record.from_dict(data)
    except HistoryError as exc:
        raise HistoryError(f"This record cannot be saved: {str(exc).rstrip('.')}.") from None


_FIELDS = dataclasses.fields(Record)
_NAMES = frozenset(f.name for f in _FIELDS)
