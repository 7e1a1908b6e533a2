"""The vocabulary a wording variant's conditions may use, and the facts of one situation in it.

A condition names a fact and the values it may take (``stage = ["offer", "accepted"]``).
The facts are derived once per draft from the :class:`Situation`, the audience the text is
written for and today's date; every name and value is checked when wording files load, so
a writer's typo is a clear error rather than a variant that silently never matches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from bowout.core.errors import TemplateError
from bowout.core.goodwill import Goodwill
from bowout.core.situation import (
    Channel,
    DealBreaker,
    Kind,
    Money,
    Reason,
    Situation,
    Stage,
    Voice,
)

#: Who reads (or hears) the text: the hiring manager by email, the recruiter who relays it,
#: a LinkedIn contact, or the hiring manager on the phone.
AUDIENCES = ("manager", "recruiter", "linkedin", "spoken")

#: What the other side may answer after the message (the kinds of reply Bow Out drafts).
REPLY_KINDS = (
    "none", "accepted", "asked-why", "counter-offer", "asked-to-talk", "repayment",
    "reconsider-later", "no-reply",
)  # fmt: skip

#: Days before the start date within which an answer counts as "near" (an apology for the
#: short notice) and "soon" (mentioned, without an apology).
NEAR_DAYS = 21
SOON_DAYS = 60

_BOOL = ("true", "false")
_MONEY = tuple(m.value for m in Money)

#: Every fact a condition may name, with the values it can take.
VOCABULARY: Mapping[str, tuple[str, ...]] = {
    "stage": tuple(s.value for s in Stage),
    "reason": tuple(r.value for r in Reason),
    "channel": tuple(c.value for c in Channel),
    "voice": tuple(v.value for v in Voice),
    "audience": AUDIENCES,
    # Withdrawing, or first asking for a conversation about one deal-breaker.
    "kind": tuple(k.value for k in Kind),
    "deal_breaker": ("none", *(d.value for d in DealBreaker)),
    # A withdrawal after a conversation about the deal-breaker that found no way.
    "negotiated": _BOOL,
    "decide_by": ("none", "given"),
    # What they said back, for a reply (none: this is not a reply).
    "reply": REPLY_KINDS,
    # How near the agreed start date is: none given, already past (an old record), within
    # NEAR_DAYS, within SOON_DAYS, or further away.
    "start": ("none", "past", "near", "soon", "far"),
    "signing_bonus": _MONEY,
    "relocation_assistance": _MONEY,
    # Money the user actually received (bonus or relocation assistance): only that is owed.
    "money_paid": _BOOL,
    "contact_known": _BOOL,
    "recruiter_known": _BOOL,
    "rapport": _BOOL,
    "via_recruiter": _BOOL,
    "linkedin_main": _BOOL,
    "keep_door_open": _BOOL,
    "visa_petition_started": _BOOL,
    "sponsorship_required": _BOOL,
    "relocation_timeline_changed": _BOOL,
    # Goodwill the user chose to offer after rescinding (as chosen: the wording's own
    # conditions and the rules keep it to rescinding, and out of a red-flags message).
    "offer_referral": _BOOL,
    "offer_handover": _BOOL,
    "stay_in_touch": _BOOL,
}

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
    situation: Situation, audience: str, today: dt.date, reply: str = "none"
) -> dict[str, str]:
    """The facts of ``situation`` for a text written to ``audience``, as vocabulary strings.

    ``reply``: what they wrote back, when the text answers it (one of REPLY_KINDS).
    """
    channel = situation.channel
    paid = Money.PAID in (situation.signing_bonus, situation.relocation_assistance)
    facts = {
        "stage": situation.stage.value,
        "reason": situation.reason.value,
        "channel": channel.value if channel else "email",
        "voice": situation.voice.value,
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
        "contact_known": _yes(bool(situation.contact)),
        "recruiter_known": _yes(bool(situation.recruiter)),
    }
    for name in _BOOL_FACTS:
        facts[name] = "true" if getattr(situation, name) else "false"
    chosen = situation.goodwill
    for choice, fact in _GOODWILL_FACTS:
        facts[fact] = "true" if choice in chosen else "false"
    return facts


#: The situation's yes/no fields that are facts under their own names.
_BOOL_FACTS = (
    "rapport", "via_recruiter", "linkedin_main", "keep_door_open",
    "visa_petition_started", "sponsorship_required", "relocation_timeline_changed",
)  # fmt: skip
#: (choice, its fact name), built once: facts_of runs on every keystroke.
_GOODWILL_FACTS = tuple((choice, choice.fact) for choice in Goodwill)


def _yes(value: bool) -> str:
    return "true" if value else "false"


def parse_conditions(raw: object, where: str) -> dict[str, frozenset[str]]:
    """Check a ``when``/``unless`` table against :data:`VOCABULARY`.

    ``raw`` maps a fact name to a value or a list of values (booleans may be written as
    TOML ``true``/``false``). Raises :class:`TemplateError` naming ``where`` on an unknown
    fact or value.
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
