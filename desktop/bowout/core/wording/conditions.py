"""The vocabulary a wording variant's conditions may use, and the facts of one situation in it.

A condition names a fact and the values it may take (``stage = ["offer", "accepted"]``).
The facts are derived once per draft from the :class:`Situation`, the audience the text is
written for and today's date; every name and value is checked when wording files load, so
a writer's typo is a clear error rather than a variant that silently never matches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping

from bowout.core import addressing, vocabulary
from bowout.core.addressing import greets_by_title
from bowout.core.errors import TemplateError
from bowout.core.situation import Situation
from bowout.core.stage_facts import within_stage
from bowout.core.vocabulary import (
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

#: Who reads (or hears) the text: the hiring manager by email, the recruiter who relays it,
#: a LinkedIn contact, or the hiring manager on the phone.
AUDIENCES = ("manager", "recruiter", "linkedin", "spoken")

#: Days before the start date within which an answer counts as "near" (an apology for the
#: short notice) and "soon" (mentioned, without an apology).
NEAR_DAYS = 21
SOON_DAYS = 60

_BOOL = ("true", "false")


def _reply_kinds() -> tuple[str, ...]:
    return ("none", *vocabulary.REPLY_KINDS)


#: Every fact a condition may name, with how to list the values it can take (read when a
#: file loads, so a row added to a vocabulary table is a value at once).
_FACTS: dict[str, Callable[[], tuple[str, ...]]] = {
    "stage": lambda: tuple(s.value for s in Stage),
    "reason": lambda: tuple(r.value for r in Reason),
    "channel": lambda: tuple(c.value for c in Channel),
    "voice": lambda: tuple(v.value for v in Voice),
    # The form of address (Sie/du, vous/tu, usted/tú); English packs never need it.
    "address": lambda: tuple(a.value for a in Address),
    "audience": lambda: AUDIENCES,
    # Withdrawing, or first asking for a conversation about one deal-breaker.
    "kind": lambda: tuple(k.value for k in Kind),
    "deal_breaker": lambda: ("none", *(d.value for d in DealBreaker)),
    # A withdrawal after a conversation about the deal-breaker that found no way.
    "negotiated": lambda: _BOOL,
    # That conversation's deal-breaker is the user's reason said another way
    # (vocabulary.recap_fits): only then may the recap name it as the cause.
    "recap_fits": lambda: _BOOL,
    "decide_by": lambda: ("none", "given"),
    # What they said back, for a reply (none: this is not a reply).
    "reply": _reply_kinds,
    # How near the agreed start date is: none given, already past (an old record), within
    # NEAR_DAYS, within SOON_DAYS, or further away.
    "start": lambda: ("none", "past", "near", "soon", "far"),
    "signing_bonus": lambda: tuple(m.value for m in Money),
    "relocation_assistance": lambda: tuple(m.value for m in Money),
    # Money the user actually received (bonus or relocation assistance): only that is owed.
    "money_paid": lambda: _BOOL,
    "contact_known": lambda: _BOOL,
    # The user's phone number is in the profile (a voicemail asks to be called back on it).
    "phone_known": lambda: _BOOL,
    "recruiter_known": lambda: _BOOL,
    # The greeting names the reader by a title ("Dr Okafor", "Frau Schäfer"): "Dear" or
    # "Hello", never "Hi" (bowout.core.addressing decides the name).
    "greeted_by_title": lambda: _BOOL,
    "rapport": lambda: _BOOL,
    "via_recruiter": lambda: _BOOL,
    "linkedin_main": lambda: _BOOL,
    "keep_door_open": lambda: _BOOL,
    # The user chose to call the hiring manager too: only then does a text promise a call.
    "will_call": lambda: _BOOL,
    "visa_petition_started": lambda: _BOOL,
    "sponsorship_required": lambda: _BOOL,
    "relocation_timeline_changed": lambda: _BOOL,
    # Goodwill the user chose to offer after rescinding (as chosen: the wording's own
    # conditions and the rules keep it to rescinding, and out of a red-flags message).
    "offer_referral": lambda: _BOOL,
    "offer_handover": lambda: _BOOL,
    "stay_in_touch": lambda: _BOOL,
    # From the reason's row of the vocabulary (ReasonInfo): whether the message may be warm
    # (praise, goodwill), whether the reason is said, whether a conversation could change it.
    "warm": lambda: _BOOL,
    "reason_said": lambda: _BOOL,
    "negotiable": lambda: _BOOL,
    # The tone a sign-off must have (vocabulary.SIGNOFFS): from the stage, kind and reply.
    "signoff": lambda: vocabulary.SIGNOFFS,
}


#: Which facts decide first when two variants fit: a variant naming a fact earlier in this
#: list is more specific than one naming only later facts, whatever their number (as CSS
#: weighs an id above any number of classes). What the message is and who reads it come
#: first, then the cause (the reason and what is said of it), then the circumstances; the
#: plain facts of the situation last. Declared once here, so a file's order never decides.
PRECEDENCE = (
    "reply", "kind", "audience", "warm", "reason_said", "reason", "negotiable", "negotiated",
    "recap_fits", "deal_breaker", "signoff", "channel", "stage", "relocation_timeline_changed",
    "visa_petition_started", "sponsorship_required", "money_paid", "signing_bonus",
    "relocation_assistance", "offer_referral", "offer_handover", "stay_in_touch", "will_call",
    "keep_door_open", "start", "decide_by", "contact_known", "phone_known", "recruiter_known",
    "greeted_by_title", "rapport", "via_recruiter", "linkedin_main", "voice", "address",
)  # fmt: skip
_WEIGHT = {name: 1 << (len(PRECEDENCE) - i) for i, name in enumerate(PRECEDENCE)}


def specificity(names: Iterable[str]) -> int:
    """How specific a variant naming these facts is (see :data:`PRECEDENCE`)."""
    return sum(_WEIGHT[name] for name in set(names))


class _Vocabulary(Mapping[str, tuple[str, ...]]):
    """Every fact a condition may name, with the values it can take right now."""

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return _FACTS[name]()

    def __iter__(self) -> Iterator[str]:
        return iter(_FACTS)

    def __len__(self) -> int:
        return len(_FACTS)


#: Every fact a condition may name, with the values it can take.
VOCABULARY: Mapping[str, tuple[str, ...]] = _Vocabulary()

#: A parsed condition: fact name -> the values that satisfy it.
Conditions = Mapping[str, frozenset[str]]


def start_nearness(start: dt.date | None, today: dt.date) -> str:
    """``none``, ``past``, ``near``, ``soon`` or ``far``: how close ``start`` is to ``today``."""
    if start is None:
        return "none"
    days = (start - today).days
    if days < 0:
        return "past"
    if days <= NEAR_DAYS:
        return "near"
    return "soon" if days <= SOON_DAYS else "far"


def facts_of(
    situation: Situation,
    audience: str,
    today: dt.date,
    reply: str = "none",
    *,
    phone_known: bool = True,
) -> dict[str, str]:
    """The facts of ``situation`` for a text written to ``audience``, as vocabulary strings
    (a new dict, the caller's to change).

    ``reply``: what they wrote back, when the text answers it (a key of
    :data:`~bowout.core.vocabulary.REPLY_KINDS`, or "none"). ``phone_known``: the profile
    holds the user's phone number.
    """
    # All but the facts read from the names are kept by the situation's other fields: a
    # window asks again at every keystroke in a name field.
    key = (situation.facts_key, audience, today, reply, phone_known)
    unnamed = _UNNAMED.get(key)
    if unnamed is None:
        if len(_UNNAMED) >= _UNNAMED_SIZE:
            _UNNAMED.clear()
        unnamed = _UNNAMED[key] = _unnamed_facts(situation, audience, today, reply, phone_known)
    facts = dict(unnamed)
    facts["contact_known"], facts["recruiter_known"], facts["greeted_by_title"] = name_facts(
        situation, audience, reply
    )
    return facts


def name_facts(situation: Situation, audience: str, reply: str = "none") -> tuple[str, str, str]:
    """The facts :func:`facts_of` reads from the names (the rest it reads from the other
    fields of the situation): ``contact_known``, ``recruiter_known`` and
    ``greeted_by_title``, in that order."""
    return (
        _yes(bool(situation.contact)),
        _yes(bool(situation.recruiter)),
        _yes(greets_by_title(_greeting(situation, audience, reply))),
    )


#: The facts not read from names, by situation facts, audience, date, reply and phone.
_UNNAMED: dict[tuple[object, ...], dict[str, str]] = {}
_UNNAMED_SIZE = 4096


def _unnamed_facts(
    situation: Situation, audience: str, today: dt.date, reply: str, phone_known: bool
) -> dict[str, str]:
    """:func:`facts_of` but for the facts read from names (left "false", in their places:
    the order of the facts is the order of every caller's view of them). A fact the stage
    cannot have reads as not so (:func:`~bowout.core.stage_facts.within_stage`, issue 21)."""
    situation = within_stage(situation)
    channel = situation.channel
    paid = Money.PAID in (situation.signing_bonus, situation.relocation_assistance)
    facts = {
        "stage": situation.stage.value,
        "reason": situation.reason.value,
        "channel": channel.value if channel else "email",
        "voice": situation.voice.value,
        "address": situation.address.value,
        "audience": audience,
        "kind": situation.kind.value,
        "deal_breaker": situation.deal_breaker.value if situation.deal_breaker else "none",
        "negotiated": _yes(situation.negotiated),
        "decide_by": "given" if situation.decide_by else "none",
        "reply": reply,
        "start": start_nearness(situation.start_date, today),
        "signing_bonus": situation.signing_bonus.value,
        "relocation_assistance": situation.relocation_assistance.value,
        "money_paid": _yes(paid),
        "contact_known": "false",
        "phone_known": _yes(phone_known),
        "recruiter_known": "false",
        "greeted_by_title": "false",
    }
    for name in _BOOL_FACTS:
        facts[name] = "true" if getattr(situation, name) else "false"
    chosen = situation.goodwill
    for choice in Goodwill:
        facts[choice.fact] = "true" if choice in chosen else "false"
    settled = [name for name in _BOOL_FACTS if facts[name] == "true"]
    facts["recap_fits"] = _yes(
        situation.negotiated
        and vocabulary.recap_fits(situation.reason, situation.deal_breaker, settled)
    )
    info = vocabulary.REASONS[situation.reason]
    facts["warm"] = _yes(info.warm)
    facts["reason_said"] = _yes(info.said)
    facts["negotiable"] = _yes(info.negotiable)
    facts["signoff"] = vocabulary.signoff_tone(
        situation.stage, situation.reason, situation.kind, reply
    )
    return facts


def _greeting(situation: Situation, audience: str, reply: str) -> str:
    """The name the text written to ``audience`` greets (see bowout.core.addressing)."""
    answering = reply != "none"
    if audience == "recruiter":
        return addressing.recruiter_addressee(situation, reply=answering)
    return addressing.contact_addressee(
        situation, spoken=audience == "spoken", reply=answering, linkedin=audience == "linkedin"
    )


#: The situation's yes/no fields that are facts under their own names.
_BOOL_FACTS = (
    "rapport", "via_recruiter", "linkedin_main", "keep_door_open", "will_call",
    "visa_petition_started", "sponsorship_required", "relocation_timeline_changed",
)  # fmt: skip


def _yes(value: bool) -> str:
    return "true" if value else "false"


def parse_conditions(raw: object, where: str, *, closed: bool = True) -> dict[str, frozenset[str]]:
    """Check a ``when``/``unless`` table against :data:`VOCABULARY`.

    ``raw`` maps a fact name to a value or a list of values (booleans may be written as
    TOML ``true``/``false``). Raises :class:`TemplateError` naming ``where`` on an unknown
    fact or value, and on a ``when`` list that names every value but one (write ``unless``
    with that one: a value added later would otherwise be left out silently) or every value.
    """
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise TemplateError(f'{where}: conditions must be a table such as {{ stage = "offer" }}')
    parsed: dict[str, frozenset[str]] = {}
    for name, value in raw.items():
        allowed = VOCABULARY.get(name)
        if allowed is None:
            known = ", ".join(VOCABULARY)
            raise TemplateError(f"{where}: unknown condition {name!r}; known: {known}")
        values = value if isinstance(value, list) else [value]
        texts = frozenset(_text(v) for v in values)
        wrong = sorted(texts - set(allowed))
        if wrong or not texts:
            raise TemplateError(
                f"{where}: {name} cannot be {', '.join(wrong) or 'empty'}; "
                f"it is one of {', '.join(allowed)}"
            )
        if closed and len(allowed) > 2 and len(texts) >= len(allowed) - 1:
            left = sorted(set(allowed) - texts)
            fix = f'unless = {{ {name} = "{left[0]}" }}' if left else f"no {name} condition"
            raise TemplateError(
                f"{where}: {name} lists {'every value but one' if left else 'every value'}; "
                f"write {fix} instead, so a value added later is not left out"
            )
        parsed[name] = texts
    return parsed


def _text(value: object) -> str:
    if isinstance(value, bool):
        return _yes(value)
    return str(value)


def matches(when: Conditions, unless: Conditions, facts: Mapping[str, str]) -> bool:
    """True when every ``when`` condition holds and no ``unless`` condition does."""
    for name, allowed in when.items():
        if facts[name] not in allowed:
            return False
    return all(facts[name] not in allowed for name, allowed in unless.items())
