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
from bowout.core.country_notes import country_note, not_advice
from bowout.core.draft import ChecklistItem
from bowout.core.goodwill import Goodwill
from bowout.core.pack import load_pack, long_date
from bowout.core.situation import Channel, Kind, Situation, Stage
from bowout.core.stage_facts import within_stage

logger = logging.getLogger(__name__)

ROADMAP = "roadmap"
LOGISTICS = "logistics"
REENTRY = "re-entry"

#: The phases in the order a person meets them.
PHASES = ("before", "during", "after", "later")


class _PhaseTitles(Mapping[str, str]):
    """Each phase's title, from the language pack (``[checklist.phases]``)."""

    def __getitem__(self, phase: str) -> str:
        return load_pack().word("checklist.phases", phase)

    def __iter__(self) -> Iterator[str]:
        return iter(PHASES)

    def __len__(self) -> int:
        return len(PHASES)


PHASE_TITLES: Mapping[str, str] = _PhaseTitles()

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
    (default: the system date) dates the goodwill steps after rescinding. A fact the stage
    cannot have adds no step (:func:`~bowout.core.stage_facts.within_stage`, issue 21).
    """
    situation = within_stage(situation)
    steps, named = _steps(_facts_key(situation), channel)
    filled = steps
    if named:  # the few steps that name someone
        names = {_CONTACT: _named(situation.contact), _RECRUITER: _named(situation.recruiter)}
        items = list(steps)
        for index in named:
            items[index] = dataclasses.replace(steps[index], text=_fill(steps[index].text, names))
        filled = tuple(items)
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
        recruiter = situation.recruiter or _name("recruiter")
        to = recruiter if channel is Channel.RECRUITER else contact
        when = format_date(today + dt.timedelta(days=GOODWILL_DAYS[Goodwill.REFERRAL]))
        yield _item("goodwill.referral", "after", _say("goodwill-referral", to=to, when=when))
    if Goodwill.HANDOVER in offered:
        when = format_date(today + dt.timedelta(days=GOODWILL_DAYS[Goodwill.HANDOVER]))
        yield _item(
            "goodwill.handover", "after", _say("goodwill-handover", contact=contact, when=when)
        )
    if Goodwill.STAY_IN_TOUCH in offered:
        when = format_date(today + dt.timedelta(days=GOODWILL_DAYS[Goodwill.STAY_IN_TOUCH]))
        yield _item(
            "goodwill.stay-in-touch",
            "later",
            _say("goodwill-stay-in-touch", contact=contact, when=when),
        )


def _fill(text: str, names: Mapping[str, str]) -> str:
    for token, name in names.items():
        text = text.replace(token, name)
    return text


#: The facts the steps depend on; their text names the contact and the recruiter too.
_FACTS = (
    "stage", "reason", "via_recruiter", "keep_door_open", "visa_petition_started",
    "sponsorship_required", "relocation_timeline_changed", "signing_bonus",
    "relocation_assistance", "kind", "deal_breaker", "decide_by", "country",
)  # fmt: skip


def _facts_key(situation: Situation) -> Situation:
    """``situation`` with stand-ins for the names (a set of facts that caches well)."""
    # Looked up by every field that is a fact (hashed once per situation), of which _FACTS
    # are a part: cheaper at every keystroke than hashing _FACTS' values again.
    key = (situation.facts_key, bool(situation.contact), bool(situation.recruiter))
    known = _ANONYMOUS.get(key)
    if known is None:
        if len(_ANONYMOUS) >= 512:
            _ANONYMOUS.clear()
        facts = tuple(getattr(situation, name) for name in _FACTS)
        known = _ANONYMOUS[key] = _anonymous(facts, key[1], key[2])
    return known


_ANONYMOUS: dict[tuple[object, ...], Situation] = {}


@functools.lru_cache(maxsize=512)
def _anonymous(facts: tuple[object, ...], contact: bool, recruiter: bool) -> Situation:
    values: dict[str, Any] = dict(zip(_FACTS, facts, strict=True))
    return Situation(
        contact=_CONTACT if contact else "", recruiter=_RECRUITER if recruiter else "", **values
    )


@functools.lru_cache(maxsize=512)
def _steps(
    situation: Situation, channel: Channel
) -> tuple[tuple[ChecklistItem, ...], tuple[int, ...]]:
    """The steps for these facts (names as stand-ins), and where the stand-ins are."""
    steps = _unnamed_steps(situation, channel)
    return steps, tuple(i for i, item in enumerate(steps) if "\u27e6" in item.text)


def _unnamed_steps(situation: Situation, channel: Channel) -> tuple[ChecklistItem, ...]:
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
    """A date as people write it in a letter: "2 March 2026" (the pack's CLDR locale, never
    the system's)."""
    return long_date(date)


def _item(key: str, phase: str, text: str) -> ChecklistItem:
    return ChecklistItem(key=key, text=text, group=_GROUPS[key.split(".", 1)[0]], phase=phase)


def _say(step: str, **values: str) -> str:
    """A step's text from the language pack (``[checklist.steps]``), its fields filled."""
    return load_pack().text("checklist.steps", step, **values)


def _name(key: str) -> str:
    """Who is meant when nobody is named ("the hiring manager"), from the pack."""
    return load_pack().word("names", key)


def _named(written: str) -> str:
    # A person in reading order ("Mary O'Brien-Smith" for "O'Brien-Smith, Mary"); a mailbox
    # or anything else that names nobody, as written.
    return reference_name(written) or written


def _contact(situation: Situation) -> str:
    return _named(situation.contact) or _name("manager")


def _paid(situation: Situation) -> str:
    """The money received, as the English pack names it (the checklist is advice to the
    user, in English); "" for none."""
    from bowout.core.message_text import paid_money

    return paid_money(situation, "en")


def _before(situation: Situation, channel: Channel) -> Iterator[ChecklistItem]:
    stage = situation.stage
    said = situation.reason.info.said
    yield _item("roadmap.reason", "before", _say("reason" if said else "reason-none"))
    if stage is Stage.ACCEPTED:
        yield _item("logistics.contract", "before", _say("contract"))
        note = country_note(situation.country)
        if note:  # the law of the job's country, with its source and the caveat
            yield _item("logistics.country", "before", note)
            yield _item("logistics.not-legal-advice", "before", not_advice())
    paid = _paid(situation)
    if paid:
        yield _item("logistics.repayment-clause", "before", _say("repayment-clause", paid=paid))
    if situation.visa_petition_started:
        yield _item("logistics.adviser", "before", _say("adviser-petition"))
    elif situation.sponsorship_required:
        yield _item("logistics.adviser", "before", _say("adviser-sponsorship"))
    if situation.via_recruiter and channel is not Channel.RECRUITER:
        who = situation.recruiter or _name("your_recruiter")
        yield _item("roadmap.recruiter", "before", _say("recruiter", who=who))
    elif not situation.via_recruiter:
        yield _item("roadmap.mentor", "before", _say("mentor"))


def _during(situation: Situation, channel: Channel) -> Iterator[ChecklistItem]:
    contact = _contact(situation)
    if channel is Channel.PHONE:
        step = _say("channel-phone", contact=contact)
    elif channel is Channel.RECRUITER:
        step = _say("channel-recruiter", who=situation.recruiter or _name("recruiter"))
    elif channel is Channel.LINKEDIN:
        step = _say("channel-linkedin", who=_named(situation.contact) or _name("linkedin_contact"))
    else:
        step = _say("channel-email", contact=contact)
    yield _item("roadmap.channel", "during", f"{step} {_say('channel-soon')}")


def _after(situation: Situation, channel: Channel) -> Iterator[ChecklistItem]:
    stage = situation.stage
    if channel is Channel.PHONE:
        yield _item("roadmap.confirm", "after", _say("confirm"))
    record = _say("record-call" if channel is Channel.PHONE else "record-written")
    if stage is Stage.ACCEPTED:
        record += " " + _say("record-accepted")
    elif stage is Stage.OFFER:
        record += " " + _say("record-offer")
    yield _item("roadmap.record", "after", record)
    paid = _paid(situation)
    if paid:
        yield _item("logistics.settlement", "after", _say("settlement", paid=paid))
    if situation.visa_petition_started:
        yield _item("logistics.petition", "after", _say("petition"))
    if stage is Stage.ACCEPTED:
        yield _item("logistics.return", "after", _say("return"))
    if situation.reason.info.warm and (stage.is_late or situation.keep_door_open):
        yield _item("roadmap.referral", "after", _say("referral"))


def _later(situation: Situation) -> Iterator[ChecklistItem]:
    yield _item("reentry.references", "later", _say("references"))
    yield _item("reentry.materials", "later", _say("materials"))
    yield _item("reentry.lessons", "later", _say("lessons"))
    over = situation.reason.info.ends_search
    yield _item(
        "reentry.applications", "later", _say("applications-over" if over else "applications")
    )
    if situation.relocation_timeline_changed:
        yield _item("logistics.timeline", "later", _say("timeline"))
    if situation.keep_door_open and situation.reason.info.warm:
        who = _named(situation.contact) or _name("them")
        yield _item("reentry.stay-in-touch", "later", _say("stay-in-touch", who=who))


def _negotiate(situation: Situation) -> Iterator[ChecklistItem]:
    """Trying to resolve the deal-breaker first: decide what is enough, ask, decide by a date."""
    yield _item("negotiate.must-haves", "before", _say("must-haves"))
    yield _item("negotiate.case", "before", _say("case"))
    yield _item("negotiate.ask", "during", _say("ask"))
    if situation.decide_by:
        decide = _say("decide-by", when=format_date(situation.decide_by))
    else:
        decide = _say("decide")
    yield _item("negotiate.decide", "after", decide)
    yield _item("negotiate.withdraw", "after", _say("withdraw"))
    yield _item("roadmap.record", "after", _say("record-negotiate"))
