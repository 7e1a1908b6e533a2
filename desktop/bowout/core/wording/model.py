"""The wording model: ordered slots, variants with conditions, alternative phrasings per voice.

A voice's wording lives in ``templates/<language>/wording/<voice>.toml`` (data a writer can extend):
one array of tables per slot, each table a variant::

    [[reason]]
    when = { reason = "compensation", stage = ["interviewing", "final", "offer"] }
    unless = { audience = "spoken" }
    say = ["First phrasing, with {{ role }}.", "A second phrasing."]

For each slot the *most specific* variant whose conditions hold is used: the facts it
names (``when`` and ``unless`` together) are weighed by their precedence, declared once in
:data:`~bowout.core.wording.conditions.PRECEDENCE` (what the message is, who reads it, the
cause, then the circumstances), so a variant naming a weightier fact wins, and of two naming
the same kinds of fact, the one naming more. Order in a file never matters; two fitting
variants naming the same facts are an ambiguity the writer must settle (``bowout
templates check`` and the tests report it; at run time the tie is broken by the
conditions' text, never by position). ``say = ""`` leaves the slot empty. ``say`` may list
alternative phrasings: wording N takes the N-th (cycling), so the same N always gives the
same text. A voice file may name ``base``: where none of its own variants of a slot fits,
the base voice's are used, and ``contract = true`` contracts the voice's phrasings as its
pack says (:mod:`bowout.core.wording.contractions`). A phrasing is one line of plain text
(no line break, no markup: the layout templates make paragraphs). Python selects; the
chosen sentences are rendered together by Jinja2 in the sandbox, and user folders override
a voice file by name. This module holds the model and the choosing;
:mod:`~bowout.core.wording.voicefile` reads a voice file into it, and
:mod:`~bowout.core.wording.sentences` loads a language's voices and renders the sentences.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping, Sequence

from bowout.core.wording.conditions import Conditions, matches, specificity
from bowout.core.wording.contractions import Contractions

#: Slots in message order. Written messages use greeting..signoff; the phone script adds
#: prepare, voicemail and after; the recruiter note adds relay. A request to talk about a
#: deal-breaker (kind negotiate) uses interest, ask and decide, and its talking points the
#: talk_* slots; recap replaces the reason when a withdrawal follows such a conversation
#: about a deal-breaker that is the reason said another way (SLOT_CONDITIONS).
#: referral and handover are goodwill offered after rescinding (staying in touch is a door).
#: counter..upset are the call's branches (what to say when it turns), and reply answers
#: what they wrote back.
SLOTS = (
    "subject", "prepare", "greeting", "thanks", "interest", "ask", "decide", "decision",
    "recap", "reason", "impact", "money", "relay", "referral", "handover", "door", "talk_ask",
    "talk_enough", "talk_no", "close", "signoff", "voicemail", "after", "counter", "reconsider",
    "where", "feedback", "upset", "reply",
)  # fmt: skip

#: Conditions a slot's every variant carries, whatever its file says: the recap names a
#: failed conversation as the cause only when its deal-breaker is the user's reason said
#: another way (vocabulary.recap_fits); otherwise the reason sentence stays.
SLOT_CONDITIONS: Mapping[str, Conditions] = {"recap": {"recap_fits": frozenset({"true"})}}

#: A voicebook keeps its choices for this many sets of facts (then starts again).
_CHOSEN_SIZE = 4096


@dataclasses.dataclass(frozen=True)
class Variant:
    """One way to fill a slot, when its conditions hold; ``phrasings`` are Jinja2 sources."""

    slot: str
    where: str
    when: Conditions
    unless: Conditions
    phrasings: tuple[str, ...]

    def applies(self, facts: Mapping[str, str]) -> bool:
        """Whether this variant fits the facts."""
        return matches(self.when, self.unless, facts)

    @functools.cached_property
    def specificity(self) -> int:
        """How specific the conditions are: among fitting variants, the most wins (the facts
        named, weighed by :data:`~bowout.core.wording.conditions.PRECEDENCE`)."""
        return specificity([*self.when, *self.unless])

    @functools.cached_property
    def tiebreak(self) -> str:
        """A stable order for equally specific variants that is not their place in a file."""

        def text(conditions: Conditions) -> str:
            return repr(sorted((k, sorted(v)) for k, v in conditions.items()))

        return text(self.when) + text(self.unless) + repr(self.phrasings)


def most_specific(variants: Sequence[Variant], facts: Mapping[str, str]) -> Variant | None:
    """The fitting variant that names the most facts (ties: see :attr:`Variant.tiebreak`)."""
    best: Variant | None = None
    for variant in variants:
        if not variant.applies(facts):
            continue
        if (
            best is None
            or variant.specificity > best.specificity
            or (variant.specificity == best.specificity and variant.tiebreak < best.tiebreak)
        ):
            best = variant
    return best


@dataclasses.dataclass(frozen=True)
class Voicebook:
    """Every slot's variants for one voice: its own layer first, then its base's layers."""

    voice: str
    slots: Mapping[str, tuple[tuple[Variant, ...], ...]]
    #: The voice contracts ("I'm", "don't") as its pack's ``[contractions]`` say.
    contract: bool = False
    #: Choices already made, by the facts they were made for (facts are a few short strings,
    #: and a user changing one field asks for the same choice again and again).
    _chosen: dict[tuple[tuple[str, str], ...], Mapping[str, Variant]] = dataclasses.field(
        default_factory=dict, compare=False, repr=False
    )

    def choose(self, facts: Mapping[str, str]) -> Mapping[str, Variant]:
        """The most specific fitting variant of each slot that has one, from the first layer
        (the voice's own file, then its base's) holding a fitting one (shared: read only)."""
        key = tuple(facts.items())
        known = self._chosen.get(key)
        if known is None:
            if len(self._chosen) >= _CHOSEN_SIZE:
                self._chosen.clear()
            known = self._chosen[key] = self._choose(facts)
        return known

    def _choose(self, facts: Mapping[str, str]) -> dict[str, Variant]:
        chosen: dict[str, Variant] = {}
        for slot, layers in self.slots.items():
            for variants in layers:
                best = most_specific(variants, facts)
                if best is not None:
                    chosen[slot] = best
                    break
        return chosen

    def ambiguities(self, facts: Mapping[str, str]) -> list[str]:
        """Slots where two fitting variants of the deciding layer are equally specific:
        one line each, naming both (the writer settles it with one more condition)."""
        found = []
        for slot, layers in self.slots.items():
            for variants in layers:
                fitting = [v for v in variants if v.applies(facts)]
                if not fitting:
                    continue
                top = max(v.specificity for v in fitting)
                tied = [v.where for v in fitting if v.specificity == top]
                if len(tied) > 1:
                    found.append(f"{slot}: {' and '.join(tied)} both fit, equally specific")
                break
        return found

    def variants(self) -> Iterator[Variant]:
        """Every variant of every layer."""
        for layers in self.slots.values():
            for variants in layers:
                yield from variants


def phrasing_count(chosen: Sequence[Mapping[str, Variant]]) -> int:
    """How many distinct wordings exist: the most phrasings any chosen variant offers."""
    return max((len(v.phrasings) for c in chosen for v in c.values()), default=1)


def contracted(book: Voicebook, contractions: Contractions) -> Voicebook:
    """``book`` with every phrasing of every layer contracted (its base's included)."""

    def variant(v: Variant) -> Variant:
        return dataclasses.replace(v, phrasings=tuple(map(contractions.apply, v.phrasings)))

    slots = {slot: tuple(tuple(map(variant, layer)) for layer in layers)
             for slot, layers in book.slots.items()}  # fmt: skip
    return dataclasses.replace(book, slots=slots, _chosen={})
