"""A language's wording: its voicebooks, loaded through the template environment (a user's
folders first), and the chosen sentences rendered together by Jinja2 in the sandbox, in one
render of one combined template per choice of sentences."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
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
#: Separates the sentences of one combined render (never typed in a template).
_SEP = "\x1e"
#: Combined templates kept compiled (one per distinct choice of sentences), and plans.
_CACHE_SIZE = 512
#: A combined template of chosen sentences, and each audience's slots in sentence order.
_Plan = tuple[jinja2.Template, tuple[tuple[str, tuple[str, ...]], ...]]
#: Every slot empty: what each audience's sentences start from.
_NOTHING_SAID = dict.fromkeys(SLOTS, "")
#: What a spoken sentence sees each name it may use as: the one the call is with.
_SPOKEN_NAMES = (
    "{% with addressee = spoken_addressee, courtesy_name = spoken_courtesy_name, "
    "courtesy_gender = spoken_courtesy_gender, courtesy_object = spoken_courtesy_object, "
    "first_name = spoken_first_name, full_name = spoken_full_name %}"
)


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
        """:meth:`render` for several audiences at once, in one render of one template.

        The ``spoken`` audience's sentences see ``addressee`` as ``spoken_addressee`` (a
        call never uses a full name) and each form of a name (``courtesy_name``, ...) as its
        ``spoken_`` one (whoever the call is with: through a recruiter, a negotiation's call is
        with the recruiter), so ``context`` must hold those when ``chosen`` has ``spoken``.
        """
        said = {audience: _NOTHING_SAID.copy() for audience in chosen}
        plan = self._plan(chosen, wording)
        if plan is None:  # a custom voice with nothing that fits: every slot stays empty
            return said
        template, spans = plan
        text = templating.render_template(template, context, "wording")
        parts = text.split(_SEP)
        if len(parts) != sum(len(slots) for _, slots in spans):
            # a phrasing printed the separator itself
            raise TemplateError("wording: a phrasing printed the control character U+001E")
        # Phrasings are single-spaced when loaded and situation values are single lines; a
        # value ending in a full stop ("Tailspin Toys, Inc.") before the sentence's own
        # would leave two (an ellipsis, three, is kept).
        if ".." in text:
            parts = [_DOUBLE_STOP.sub(".", part) if ".." in part else part for part in parts]
        start = 0
        for audience, slots in spans:  # each audience's sentences, in the order of its slots
            said[audience].update(zip(slots, parts[start : start + len(slots)], strict=True))
            start += len(slots)
        return said

    def _plan(self, chosen: Mapping[str, Mapping[str, Variant]], wording: int) -> _Plan | None:
        """The combined template of the chosen phrasings and each audience's slots, in the
        order of its sentences; None when no slot has a variant. Kept by the chosen
        variants: the composer and :meth:`Voicebook.choose` hand out the same mappings for
        the same facts, so while the user types only the names change, and the plan is
        made once."""
        key = (wording, *((audience, id(slots)) for audience, slots in chosen.items()))
        known = self._plans.get(key)
        # The mappings themselves are kept with the plan, so an id is never another's.
        if known is not None and all(
            a is b for a, b in zip(known[0], chosen.values(), strict=True)
        ):
            return known[1]
        segments: list[str] = []
        spans: list[tuple[str, tuple[str, ...]]] = []
        for audience, slots in chosen.items():
            parts = [
                variant.phrasings[(wording - 1) % len(variant.phrasings)]
                for variant in slots.values()
            ]
            if audience == "spoken" and parts:
                # Said aloud, every voice contracts as a person speaks: a formal letter
                # spells "I have decided" out, its phone script says "I've decided".
                parts = [self._contractions.apply(part) for part in parts]
                parts[0] = _SPOKEN_NAMES + parts[0]
                parts[-1] += "{% endwith %}"
            segments += parts
            spans.append((audience, tuple(slots)))
        plan = (self._combined(segments), tuple(spans)) if segments else None
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
