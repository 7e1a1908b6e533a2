"""The situation a user is in: stage, reason, channel, facts, people; and the user's profile."""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from typing import Any

from bowout.core.country_notes import check_country
from bowout.core.errors import InputError
from bowout.core.goodwill import goodwill_choices, goodwill_fits
from bowout.core.textclean import clean_line
from bowout.core.vocabulary import (
    REASONS,
    Address,
    Channel,
    DealBreaker,
    Goodwill,
    Kind,
    Money,
    Reason,
    Stage,
    Voice,
)

__all__ = [
    "Channel", "DealBreaker", "Goodwill", "Kind", "Money", "Profile", "Reason", "Situation",
    "Stage", "Voice", "negotiable", "parse_date",
]  # fmt: skip

#: Longest value accepted for a single name-like field (contact, role, company...).
MAX_FIELD_CHARS = 200
#: Work days without an answer before a gentle follow-up is due (the reminders' default and
#: the settings'; here so that reading the settings at start needs no reminder code).
DEFAULT_REPLY_DAYS = 5


def single_line(value: str) -> str:
    """Collapse every run of whitespace (newlines included) and drop control characters
    and bidi overrides; zero-width (non-)joiners stay (see :mod:`bowout.core.textclean`)."""
    if value.isprintable():  # the usual case, checked in C: nothing to drop
        return " ".join(value.split())
    return clean_line(value)


def _clean(value: str, field: str) -> str:
    value = single_line(value)
    if len(value) > MAX_FIELD_CHARS:
        raise InputError(f"{field} is {len(value)} characters long; the limit is {MAX_FIELD_CHARS}")
    return value


def check_email_address(value: str, field: str = "contact email") -> str:
    """``value`` stripped, or InputError when it cannot be one address in a To: header.

    A line break would let text past it become another header of the .eml (RFC 5322
    forbids bare CR and LF in a header), so it is refused rather than folded away.
    """
    if "\n" in value or "\r" in value:
        raise InputError(f"the {field} holds a line break; give one address on one line")
    value = value.strip()
    if not value:
        return ""
    if len(value) > MAX_FIELD_CHARS:
        raise InputError(f"the {field} is longer than {MAX_FIELD_CHARS} characters")
    local, at, domain = value.rpartition("@")
    if not at or not local or "." not in domain or len(value.split()) > 1 or "," in value:
        raise InputError(f"the {field} does not look like one email address: {value!r}")
    return value


def check_start_date(start: dt.date | None, today: dt.date) -> None:
    """Refuse a start date before ``today`` for a new draft (InputError, one line).

    A saved record keeps whatever date it had; only a new draft must look ahead.
    """
    if start is not None and start < today:
        raise InputError(
            f"the start date {start.isoformat()} is in the past; give the planned date, or none"
        )


#: Free-text fields of a situation, cleaned to one line each.
TEXT_FIELDS = ("contact", "role", "company", "recruiter", "greeting")
#: Money facts: none, promised or paid.
MONEY_FIELDS = ("relocation_assistance", "signing_bonus")
#: Fields no wording or checklist fact is read from directly: the free text, where the
#: message goes and which phrasing is shown (see :attr:`Situation.facts_key`).
UNNAMED_FIELDS = (*TEXT_FIELDS, "contact_email", "wording")


class FactsKey:
    """A tuple of field values, hashed once: a key the composer's caches look up at every
    keystroke (an enum hashes in Python, so hashing the tuple again each time would cost
    more than the lookup saves)."""

    __slots__ = ("_hash", "values")

    def __init__(self, values: tuple[object, ...]) -> None:
        """``values``: hashable field values, in a fixed order of fields."""
        self.values = values
        self._hash = hash(values)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (
            isinstance(other, FactsKey)
            and self._hash == other._hash
            and self.values == other.values
        )


@dataclasses.dataclass(frozen=True)
class Situation:
    """Everything the composer needs to know about one withdrawal.

    ``channel`` is the user's choice; ``None`` means "use the recommendation".
    """

    stage: Stage
    reason: Reason = Reason.NONE
    channel: Channel | None = None
    # Relationship facts.
    rapport: bool = False
    via_recruiter: bool = False
    linkedin_main: bool = False
    keep_door_open: bool = False
    #: The user will also call the hiring manager themself (chosen, never assumed): only
    #: then may a message promise a call, arrange one or speak of explaining in person.
    will_call: bool = False
    # Visa and relocation facts.
    visa_petition_started: bool = False
    sponsorship_required: bool = False
    relocation_assistance: Money = Money.NONE
    signing_bonus: Money = Money.NONE
    start_date: dt.date | None = None
    relocation_timeline_changed: bool = False
    # People and role.
    contact: str = ""
    role: str = ""
    company: str = ""
    recruiter: str = ""
    #: How to address the contact ("Jordan", "Dr. Lee"); empty: chosen from the voice.
    greeting: str = ""
    #: The contact's address, for the To: of the .eml and the mailto link.
    contact_email: str = ""
    # How the message sounds, and which of its alternative phrasings (1-based).
    voice: Voice = Voice.WARM
    #: The language the message is written in: a language pack's folder name ("en").
    language: str = "en"
    #: The form of address in languages that have two (Sie/du, vous/tu, usted/tú).
    address: Address = Address.FORMAL
    #: The country of the job (ISO 3166-1 alpha-2, "DE"), for the checklist's notes on
    #: rescinding there; "" when not given.
    country: str = ""
    wording: int = 1
    # Trying to resolve one point before withdrawing (the negotiate path), and whether a
    # withdrawal follows such a conversation that did not find a way.
    kind: Kind = Kind.WITHDRAW
    deal_breaker: DealBreaker | None = None
    decide_by: dt.date | None = None
    negotiated: bool = False
    #: Goodwill offered after rescinding (kept as chosen; :attr:`goodwill_offered` says
    #: which of them the draft uses), in :class:`Goodwill` order, each once.
    goodwill: tuple[Goodwill, ...] = ()

    def __post_init__(self) -> None:
        for name in TEXT_FIELDS:
            object.__setattr__(self, name, _clean(getattr(self, name), name))
        for name in MONEY_FIELDS:
            try:
                object.__setattr__(self, name, Money.coerce(getattr(self, name)))
            except InputError as exc:
                raise InputError(f"{name.replace('_', ' ')} {exc}") from None
        object.__setattr__(self, "contact_email", check_email_address(self.contact_email))
        if not isinstance(self.voice, Voice):
            object.__setattr__(self, "voice", Voice(self.voice))
        object.__setattr__(self, "address", Address(self.address))
        object.__setattr__(self, "country", check_country(self.country))
        object.__setattr__(self, "kind", Kind(self.kind))
        if self.deal_breaker is not None:
            object.__setattr__(self, "deal_breaker", DealBreaker(self.deal_breaker))
        if self.kind is Kind.NEGOTIATE:
            _check_negotiable(self)
        object.__setattr__(self, "goodwill", goodwill_choices(self.goodwill))
        if isinstance(self.wording, bool) or not isinstance(self.wording, int) or self.wording < 1:
            raise InputError(f"wording must be a whole number from 1: {self.wording!r}")
        # Hashed once: the composer keys its caches on the situation at every keystroke.
        values = tuple(getattr(self, f.name) for f in dataclasses.fields(self))
        object.__setattr__(self, "_hash", hash(values))

    def __hash__(self) -> int:
        """The hash of every field, computed when the situation is made (it never changes)."""
        return self.__dict__["_hash"]  # type: ignore[no-any-return]

    @property
    def facts_key(self) -> FactsKey:
        """Every field but :data:`UNNAMED_FIELDS`, as one key: two situations that differ
        only in names, role, company, greeting, address or phrasing share it (while the user
        types a name, the facts a wording is chosen by stay the same but for the few read
        from the names)."""
        # Made on first use and kept (no lock, unlike functools.cached_property in 3.11:
        # the key is the same whichever thread makes it).
        key: FactsKey | None = self.__dict__.get("_facts_key")
        if key is None:
            key = FactsKey(_fact_values(self))
            object.__setattr__(self, "_facts_key", key)
        return key

    @property
    def has_visa_facts(self) -> bool:
        return any(
            (
                self.visa_petition_started,
                self.sponsorship_required,
                self.relocation_assistance is not Money.NONE,
                self.signing_bonus is not Money.NONE,
                self.start_date is not None,
                self.relocation_timeline_changed,
            )
        )

    @property
    def goodwill_offered(self) -> tuple[Goodwill, ...]:
        """The goodwill choices the draft and checklist use: all of them where goodwill
        fits (:func:`goodwill_fits`), none elsewhere."""
        return self.goodwill if goodwill_fits(self.stage, self.reason, self.kind) else ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (identifiers as strings, date as ISO)."""
        data = dataclasses.asdict(self)
        data["stage"] = self.stage.value
        data["reason"] = self.reason.value
        data["channel"] = self.channel.value if self.channel else None
        data["start_date"] = self.start_date.isoformat() if self.start_date else None
        for name in MONEY_FIELDS:
            data[name] = getattr(self, name).value
        data["voice"] = self.voice.value
        data["address"] = self.address.value
        data["kind"] = self.kind.value
        data["deal_breaker"] = self.deal_breaker.value if self.deal_breaker else None
        data["decide_by"] = self.decide_by.isoformat() if self.decide_by else None
        data["goodwill"] = [g.value for g in self.goodwill]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Situation:
        """Inverse of :meth:`to_dict`; raises :class:`InputError` on bad values."""
        known = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        try:
            kwargs["stage"] = Stage(kwargs["stage"])
            kwargs["reason"] = Reason(kwargs.get("reason") or "none")
            channel = kwargs.get("channel")
            kwargs["channel"] = Channel(channel) if channel else None
            start = kwargs.get("start_date")
            kwargs["start_date"] = parse_date(start) if isinstance(start, str) and start else None
            kwargs["voice"] = Voice(kwargs.get("voice") or "warm")
            kwargs["address"] = Address(kwargs.get("address") or "formal")
            kwargs["language"] = str(kwargs.get("language") or "en")
            kwargs["country"] = str(kwargs.get("country") or "")
            kwargs["kind"] = Kind(kwargs.get("kind") or "withdraw")
            breaker = kwargs.get("deal_breaker")
            kwargs["deal_breaker"] = DealBreaker(breaker) if breaker else None
            decide = kwargs.get("decide_by")
            kwargs["decide_by"] = parse_date(decide) if isinstance(decide, str) and decide else None
            kwargs["goodwill"] = kwargs.get("goodwill") or ()
            for name in MONEY_FIELDS:
                kwargs[name] = Money.coerce(kwargs.get(name))
        except (KeyError, ValueError) as exc:
            raise InputError(f"not a valid situation: {exc}") from None
        for name in TEXT_FIELDS:
            kwargs[name] = str(kwargs.get(name) or "")
        return cls(**kwargs)


_FACT_FIELDS = tuple(f.name for f in dataclasses.fields(Situation) if f.name not in UNNAMED_FIELDS)
_fact_values = operator.attrgetter(*_FACT_FIELDS)

#: Stages with something to negotiate: after the first interview, up to an accepted offer.
NEGOTIABLE_STAGES = frozenset({Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED})


def negotiable(stage: Stage, reason: Reason) -> bool:
    """Whether "Try to resolve it first" fits this stage and reason (the article's advice:
    negotiate what a conversation can change, once there is something to negotiate)."""
    return stage in NEGOTIABLE_STAGES and REASONS[reason].negotiable


def _check_negotiable(situation: Situation) -> None:
    if situation.deal_breaker is None:
        raise InputError("trying to resolve it first needs the deal-breaker to talk about")
    if not negotiable(situation.stage, situation.reason):
        reasons = ", ".join(r.value for r, info in REASONS.items() if info.negotiable)
        raise InputError(
            f"trying to resolve it first fits the reasons {reasons}, from the interviewing stage on"
        )


def parse_date(text: str) -> dt.date:
    """Parse YYYY-MM-DD, with a message a person understands when it is not one."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


@dataclasses.dataclass(frozen=True)
class Profile:
    """The user's own details, used for the signature and the From header."""

    name: str = ""
    email: str = ""
    phone: str = ""
    #: Extra lines under the name (title, website); optional.
    signature: str = ""

    def __post_init__(self) -> None:
        for name in ("name", "email", "phone"):
            object.__setattr__(self, name, single_line(getattr(self, name)))
        lines = (single_line(line) for line in self.signature.splitlines())
        object.__setattr__(self, "signature", "\n".join(line for line in lines if line))

    def to_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        return cls(**{f.name: str(data.get(f.name) or "") for f in dataclasses.fields(cls)})
