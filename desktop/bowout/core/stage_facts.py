"""Which facts each stage can have (issue 21): money promised or paid, a start date, a
started visa petition. One rule, read by the CLI (which refuses a fact the stage cannot
have), the window (which disables its control and keeps the value) and every writer of
drafts, replies, scripts and checklists (which leave it out: :func:`within_stage`)."""

from __future__ import annotations

import dataclasses
from typing import Any

from bowout.core.errors import InputError
from bowout.core.situation import Money, Situation, Stage

__all__ = [
    "FACT_FIRST_STAGE", "FIRST_STAGE_WHY", "NOT_SO", "check_facts_fit", "fact_fits",
    "facts_beyond_stage", "first_stage_of", "why_not_yet", "within_stage",
]  # fmt: skip


#: The first stage that can have each fact presupposing an offer, and why, by field and
#: value (issue 21; every other fact can hold at any stage). Read as a recruiter would,
#: from the SPEC's stages and facts and the article's advice on visas, relocation and
#: rescinding:
#:
#: - Before an offer (``applied`` to ``final``) the employer has promised nothing, paid
#:   nothing and filed nothing: there is no agreement to speak of yet.
#: - An offer (``offer``) states its terms: a relocation package or signing bonus it
#:   promises, and the start date it proposes. Nothing is paid before it is accepted.
#: - Only an accepted offer (``accepted``) pays money out (a bonus or a relocation advance
#:   received: what the article says to discuss repaying when rescinding) and starts a
#:   visa petition (an employer files it for the hire who said yes, with their papers).
#:
#: The candidate's own facts (needing sponsorship, a relocation timeline that changed) hold
#: at any stage.
_FIRST_STAGES: dict[tuple[str, object], tuple[Stage, str]] = {
    ("relocation_assistance", Money.PROMISED):
        (Stage.OFFER, "only an offer promises relocation assistance"),
    ("relocation_assistance", Money.PAID):
        (Stage.ACCEPTED, "relocation assistance is paid only once an offer is accepted"),
    ("signing_bonus", Money.PROMISED): (Stage.OFFER, "only an offer promises a signing bonus"),
    ("signing_bonus", Money.PAID):
        (Stage.ACCEPTED, "a signing bonus is paid only once an offer is accepted"),
    ("start_date", "given"): (Stage.OFFER, "only an offer names a start date"),
    ("visa_petition_started", True):
        (Stage.ACCEPTED, "an employer files a visa petition only once an offer is accepted"),
}  # fmt: skip
FACT_FIRST_STAGE = {key: stage for key, (stage, _) in _FIRST_STAGES.items()}
#: Why each fact of :data:`FACT_FIRST_STAGE` waits for its first stage, in words the CLI
#: and the window both show.
FIRST_STAGE_WHY = {key: why for key, (_, why) in _FIRST_STAGES.items()}
#: The fields :data:`FACT_FIRST_STAGE` names, with the value that means "not so".
NOT_SO: dict[str, Any] = {"relocation_assistance": Money.NONE, "signing_bonus": Money.NONE,
                          "start_date": None, "visa_petition_started": False}  # fmt: skip


def _fact_key(name: str, value: object) -> tuple[str, object]:
    """The key of the tables above: a start date counts as "given", whatever its day."""
    return name, "given" if name == "start_date" and value is not None else value


def _first_stage(name: str, value: object) -> Stage | None:
    return FACT_FIRST_STAGE.get(_fact_key(name, value))


def fact_fits(stage: Stage, name: str, value: object) -> bool:
    """Whether a situation at ``stage`` can have the fact ``name`` (a Situation field)
    with ``value`` (see :data:`FACT_FIRST_STAGE`); True for a field it does not name."""
    first = _first_stage(name, value)
    return first is None or stage.order >= first.order


def first_stage_of(name: str, value: object) -> Stage:
    """The first stage that can have ``name`` with ``value`` (the first stage of all for a
    fact any stage can have)."""
    return _first_stage(name, value) or Stage.APPLIED


def facts_beyond_stage(situation: Situation) -> tuple[str, ...]:
    """The fields of ``situation`` set to a value its stage cannot have (as kept from an
    older record or an import), in :data:`FACT_FIRST_STAGE` order; () when none is."""
    return tuple(
        name for name in NOT_SO if not fact_fits(situation.stage, name, getattr(situation, name))
    )


def within_stage(situation: Situation) -> Situation:
    """``situation`` with each of :func:`facts_beyond_stage` set back to "not so" (no
    money, no date, no petition): what drafts, replies, scripts and checklists are written
    from, so that no sentence speaks of a fact the stage cannot have. The situation itself
    when every fact fits (the usual case); the record keeps what was given."""
    beyond = facts_beyond_stage(situation)
    if not beyond:
        return situation
    return dataclasses.replace(situation, **{name: NOT_SO[name] for name in beyond})


def why_not_yet(name: str, value: object) -> str:
    """Why the fact ``name`` with ``value`` waits for :func:`first_stage_of` (one clause,
    lower case, no full stop); "" for a fact any stage can have."""
    return FIRST_STAGE_WHY.get(_fact_key(name, value), "")


def check_facts_fit(situation: Situation) -> None:
    """Refuse a new situation with a fact its stage cannot have (InputError, one line,
    naming the fact's flag, why, and the first stage that can have it)."""
    for name in facts_beyond_stage(situation):
        value = getattr(situation, name)
        flag = "--" + name.replace("_", "-")
        if isinstance(value, Money):
            flag += f" {value.value}"
        stages = " or ".join(s.value for s in Stage if fact_fits(s, name, value))
        raise InputError(
            f"{flag} does not fit --stage {situation.stage.value}: "
            f"{why_not_yet(name, value)} (--stage {stages})"
        )
