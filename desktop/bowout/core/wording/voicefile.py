"""Reading a voice file (``templates/<language>/wording/<voice>.toml``) into a
:class:`~bowout.core.wording.model.Voicebook`: its variants, each checked as it is read
(known slots and facts, one line of plain text per phrasing), on its base voice's layers."""

from __future__ import annotations

import re
import sys

from bowout.core.errors import TemplateError
from bowout.core.wording.conditions import parse_conditions
from bowout.core.wording.model import SLOT_CONDITIONS, SLOTS, Variant, Voicebook

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: An HTML tag or entity: a phrasing is plain text, escaped when the rich text is made.
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|&[A-Za-z]+;|&#\d+;")
#: The no-break spaces a phrasing may hold; every other run of whitespace is made one space.
_NO_BREAK = frozenset("\u00a0\u202f")
_LAYOUT_SPACES = re.compile(r"[^\S\u00a0\u202f]+")


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
