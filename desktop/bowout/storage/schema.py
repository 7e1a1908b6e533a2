"""The record schema: its version, field checks, time stamps and forward migrations."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from bowout.core.country_notes import COUNTRY_CODE
from bowout.core.goodwill import Goodwill
from bowout.core.situation import (
    MAX_FIELD_CHARS,
    MONEY_FIELDS,
    Channel,
    DealBreaker,
    Kind,
    Money,
    Reason,
    Stage,
    Voice,
)
from bowout.core.vocabulary import Address
from bowout.storage.errors import HistoryError
from bowout.storage.fields import (
    LINE_CONTROL,
    YEARS,
    check_text,
    check_time,
    format_time,
)
from bowout.storage.newer import check_value
from bowout.storage.timeline import check_timeline, derived_timeline

#: Version written into every record; bump it and add a step to MIGRATIONS when fields change.
SCHEMA_VERSION = 5


def _add_channel_chosen(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 -> 2: ``channel_chosen`` says whether the user picked the channel.

    A version-1 record kept only the channel; one that equals what the advice recommends
    for its facts is taken as the recommendation (it follows the advice again), any other
    as the user's choice.
    """
    from bowout.core.advice import recommend_channel
    from bowout.core.situation import Situation

    relationship = data.get("relationship")
    try:
        facts: dict[str, Any] = {k: bool(relationship[k]) for k in _V1_RELATIONSHIP}  # type: ignore[index]
        advised = recommend_channel(Situation(stage=Stage(data.get("stage")), **facts))
        data["channel_chosen"] = data.get("channel") != advised.channel.value
    except (TypeError, KeyError, ValueError):  # a broken record: check_fields will say why
        data["channel_chosen"] = True
    return data


STATUSES = ("draft", "sent")
#: The relationship facts every record has had (schema 1), and since schema 5 whether the
#: user chose to call the hiring manager too (``will_call``, issue 21).
_V1_RELATIONSHIP = ("rapport", "via_recruiter", "linkedin_main", "keep_door_open")
RELATIONSHIP_KEYS = (*_V1_RELATIONSHIP, "will_call")
VISA_FLAGS = (
    "visa_petition_started",
    "sponsorship_required",
    "relocation_assistance",
    "signing_bonus",
    "relocation_timeline_changed",
)
#: Visa facts that are true or false; the money facts are none, promised or paid.
VISA_BOOLS = tuple(name for name in VISA_FLAGS if name not in MONEY_FIELDS)
VISA_KEYS = (*VISA_FLAGS, "start_date")
CHECKLIST_KEYS = ("key", "text", "group", "done", "phase")
PHASES = ("before", "during", "after", "later")
NAME_FIELDS = ("company", "role", "contact", "recruiter", "greeting", "contact_email")
MONEY = frozenset(m.value for m in Money)
#: Trying to resolve a deal-breaker first: the kind of message, the point, the decision
#: date, whether a withdrawal follows such a conversation, and how it ended (schema 3).
NO_NEGOTIATION = {
    "kind": "withdraw", "deal_breaker": None, "decide_by": None, "negotiated": False,
    "outcome": None,
}  # fmt: skip
#: How a conversation about a deal-breaker ended: resolved (the user stays in the process,
#: nothing is withdrawn) or not resolved (the withdrawal follows and says so neutrally).
OUTCOMES = ("resolved", "not-resolved")
KINDS = frozenset(k.value for k in Kind)
DEAL_BREAKERS = frozenset(d.value for d in DealBreaker)
VOICES = frozenset(v.value for v in Voice)
ADDRESSES = frozenset(a.value for a in Address)
#: A language pack's name: a language code, perhaps with a region ("de", "pt_BR"). One
#: this version has no pack for is kept as it is (a newer Bow Out's, or a custom one).
LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")
GOODWILL = frozenset(g.value for g in Goodwill)
TEXT_FIELDS = ("subject", "body_html", "body_text", "notes")
STAGES = frozenset(s.value for s in Stage)
REASONS = frozenset(r.value for r in Reason)
CHANNELS = frozenset(c.value for c in Channel)

#: Longest subject (RFC 5322 keeps a header line under 998 characters).
MAX_SUBJECT_CHARS = 998
#: Longest message, notes or phone script; far beyond any letter, short of a runaway paste.
MAX_TEXT_CHARS = 200_000
#: Longest checklist text, and key or group name.
MAX_ITEM_CHARS = 1_000
_ID = re.compile(r"[0-9a-f]{32}")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def now() -> str:
    """The current time as a record time stamp."""
    return format_time(dt.datetime.now(dt.timezone.utc))


def later_than(previous: str) -> str:
    """Now, or one microsecond after ``previous`` if the clock has not moved past it."""
    current = now()
    if previous and current <= previous:
        when = dt.datetime.fromisoformat(previous[:-1]).replace(tzinfo=dt.timezone.utc)
        current = format_time(when + dt.timedelta(microseconds=1))
    return current


def valid_id(value: str) -> bool:
    """True for a record id as History assigns them (uuid4 hex)."""
    return bool(_ID.fullmatch(value))


def _phase_of(key: object) -> str:
    """The phase of a checklist item saved before items had phases (by its stable key)."""
    key = str(key)
    if key in ("roadmap.reason", "roadmap.mentor", "roadmap.recruiter", "logistics.contract"):
        return "before"
    if key == "roadmap.channel":
        return "during"
    return "later" if key.startswith("reentry.") else "after"


def _to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2: money facts say none/promised/paid (a ticked box was money received),
    the voice, wording, greeting and contact email are kept, checklist items have phases,
    and ``channel_chosen`` says whether the user picked the channel."""
    data = _add_channel_chosen(data)
    visa = data.get("visa")
    if isinstance(visa, dict):
        visa = dict(visa)
        for name in MONEY_FIELDS:
            value = visa.get(name)
            if isinstance(value, bool):
                visa[name] = Money.PAID.value if value else Money.NONE.value
        data["visa"] = visa
    data.setdefault("voice", Voice.WARM.value)
    data.setdefault("wording", 1)
    data.setdefault("greeting", "")
    data.setdefault("contact_email", "")
    data.setdefault("negotiation", dict(NO_NEGOTIATION))
    items = data.get("checklist")
    if isinstance(items, list):
        data["checklist"] = [
            {**item, "phase": _phase_of(item.get("key"))} if isinstance(item, dict) else item
            for item in items
        ]
    return data


def _goodwill_default(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 3: ``goodwill`` lists the goodwill offered after rescinding (identifiers of
    :class:`bowout.core.goodwill.Goodwill`); none before."""
    data.setdefault("goodwill", [])
    return data


def _add_outcome(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 3: the negotiation keeps its outcome; a withdrawal that followed a
    conversation (``negotiated``) is the "not resolved" one, anything else has none yet."""
    talk = data.get("negotiation")
    if isinstance(talk, dict):
        outcome = "not-resolved" if talk.get("negotiated") is True else None
        data["negotiation"] = {**talk, "outcome": talk.get("outcome", outcome)}
    return data


def _add_timeline(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 3: every record has a timeline; a sent one starts with its "message sent"."""
    data.setdefault("timeline", derived_timeline(data))
    return data


#: The steps from schema 2 to 3, in order; a new schema-3 field adds its own step here.
V3_STEPS: list[Callable[[dict[str, Any]], dict[str, Any]]] = [
    _add_outcome,
    _add_timeline,
    _goodwill_default,
]


def _to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3: the negotiation's outcome, the record's timeline and the goodwill offered
    after rescinding (see V3_STEPS)."""
    for step in V3_STEPS:
        data = step(data)
    return data


def _to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 (issue 26): the language the message is written in (a language pack's
    name), its form of address, and the country of the job; every record before was
    English, formal, with no country given."""
    data.setdefault("language", "en")
    data.setdefault("address", Address.FORMAL.value)
    data.setdefault("country", "")
    return data


def _to_v5(data: dict[str, Any]) -> dict[str, Any]:
    """Version 5 (issue 21): ``relationship.will_call``, whether the user chose to call the
    hiring manager too; no record before chose it (its drafts keep the words they had)."""
    relationship = data.get("relationship")
    if isinstance(relationship, dict):  # else check_fields says what is wrong
        data["relationship"] = {**relationship, "will_call": relationship.get("will_call", False)}
    return data


#: ``MIGRATIONS[n]`` turns a version-``n`` record dict into a version ``n + 1`` one.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _to_v2, 2: _to_v3, 3: _to_v4, 4: _to_v5,
}  # fmt: skip


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a record dict to SCHEMA_VERSION; refuse one written by a newer Bow Out."""
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise HistoryError(f"schema_version must be a whole number from 1: {version!r}")
    if version > SCHEMA_VERSION:
        raise HistoryError(
            f"a record was written by a newer Bow Out (schema {version}); update Bow Out first."
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:  # a bug: every older version must have a step
            raise RuntimeError(f"no migration from schema version {version}")
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data


def check_fields(data: dict[str, Any]) -> None:
    """Raise HistoryError naming the first field of a current-version record dict that is wrong."""
    _check_strings(data)
    for field, allowed in (("stage", STAGES), ("channel", CHANNELS)):
        if data.get(field) not in allowed:
            raise HistoryError(
                f"{field} must be one of {', '.join(sorted(allowed))}: {data.get(field)!r}"
            )
    check_value(data.get("reason"), REASONS, "reason")
    if not isinstance(data.get("channel_chosen"), bool):
        raise HistoryError("channel_chosen must be true or false")
    if data.get("status") not in STATUSES:
        raise HistoryError(f"status must be draft or sent: {data.get('status')!r}")
    check_time(data.get("created"), "created", optional=True)
    check_time(data.get("updated"), "updated", optional=True)
    check_time(data.get("sent"), "sent", optional=True)
    if (data["status"] == "sent") != (data.get("sent") is not None):
        raise HistoryError("a sent record needs a sent time and a draft must not have one")
    _check_flags(data.get("relationship"), "relationship", RELATIONSHIP_KEYS, RELATIONSHIP_KEYS)
    visa = data.get("visa")
    _check_flags(visa, "visa", VISA_KEYS, VISA_BOOLS)
    assert isinstance(visa, dict)
    for name in MONEY_FIELDS:
        if visa[name] not in MONEY:
            raise HistoryError(f"visa.{name} must be none, promised or paid: {visa[name]!r}")
    check_value(data.get("voice"), VOICES, "voice")
    language = data.get("language")
    if not isinstance(language, str) or not LANGUAGE.fullmatch(language):
        raise HistoryError(f"language must be a language pack's name such as de: {language!r}")
    check_value(data.get("address"), ADDRESSES, "address")
    country = data.get("country")
    if not isinstance(country, str) or (country and not COUNTRY_CODE.fullmatch(country)):
        raise HistoryError(f"country must be a two-letter code such as DE, or empty: {country!r}")
    wording = data.get("wording")
    if not isinstance(wording, int) or isinstance(wording, bool) or not 1 <= wording <= 1000:
        raise HistoryError(f"wording must be a whole number from 1 to 1000: {wording!r}")
    start = visa["start_date"]
    if start is not None and not _valid_date(start):
        raise HistoryError(f"visa.start_date must be YYYY-MM-DD or null: {start!r}")
    _check_negotiation(data.get("negotiation"))
    _check_goodwill(data.get("goodwill"))
    _check_checklist(data.get("checklist"))
    check_timeline(data.get("timeline"))


def _check_goodwill(value: object) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise HistoryError("goodwill must be a list of goodwill identifiers")
    unknown = [v for v in value if v not in GOODWILL]
    if unknown:
        raise HistoryError(
            f"goodwill holds {unknown[0]!r}; it lists {', '.join(g.value for g in Goodwill)}"
        )
    if len(set(value)) != len(value):
        raise HistoryError("goodwill names a choice twice")


def _check_negotiation(value: object) -> None:
    if not isinstance(value, dict) or set(value) != set(NO_NEGOTIATION):
        raise HistoryError(
            f"negotiation must be an object with exactly: {', '.join(NO_NEGOTIATION)}"
        )
    if value["kind"] not in KINDS:
        raise HistoryError(f"negotiation.kind must be withdraw or negotiate: {value['kind']!r}")
    breaker = value["deal_breaker"]
    if breaker is not None:
        check_value(breaker, DEAL_BREAKERS, "negotiation.deal_breaker")
    if value["kind"] == "negotiate" and breaker is None:
        raise HistoryError("negotiation.deal_breaker is needed to negotiate")
    decide = value["decide_by"]
    if decide is not None and not _valid_date(decide):
        raise HistoryError(f"negotiation.decide_by must be YYYY-MM-DD or null: {decide!r}")
    if not isinstance(value["negotiated"], bool):
        raise HistoryError("negotiation.negotiated must be true or false")
    outcome = value["outcome"]
    if outcome is not None and outcome not in OUTCOMES:
        raise HistoryError(
            f"negotiation.outcome must be resolved, not-resolved or null: {outcome!r}"
        )
    if value["negotiated"] != (outcome == "not-resolved"):
        raise HistoryError(
            "negotiation.outcome must be not-resolved exactly when negotiation.negotiated is true"
        )
    if outcome == "resolved" and value["kind"] != "negotiate":
        raise HistoryError("negotiation.outcome resolved needs negotiation.kind negotiate")


def _valid_date(value: object) -> bool:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return False
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return YEARS[0] <= day.year <= YEARS[1]


def _check_strings(data: dict[str, Any]) -> None:
    record_id = data.get("id")
    if not isinstance(record_id, str) or (record_id and not valid_id(record_id)):
        raise HistoryError(f"id must be 32 lowercase hexadecimal characters: {record_id!r}")
    for field in NAME_FIELDS:
        check_text(data.get(field), field, MAX_FIELD_CHARS, multiline=False)
    check_text(data.get("subject"), "subject", MAX_SUBJECT_CHARS, multiline=False)
    for field in TEXT_FIELDS:
        if field != "subject":
            check_text(data.get(field), field, MAX_TEXT_CHARS, multiline=True)
    script = data.get("phone_script")
    if script is not None:
        check_text(script, "phone_script", MAX_TEXT_CHARS, multiline=True)


def _check_flags(value: object, field: str, keys: tuple[str, ...], flags: tuple[str, ...]) -> None:
    if not isinstance(value, dict) or set(value) != set(keys):
        raise HistoryError(f"{field} must be an object with exactly: {', '.join(keys)}")
    for key in flags:
        if not isinstance(value[key], bool):
            raise HistoryError(f"{field}.{key} must be true or false")


_CHECKLIST_KEYSET = frozenset(CHECKLIST_KEYS)


def _check_checklist(value: object) -> None:
    if not isinstance(value, list):
        raise HistoryError("checklist must be a list")
    texts: list[object] = []
    for index, item in enumerate(value):
        if not isinstance(item, dict) or item.keys() != _CHECKLIST_KEYSET:
            raise HistoryError(
                f"checklist item {index + 1} must have exactly key, text, group, done, phase"
            )
        key, text, group = item["key"], item["text"], item["group"]
        if not (
            type(key) is str and type(text) is str and type(group) is str
            and len(key) <= MAX_ITEM_CHARS and len(text) <= MAX_ITEM_CHARS
            and len(group) <= MAX_ITEM_CHARS
        ):  # fmt: skip
            _check_item_texts(item, index)
        if item["phase"] not in PHASES:
            raise HistoryError(f"checklist item {index + 1}: phase must be one of {PHASES}")
        if not isinstance(item["done"], bool):
            raise HistoryError(f"checklist item {index + 1}: done must be true or false")
        texts += (key, text, group)
    # One search over all the texts (an import checks tens of thousands of items).
    if LINE_CONTROL.search("".join(map(str, texts))):
        for index, item in enumerate(value):
            _check_item_texts(item, index)


def _check_item_texts(item: dict[str, Any], index: int) -> None:
    for name in ("key", "text", "group"):
        check_text(item[name], f"checklist item {index + 1} {name}", MAX_ITEM_CHARS,
                   multiline=False)  # fmt: skip
