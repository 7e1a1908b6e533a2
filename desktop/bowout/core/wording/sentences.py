"""A language's wording: its voicebooks, loaded through the template environment (a user's
folders first), and the chosen sentences rendered by Jinja2 in the sandbox, each phrasing
compiled once and kept, whatever other sentences it is chosen with."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from bowout import paths
from bowout.core import templating
from bowout.core.errors import TemplateError
from bowout.core.pack import load_pack
from bowout.core.wording.contractions import Contractions, compile_contractions
from bowout.core.wording.model import SLOTS, Variant, Voicebook, contracted
from bowout.core.wording.voicefile import base_of, parse_voicebook

#: Two full stops where a value's own ends a sentence (not three: an ellipsis).
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
#: A phrasing Jinja2 renders as written: no tag, expression or comment (all start with a
#: brace) and no carriage return (Jinja2 turns one into a line feed).
_PLAIN = re.compile(r"[^{\r]*")
#: Plans kept (one per distinct choice of sentences).
_CACHE_SIZE = 512
#: Phrasings kept compiled: every phrasing of the four built-in packs, in all their forms
#: (as written, contracted, spoken), fits with room for a user's own.
_COMPILED_SIZE = 16384
#: Each audience, its slots in sentence order, each slot's phrasing (its text when it holds
#: no template syntax, else its index in the templates), and its phrasings that are templates.
_Plan = tuple[tuple[str, tuple[str, ...], tuple[str | int, ...], tuple[jinja2.Template, ...]], ...]
#: Every slot empty: what each audience's sentences start from.
_NOTHING_SAID = dict.fromkeys(SLOTS, "")
#: The names a spoken sentence sees as their ``spoken_`` forms: the one the call is with.
_SPOKEN_NAMES = (
    "addressee", "courtesy_name", "courtesy_gender", "courtesy_object", "first_name", "full_name"
)  # fmt: skip


#: What :func:`_spoken` reads a name that is not in the context as.
_MISSING = object()


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
                book = contracted(book, self._contractions)
            self._books[voice] = book
        return book

    @functools.cached_property
    def _contractions(self) -> Contractions:
        """The pack's contractions (none for a pack without a ``[contractions]`` table)."""
        words = load_pack(self.language).words
        kept = tuple(words.get("uncontracted", {}).values())
        return compile_contractions(words.get("contractions", {}), kept)

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
        """:meth:`render` for several audiences at once, each phrasing compiled once and kept.

        The ``spoken`` audience's sentences see ``addressee`` as ``spoken_addressee`` (a
        call never uses a full name) and each form of a name (``courtesy_name``, ...) as its
        ``spoken_`` one (whoever the call is with: through a recruiter, a negotiation's call is
        with the recruiter), so ``context`` must hold those when ``chosen`` has ``spoken``.
        """
        said = {audience: _NOTHING_SAID.copy() for audience in chosen}
        plan = self._plan(chosen, wording)
        if plan is None:  # a custom voice with nothing that fits: every slot stays empty
            return said
        values = context if isinstance(context, dict) else dict(context)
        for audience, slots, phrasings, templates in plan:
            seen = _spoken(values) if audience == "spoken" and templates else values
            rendered = templating.render_templates(templates, seen, "wording")
            for slot, phrasing in zip(slots, phrasings, strict=True):
                text = rendered[phrasing] if isinstance(phrasing, int) else phrasing
                # Phrasings are single-spaced when loaded and situation values are single
                # lines; a value ending in a full stop ("Tailspin Toys, Inc.") before the
                # sentence's own would leave two (an ellipsis, three, is kept).
                said[audience][slot] = _DOUBLE_STOP.sub(".", text) if ".." in text else text
        return said

    def _plan(self, chosen: Mapping[str, Mapping[str, Variant]], wording: int) -> _Plan | None:
        """Each audience's slots, in the order of its sentences, with their chosen phrasings
        compiled; None when no slot has a variant. Kept by the chosen
        variants: the composer and :meth:`Voicebook.choose` hand out the same mappings for
        the same facts, so while the user types only the names change, and the plan is
        made once. Raises :class:`TemplateError` for a phrasing that does not compile."""
        key = (wording, *((audience, id(slots)) for audience, slots in chosen.items()))
        known = self._plans.get(key)
        # The mappings themselves are kept with the plan, so an id is never another's.
        if known is not None and all(
            a is b for a, b in zip(known[0], chosen.values(), strict=True)
        ):
            return known[1]
        steps = []
        for audience, slots in chosen.items():
            parts = [
                variant.phrasings[(wording - 1) % len(variant.phrasings)]
                for variant in slots.values()
            ]
            if audience == "spoken":
                # Said aloud, every voice contracts as a person speaks: a formal letter
                # spells "I have decided" out, its phone script says "I've decided".
                parts = [self._contractions.apply(part) for part in parts]
            if not parts:
                continue
            phrasings: list[str | int] = []
            templates: list[jinja2.Template] = []
            for part in parts:
                if _PLAIN.fullmatch(part):  # nothing to render: it says itself
                    phrasings.append(part)
                else:
                    phrasings.append(len(templates))
                    templates.append(_compile(self._env, part))
            steps.append((audience, tuple(slots), tuple(phrasings), tuple(templates)))
        plan = tuple(steps) or None
        if len(self._plans) >= _CACHE_SIZE:
            self._plans.clear()
        self._plans[key] = (tuple(chosen.values()), plan)
        return plan


def _spoken(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` as a spoken sentence sees them: each name of :data:`_SPOKEN_NAMES` is its
    ``spoken_`` form (a call never uses a full name), undefined when that is missing."""
    seen = dict(values)
    for name in _SPOKEN_NAMES:
        spoken = values.get(f"spoken_{name}", _MISSING)
        if spoken is _MISSING:
            seen.pop(name, None)
        else:
            seen[name] = spoken
    return seen


@functools.lru_cache(maxsize=_COMPILED_SIZE)
def _compile(env: jinja2.Environment, phrasing: str) -> jinja2.Template:
    """``phrasing`` compiled in ``env``, kept: a phrasing is compiled once whatever sentences
    it is chosen with (compiling is what a new choice costs; a render is a small part).
    Raises :class:`TemplateError` naming the line of a syntax error."""
    # Sentences are plain text: the HTML version escapes them when it lays them out.
    source = "{% autoescape false %}" + phrasing + "{% endautoescape %}"
    try:
        cache = env.bytecode_cache
        if cache is None:
            return templating.flat_globals(env.from_string(source))
        # Through the compiled-template cache, as named templates are, so a second start
        # loads code rather than compiling the sentences again.
        # A bucket per phrasing: the cache keys a bucket by its name, so the source is its
        # name (one shared name would keep only the last phrasing compiled).
        bucket = cache.get_bucket(env, source, None, source)
        if bucket.code is None:
            bucket.code = env.compile(source, "wording")
            cache.set_bucket(bucket)
        # The globals as a plain dict: see templating.flat_globals.
        return env.template_class.from_code(env, bucket.code, dict(env.make_globals(None)))
    except jinja2.TemplateSyntaxError as exc:
        line = exc.lineno or 1
        raise TemplateError(f"wording: {exc.message} (line {line})") from None
