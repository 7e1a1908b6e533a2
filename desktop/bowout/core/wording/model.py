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
a voice file by name.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from bowout import paths
from bowout.core import templating
from bowout.core.errors import TemplateError
from bowout.core.pack import load_pack
from bowout.core.wording.conditions import Conditions, matches, parse_conditions, specificity
from bowout.core.wording.contractions import Contractions, compile_contractions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

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

#: An HTML tag or entity: a phrasing is plain text, escaped when the rich text is made.
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|&[A-Za-z]+;|&#\d+;")
#: Two full stops where a value's own ends a sentence (not three: an ellipsis).
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
#: Separates the sentences of one combined render (never typed in a template).
_SEP = "\x1e"
#: The no-break spaces a phrasing may hold; every other run of whitespace is made one space.
_NO_BREAK = frozenset("\u00a0\u202f")
_LAYOUT_SPACES = re.compile(r"[^\S\u00a0\u202f]+")
#: Combined templates kept compiled (one per distinct choice of sentences).
_CACHE_SIZE = 512
#: A combined template of chosen sentences, and the (audience, slot) of each sentence.
_Plan = tuple[jinja2.Template, tuple[tuple[str, str], ...]]


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
            if len(self._chosen) >= _CACHE_SIZE * 8:
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


def parse_voicebook(source: str, name: str, base: Voicebook | None = None) -> Voicebook:
    """Parse a voice file; TemplateError names the file and the variant that is wrong.

    ``base``: the voicebook of the file's ``base`` voice, when it names one.
    """
    try:
        data = tomllib.loads(source.lstrip("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{name}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib parses nested arrays recursively
        raise TemplateError(f"{name}: not valid TOML: nested too deeply") from None
    data.pop("base", None)
    contract = data.pop("contract", None)
    if contract is not None and not isinstance(contract, bool):
        raise TemplateError(f"{name}: contract is true or false")
    slots: dict[str, tuple[tuple[Variant, ...], ...]] = dict(base.slots) if base else {}
    for slot, entries in data.items():
        if slot not in SLOTS:
            raise TemplateError(f"{name}: unknown slot {slot!r}; the slots are {', '.join(SLOTS)}")
        if not isinstance(entries, list):
            raise TemplateError(f"{name}: write each variant of {slot} as [[{slot}]]")
        own = tuple(
            _variant(slot, entry, f"{name}, {slot} variant {i}")
            for i, entry in enumerate(entries, 1)
        )
        slots[slot] = (own, *(base.slots.get(slot, ()) if base else ()))
    voice = name.rsplit("/", 1)[-1].removesuffix(".toml")
    if contract is None:  # a user's file extending its own voice speaks as that voice does
        contract = base is not None and base.voice == voice and base.contract
    return Voicebook(voice, {slot: slots[slot] for slot in SLOTS if slot in slots}, contract)


def _variant(slot: str, entry: object, where: str) -> Variant:
    if not isinstance(entry, dict):
        raise TemplateError(f"{where}: a variant is a table with when, unless and say")
    unknown = set(entry) - {"when", "unless", "say"}
    if unknown:
        raise TemplateError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    say = entry.get("say")
    raw: list[object] = say if isinstance(say, list) else [say]
    phrasings = [p for p in raw if isinstance(p, str)]
    if not phrasings or len(phrasings) != len(raw):
        raise TemplateError(f"{where}: say must be text or a list of texts")
    for phrasing in phrasings:
        if "\n" in phrasing.strip() or "\r" in phrasing:
            raise TemplateError(
                f"{where}: say holds a line break; a phrasing is one line (the layout "
                "templates make the paragraphs)"
            )
        markup = _MARKUP.search(phrasing)
        if markup:
            raise TemplateError(
                f"{where}: say holds markup ({markup.group()}); a phrasing is plain text "
                "(the rich-text version is made from it)"
            )
        # No-break spaces (U+00A0, U+202F) are typography (French sets one before ":"),
        # not control characters, though Python does not count them printable.
        if any(not ch.isprintable() and ch not in _NO_BREAK for ch in phrasing.strip()):
            raise TemplateError(f"{where}: say holds a control character")
    when = parse_conditions(entry.get("when"), where)
    return Variant(
        slot=slot,
        where=where,
        when={**when, **SLOT_CONDITIONS.get(slot, {})},
        unless=parse_conditions(entry.get("unless"), where),
        phrasings=tuple(_LAYOUT_SPACES.sub(" ", p).strip() for p in phrasings),
    )


def base_of(source: str) -> str | None:
    """The ``base = "voice"`` a voice file names, if any (read before the file is parsed)."""
    for line in source.lstrip("\ufeff").splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() == "base":
            return value.strip().strip("\"'") or None
        if line.startswith("["):
            break
    return None


class Wording:
    """Loads voicebooks through the template environment and renders chosen sentences."""

    def __init__(self, env: jinja2.Environment, language: str = paths.DEFAULT_LANGUAGE) -> None:
        """``env`` loads the wording files (a user's folders, then the pack of
        ``language``, whose files are the base a user's file may extend)."""
        self._env = env
        self.language = language
        self._books: dict[str, Voicebook] = {}
        #: As written, before a voice's contractions: what another voice takes as its base.
        self._written: dict[str, Voicebook] = {}
        #: :meth:`_plan`'s plans, with the chosen mappings each was made from.
        self._plans: dict[tuple[object, ...], tuple[tuple[object, ...], _Plan | None]] = {}

    def voicebook(self, voice: str) -> Voicebook:
        """The voicebook for ``voice`` (``templates/<language>/wording/<voice>.toml``), loaded once.

        The first folder holding the file wins (the user's, then the built-in one). A
        user's file that names its own voice as ``base`` extends the built-in file of that
        voice: its variants are tried first. Raises :class:`TemplateError`.
        """
        book = self._books.get(voice)
        if book is None:
            book = self._load(voice, ())
            if book.contract:
                words = load_pack(self.language).words.get("contractions", {})
                book = contracted(book, compile_contractions(words))
            self._books[voice] = book
        return book

    def _load(self, voice: str, seen: tuple[str, ...], *, builtin: bool = False) -> Voicebook:
        name = f"wording/{voice}.toml"
        if builtin:
            try:
                source = (paths.pack_dir(self.language) / name).read_text(encoding="utf-8")
            except OSError:
                raise TemplateError(f"the built-in {self.language}/{name} is missing") from None
        else:
            loader = self._env.loader
            assert loader is not None
            try:
                source, path, _up = loader.get_source(self._env, name)
            except jinja2.TemplateNotFound:
                raise TemplateError(
                    f"wording for the {voice} voice ({name}) was not found"
                ) from None
            builtin = Path(path or "").parent.parent == paths.pack_dir(self.language)
        base_name = base_of(source)
        base = None
        if base_name == voice and not builtin:
            base = self._load(voice, (*seen, voice), builtin=True)
        elif base_name in (*seen, voice):
            raise TemplateError(f"{name}: base {base_name!r} leads back to itself")
        elif base_name:
            base = self._written.get(base_name) or self._load(base_name, (*seen, voice))
        book = parse_voicebook(source, name, base)
        for variant in book.variants():
            for phrasing in variant.phrasings:
                try:
                    self._env.parse(phrasing)
                except jinja2.TemplateSyntaxError as exc:
                    raise TemplateError(f"{variant.where}: {exc.message}") from None
        if not builtin or voice not in seen:
            self._written.setdefault(voice, book)
        return book

    def render(
        self, chosen: Mapping[str, Variant], wording: int, context: Mapping[str, Any]
    ) -> dict[str, str]:
        """Every slot's text: the chosen phrasing number ``wording`` (1-based, cycling),
        rendered; "" for a slot with no fitting variant. Raises :class:`TemplateError`."""
        return self.render_all({"": chosen}, wording, context)[""]

    def render_all(
        self,
        chosen: Mapping[str, Mapping[str, Variant]],
        wording: int,
        context: Mapping[str, Any],
    ) -> dict[str, dict[str, str]]:
        """:meth:`render` for several audiences at once, in one render of one template.

        The ``spoken`` audience's sentences see ``addressee`` as ``spoken_addressee`` (a
        call never uses a full name), so ``context`` must hold ``spoken_addressee`` when
        ``chosen`` has ``spoken``.
        """
        said = {audience: dict.fromkeys(SLOTS, "") for audience in chosen}
        plan = self._plan(chosen, wording)
        if plan is None:  # a custom voice with nothing that fits: every slot stays empty
            return said
        template, order = plan
        text = templating.render_template(template, context, "wording")
        parts = text.split(_SEP)
        if len(parts) != len(order):  # a phrasing printed the separator itself
            raise TemplateError("wording: a phrasing printed the control character U+001E")
        # Phrasings are single-spaced when loaded and situation values are single lines; a
        # value ending in a full stop ("Tailspin Toys, Inc.") before the sentence's own
        # would leave two (an ellipsis, three, is kept).
        if ".." in text:
            parts = [_DOUBLE_STOP.sub(".", part) if ".." in part else part for part in parts]
        for (audience, slot), part in zip(order, parts, strict=True):
            said[audience][slot] = part
        return said

    def _plan(self, chosen: Mapping[str, Mapping[str, Variant]], wording: int) -> _Plan | None:
        """The combined template of the chosen phrasings and the (audience, slot) of each of
        its sentences; None when no slot has a variant. Kept by the chosen variants: the
        composer and :meth:`Voicebook.choose` hand out the same mappings for the same facts,
        so while the user types only the names change, and the plan is made once."""
        key = (wording, *((audience, id(slots)) for audience, slots in chosen.items()))
        known = self._plans.get(key)
        # The mappings themselves are kept with the plan, so an id is never another's.
        if known is not None and all(
            a is b for a, b in zip(known[0], chosen.values(), strict=True)
        ):
            return known[1]
        segments: list[str] = []
        order: list[tuple[str, str]] = []
        for audience, slots in chosen.items():
            parts = [
                variant.phrasings[(wording - 1) % len(variant.phrasings)]
                for variant in slots.values()
            ]
            if audience == "spoken" and parts:
                parts[0] = "{% with addressee = spoken_addressee %}" + parts[0]
                parts[-1] += "{% endwith %}"
            segments += parts
            order += [(audience, slot) for slot in slots]
        plan = (self._combined(segments), tuple(order)) if segments else None
        if len(self._plans) >= _CACHE_SIZE:
            self._plans.clear()
        self._plans[key] = (tuple(chosen.values()), plan)
        return plan

    def _combined(self, sources: Sequence[str]) -> jinja2.Template:
        return _compile(self._env, tuple(sources))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _compile(env: jinja2.Environment, sources: tuple[str, ...]) -> jinja2.Template:
    # Sentences are plain text: the HTML version escapes them when it lays them out.
    source = "{% autoescape false %}" + _SEP.join(sources) + "{% endautoescape %}"
    try:
        cache = env.bytecode_cache
        if cache is None:
            return templating.flat_globals(env.from_string(source))
        # Through the compiled-template cache, as named templates are, so a second start
        # loads code rather than compiling the sentences again.
        bucket = cache.get_bucket(env, "wording", None, source)
        if bucket.code is None:
            bucket.code = env.compile(source, "wording")
            cache.set_bucket(bucket)
        # The globals as a plain dict: see templating.flat_globals.
        return env.template_class.from_code(env, bucket.code, dict(env.make_globals(None)))
    except jinja2.TemplateSyntaxError as exc:
        line = exc.lineno or 1
        raise TemplateError(f"wording: {exc.message} (line {line})") from None


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
