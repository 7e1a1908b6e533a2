"""Each variable thing declared once: its identifiers and one info table of its attributes.

A stage, reason, channel, voice, kind, deal-breaker, goodwill offer and reply kind is an
enum member (the identifier is the SPEC's contract: CLI, files and tests use it) plus one
row of its info table. Everything else derives from these tables: the CLI's choices, the
window's labels, the facts a wording condition may name (:mod:`bowout.core.wording`), which
reasons may be negotiated or repaired with goodwill. Adding a reason is one enum member and
one :data:`REASONS` row here, plus its sentences in each language pack
(``templates/<language>/wording/``); ``tests/core/test_vocabulary.py`` adds one in a fixture.

Only labels for people live here (the window's words); every word a *message* can contain
lives in the language pack.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Mapping

from bowout.core.errors import InputError


class _Labelled(enum.Enum):
    """An identifier enum whose members have a label for people (from its info table)."""

    @property
    def label(self) -> str:
        """What the window shows for this value."""
        return _LABELS[self]


class Stage(_Labelled):
    """How far the application has gone (SPEC identifiers)."""

    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    FINAL = "final"
    OFFER = "offer"
    ACCEPTED = "accepted"

    @property
    def is_late(self) -> bool:
        """After the final interview: a call is often due and LinkedIn is too casual."""
        return self in (Stage.FINAL, Stage.OFFER, Stage.ACCEPTED)

    @property
    def order(self) -> int:
        """Where the stage stands in the process (0 for applied, 5 for accepted): a later
        stage has a greater order."""
        return _STAGE_ORDER[self]


_STAGE_ORDER = {stage: index for index, stage in enumerate(Stage)}


class Reason(_Labelled):
    """Why the user is withdrawing (at most one neutral sentence in the message)."""

    OTHER_OFFER = "other-offer"
    NOT_A_FIT = "not-a-fit"
    COMPENSATION = "compensation"
    PERSONAL = "personal"
    RED_FLAGS = "red-flags"
    RELOCATION = "relocation"
    DIFFERENT_PATH = "different-path"
    NONE = "none"

    @property
    def info(self) -> ReasonInfo:
        """This reason's row of :data:`REASONS`."""
        return REASONS[self]


class Channel(_Labelled):
    """How the message reaches the employer."""

    EMAIL = "email"
    PHONE = "phone"
    RECRUITER = "recruiter"
    LINKEDIN = "linkedin"


class Money(_Labelled):
    """What happened to a signing bonus or relocation assistance: only money received is owed."""

    NONE = "none"
    PROMISED = "promised"
    PAID = "paid"

    @classmethod
    def coerce(cls, value: object) -> Money:
        """A :class:`Money` from itself, its value, or a boolean of older records (True: paid)."""
        if isinstance(value, Money):
            return value
        if isinstance(value, bool) or value is None:
            return cls.PAID if value else cls.NONE
        try:
            return cls(value)
        except ValueError:
            raise InputError(f"must be none, promised or paid: {value!r}") from None


class Voice(_Labelled):
    """How the message sounds. Brief is the shortest; formal reads like a letter."""

    BRIEF = "brief"
    WARM = "warm"
    FORMAL = "formal"


class Address(_Labelled):
    """How the message addresses its reader, in languages that distinguish (German Sie/du,
    French vous/tu, Spanish usted/tú). Formal is the default for an employer; English
    writes both the same."""

    FORMAL = "formal"
    INFORMAL = "informal"


class Kind(_Labelled):
    """What the message is for: withdrawing, or first trying to resolve the one problem."""

    WITHDRAW = "withdraw"
    NEGOTIATE = "negotiate"


class DealBreaker(_Labelled):
    """The one point that decides whether the user stays in the process (the article's
    "one or two deal-breakers": a salary floor, remote work, visa sponsorship...)."""

    PAY = "pay"
    SCOPE = "scope"
    REMOTE = "remote"
    START_DATE = "start-date"
    SPONSORSHIP = "sponsorship"
    RELOCATION = "relocation"
    OTHER = "other"


class Goodwill(_Labelled):
    """One goodwill choice after rescinding (its value is the identifier in files and JSON).

    ``referral``: suggest someone who may suit the role (only someone the user knows; the
    wording never names or promises a person); ``handover``: a short call to help restart
    the search or brief whoever comes next; ``stay-in-touch``: keep in contact.
    """

    REFERRAL = "referral"
    HANDOVER = "handover"
    STAY_IN_TOUCH = "stay-in-touch"

    @property
    def hint(self) -> str:
        """One sentence on what the offer means, for a tooltip or accessible description."""
        return GOODWILL[self].hint

    @property
    def fact(self) -> str:
        """The wording condition that says this choice was made (``offer_referral``...)."""
        return GOODWILL[self].fact


#: The tone a sign-off must have, as a wording fact (``signoff``): ``apology`` only where
#: an apology is owed (rescinding an acceptance), ``regards`` for every other message, and
#: ``plain`` where warmth would read as praise (concerns about the process).
SIGNOFFS = ("regards", "apology", "plain")


@dataclasses.dataclass(frozen=True)
class ReasonInfo:
    """Everything Bow Out knows about one reason, besides its sentences.

    ``warm``: the message may praise the people and offer goodwill (False keeps it neutral:
    the article's advice for concerns about the process). ``said``: the reason is given in
    one sentence (False: the ``reason`` slot is left empty in writing). ``negotiable``: a
    conversation could change it ("Try to resolve it first"). ``likely``: the deal-breaker
    the window proposes first. ``ends_search``: the user's search is over.
    """

    label: str
    short: str
    warm: bool = True
    said: bool = True
    negotiable: bool = False
    likely: DealBreaker | None = None
    ends_search: bool = False


REASONS: dict[Reason, ReasonInfo] = {
    Reason.OTHER_OFFER: ReasonInfo(
        "Accepted another offer", "Another offer", ends_search=True
    ),
    Reason.NOT_A_FIT: ReasonInfo(
        "The role is not the right fit", "Not the right fit",
        negotiable=True, likely=DealBreaker.SCOPE,
    ),
    Reason.COMPENSATION: ReasonInfo(
        "Compensation does not work", "Pay", negotiable=True, likely=DealBreaker.PAY
    ),
    Reason.PERSONAL: ReasonInfo(
        "Personal circumstances", "Personal", negotiable=True, likely=DealBreaker.REMOTE
    ),
    Reason.RED_FLAGS: ReasonInfo(
        "Concerns about the process (say nothing)", "Concerns", warm=False, said=False
    ),
    Reason.RELOCATION: ReasonInfo(
        "Relocation or visa timing", "Relocation or visa",
        negotiable=True, likely=DealBreaker.RELOCATION,
    ),
    Reason.DIFFERENT_PATH: ReasonInfo("Pursuing a different path", "A different path"),
    Reason.NONE: ReasonInfo("Give no reason", "No reason given", said=False),
}  # fmt: skip


@dataclasses.dataclass(frozen=True)
class GoodwillInfo:
    """A goodwill offer: its label, its tooltip, and the wording fact that says it was chosen."""

    label: str
    hint: str
    fact: str


GOODWILL: dict[Goodwill, GoodwillInfo] = {
    Goodwill.REFERRAL: GoodwillInfo(
        "Offer a referral",
        "Only if you know someone who may suit the role: the message offers to put them in "
        "touch once that person agrees, without naming anyone.",
        "offer_referral",
    ),
    Goodwill.HANDOVER: GoodwillInfo(
        "Offer a short handover call",
        "A short call to help them restart the search or brief whoever comes next.",
        "offer_handover",
    ),
    Goodwill.STAY_IN_TOUCH: GoodwillInfo(
        "Offer to stay in touch",
        "Say you would value staying in touch; the checklist dates a friendly check-in.",
        "stay_in_touch",
    ),
}


@dataclasses.dataclass(frozen=True)
class ReplyKindInfo:
    """What they may write back: the window's label, what Bow Out drafts for it, and the
    sign-off tone that fits an answer of this kind (one of :data:`SIGNOFFS`).

    ``follows_up``: True when there is nothing of theirs to answer (no reply yet), so the
    message follows up the user's own and its subject takes the pack's ``followup_prefix``
    rather than the ``reply_prefix`` that marks an answer ("AW:" in German is an Antwort).
    """

    label: str
    answer: str
    signoff: str = "regards"
    follows_up: bool = False


#: What the other side may write back (identifiers: ``bowout reply --kind``, the timeline).
REPLY_KINDS: dict[str, ReplyKindInfo] = {
    "accepted": ReplyKindInfo("They accepted it graciously", "a short thank-you"),
    "asked-why": ReplyKindInfo(
        "They asked why", "the one-line reason (none when the reason is red flags)"
    ),
    "counter-offer": ReplyKindInfo(
        "They made a counter-offer", "a firm, grateful decline (the decision stands)"
    ),
    "asked-to-talk": ReplyKindInfo(
        "They asked to talk", "agreeing to talk, asking for two or three times"
    ),
    "repayment": ReplyKindInfo(
        "They asked you to repay the bonus or relocation",
        "a request for the terms in writing, or a plain note that nothing was received; "
        "never an admission beyond what was paid",
    ),
    "reconsider-later": ReplyKindInfo(
        "They asked you to reconsider later", "thanks, and staying in touch"
    ),
    "no-reply": ReplyKindInfo(
        "No reply yet", "a gentle follow-up that restates the decision", follows_up=True
    ),
}


@dataclasses.dataclass(frozen=True)
class DealBreakerInfo:
    """A deal-breaker: the window's label (how it is named in a sentence is the pack's), and
    which reasons a failed conversation about it can be the cause of.

    ``causes``: the reasons for which "we couldn't agree on <this>" is the user's own reason
    said another way (the salary floor for pay; relocation support for a move or for pay).
    For any other reason the talks were a true event but not the cause, so a withdrawal
    keeps the reason sentence (the ``recap`` slot stays empty: see :func:`recap_fits`).
    ``settled_by``: situation facts (yes/no fields) that make the disagreement untrue
    ("we couldn't agree on sponsorship" once they started a visa petition).
    """

    label: str
    causes: frozenset[Reason] = frozenset()
    settled_by: tuple[str, ...] = ()


DEAL_BREAKERS: dict[DealBreaker, DealBreakerInfo] = {
    DealBreaker.PAY: DealBreakerInfo(
        "Pay: the salary floor", frozenset({Reason.COMPENSATION})
    ),
    DealBreaker.SCOPE: DealBreakerInfo(
        "The scope of the role", frozenset({Reason.NOT_A_FIT})
    ),
    DealBreaker.REMOTE: DealBreakerInfo(
        "Remote or hybrid work", frozenset({Reason.PERSONAL, Reason.RELOCATION})
    ),
    DealBreaker.START_DATE: DealBreakerInfo(
        "The start date", frozenset({Reason.PERSONAL, Reason.RELOCATION})
    ),
    DealBreaker.SPONSORSHIP: DealBreakerInfo(
        "Visa sponsorship", frozenset({Reason.RELOCATION}), ("visa_petition_started",)
    ),
    DealBreaker.RELOCATION: DealBreakerInfo(
        "Relocation support", frozenset({Reason.RELOCATION, Reason.COMPENSATION})
    ),
    # Unnamed: "the open point" is the user's reason only when the window proposes
    # nothing more precise for it, so it is never taken for the cause.
    DealBreaker.OTHER: DealBreakerInfo("Something else"),
}  # fmt: skip


def recap_fits(reason: Reason, breaker: DealBreaker | None, settled: Iterable[str] = ()) -> bool:
    """Whether a failed conversation about ``breaker`` may be named as the cause of a
    withdrawal for ``reason`` (the ``recap`` slot's condition, fact ``recap_fits``).

    ``settled``: the situation's yes/no facts that hold (``visa_petition_started``...).
    True only when ``reason`` is one of the deal-breaker's :attr:`DealBreakerInfo.causes`
    and none of its ``settled_by`` facts holds; the rubric counts naming anything else as
    the cause a false sentence (``shared/RUBRIC.md``, criterion b).
    """
    if breaker is None:
        return False
    info = DEAL_BREAKERS[breaker]
    return reason in info.causes and not set(info.settled_by) & set(settled)


_PLAIN_LABELS: dict[_Labelled, str] = {
    Kind.WITHDRAW: "Withdraw",
    Kind.NEGOTIATE: "Try to resolve it first",
    Money.NONE: "None",
    Money.PROMISED: "Promised, not received",
    Money.PAID: "Received",
    Voice.BRIEF: "Brief",
    Voice.WARM: "Warm",
    Voice.FORMAL: "Formal",
    Stage.APPLIED: "Applied, no interview yet",
    Stage.SCREENING: "After a screening call or first interview",
    Stage.INTERVIEWING: "Between interview rounds",
    Stage.FINAL: "After the final interview",
    Stage.OFFER: "Offer received, not accepted",
    Stage.ACCEPTED: "Offer accepted (rescinding)",
    Channel.EMAIL: "Email",
    Channel.PHONE: "Phone call, then email",
    Channel.RECRUITER: "Through the recruiter",
    Channel.LINKEDIN: "LinkedIn message",
}


class _LabelTable(Mapping[_Labelled, str]):
    """Every member's label, read from its info table when it has one (so a row added to a
    table, as a test does, is labelled without a second edit)."""

    def __getitem__(self, member: _Labelled) -> str:
        for table in (REASONS, GOODWILL, DEAL_BREAKERS):
            info = table.get(member)  # type: ignore[call-overload]
            if info is not None:
                return str(info.label)
        return _PLAIN_LABELS[member]

    def __iter__(self):  # type: ignore[no-untyped-def]
        yield from _PLAIN_LABELS
        yield from REASONS
        yield from GOODWILL
        yield from DEAL_BREAKERS

    def __len__(self) -> int:
        return len(_PLAIN_LABELS) + len(REASONS) + len(GOODWILL) + len(DEAL_BREAKERS)


_LABELS = _LabelTable()


def signoff_tone(stage: Stage, reason: Reason, kind: Kind, reply: str = "none") -> str:
    """Which sign-off fits (one of :data:`SIGNOFFS`): a reply's from its kind's row; an
    apology only when withdrawing an accepted offer; plain when the reason is not warm."""
    if reply != "none":
        return REPLY_KINDS[reply].signoff
    if kind is Kind.WITHDRAW and stage is Stage.ACCEPTED:
        return "apology"
    return "regards" if REASONS[reason].warm else "plain"
