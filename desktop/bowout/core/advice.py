"""Channel advice: which channel fits the situation, and why, in one line."""

from __future__ import annotations

import dataclasses

from bowout.core.situation import Channel, Situation, Stage


@dataclasses.dataclass(frozen=True)
class Advice:
    """The recommended channel and the one-line rationale shown beside the picker."""

    channel: Channel
    rationale: str


def recommend_channel(situation: Situation) -> Advice:
    """Apply the SPEC's rules; the recruiter comes first whenever one is involved."""
    stage = situation.stage
    if situation.via_recruiter:
        return Advice(
            Channel.RECRUITER,
            "You came in through a recruiter: tell them first and let them pass it on.",
        )
    if stage is Stage.ACCEPTED:
        return Advice(
            Channel.PHONE,
            "Rescinding an accepted offer deserves a call first, then a written confirmation.",
        )
    if stage in (Stage.FINAL, Stage.OFFER):
        if situation.rapport:
            return Advice(
                Channel.PHONE,
                "You have built a real connection this far in: call, then confirm by email.",
            )
        return Advice(
            Channel.EMAIL,
            "A clear email is right this late when there is no close rapport to honour by phone.",
        )
    if situation.linkedin_main:
        return Advice(
            Channel.LINKEDIN,
            "LinkedIn has been your main, informal channel, so a short message there fits.",
        )
    if stage is Stage.INTERVIEWING:  # not early any more: they have spent time on you
        return Advice(
            Channel.EMAIL,
            "Between interview rounds a prompt email lets them move on and leaves a record.",
        )
    return Advice(
        Channel.EMAIL,
        "At this early stage a short email is expected and gives both sides a record.",
    )
