"""Channel advice: which channel fits the situation, and why, in one line. The window (beside
the channel picker, in Tell the others) and the CLI (``channel_rationale``) show the same
line."""

from __future__ import annotations

import dataclasses

from bowout.core.situation import Channel, Situation, Stage


@dataclasses.dataclass(frozen=True)
class Advice:
    """The recommended channel and the one-line rationale shown beside the picker."""

    channel: Channel
    rationale: str


#: Where the application stands, as the channel note opens ("Between interview rounds: …").
STAGE_MOMENTS = {
    Stage.APPLIED: "Before any interview",
    Stage.SCREENING: "After a first screening",
    Stage.INTERVIEWING: "Between interview rounds",
    Stage.FINAL: "After the final interview",
    Stage.OFFER: "With an offer still open",
    Stage.ACCEPTED: "Taking back an accepted offer",
}

#: Why the recommended channel fits, by channel and whether the stage is a late one.
CHANNEL_NOTE_REASONS = {
    (Channel.EMAIL, False): "a short email is what they expect, and both sides keep a record.",
    (Channel.EMAIL, True): "with no close rapport to honour by phone, a careful email is right.",
    (Channel.PHONE, False): "call first, then confirm by email.",
    (Channel.PHONE, True): "you built a real connection, so call first, then confirm by email.",
    (Channel.RECRUITER, False): "tell the recruiter who brought you in first; they pass it on.",
    (Channel.RECRUITER, True): "tell the recruiter who brought you in first; they pass it on.",
    (Channel.LINKEDIN, False): "LinkedIn has been your main, informal channel; a short note "
    "there fits.",
    (Channel.LINKEDIN, True): "LinkedIn has been your main channel, but this late an email "
    "or a call reads better.",
}

#: The accepted stage's own reason for a call (it is due whatever the rapport).
_ACCEPTED_CALL = "this deserves a call first, then a written confirmation."


def channel_note(stage: Stage, channel: Channel) -> str:
    """The one line shown beside ``channel`` recommended for an application at ``stage``:
    the moment, then why the channel fits it ("Between interview rounds: a short email is
    what they expect, …")."""
    if channel is Channel.PHONE and stage is Stage.ACCEPTED:
        reason = _ACCEPTED_CALL
    else:
        reason = CHANNEL_NOTE_REASONS[channel, stage.is_late]
    return f"{STAGE_MOMENTS[stage]}: {reason}"


def recommend_channel(situation: Situation) -> Advice:
    """The channel the SPEC's rules recommend for ``situation``, with :func:`channel_note` as
    its rationale. The recruiter comes first whenever one is involved; rescinding an accepted
    offer is a call; late stages are a call only with rapport; LinkedIn only when it has been
    the main channel and the stage is early."""
    stage = situation.stage
    if situation.via_recruiter:
        channel = Channel.RECRUITER
    elif stage is Stage.ACCEPTED:
        channel = Channel.PHONE
    elif stage in (Stage.FINAL, Stage.OFFER):
        channel = Channel.PHONE if situation.rapport else Channel.EMAIL
    elif situation.linkedin_main:
        channel = Channel.LINKEDIN
    else:
        channel = Channel.EMAIL
    return Advice(channel, channel_note(stage, channel))


def call_choice_fits(stage: Stage, channel: Channel | None) -> bool:
    """Whether "I'll also call the hiring manager myself" (``will_call``) matters for a
    message at ``stage`` sent by ``channel`` (the channel in effect): rescinding through a
    recruiter, where the note promises a call only when the user chose one, and the tone
    coach advises one until then. False elsewhere (a call is the phone channel's own, and
    an email when rescinding gets its own advice)."""
    return stage is Stage.ACCEPTED and channel is Channel.RECRUITER
