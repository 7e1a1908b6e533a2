"""Goodwill after rescinding: the choices a user can offer, and how they are written down.

The careers article's repair steps after withdrawing an acceptance: offer a referral if
you know someone who fits, help the employer restart (a short handover or transitional
call), and keep in touch. Each is the user's free choice; which stages and reasons they
fit is :func:`goodwill_fits`.
"""

from __future__ import annotations

from bowout.core.errors import InputError
from bowout.core.vocabulary import REASONS, Goodwill, Kind, Reason, Stage

__all__ = ["GOODWILL_STAGES", "Goodwill", "goodwill_choices", "goodwill_fits"]


def goodwill_choices(values: object) -> tuple[Goodwill, ...]:
    """``values`` (Goodwill members or their identifiers, any order) as a tuple in
    :class:`Goodwill` order, each once. Raises InputError naming an unknown choice, or
    when ``values`` is not a list, tuple or set."""
    if not isinstance(values, (list, tuple, set, frozenset)):
        raise InputError(f"goodwill must be a list of choices: {values!r}")
    chosen = set()
    for value in values:
        try:
            chosen.add(Goodwill(value))
        except ValueError:
            known = ", ".join(g.value for g in Goodwill)
            raise InputError(f"goodwill is one of {known}, not {value!r}") from None
    return tuple(g for g in Goodwill if g in chosen)


#: Stages where goodwill is offered: only after rescinding an accepted offer.
GOODWILL_STAGES = frozenset({"accepted"})


def goodwill_fits(stage: Stage, reason: Reason, kind: Kind) -> bool:
    """Whether the goodwill choices (referral, handover, staying in touch) fit.

    Only when rescinding an accepted offer (stage ``accepted``, kind ``withdraw``), for any
    reason whose info is ``warm`` (all but ``red-flags``). Why not ``offer``, as a career
    coach sees it: declining an
    offer not yet accepted is an outcome every employer plans for (the other finalists are
    still warm), so a courteous answer with the door kept open is enough; rescinding
    breaks a commitment they acted on (they closed the search, planned a start), which is
    what the repair steps are for. With concerns about the process (red flags) the message
    stays neutral and offers nothing more.
    """
    return stage.value in GOODWILL_STAGES and kind.value == "withdraw" and REASONS[reason].warm
