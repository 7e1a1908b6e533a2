"""Values a newer Bow Out may write: kept as they are, shown, exported, never called damage.

Adding a reason, a voice, a deal-breaker or a reply kind is one table entry in a newer
version; a record holding one must not vanish from this version's lists (issue 20, "A record
can vanish"). Such a value looks like ours (:data:`NEWER_VALUE`); anything else is damage.
"""

from __future__ import annotations

import re
from typing import Any

from bowout.storage.errors import HistoryError

#: A value a newer Bow Out may write in place of one of ours: an identifier like ours.
NEWER_VALUE = re.compile(r"[a-z][a-z0-9-]{0,59}")


def check_value(value: object, known: frozenset[str], field: str) -> None:
    """Raise unless ``value`` is one of ``known`` or looks like a value a newer Bow Out
    wrote (an identifier such as ``career-break``): such a value is kept as it is, shown,
    exported, and named by :func:`not_understood` (issue 20: "A record can vanish")."""
    if value in known or (isinstance(value, str) and NEWER_VALUE.fullmatch(value)):
        return
    raise HistoryError(f"{field} must be one of {', '.join(sorted(known))}: {value!r}")


def not_understood(data: dict[str, Any]) -> list[str]:
    """What in a checked record this Bow Out does not know (values of a newer version),
    e.g. ``["reason 'career-break'"]``; empty for a record it understands whole."""
    from bowout.core.draft import REPLY_KINDS
    from bowout.core.vocabulary import Address, DealBreaker, Reason, Voice
    from bowout.paths import available_languages

    reasons = {r.value for r in Reason}
    voices = {v.value for v in Voice}
    breakers = {d.value for d in DealBreaker}
    addresses = {a.value for a in Address}

    found = []
    if data.get("reason") not in reasons:
        found.append(f"reason {data.get('reason')!r}")
    if data.get("voice") not in voices:
        found.append(f"voice {data.get('voice')!r}")
    if data.get("language", "en") not in available_languages():
        found.append(f"language {data.get('language')!r}")
    if data.get("address", "formal") not in addresses:
        found.append(f"form of address {data.get('address')!r}")
    talk = data.get("negotiation") or {}
    breaker = talk.get("deal_breaker")
    if breaker is not None and breaker not in breakers:
        found.append(f"deal-breaker {breaker!r}")
    for event in data.get("timeline") or []:
        reply = event.get("reply")
        if reply is not None and reply not in REPLY_KINDS:
            found.append(f"reply kind {reply!r}")
    return found
