"""The window's help texts in Bow Out's own words: each stage and channel explained (the
Help page), and the note beside a recommended channel, fitted to the stage (the draft's
form and Tell the others)."""

from __future__ import annotations

from bowout.core.situation import Channel, Stage

__all__ = ["CHANNEL_HELP", "CHANNEL_NOTE_REASONS", "STAGE_HELP", "STAGE_MOMENTS", "channel_note"]

# Our own guidance per stage: what the moment is and what usually fits.
STAGE_HELP = {
    Stage.APPLIED: (
        "You sent an application but nobody has interviewed you. If they never got back to "
        "you, there is nothing to do. If they reach out, a quick reply saying you are no "
        "longer available is enough."
    ),
    Stage.SCREENING: (
        "A recruiter screen or a first conversation happened. A brief, prompt email is the "
        "norm: thank them, say you are stepping back, optionally give one neutral reason."
    ),
    Stage.INTERVIEWING: (
        "You are between rounds and the team has invested some hours in you. Write soon, so "
        "they can move on with other candidates; an email still does the job."
    ),
    Stage.FINAL: (
        "The final round is behind you. If you got on well with the hiring manager, ring "
        "them first and then send an email that records what you said; otherwise a careful "
        "email is fine."
    ),
    Stage.OFFER: (
        "An offer is on the table and you have not said yes. Decline it quickly: people are "
        "waiting on your answer. A call is kind when there is real rapport; confirm in writing."
    ),
    Stage.ACCEPTED: (
        "You said yes and now must take it back. This is the delicate case: call first, "
        "apologise for the trouble, then confirm by email. Re-read anything you signed and "
        "be ready to talk about returning a signing bonus or relocation money."
    ),
}

CHANNEL_HELP = {
    Channel.EMAIL: (
        "The default for early stages, and whenever most of your contact has been in "
        "writing. It leaves both sides a record and lets them answer when it suits them."
    ),
    Channel.PHONE: (
        "For late stages with a real connection, and always when rescinding an accepted "
        "offer. Talking shows respect and lets them ask questions straight away. Follow every "
        "call with a short email that confirms it; Bow Out drafts both."
    ),
    Channel.RECRUITER: (
        "If a recruiter or agency brought you in, tell them before anyone else and let them "
        "pass the news on. Bow Out writes them a short note to relay."
    ),
    Channel.LINKEDIN: (
        "Only when LinkedIn has truly been your main, casual way of talking with them, and "
        "not for late stages, where it reads as too offhand."
    ),
}

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
