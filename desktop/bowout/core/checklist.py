"""The follow-up checklist: the roadmap, visa and relocation logistics, and re-entry steps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterator, Mapping, Sequence

from bowout.core.draft import ChecklistItem
from bowout.core.situation import Channel, Reason, Situation, Stage

logger = logging.getLogger(__name__)

ROADMAP = "roadmap"
LOGISTICS = "logistics"
REENTRY = "re-entry"

# Month names spelled out here so the date reads the same whatever the system locale.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def build_checklist(situation: Situation, channel: Channel) -> tuple[ChecklistItem, ...]:
    """Every step for this withdrawal, in the order a person would take them."""
    items = (
        *_roadmap(situation, channel),
        *_logistics(situation),
        *_reentry(situation),
    )
    logger.debug("checklist for %s/%s: %d items", situation.stage.value, channel.value, len(items))
    return items


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


_GROUPS = {"roadmap": ROADMAP, "logistics": LOGISTICS, "reentry": REENTRY}


def _item(key: str, text: str) -> ChecklistItem:
    return ChecklistItem(key=key, text=text, group=_GROUPS[key.split(".", 1)[0]])


def _contact(situation: Situation) -> str:
    return situation.contact or "the hiring manager"


def _roadmap(situation: Situation, channel: Channel) -> Iterator[ChecklistItem]:
    stage = situation.stage
    if situation.reason is Reason.NONE:
        yield _item(
            "roadmap.reason",
            "Make the decision final and note your reason in one sentence, for yourself "
            "even if you won't give one.",
        )
    else:
        yield _item(
            "roadmap.reason", "Make the decision final and write your reason in one sentence."
        )
    if situation.via_recruiter:
        who = situation.recruiter or "your recruiter"
        yield _item("roadmap.recruiter", f"Tell {who} first and ask them to pass the news on.")
    else:
        yield _item(
            "roadmap.mentor",
            "If a mentor or someone who referred you is involved, let them know before the "
            "employer hears.",
        )
    yield _item("roadmap.channel", _channel_step(situation, channel))
    yield _item(
        "roadmap.send",
        "Send it today: the sooner they know, the sooner they can move on with other candidates.",
    )
    if channel is Channel.PHONE:
        record = "Keep a record: the date, who you spoke to and what was agreed on the call."
    else:
        record = "Keep a record: the date, who you told and a copy of what you sent."
    if stage is Stage.ACCEPTED:
        record += " Questions can come up months later."
    yield _item("roadmap.record", record)
    if stage.is_late or situation.keep_door_open:
        yield _item(
            "roadmap.referral",
            "If you know someone who would suit the role, offer to put them in touch.",
        )
    if stage is Stage.OFFER:
        yield _item(
            "roadmap.documents",
            "Don't sign or return the offer documents; keep a copy of the offer and your reply.",
        )
    elif stage is Stage.ACCEPTED:
        yield _item(
            "roadmap.documents",
            "Settle the paperwork: keep copies of the signed offer and of every message about "
            "rescinding it.",
        )


def _channel_step(situation: Situation, channel: Channel) -> str:
    contact = _contact(situation)
    if channel is Channel.PHONE:
        return f"Call {contact} first, then send the confirming email."
    if channel is Channel.RECRUITER:
        who = situation.recruiter or "the recruiter"
        return f"Send the note to {who} and ask them to confirm they have passed it on."
    if channel is Channel.LINKEDIN:
        return f"Send the short message to {situation.contact or 'your contact'} on LinkedIn."
    return f"Email the withdrawal to {contact}."


def _logistics(situation: Situation) -> Iterator[ChecklistItem]:
    if situation.stage is Stage.ACCEPTED:
        yield _item(
            "logistics.contract",
            "Read your signed offer or contract for notice periods or repayment clauses "
            "before you call.",
        )
    if situation.visa_petition_started:
        yield _item(
            "logistics.petition",
            "Ask them to withdraw or stop the visa petition, and get that confirmed in writing.",
        )
    if situation.sponsorship_required:
        yield _item(
            "logistics.sponsorship",
            "Tell the immigration contact or lawyer handling your sponsorship that you are "
            "withdrawing.",
        )
    if situation.relocation_assistance:
        yield _item(
            "logistics.relocation",
            "Agree how to repay or settle the relocation advance, and confirm it in writing.",
        )
    if situation.signing_bonus:
        yield _item(
            "logistics.bonus",
            "Arrange to repay the signing bonus as your agreement sets out; keep proof of payment.",
        )
    if situation.start_date is not None:
        yield _item(
            "logistics.start-date",
            f"Tell them well before the planned start date, {format_date(situation.start_date)}.",
        )
    if situation.stage is Stage.ACCEPTED:
        yield _item(
            "logistics.return",
            "Return anything they gave you (laptop, badge, documents) and ask for a receipt.",
        )
    if situation.relocation_timeline_changed:
        yield _item(
            "logistics.timeline",
            "If you may reapply later, confirm your new relocation timeline in writing.",
        )


def _reentry(situation: Situation) -> Iterator[ChecklistItem]:
    yield _item(
        "reentry.references",
        "Let your references know this application is closed, so no call surprises them.",
    )
    yield _item(
        "reentry.materials",
        "Update your CV, LinkedIn status and job-search tracker.",
    )
    yield _item(
        "reentry.lessons",
        "Note what you learned about what you want, to spot the next mismatch sooner.",
    )
    if situation.reason is Reason.OTHER_OFFER:
        applications = "Your search is over: close your other applications politely."
    else:
        applications = "If your search is over, close or pause your other applications."
    yield _item("reentry.applications", applications)
    if situation.keep_door_open:
        who = situation.contact or "them"
        yield _item(
            "reentry.stay-in-touch",
            f"Set a reminder to check in with {who} in a few months.",
        )
