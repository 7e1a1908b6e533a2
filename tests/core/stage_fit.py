"""Generated situations that stay possible (issue 21): a strategy or matrix that draws its
facts apart from the stage maps them through :func:`fitting`, so money received, a visa
petition or a start date only come with a stage that can have them (``test_stage_facts``
keeps the test that impossible ones are refused or left out)."""

from __future__ import annotations

from typing import Any

from bowout.core.situation import Stage
from bowout.core.stage_facts import NOT_SO, fact_fits


def fitting(facts: dict[str, Any]) -> dict[str, Any]:
    """``facts`` (Situation keyword arguments with a ``stage``) with each fact the stage
    cannot have set back to "not so"."""
    stage = Stage(facts["stage"])
    return {
        name: NOT_SO[name] if name in NOT_SO and not fact_fits(stage, name, value) else value
        for name, value in facts.items()
    }
