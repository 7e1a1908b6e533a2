"""The follow-up checklist, in phases: before the message, during it, after it, and later.

The steps follow the article's roadmap (decide, tell whoever is involved, pick the channel,
send promptly, keep a record, offer a referral where it fits, settle logistics), its
rescinding advice (read what you signed; discuss repayment of money received), and its
re-entry advice. Each item fits the chosen channel and reason; none appears twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from bowout.core.addressing import reference_name
from bowout.core.draft import ChecklistItem
from bowout.core.goodwill import Goodwill
from bowout.core.situation import Channel, Kind, Money, Reason, Situation, Stage

logger = logging.getLogger(__name__)

ROADMAP = "roadmap"
LOGISTICS = "logistics"
REENTRY = "re-entry"

#: The phases in the order a person meets them.
PHASES = ("before", "during", "after", "later")
PHASE_TITLES = {
    "before": "Before you get in touch",
    "during": "The message",
    "after": "Afterwards",
    "later": "In the weeks that follow",
}

# Month names spelled out here so the date reads the same whatever the system locale.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_GROUPS = {
    "roadmap": ROADMAP,
    "logistics": LOGISTICS,
    "reentry": REENTRY,
    "negotiate": ROADMAP,
    "goodwill": ROADMAP,
}

#: Days from today to each goodwill step's date: a referral's details within a week (after
#: asking the person), times for the handover call within days while the search restarts,
#: a check-in once things have settled.
GOODWILL_DAYS = {Goodwill.REFERRAL: 7, Goodwill.HANDOVER: 3, Goodwill.STAY_IN_TOUCH: 90}
#: The general step each goodwill step replaces (so none appears twice).
_REPLACES = {Goodwill.REFERRAL: "roadmap.referral", Goodwill.STAY_IN_TOUCH: "reentry.stay-in-touch"}


#: Stand-ins for the names while the steps are built, replaced by the real ones after: the
#: steps depend on the facts, and only a few of them name a person.
_CONTACT = "\u27e6contact\u27e7"
_RECRUITER = "\u27e6recruiter\u27e7"


def build_checklist(
    situation: Situation, channel: Channel, today: dt.date | None = None
) -> tuple[ChecklistItem, ...]:
    """Every step for this withdrawal, ordered by phase (and within a phase, as written).

    The steps are built once per set of facts (a window recomposes at every keystroke in
    a name field, which changes no step) and the names are filled in each time. ``today``
    (default: the system date) dates the goodwill steps after rescinding.
    """
    steps = _steps(_facts_key(situation), channel)
    names = {_CONTACT: _named(situation.contact), _RECRUITER: _named(situation.recruiter)}
    filled = tuple(
        dataclasses.replace(item, text=_fill(item.text, names)) if "\u27e6" in item.text else item
        for item in steps
    )
    if not situation.goodwill_offered:
        return filled
    goodwill = list(goodwill_steps(situation, channel, today or dt.date.today()))
    replaced = {_REPLACES.get(choice) for choice in situation.goodwill_offered}
    items = [item for item in filled if item.key not in replaced] + goodwill
    order = {phase: i for i, phase in enumerate(PHASES)}
    return tuple(sorted(items, key=lambda item: order[item.phase]))


def goodwill_steps(
    situation: Situation, channel: Channel, today: dt.date
) -> Iterator[ChecklistItem]:
    """A dated step for each goodwill choice the draft offers (:attr:`goodwill_offered`).

    Dates are ``today`` plus :data:`GOODWILL_DAYS`; the referral goes to whoever the
    message went to (the recruiter, when they relayed it).
    """
    contact = _contact(situation)
    offered = situation.goodwill_offered
    if Goodwill.REFERRAL in offered:
        to = (situation.recruiter or "the recruiter") if channel is Channel.RECRUITER else contact
        when = format_date(today + dt.timedelta(days=GOODWILL_DAYS[Goodwill.REFERRAL]))
        yield _item(
            "goodwill.referral",
            "after",
            "Ask the person you have in mind whether they agree to be introduced; if they "
            f"do, send their details to {to} by {when}.",
        )
    if Goodwill.HANDOVER in offered:
        when = format_date(today + dt.timedelta(days=GOODWILL_DAYS[Goodwill.HANDOVER]))
        yield _item(
            "goodwill.handover",
            "after",
            f"Offer {contact} two or three times for the short handover call by {when}.",
        )
    if Goodwill.STAY_IN_TOUCH in offered:
        when = format_date(today + dt.timedelta(days=GOODWILL_DAYS[Goodwill.STAY_IN_TOUCH]))
        yield _item(
            "goodwill.stay-in-touch",
            "later",
            f"Check in with {contact} around {when}: a short, friendly note that asks for nothing.",
        )


def _fill(text: str, names: Mapping[str, str]) -> str:
    for token, name in names.items():
        text = text.replace(token, name)
    return text


#: The facts the steps depend on; their text names the contact and the recruiter too.
_FACTS = (
    "stage", "reason", "via_recruiter", "keep_door_open", "visa_petition_started",
    "sponsorship_required", "relocation_timeline_changed", "signing_bonus",
    "relocation_assistance", "kind", "deal_breaker", "decide_by",
)  # fmt: skip


def _facts_key(situation: Situation) -> Situation:
    """``situation`` with stand-ins for the names (a set of facts that caches well)."""
    facts = tuple(getattr(situation, name) for name in _FACTS)
    return _anonymous(facts, bool(situation.contact), bool(situation.recruiter))


@functools.lru_cache(maxsize=512)
def _anonymous(facts: tuple[object, ...], contact: bool, recruiter: bool) -> Situation:
    values: dict[str, Any] = dict(zip(_FACTS, facts, strict=True))
    return Situation(
        contact=_CONTACT if contact else "", recruiter=_RECRUITER if recruiter else "", **values
    )


@functools.lru_cache(maxsize=512)
def _steps(situation: Situation, channel: Channel) -> tuple[ChecklistItem, ...]:
    if situation.kind is Kind.NEGOTIATE:
        items = list(_negotiate(situation))
    else:
        items = [
            *_before(situation, channel),
            *_during(situation, channel),
            *_after(situation, channel),
            *_later(situation),
        ]
    order = {phase: i for i, phase in enumerate(PHASES)}
    items.sort(key=lambda item: order[item.phase])  # stable: keeps the written order
    logger.debug("checklist for %s/%s: %d items", situation.stage.value, channel.value, len(items))
    return tuple(items)


def apply_state(
    items: Sequence[ChecklistItem], done: Mapping[str, bool]
) -> tuple[ChecklistItem, ...]:
    """Copies of ``items`` with ticks restored by key; keys no longer present are ignored."""
    return tuple(
        dataclasses.replace(item, done=bool(done.get(item.key, item.done))) for item in items
    )


def format_date(date: dt.date) -> str:
    """A date as people write it in a letter: "2 March 2026"."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def _item(key: str, phase: str, text: str) -> ChecklistItem:
    return ChecklistItem(key=key, text=text, group=_GROUPS[key.split(".", 1)[0]], phase=phase)


def _named(written: str) -> str:
    # A person in reading order ("Mary O'Brien-Smith" for "O'Brien-Smith, Mary"); a mailbox
    # or anything else that names nobody, as written.
    return reference_name(written) or written


def _contact(situation: Situation) -> str:
    return _named(situation.contact) or "the hiring manager"


def _paid(situation: Situation) -> list[str]:
    return [
        name
        for name, value in (
            ("signing bonus", situation.signing_bonus),
            ("relocation assistance", situation.relocation_assistance),
        )
        if value is Money.PAID
    ]


def _before(situation: Situation, channel: Channel) -> Iterator[ChecklistItem]:
    stage = situation.stage
    if situation.reason is Reason.NONE:
        reason = "Make the decision final and note your reason in one sentence, for yourself."
    else:
        reason = "Make the decision final and write your reason in one sentence."
    yield _item("roadmap.reason", "before", reason)
    if stage is Stage.ACCEPTED:
        yield _item(
            "logistics.contract",
            "before",
            "Read what you signed: the offer letter or contract, for notice periods and "
            "repayment clauses.",
        )
    paid = _paid(situation)
    if paid:
        yield _item(
            "logistics.repayment-clause",
            "before",
            f"Find what your agreement says about repaying the {' and '.join(paid)}, "
            "so you can discuss it knowing the terms.",
        )
    if situation.visa_petition_started or situation.sponsorship_required:
        yield _item(
            "logistics.adviser",
            "before",
            "Talk to an immigration adviser before you tell them: what happens to a running "
            "petition or sponsorship can affect your status or a move to another sponsor.",
        )
    if situation.via_recruiter and channel is not Channel.RECRUITER:
        who = situation.recruiter or "your recruiter"
        yield _item("roadmap.recruiter", "before", f"Tell {who} first, so they hear it from you.")
    elif not situation.via_recruiter:
        yield _item(
            "roadmap.mentor",
            "before",
            "If a mentor or someone who referred you is involved, tell them before the "
            "employer hears.",
        )


def _during(situation: Situation, channel: Channel) -> Iterator[ChecklistItem]:
    contact = _contact(situation)
    if channel is Channel.PHONE:
        step = f"Call {contact} today; the phone script has what to say."
    elif channel is Channel.RECRUITER:
        who = situation.recruiter or "the recruiter"
        step = f"Send the note to {who} today and ask them to confirm they have passed it on."
    elif channel is Channel.LINKEDIN:
        step = (
            f"Send the message to {_named(situation.contact) or 'your contact'} on LinkedIn today."
        )
    else:
        step = f"Email your decision to {contact} today."
    yield _item("roadmap.channel", "during", step + " The sooner they know, the sooner they "
                "can move on.")  # fmt: skip


def _after(situation: Situation, channel: Channel) -> Iterator[ChecklistItem]:
    stage = situation.stage
    if channel is Channel.PHONE:
        yield _item("roadmap.confirm", "after", "Send the confirming email the same day.")
    if channel is Channel.PHONE:
        record = "Keep a record: the date, who you spoke to and what was agreed."
    else:
        record = "Keep a record: the date, who you told and a copy of what you sent."
    if stage is Stage.ACCEPTED:
        record += " Keep the signed offer with it: questions can come up months later."
    elif stage is Stage.OFFER:
        record += " Keep the offer with it, and sign nothing further."
    yield _item("roadmap.record", "after", record)
    paid = _paid(situation)
    if paid:
        yield _item(
            "logistics.settlement",
            "after",
            f"Agree repayment or a settlement of the {' and '.join(paid)} in writing, and "
            "keep proof of any payment.",
        )
    if situation.visa_petition_started:
        yield _item(
            "logistics.petition",
            "after",
            "With your adviser's answer in hand, agree in writing what happens to the visa "
            "petition.",
        )
    if stage is Stage.ACCEPTED:
        yield _item(
            "logistics.return",
            "after",
            "Return anything they gave you (laptop, badge, documents) and ask for a receipt.",
        )
    if situation.reason is not Reason.RED_FLAGS and (stage.is_late or situation.keep_door_open):
        yield _item(
            "roadmap.referral",
            "after",
            "If you know someone who would suit the role, offer to put them in touch.",
        )


def _later(situation: Situation) -> Iterator[ChecklistItem]:
    yield _item(
        "reentry.references",
        "later",
        "Tell your references this application is closed, so no enquiry takes them by surprise.",
    )
    yield _item("reentry.materials", "later", "Update your CV, LinkedIn status and job tracker.")
    yield _item(
        "reentry.lessons",
        "later",
        "Note what you learned about what you want, to spot the next mismatch sooner.",
    )
    if situation.reason is Reason.OTHER_OFFER:
        applications = "Your search is over: close your other applications politely."
    else:
        applications = "If your search is over, close or pause your other applications."
    yield _item("reentry.applications", "later", applications)
    if situation.relocation_timeline_changed:
        yield _item(
            "logistics.timeline",
            "later",
            "If you may reapply later, share your new relocation timeline when it is settled.",
        )
    if situation.keep_door_open and situation.reason is not Reason.RED_FLAGS:
        who = _named(situation.contact) or "them"
        yield _item(
            "reentry.stay-in-touch",
            "later",
            f"Set a reminder to check in with {who} in a few months.",
        )


def _negotiate(situation: Situation) -> Iterator[ChecklistItem]:
    """Trying to resolve the deal-breaker first: decide what is enough, ask, decide by a date."""
    yield _item(
        "negotiate.must-haves",
        "before",
        "Write down your one or two must-haves, and what would be enough on each.",
    )
    yield _item(
        "negotiate.case",
        "before",
        "Prepare your case in two sentences: what you bring, and what you need to say yes.",
    )
    yield _item(
        "negotiate.ask", "during", "Send the request today and agree a time to talk it through."
    )
    when = f"by {format_date(situation.decide_by)}" if situation.decide_by else "by a set date"
    yield _item(
        "negotiate.decide",
        "after",
        f"Decide {when}: if it is resolved, ask for what was agreed in writing.",
    )
    yield _item(
        "negotiate.withdraw",
        "after",
        "If it cannot be resolved, withdraw promptly rather than let the process drag on.",
    )
    yield _item(
        "roadmap.record", "after", "Keep a record: the date, who you spoke to and what was offered."
    )
