"""What the history says: counts by month, stage and reason; one pattern at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from bowout.core.history_summary import (
    PATTERNS,
    REASON_NAMES,
    STAGE_NAMES,
    Withdrawal,
    describe,
    observation,
    summarize,
)
from bowout.core.situation import Reason, Stage

TODAY = dt.date(2026, 11, 29)


def w(sent: str, stage: Stage, reason: Reason = Reason.OTHER_OFFER) -> Withdrawal:
    return Withdrawal(dt.date.fromisoformat(sent), stage, reason)


def test_counts_per_month_over_the_last_twelve() -> None:
    items = [
        w("2026-11-02", Stage.FINAL),
        w("2026-11-20", Stage.SCREENING, Reason.NOT_A_FIT),
        w("2026-03-05", Stage.OFFER, Reason.COMPENSATION),
        w("2025-12-31", Stage.APPLIED),  # the first month shown
        w("2025-11-30", Stage.APPLIED),  # one month too early
    ]
    summary = summarize(items, TODAY)
    assert summary.months[0] == dt.date(2025, 12, 1) and summary.months[-1] == dt.date(2026, 11, 1)
    assert len(summary.months) == 12 and summary.total == 5 and summary.earlier == 1
    assert summary.by_stage[-1] == {Stage.FINAL: 1, Stage.SCREENING: 1}
    assert summary.by_reason[-1] == {Reason.OTHER_OFFER: 1, Reason.NOT_A_FIT: 1}
    assert summary.by_stage[3] == {Stage.OFFER: 1} and summary.by_stage[0] == {Stage.APPLIED: 1}
    assert summary.peak() == 2
    with pytest.raises(ValueError, match="months"):
        summarize(items, TODAY, months=0)


def test_the_text_alternative_says_what_the_chart_shows() -> None:
    assert describe(summarize([], TODAY)) == "No sent withdrawals yet."
    items = [w("2026-11-02", Stage.FINAL), w("2026-11-20", Stage.FINAL, Reason.COMPENSATION),
             w("2026-06-01", Stage.SCREENING), w("2024-01-01", Stage.OFFER)]  # fmt: skip
    text = describe(summarize(items, TODAY))
    assert text.startswith("3 sent withdrawals from December 2025 to November 2026.")
    assert "By stage: Screening 1, Final interview 2." in text
    assert "By reason: Another offer 2, Pay 1." in text
    assert "Busiest: November 2026 (2), June 2026 (1)." in text
    assert "1 earlier withdrawal is not in the chart." in text


def test_every_stage_and_reason_has_a_short_name() -> None:
    assert set(STAGE_NAMES) == set(Stage) and set(REASON_NAMES) == set(Reason)


def test_three_withdrawals_after_the_final_interview_make_an_observation() -> None:
    two = [w("2026-10-01", Stage.FINAL), w("2026-10-09", Stage.FINAL), w("2026-10-09", Stage.OFFER)]
    assert observation(two) is None
    three = [*two, w("2026-11-01", Stage.FINAL, Reason.PERSONAL)]
    found = observation(three)
    assert found is not None and found.key == "after-final"
    assert "after the final interview" in found.text and "non-negotiables earlier" in found.text
    assert observation(three, dismissed=["after-final"]) is None  # dismissed: gone


@pytest.mark.parametrize(
    ("items", "key"),
    [
        ([w("2026-01-01", Stage.ACCEPTED), w("2026-05-01", Stage.ACCEPTED)], "after-accepting"),
        ([w(f"2026-0{m}-01", Stage.INTERVIEWING, Reason.COMPENSATION) for m in (1, 2, 3)],
         "pay-late"),
        ([w(f"2026-0{m}-01", Stage.OFFER, Reason.NOT_A_FIT) for m in (1, 2, 3)], "fit-late"),
    ],
)  # fmt: skip
def test_each_pattern_applies_on_its_own(items: list[Withdrawal], key: str) -> None:
    found = observation(items)
    assert found is not None and found.key == key
    early = [Withdrawal(i.sent, Stage.SCREENING, i.reason) for i in items]
    assert observation(early) is None  # the same reasons at screening are no pattern


def test_only_the_first_pattern_not_dismissed_is_shown() -> None:
    items = [w(f"2026-0{m}-01", Stage.FINAL, Reason.COMPENSATION) for m in (1, 2, 3)]
    assert observation(items).key == "after-final"  # type: ignore[union-attr]
    assert observation(items, ["after-final"]).key == "pay-late"  # type: ignore[union-attr]
    assert observation(items, ["after-final", "pay-late"]) is None


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.key)
def test_observations_are_plain_and_never_judge(pattern: object) -> None:
    text = pattern.text  # type: ignore[attr-defined]
    assert len(text.split()) <= 35 and text.endswith(".")
    for word in ("should", "must", "mistake", "wrong", "bad", "fault", "always", "never"):
        assert word not in text.lower().split()
    keys = [p.key for p in PATTERNS]
    assert len(keys) == len(set(keys))
