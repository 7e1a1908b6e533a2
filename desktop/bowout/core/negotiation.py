"""The negotiate path: try to resolve the one deal-breaker before withdrawing.

The article's advice: name the one or two deal-breakers, make the case, ask for a
conversation, set a decision date, and withdraw promptly if that fails. It fits the reasons
that a conversation can change (pay, fit, relocation or visa timing, personal
circumstances) once there has been at least one interview.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from bowout.core.pack import load_pack
from bowout.core.situation import NEGOTIABLE_STAGES, DealBreaker, Reason, negotiable
from bowout.core.vocabulary import REASONS
from bowout.paths import DEFAULT_LANGUAGE

__all__ = ["LIKELY", "NEGOTIABLE_REASONS", "NEGOTIABLE_STAGES", "POINTS", "negotiable", "point_of"]

#: Reasons a conversation can change (from :data:`bowout.core.vocabulary.REASONS`).
NEGOTIABLE_REASONS = frozenset(reason for reason, info in REASONS.items() if info.negotiable)


class _Points(Mapping[DealBreaker, str]):
    """How each deal-breaker is named inside a sentence ("a conversation about the start
    date"), from the English pack's ``[points]`` (:func:`point_of` for another language)."""

    def __getitem__(self, deal_breaker: DealBreaker) -> str:
        return load_pack().word("points", deal_breaker.value)

    def __iter__(self) -> Iterator[DealBreaker]:
        return iter(DealBreaker)

    def __len__(self) -> int:
        return len(DealBreaker)


POINTS: Mapping[DealBreaker, str] = _Points()

#: The deal-breaker a reason most often stands for (what the window proposes first).
LIKELY: dict[Reason, DealBreaker] = {
    reason: info.likely for reason, info in REASONS.items() if info.likely is not None
}


def point_of(
    deal_breaker: DealBreaker | None, language: str = DEFAULT_LANGUAGE, country: str = ""
) -> str:
    """The deal-breaker as a phrase for a sentence in ``language`` (its pack's
    ``[points]``, or ``[points.<country>]`` where the job's country, an ISO 3166-1 alpha-2
    code, writes it otherwise: Mexico's "visa" for Spain's "visado"); "" when there is none."""
    if deal_breaker is None:
        return ""
    pack = load_pack(language)
    regional = pack.words.get(f"points.{country}", {}) if country else {}
    return regional.get(deal_breaker.value) or pack.word("points", deal_breaker.value)
