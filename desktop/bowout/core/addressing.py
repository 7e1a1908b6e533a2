"""How people are addressed: the greeting name, and the placeholder for a missing name.

The greeting's name is chosen from the voice, the rapport, whether the message answers
theirs and whether the user wrote a title, as modern business English does (and as a
panel of hiring managers scored the drafts, issue 21):

1. **The user's own greeting** ("Jo", "hiring team") is used as written.
2. **A first name with rapport or in a reply**: people who know each other, or who are
   already writing back and forth, use the first name ("Dear Priya,"), title or not.
3. **Title and family name when a title is given in the formal voice** ("Dear Dr Okafor,"):
   the user wrote the title because this person is addressed by it.
4. **The first name otherwise** ("Dear Tom,", "Hi Jordan,"), in every voice: the full name
   ("Dear Tom Baker,") reads like a mail merge, and an unknown "Ms"/"Mr" cannot be guessed.
   Without a first name (a title and a family name only: "Frau Schäfer") the titled form is
   the name.

So a greeting never holds the first and the family name together, except a name that
cannot be split safely, which is kept as written (:mod:`bowout.core.names`). Whether the
chosen name starts with a title is a wording fact (``greeted_by_title``): the packs greet a
title with "Dear" or "Hello", never with "Hi" ("Hi Dr. Okafor" mixes registers). A title
is spelled as the language pack's ``[titles]`` table spells it in a greeting (British
English writes the contractions "Dr", "Mr", "Ms" without a full stop).
:mod:`bowout.core.names` decides which parts of a name these are; nobody named (an
application without a contact, a shared mailbox) greets the hiring team.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping

from bowout.core.errors import InputError
from bowout.core.name_titles import TITLE_WORDS, title_key
from bowout.core.names import PersonName, parse_name, without_titles
from bowout.core.pack import Pack, load_pack
from bowout.core.situation import Situation, Voice
from bowout.core.vocabulary import Address
from bowout.paths import DEFAULT_LANGUAGE, available_languages

#: The longest greeting name the user may set for a whole batch ("Dear …,"): a name with
#: a title, or a team, fits in far fewer; more is a sentence, not a greeting.
MAX_GREETING_CHARS = 60

#: Legal forms left out of a company's name when greeting its team ("Tailspin Toys, Inc."
#: → "Tailspin Toys hiring team"): nobody writes them in a salutation.
LEGAL_FORMS = frozenset(
    {
        "inc", "llc", "llp", "ltd", "limited", "plc", "corp", "corporation", "co", "company",
        "gmbh", "ag", "kg", "se", "ug", "e.v", "sa", "s.a", "sas", "sarl", "s.l", "sl",
        "srl", "s.r.l", "spa", "s.p.a", "bv", "b.v", "nv", "n.v", "ab", "oy", "as", "a/s",
        "aps", "pty", "k.k", "kk", "lda", "ltda",
    }
)  # fmt: skip


#: The last word of a company's name and what separates it from the rest.
_LAST_WORD = re.compile(r"[\s,]+(\S+)$")


class _Placeholders(Mapping[str, str]):
    """The English pack's placeholders by field (``[placeholders]`` of ``pack.toml``); a
    message in another language uses :func:`placeholders` of its own."""

    def __getitem__(self, key: str) -> str:
        return placeholders()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(placeholders())

    def __len__(self) -> int:
        return len(placeholders())


#: Visible placeholders for missing names in English; the tone coach flags them until filled.
PLACEHOLDERS: Mapping[str, str] = _Placeholders()
#: The fields a placeholder stands for, in the order a profile and a situation give them.
PLACEHOLDER_FIELDS = (
    "contact", "role", "company", "recruiter", "your_name", "your_email", "your_phone",
)  # fmt: skip


def placeholders(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """What stands for each empty field in a message in ``language`` ("[Role]"), from its
    pack's ``[placeholders]``; TemplateError naming the pack when one is missing."""
    pack = load_pack(language)
    return {key: pack.word("placeholders", key) for key in PLACEHOLDER_FIELDS}


def all_placeholders() -> dict[str, str]:
    """Every placeholder of every pack found, with the field it stands for (the tone
    coach and the command line recognise a fill-in whatever the message's language)."""
    found: dict[str, str] = {}
    for language in available_languages():
        for key, text in placeholders(language).items():
            found.setdefault(text, key)
    return found


def informal_name(full: str) -> str:
    """How a first-name message greets ``full``: the given name, or the title with the
    family name when a title is written ("Dr. Lee"); "" when no person is named."""
    return parse_name(full).informal


def formal_name(full: str) -> str:
    """How a letter greets ``full``: the highest title with the family name ("Dr.
    Müller"), else the full name in reading order; "" when no person is named."""
    return parse_name(full).formal


def reference_name(full: str) -> str:
    """``full`` as running text names the person ("let Mary O'Brien-Smith know"); ""
    when no person is named."""
    return parse_name(full).full


def own_name(name: str) -> str:
    """The user's own name as they sign and introduce themselves: without a title in
    front ("Dr. Aiko Tanaka" → "Aiko Tanaka"; a career coach never signs "Dr."), else as
    written; "" for ""."""
    return without_titles(name)


def company_name(company: str) -> str:
    """``company`` as running text names it: without a trailing legal form ("Tailspin Toys,
    Inc." → "Tailspin Toys"; :data:`LEGAL_FORMS`), else as written; "" for ""."""
    name = company.strip()
    while True:
        last = _LAST_WORD.search(name)
        if last is None or not (
            last[1].casefold().strip(".") in LEGAL_FORMS or last[1] in {"&", "and"}
        ):
            return name
        name = name[: last.start()].rstrip()


def team_addressee(company: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The greeting name for a company's hiring team in ``language``'s pack ([team]):
    "Northwind hiring team" (legal forms such as "Inc." left out), or "hiring team"
    without a company or when the whole would be longer than :data:`MAX_GREETING_CHARS`."""
    pack = load_pack(language)
    alone = pack.word("team", "team_alone")
    name = company_name(company)
    if not name:
        return alone
    team = pack.text("team", "team", company=name)
    # A company name too long to read in a salutation is left out (and would not fit a
    # record's greeting field).
    return team if len(team) <= MAX_GREETING_CHARS else alone


def check_greeting(text: str) -> str:
    """``text`` stripped, when it can stand as who a message greets ("hiring team",
    "Jordan"); InputError (one line) for a line break, an empty text, one longer than
    :data:`MAX_GREETING_CHARS`, or a whole greeting line, whose "Dear …," the voice adds."""
    if "\n" in text or "\r" in text:
        raise InputError("the greeting holds a line break; give who to greet, on one line")
    text = " ".join(text.split())
    if not text:
        raise InputError("the greeting is empty; give who to greet, e.g. 'Northwind team'")
    if len(text) > MAX_GREETING_CHARS:
        raise InputError(
            f"the greeting is {len(text)} characters long; the limit is {MAX_GREETING_CHARS}"
        )
    first = text.split()[0].casefold().rstrip(",")
    if text.endswith(",") or first in {"dear", "hi", "hello", "hey"}:
        raise InputError(
            f"give only who to greet (e.g. 'Northwind team'), not the greeting line {text!r}: "
            "the voice adds 'Dear …,' or 'Hi …,'"
        )
    return text


def greeting_name(
    name: PersonName,
    voice: Voice,
    *,
    familiar: bool = False,
    language: str = "en",
    spoken: bool = False,
) -> str:
    """How a greeting names the person ``name`` (see the module's rules): their first name
    when ``familiar`` (rapport, or a reply in a thread) or without a title, else (the formal
    voice with a title) the title and family name; "" when ``name`` is no person. A title
    is spelled as the ``language`` pack's ``[titles]`` spells it.

    The rules are the English pack's (``[greeting] names = "first-name"``); a pack without
    that setting keeps its language's letter conventions: the formal voice's written
    greeting takes the title and family name or the full name, every other greeting the
    first name or the titled form (``spoken``: a call, never a full name); with
    ``familiar = "first-name"`` in that table, a familiar formal letter takes the first name
    or the titled form too (Spanish: "Buenos días, Priya:" after a call). There,
    ``untitled = "first-name"`` makes a formal letter greet someone without a title by
    first name too (never "Priya Nair"), ``ungendered`` (title keys, spaces between) leaves
    out titles whose gender the language would have to guess (Spanish "Dr."/"Dra."), and
    the pack's ``[titles]`` spells a title ("Ms." → "Sra.")."""
    if not name.is_person:
        return ""
    if not name.certain:
        return name.written
    rules = load_pack(language).words.get("greeting", {})
    if rules.get("names") == "civility":
        return _by_civility(name, voice, familiar=familiar, language=language)
    if rules.get("names") != "first-name":
        name = _without_ungendered(name, rules.get("ungendered", ""))
        letter = voice is Voice.FORMAL and not spoken
        if letter and not (familiar and rules.get("familiar") == "first-name"):
            first = name.nickname or name.given
            if rules.get("untitled") == "first-name" and first and not name.titles:
                return first
            return _spelled(name.formal, language)
        return _spelled(name.informal, language)
    first = name.nickname or name.given
    titled = name.formal if name.titles else ""
    if first and (familiar or not titled or voice is not Voice.FORMAL):
        return first
    return _spelled(titled or name.formal, language)


def _without_ungendered(name: PersonName, ungendered: str) -> PersonName:
    """``name`` without the titles the pack's ``[greeting] ungendered`` lists (title keys,
    separated by spaces, whose form in the language says a gender the name does not:
    Spanish "Dr." is a man's, "Dra." a woman's, so an English "Dr." is left out rather than
    guessed), when a given name remains to greet; else ``name`` unchanged."""
    keys = ungendered.split()
    if not keys or not (name.nickname or name.given):
        return name
    kept = tuple(t for t in name.titles if title_key(t) not in keys)
    return name if kept == name.titles else dataclasses.replace(name, titles=kept)


def _civilities(language: str) -> Mapping[str, str]:
    """The pack's ``[civilities]``: each civility title a greeting keeps, by its key
    (:func:`~bowout.core.name_titles.title_key`), spelled as the greeting writes it."""
    return load_pack(language).words.get("civilities", {})


def _by_civility(name: PersonName, voice: Voice, *, familiar: bool, language: str) -> str:
    """The ``names = "civility"`` rule (French): a greeting names the person by a civility
    the user wrote ("Mme Nair" → "Madame Nair", spelled as the pack's ``[civilities]``
    spells it); any other title is left out ("Docteur" is for a physician, so a "Dr." whose
    field is unknown is not written), and no gender is ever guessed. Without a civility:
    the first name ("Bonjour Priya,"), in every voice: a French reader takes "Bonjour Priya
    Nair," for a mail merge, and a bare "Bonjour," to a named contact as a form letter (the
    native panels, issue 26); "Bonjour Prénom," with *vous* is ordinary in French e-mail.
    Without a first name, the family name. The same form is written and spoken, so an
    email and its call script never name the person two ways."""
    civilities = _civilities(language)
    civility = next((civilities[title_key(t)] for t in name.titles
                     if title_key(t) in civilities), "")  # fmt: skip
    if civility and name.family and not (familiar and voice is not Voice.FORMAL and name.given):
        return f"{civility} {name.family}"
    return name.nickname or name.given or name.family


def _civility_spelled(greeting: str, language: str) -> str:
    """The user's own ``greeting`` with a leading civility spelled as the pack's
    ``[civilities]`` writes it in a greeting ("Mme Nair" → "Madame Nair"); otherwise as
    written (a pack without the table keeps it whole)."""
    civilities = _civilities(language)
    head, _, rest = greeting.partition(" ")
    spelled = civilities.get(title_key(head)) if rest else None
    return f"{spelled} {rest}" if spelled else greeting


def _spelled(greeting: str, language: str) -> str:
    """``greeting`` with its leading title spelled as the pack's ``[titles]`` spells it."""
    spellings = load_pack(language).words.get("titles", {})
    head, _, rest = greeting.partition(" ")
    if head in spellings and rest:
        return f"{spellings[head]} {rest}"
    return greeting


def greets_by_title(greeting: str) -> bool:
    """True when the greeting name ``greeting`` starts with a title before a name ("Dr
    Okafor", "Frau Schäfer"): it then takes "Dear" or "Hello", never "Hi". Read from the
    first word alone, so a greeting is never parsed twice (nor nameparser loaded for it)."""
    words = greeting.split()
    # "Madame, Monsieur" (a French letter to a team) starts with a title too.
    return len(words) > 1 and title_key(words[0].rstrip(",")) in TITLE_WORDS


def contact_addressee(
    situation: Situation,
    *,
    spoken: bool = False,
    reply: bool = False,
    called: bool = False,
    linkedin: bool = False,
) -> str:
    """How the contact is greeted: the user's own greeting, else by the module's rules.

    ``reply``: the message answers theirs (a first name, as in any thread). A spoken script
    never uses a full name either. ``called``: the message confirms a call just made, which
    makes the reader familiar where the pack says so (``[greeting] familiar``). A mailbox
    that names nobody greets the company's hiring team, and a call to a team says "Hello
    there"; without a contact (or with a title alone) the placeholder is returned, to be
    filled in. ``linkedin``: the message is sent on LinkedIn, which shows the reader's
    name beside it, so a greeting never leaves a known name out there ("Bonjour Amara,",
    not a bare "Bonjour,": the French panel, issue 26).
    """
    pack = load_pack(situation.language)
    if situation.greeting:
        team = pack.word("team", "team_alone").casefold() in situation.greeting.casefold()
        if spoken and team:
            return pack.word("team", "spoken_team")
        return _civility_spelled(situation.greeting, situation.language)
    name = parse_name(situation.contact)
    if name.mailbox:
        if spoken:
            return pack.word("team", "spoken_team")
        return team_addressee(situation.company, situation.language)
    if not name.is_person:
        return pack.word("placeholders", "contact")
    if _on_first_name_terms(situation, name, pack):
        return name.nickname or name.given
    familiar = situation.rapport or reply or (called and _familiar_first(pack))
    found = greeting_name(
        name, situation.voice, familiar=familiar, language=situation.language, spoken=spoken
    )
    if linkedin and not found and (name.nickname or name.given):
        return name.nickname or name.given
    return found


def recruiter_addressee(situation: Situation, *, reply: bool = False) -> str:
    """How the recruiter is greeted: by the module's rules (a recruiter is someone the user
    works with, so the first name unless a title is given in the formal voice; under the
    French civility rule, a civility the user wrote in the formal voice)."""
    name = parse_name(situation.recruiter)
    pack = load_pack(situation.language)
    if not name.is_person:
        return pack.word("placeholders", "recruiter")
    if _on_first_name_terms(situation, name, pack):
        return name.nickname or name.given
    # Under the civility rule the first name is for people the user knows, as a recruiter
    # working with them is ("Bonjour Tom,", not the mail merge's "Bonjour Tom Baker,").
    civility = pack.words.get("greeting", {}).get("names") == "civility"
    familiar = reply or _familiar_first(pack) or civility
    return greeting_name(name, situation.voice, familiar=familiar, language=situation.language)


def _on_first_name_terms(situation: Situation, name: PersonName, pack: Pack) -> bool:
    """True when the message says tú (du, tu) to ``name`` in a pack that greets known
    readers by first name: "Buenos días, Dr. Okafor:" followed by tú mixes two registers."""
    return (
        situation.address is Address.INFORMAL
        and _familiar_first(pack)
        and name.certain
        and bool(name.nickname or name.given)
    )


def _familiar_first(pack: Pack) -> bool:
    """True when ``pack`` greets a reader the writer knows by first name in every voice
    (``[greeting] familiar = "first-name"``): after a call, and the recruiter one works with,
    count as known there (a Spanish letter's "Buenos días, Priya Nair:" reads as a mail
    merge to someone just spoken to)."""
    return pack.words.get("greeting", {}).get("familiar") == "first-name"
