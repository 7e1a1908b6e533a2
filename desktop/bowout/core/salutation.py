"""The courtesy form of address a letter greets someone by ("Frau Nair", "Herr Dr. Müller").

German (and any language whose pack has a ``[courtesy]`` table) greets a person it writes
to with the courtesy title and the family name: "Sehr geehrte Frau Nair," formally, "Liebe
Frau Nair," warmly, "Guten Tag, Frau Nair," briefly. The adjective agrees with the title's
grammatical gender, so the greeting needs to know the title; a title is never guessed from
a first name (DIN 5008 and every German business-letter guide greet by the form the person
is known by, and a first name says nothing reliable about it). It comes from what the user
wrote: the "How to address them" field (``Situation.greeting``, ``--greeting``) or a title
typed in front of the name ("Frau Anna Schäfer").

The pack's data (``[courtesy]``: each title as a greeting writes it, with its gender;
``[courtesy.spellings]``: other ways a user types it, "Fr." or "Ms.") decides; this module
holds no language's words. Without a known title the templates fall back to the full name
("Guten Tag, Priya Nair,"), the documented form for an unknown Anrede.
"""

from __future__ import annotations

import dataclasses

from bowout.core.name_titles import title_key
from bowout.core.names import parse_name
from bowout.core.pack import load_pack

__all__ = ["Salutation", "missing_courtesy_hint", "salutation"]


@dataclasses.dataclass(frozen=True)
class Salutation:
    """How a greeting may name one person, each form "" when it is not known."""

    #: The courtesy title, any further titles and the family name ("Herr Dr. Müller").
    courtesy: str = ""
    #: The courtesy title's grammatical gender as the pack's ``[courtesy]`` gives it ("f").
    gender: str = ""
    #: The first name, for an informal address ("Liebe Priya,"): what the user typed as the
    #: greeting when it has no courtesy title, else the contact's given name.
    first: str = ""
    #: The whole name as written (the typed greeting when it has no courtesy title), the
    #: fallback when no courtesy title is known ("Guten Tag, Priya Nair,").
    full: str = ""
    #: :attr:`courtesy` as the object of a verb ("ich würde Herrn Lee anrufen"), from the
    #: pack's ``[courtesy.accusative]``; "" when no courtesy title is known.
    accusative: str = ""

    def with_accusative(self, language: str) -> Salutation:
        """This salutation with :attr:`accusative` filled from ``language``'s pack."""
        if not self.courtesy:
            return self
        title, _, rest = self.courtesy.partition(" ")
        cases = load_pack(language).words.get("courtesy.accusative", {})
        return dataclasses.replace(self, accusative=f"{cases.get(title, title)} {rest}")


def _courtesy_title(word: str, language: str) -> tuple[str, str]:
    """(title as a greeting writes it, gender) when ``word`` is one of the pack's courtesy
    titles in any spelling it lists; ("", "") otherwise."""
    pack = load_pack(language)
    genders = pack.words.get("courtesy", {})
    if not genders:
        return "", ""
    spellings = {title_key(k): v for k, v in pack.words.get("courtesy.spellings", {}).items()}
    by_key = {title_key(k): k for k in genders}
    key = title_key(word)
    title = by_key.get(key) or spellings.get(key, "")
    return (title, genders.get(title, "")) if title in genders else ("", "")


def salutation(greeting: str, name: str, language: str) -> Salutation:
    """How a message in ``language`` may greet the person named ``name`` whom the user
    said to address as ``greeting`` ("" when not said).

    ``greeting`` starting with a courtesy title ("Frau Nair", "Fr. Prof. Dr. Weber") is
    that form, the title spelled as the pack writes it; else a courtesy title typed in
    front of ``name`` ("Herr Dr. Hans Müller") gives the title, the highest further title
    and the family name ("Herr Dr. Müller"). A mailbox or an empty ``name`` names nobody
    (every form ""). The accusative comes from ``[courtesy.accusative]`` ("Herrn Lee").
    Raises nothing; a pack without ``[courtesy]`` gives no courtesy form."""
    return _salutation(greeting, name, language).with_accusative(language)


def _salutation(greeting: str, name: str, language: str) -> Salutation:
    """The forms of :func:`salutation`, without the accusative."""
    parsed = parse_name(name)
    person = parsed.is_person and not parsed.mailbox
    given = (parsed.nickname or parsed.given) if person and parsed.certain else ""
    written = ""
    if person:  # in reading order ("Schäfer, Anna" → "Anna Schäfer"), titles kept
        written = (" ".join((*parsed.titles, *parsed.forenames, parsed.family)).strip()
                   if parsed.certain else parsed.written)  # fmt: skip
    words = greeting.split()
    if words:
        title, gender = _courtesy_title(words[0], language)
        if title and len(words) > 1:
            return Salutation(" ".join((title, *words[1:])), gender, given, written)
        return Salutation("", "", greeting, greeting)
    if person and parsed.certain and parsed.titles and parsed.family:
        title, gender = _courtesy_title(parsed.titles[0], language)
        if title:
            # Of further titles a salutation names the highest ("Frau Prof. Weber" for
            # "Frau Prof. Dr. Eva Weber"), as German letters do.
            highest = parsed.formal.split()[0]
            named = parsed.family if _courtesy_title(highest, language)[0] else parsed.formal
            return Salutation(f"{title} {named}", gender, given, written)
    return Salutation("", "", given, written)


def missing_courtesy_hint(greeting: str, name: str, language: str) -> str:
    """The pack's ``[hints] greeting`` ("Anrede, e.g. Frau Nair …") when a message in
    ``language`` would greet the person ``name`` by the full name only because no courtesy
    title is known (the pack has ``[courtesy]``, nothing typed as ``greeting``); "" when
    the greeting needs nothing more (a pack greeting by first name, a team, nobody named)."""
    pack = load_pack(language)
    if greeting.strip() or not pack.words.get("courtesy"):
        return ""
    said = salutation(greeting, name, language)
    return pack.word("hints", "greeting") if said.full and not said.courtesy else ""
