"""The window's help texts in Bow Out's own words: each stage and channel explained (the
Help page). The note beside a recommended channel is the channel advice's own rationale
(:func:`bowout.core.advice.channel_note`), so the window and the CLI say the same."""

from __future__ import annotations

from bowout.core.situation import Channel, Stage

__all__ = ["CHANNEL_HELP", "STAGE_HELP"]

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
