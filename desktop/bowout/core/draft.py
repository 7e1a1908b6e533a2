"""What the composer returns: every message for one situation, its checklist and findings."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

from bowout.core import vocabulary
from bowout.core.advice import Advice
from bowout.core.situation import Channel, Profile, Situation


@dataclasses.dataclass(frozen=True)
class Finding:
    """One tone-coach remark: a code, a short fix, and the span in the plain text."""

    code: str
    message: str
    start: int
    end: int
    #: Which text the span refers to: "body" (the email body) or "subject".
    target: str = "body"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class ChecklistItem:
    """One step of the follow-up checklist; ``key`` is stable so ticks survive regeneration."""

    key: str
    text: str
    #: "roadmap", "logistics" (visa/relocation follow-ups) or "re-entry".
    group: str
    done: bool = False
    #: When it is done: "before" the message, "during" it, "after" it, or "later".
    phase: str = "during"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Draft:
    """Every output for one situation. Texts are plain; ``*_html`` are escaped rich text."""

    situation: Situation
    profile: Profile
    channel: Channel
    advice: Advice
    subject: str
    body_text: str
    body_html: str
    #: For ``phone``: what to say on the call (the email body is then the confirmation).
    phone_script: str | None = None
    #: For ``phone``: the written confirmation sent after the call (same as body_text).
    follow_up_email: str | None = None
    #: For ``recruiter``: a short note asking the recruiter to pass the decision on.
    recruiter_note: str | None = None
    #: For ``linkedin``: a short message for LinkedIn.
    linkedin_message: str | None = None
    checklist: tuple[ChecklistItem, ...] = ()
    #: Runs the tone coach on this draft's text; called once, the first time
    #: :attr:`findings` is read (the window checks the text the user edits instead, so a
    #: regeneration need not pay for a check nobody reads).
    tone_check: Callable[[], tuple[Finding, ...]] | None = dataclasses.field(
        default=None, compare=False, repr=False
    )
    #: Which phrasing this is (1-based) of ``wordings`` that exist for the situation.
    wording: int = 1
    wordings: int = 1
    #: How the written message addresses its reader ("Jordan", "Dr. Lee").
    greeting: str = ""
    #: For a call: what to say when it turns, as (when, words) pairs ("If they are upset").
    phone_branches: tuple[tuple[str, str], ...] = ()

    def branch_lines(self) -> list[str]:
        """The call's branches as lines of text, "when: words", the colon written as the
        message's language writes it (its pack's ``[marks] colon``; French typography sets
        a narrow no-break space, U+202F, before it). [] when the draft has no call."""
        from bowout.core.pack import load_pack

        colon = load_pack(self.situation.language).words.get("marks", {}).get("colon", ":")
        return [f"{when}{colon} {words}" for when, words in self.phone_branches]

    @functools.cached_property
    def findings(self) -> tuple[Finding, ...]:
        """The tone coach's remarks on the body and subject, in reading order."""
        return self.tone_check() if self.tone_check is not None else ()

    def to_json_dict(self) -> dict[str, Any]:
        """The object printed by ``bowout draft --format json`` (SPEC contract)."""
        return {
            "stage": self.situation.stage.value,
            "reason": self.situation.reason.value,
            "tone": self.situation.voice.value,
            "language": self.situation.language,
            "address": self.situation.address.value,
            "country": self.situation.country or None,
            "kind": self.situation.kind.value,
            "deal_breaker": (
                self.situation.deal_breaker.value if self.situation.deal_breaker else None
            ),
            "goodwill": [choice.value for choice in self.situation.goodwill_offered],
            "will_call": self.situation.will_call,
            "wording": self.wording,
            "wordings": self.wordings,
            "greeting": self.greeting,
            "channel": self.channel.value,
            "recommended_channel": self.advice.channel.value,
            "channel_rationale": self.advice.rationale,
            "subject": self.subject,
            "body_text": self.body_text,
            "body_html": self.body_html,
            "phone_script": self.phone_script,
            "follow_up_email": self.follow_up_email,
            "recruiter_note": self.recruiter_note,
            "linkedin_message": self.linkedin_message,
            "phone_branches": [{"when": w, "say": t} for w, t in self.phone_branches],
            "checklist": [item.to_dict() for item in self.checklist],
            "warnings": [{"code": f.code, "message": f.message} for f in self.findings],
        }


#: What the other side may write back, and the label the window shows for each (derived
#: from :data:`bowout.core.vocabulary.REPLY_KINDS`, where each kind is declared once).
REPLY_KINDS = {kind: info.label for kind, info in vocabulary.REPLY_KINDS.items()}
#: What Bow Out drafts for each kind of reply (``bowout reply --help``, the README).
REPLY_ANSWERS = {kind: info.answer for kind, info in vocabulary.REPLY_KINDS.items()}


@dataclasses.dataclass(frozen=True)
class Reply:
    """A short answer to what they wrote back: ``kind`` is a key of :data:`REPLY_KINDS`."""

    kind: str
    subject: str
    body_text: str
    body_html: str

    def to_json_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return dataclasses.asdict(self)
