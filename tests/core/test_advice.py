"""Channel advice follows the SPEC's rules, recruiter first."""

from __future__ import annotations

import pytest

from bowout.core import Channel, Situation, Stage, recommend_channel
from bowout.core.advice import STAGE_MOMENTS


@pytest.mark.parametrize(
    ("stage", "flags", "expected"),
    [
        (Stage.APPLIED, {}, Channel.EMAIL),
        (Stage.SCREENING, {}, Channel.EMAIL),
        (Stage.INTERVIEWING, {"rapport": True}, Channel.EMAIL),
        (Stage.INTERVIEWING, {"linkedin_main": True}, Channel.LINKEDIN),
        (Stage.FINAL, {}, Channel.EMAIL),
        (Stage.FINAL, {"rapport": True}, Channel.PHONE),
        (Stage.OFFER, {"rapport": True}, Channel.PHONE),
        (Stage.OFFER, {"linkedin_main": True}, Channel.EMAIL),
        (Stage.ACCEPTED, {}, Channel.PHONE),
        (Stage.ACCEPTED, {"linkedin_main": True}, Channel.PHONE),
        (Stage.ACCEPTED, {"via_recruiter": True}, Channel.RECRUITER),
        (Stage.APPLIED, {"via_recruiter": True, "linkedin_main": True}, Channel.RECRUITER),
    ],
)
def test_rules(stage: Stage, flags: dict[str, bool], expected: Channel) -> None:
    advice = recommend_channel(Situation(stage=stage, **flags))
    assert advice.channel is expected
    assert advice.rationale and "\n" not in advice.rationale and len(advice.rationale) < 110


def test_rationales_name_the_moment_of_each_stage() -> None:
    """The rationale opens with where the application stands, the same line the window shows
    beside the channel picker (one text for both fronts)."""
    for stage in Stage:
        rationale = recommend_channel(Situation(stage=stage, rapport=True)).rationale
        assert rationale.startswith(STAGE_MOMENTS[stage] + ": "), rationale
    rationales = {recommend_channel(Situation(stage=s, rapport=True)).rationale for s in Stage}
    assert len(rationales) == len(Stage)


@pytest.mark.parametrize("stage", [s for s in Stage if s not in (Stage.APPLIED, Stage.SCREENING)])
def test_only_early_stages_are_called_early(stage: Stage) -> None:
    """Issue 25: an application between interview rounds was told "At this early stage"."""
    for flags in ({}, {"rapport": True}):
        assert "early" not in recommend_channel(Situation(stage=stage, **flags)).rationale
