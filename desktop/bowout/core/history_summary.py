"""What the history says: sent withdrawals by stage and reason over time, and patterns.

Qt-free: the window draws :class:`Summary` and shows the first :class:`Observation` the
user has not dismissed. The pattern rules are data (:data:`PATTERNS`): each says when it
applies (a stage, a reason, a count) and what to say, in plain and neutral words — an
observation suggests what may save the user a round next time; it never judges a choice.
The advice behind them is the reference article's: decide what you cannot do without
before the later rounds, ask about timelines before accepting, ask about pay early.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from bowout.core.counting import counted
from bowout.core.situation import Reason, Stage
from bowout.core.ui_dates import month_year
from bowout.core.vocabulary import REASONS

#: How many months the chart shows, ending with the current one.
MONTHS_SHOWN = 12

#: Short names for a legend (the window's own labels are sentences).
STAGE_NAMES: dict[Stage, str] = {
    Stage.APPLIED: "Applied",
    Stage.SCREENING: "Screening",
    Stage.INTERVIEWING: "Interviewing",
    Stage.FINAL: "Final interview",
    Stage.OFFER: "Offer",
    Stage.ACCEPTED: "Accepted offer",
}


class _ReasonNames(Mapping[Reason, str]):
    """Each reason's short name, read from its row of the vocabulary (one table for reasons)."""

    def __getitem__(self, reason: Reason) -> str:
        return REASONS[reason].short

    def __iter__(self) -> Iterator[Reason]:
        return iter(REASONS)

    def __len__(self) -> int:
        return len(REASONS)


REASON_NAMES: Mapping[Reason, str] = _ReasonNames()


@dataclasses.dataclass(frozen=True)
class Withdrawal:
    """One sent withdrawal as the summary sees it: when it was sent, its stage and reason."""

    sent: dt.date
    stage: Stage
    reason: Reason


@dataclasses.dataclass(frozen=True)
class Summary:
    """Counts per month (``months``: first days of months, oldest first) and per category.

    ``by_stage[i]`` / ``by_reason[i]`` count the withdrawals sent in ``months[i]``;
    ``earlier`` those sent before the first month shown; ``total`` all of them.
    """

    months: tuple[dt.date, ...]
    by_stage: tuple[Counter[Stage], ...]
    by_reason: tuple[Counter[Reason], ...]
    earlier: int
    total: int

    def peak(self) -> int:
        """The most withdrawals in one month shown (0 when none)."""
        return max((sum(c.values()) for c in self.by_stage), default=0)


def _month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _months_back(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


def summarize(
    withdrawals: Iterable[Withdrawal], today: dt.date, months: int = MONTHS_SHOWN
) -> Summary:
    """Count ``withdrawals`` per month for the ``months`` months ending with ``today``'s
    (at least 1; ValueError below). Withdrawals dated after ``today`` count in its month."""
    if months < 1:
        raise ValueError(f"months must be 1 or more: {months}")
    first = _months_back(_month(today), months - 1)
    shown = tuple(_months_back(_month(today), back) for back in range(months - 1, -1, -1))
    index = {month: i for i, month in enumerate(shown)}
    stages: list[Counter[Stage]] = [Counter() for _ in shown]
    reasons: list[Counter[Reason]] = [Counter() for _ in shown]
    earlier = total = 0
    for item in withdrawals:
        total += 1
        month = _month(item.sent)
        if month < first:
            earlier += 1
            continue
        i = index.get(month, len(shown) - 1)
        stages[i][item.stage] += 1
        reasons[i][item.reason] += 1
    return Summary(shown, tuple(stages), tuple(reasons), earlier, total)


def describe(summary: Summary) -> str:
    """The chart in words (its accessible text alternative): totals by stage and reason,
    then the busiest months."""
    if not summary.total:
        return "No sent withdrawals yet."
    stages: Counter[Stage] = sum(summary.by_stage, Counter())
    reasons: Counter[Reason] = sum(summary.by_reason, Counter())
    shown = sum(stages.values())
    span = f"{month_year(summary.months[0])} to {month_year(summary.months[-1])}"
    parts = [f"{counted(shown, 'sent withdrawal')} from {span}."]
    if stages:
        parts.append("By stage: " + _counted(stages, STAGE_NAMES) + ".")
        parts.append("By reason: " + _counted(reasons, REASON_NAMES) + ".")
        busy = sorted(
            ((sum(c.values()), m) for m, c in zip(summary.months, summary.by_stage, strict=True)),
            key=lambda pair: (-pair[0], pair[1]),
        )
        top = [f"{month_year(m)} ({n})" for n, m in busy[:3] if n]
        parts.append("Busiest: " + ", ".join(top) + ".")
    if summary.earlier:
        verb = "is" if summary.earlier == 1 else "are"
        parts.append(f"{counted(summary.earlier, 'earlier withdrawal')} {verb} not in the chart.")
    return " ".join(parts)


def _counted(counts: Mapping[Any, int], names: Mapping[Any, str]) -> str:
    return ", ".join(f"{name} {counts[key]}" for key, name in names.items() if counts.get(key))


@dataclasses.dataclass(frozen=True)
class Pattern:
    """A pattern rule: it applies when at least ``at_least`` withdrawals were sent at one
    of ``stages`` (all stages when empty) for one of ``reasons`` (all when empty).
    ``key`` is stable (a dismissal is remembered by it); ``text`` is what the user reads."""

    key: str
    at_least: int
    text: str
    stages: frozenset[Stage] = frozenset()
    reasons: frozenset[Reason] = frozenset()

    def count(self, withdrawals: Iterable[Withdrawal]) -> int:
        """How many of ``withdrawals`` this rule looks at."""
        return sum(
            1
            for w in withdrawals
            if (not self.stages or w.stage in self.stages)
            and (not self.reasons or w.reason in self.reasons)
        )

    def applies(self, withdrawals: Sequence[Withdrawal]) -> bool:
        """Does the history show this pattern?"""
        return self.count(withdrawals) >= self.at_least


#: The observations, most useful first: only the first that applies (and is not
#: dismissed) is shown, so a busy history gets one suggestion, not a lecture.
PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "after-final",
        3,
        "Several of your withdrawals came after the final interview; settling your "
        "non-negotiables earlier may save you a round.",
        stages=frozenset({Stage.FINAL}),
    ),
    Pattern(
        "after-accepting",
        2,
        "More than one of your withdrawals came after you had accepted; asking the other "
        "companies how long they need before you say yes may leave fewer calls to make.",
        stages=frozenset({Stage.ACCEPTED}),
    ),
    Pattern(
        "pay-late",
        3,
        "Pay was the reason for several withdrawals after interviews had begun; asking for "
        "the salary range at the first call may save you time.",
        stages=frozenset({Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER}),
        reasons=frozenset({Reason.COMPENSATION}),
    ),
    Pattern(
        "fit-late",
        3,
        "Several withdrawals were about fit after interviews had begun; a question or two "
        "about the role's everyday work at the screening call may show this sooner.",
        stages=frozenset({Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER}),
        reasons=frozenset({Reason.NOT_A_FIT}),
    ),
)


@dataclasses.dataclass(frozen=True)
class Observation:
    """One plain-language observation: its pattern's key (to dismiss it) and its text."""

    key: str
    text: str


def observation(
    withdrawals: Sequence[Withdrawal],
    dismissed: Iterable[str] = (),
    patterns: Sequence[Pattern] = PATTERNS,
) -> Observation | None:
    """The first pattern the history shows that the user has not dismissed, or None."""
    gone = set(dismissed)
    for pattern in patterns:
        if pattern.key not in gone and pattern.applies(withdrawals):
            return Observation(pattern.key, pattern.text)
    return None
