"""People's names as users write them, and how a greeting addresses them.

The split of a written name into title, given, middle and family parts (particles such as
"van der" or "de la", "Last, First", post-nominals such as "PhD" or "Jr.") is
`nameparser <https://pypi.org/project/nameparser/>`_'s, whose vocabulary covers far more
titles and languages than Bow Out could keep. What Bow Out adds is the part that is its own
business: which of the parts a greeting uses.

- **One title, the highest.** An English letter puts one title before the family name; a
  professional or academic title outranks a courtesy title ("Herr Dr. Müller" → "Dr.
  Müller", "Prof. Dr. Weber" → "Prof. Weber", "Sra. Dra. García" → "Dra. García"). German
  custom stacks "Herr Dr.", but "Dear Herr Dr. Müller," reads half-translated in English,
  and German etiquette itself drops the "Dr." after "Professor". Courtesy titles keep the
  user's language ("Dear Frau Schäfer,", "Dear Sra. García,"): English letters have long
  written "Herr", "Frau", "Señora" as they are.
- **Spelled as a salutation spells it.** French never abbreviates the title in a
  salutation ("M." → "Monsieur", "Mme" → "Madame", "Me" → "Maître"); Dutch "dhr." / "mevr."
  / "de heer" are forms for envelopes and the third person, and an English letter writes
  "Mr." / "Ms." (the Dutch salutation's lowercase "heer" cannot follow "Dear").
- **A title goes with the name it belongs to.** "Sir", "Dame" and Spanish "Don"/"Doña" go
  with the given name ("Sir Elton"); every other title with the family name. Malay "bin" /
  "binti" name the father, not a family, so a title goes with the given name ("Mr. Ahmad").
- **First names in working email.** The warm and brief voices use the given name ("Hi
  Mary,"), or the nickname the user wrote; a title the user wrote means this person is
  addressed by title, so it is kept there too ("Hi Dr. Lee,", never "Hi Frau,").
- **Japanese honorifics and CJK names as written** ("Tanaka-san", "田中様"): their order
  and honorific customs are not Western ones, and the user chose the form.
- **Running text and the user's own name.** The checklist and a note to a recruiter name
  people in reading order, without titles where a given name is known ("Call Mary
  O'Brien-Smith today"); nobody signs or introduces themselves with a title ("Aiko
  Tanaka", not "Dr. Aiko Tanaka").
- **When unsure, the full name as written** (titles and all, without the comma of "Last,
  First"): after a Spanish or Portuguese title, "María García López" may hold two family
  names or two given names. Never a title alone and never a stray comma.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from bowout.core.name_titles import (
    GIVEN_NAME_TITLES,
    IBERIAN,
    LEADING_ABBREVIATIONS,
    PATRONYMIC_MARKERS,
    PHRASE_TITLES,
    TITLE_RANKS,
    TITLE_WORDS,
    salutation,
    title_key,
)

if TYPE_CHECKING:
    from nameparser import Parser

#: Japanese honorifics written after the name, as the user wrote them.
_JAPANESE_HONORIFIC = re.compile(r"(?:[-‐ ](?:san|sama|sensei|dono)|様|さん|殿|先生|氏)$")
#: Scripts whose names keep their own order and customs (kana, Han, Hangul), as code point
#: ranges: compiled as a regular expression these took 3-7 ms of every start (``re`` builds a
#: table of the 40,000 characters), to be asked about a name of a few letters.
_CJK = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF))
#: "Maya Okafor <maya@example.com>", as mail clients copy an address; and an address alone.
_NAMED_ADDRESS = re.compile(r"^(?P<name>.*?)\s*<(?P<address>[^<>\s]+@[^<>\s]+)>$")
_BARE_ADDRESS = re.compile(r"^(?P<local>[^@\s]+)@[^@\s]+\.[^@\s]+$")
#: nameparser's doubts (its AmbiguityKind values) that, after a title, leave the family
#: name unknown.
_DOUBTS_WITH_A_TITLE = frozenset({"particle-or-given", "title-or-name", "given-or-family"})


@functools.cache
def _parser() -> Parser:
    # Built once, on the first name that needs it: importing nameparser and building its
    # vocabulary takes tens of milliseconds that a start without names should not pay.
    # Its vocabulary plus the titles of the languages our users meet that it lacks.
    from nameparser import Lexicon, Parser

    extra = {key for key in (*TITLE_RANKS, *GIVEN_NAME_TITLES) if " " not in key}
    return Parser(lexicon=Lexicon.default().add(titles=extra - LEADING_ABBREVIATIONS))


@dataclasses.dataclass(frozen=True)
class PersonName:
    """A name as written, split into the parts a greeting needs.

    Every part keeps the user's letters (NFC) and spelling. ``titles`` are in the order
    written; ``forenames`` are the given and middle names, initials included; ``given`` is
    the first of them that is not an initial ("" when none); ``family`` includes its
    particles ("van der Berg"). ``certain`` is false when the parts cannot be trusted to
    stand alone (a Japanese honorific, a CJK name, a title before names that could be two
    given names or two family names): every form is then ``written``. ``mailbox`` is true
    for an address such as "jobs@northwind.example" that names nobody.
    """

    written: str = ""
    titles: tuple[str, ...] = ()
    forenames: tuple[str, ...] = ()
    given: str = ""
    family: str = ""
    nickname: str = ""
    certain: bool = True
    mailbox: bool = False

    @property
    def is_person(self) -> bool:
        """True when there is a name to greet (not nothing, a title alone or a mailbox)."""
        return bool(self.forenames or self.family)

    @property
    def full(self) -> str:
        """The name in reading order for running text ("let Mary O'Brien-Smith know", "call
        Hans Müller"): given and family names, with a title only where it goes with the
        given name ("Sir Elton John") or no given name is known ("Frau Schäfer"); "" when
        there is no person."""
        if not self.is_person:
            return ""
        if not self.certain:
            return self.written
        titles = [t for t in self.titles if title_key(t) in GIVEN_NAME_TITLES]
        if not self.forenames:
            titles = list(self.titles)
        return " ".join((*titles, *self.forenames, self.family)).strip()

    @property
    def formal(self) -> str:
        """How a letter greets them: the highest title with the family name ("Dr. Müller"),
        else the given and family names ("Mary O'Brien-Smith"); "" when no person."""
        if not self.is_person:
            return ""
        if not self.certain:
            return self.written
        return self._titled() or " ".join((*self.forenames, self.family)).strip()

    @property
    def informal(self) -> str:
        """How a first-name email or a call greets them: the titled form when the user wrote
        a title, else the nickname or given name, else the whole name; "" when no person."""
        if not self.is_person:
            return ""
        if not self.certain:
            return self.written
        return self._titled() or self.nickname or self.given or self.formal

    def _titled(self) -> str:
        """The title and the name it goes with, or "" when there is no title to use."""
        if not self.titles:
            return ""
        ranked = [
            (TITLE_RANKS.get(title_key(t), (1, ""))[0], -i, t)
            for i, t in enumerate(self.titles)
            if title_key(t) not in GIVEN_NAME_TITLES
        ]
        patronymic = self.family.split(" ", 1)[0].casefold() in PATRONYMIC_MARKERS
        if ranked and self.family and not patronymic:
            return f"{salutation(max(ranked)[2])} {self.family}"
        with_given = [t for t in self.titles if title_key(t) in GIVEN_NAME_TITLES]
        if self.given and (with_given or (ranked and patronymic)):
            title = with_given[0] if with_given else max(ranked)[2]
            return f"{salutation(title)} {self.given}"
        return " ".join((*self.titles, *self.forenames, self.family)).strip()


def without_titles(written: str) -> str:
    """``written`` without the titles in front of a given name ("Dr. Aiko Tanaka" → "Aiko
    Tanaka"), otherwise as written (whitespace collapsed): how people sign and introduce
    themselves, as nobody gives themselves a title in a sign-off or on the phone."""
    text = unicodedata.normalize("NFC", " ".join(written.split()))
    name = parse_name(text)
    words = text.split()
    leading = 0
    for title in name.titles:
        if leading < len(words) and words[leading] == title:
            leading += 1
        elif " " in title and " ".join(words[leading : leading + 2]) == title:
            leading += 2
    # Without a given name ("Frau Schäfer") the title is how the name reads: kept.
    return " ".join(words[leading:]) if name.forenames and leading < len(words) else text


@functools.lru_cache(maxsize=256)
def parse_name(text: str) -> PersonName:
    """Split a person's name as written ("Herr Dr. Müller", "O'Brien-Smith, Mary",
    "Tanaka-san", "Maya Okafor <maya@example.com>") into a :class:`PersonName`.

    Whitespace is collapsed, text is NFC-normalised, commas and spaces at either end are
    dropped. A bare address ("maya.okafor@example.com") gives the name its local part spells
    (two or more words of letters), else a ``mailbox`` with no person. Never raises.
    """
    written = unicodedata.normalize("NFC", " ".join(text.split())).strip(" ,;")
    if not written:
        return PersonName()
    named = _NAMED_ADDRESS.match(written)
    if named:
        written = named["name"].strip(" \"',;") or named["address"]
    bare = _BARE_ADDRESS.match(written)
    if bare:
        return _from_address(written, bare["local"])
    if _JAPANESE_HONORIFIC.search(written) or _in_cjk_script(written):
        return PersonName(written=written, family=written, certain=False)
    return _split(written)


def _in_cjk_script(text: str) -> bool:
    """Whether ``text`` has a kana, Han or Hangul letter (see ``_CJK``)."""
    return any(low <= ord(char) <= high for char in text for low, high in _CJK)


def _from_address(address: str, local: str) -> PersonName:
    words = [w for w in re.split(r"[._\-+]", local) if w]
    if len(words) >= 2 and all(w.isalpha() and len(w) > 1 for w in words):
        return _split(" ".join(w[0].upper() + w[1:] for w in words))
    return PersonName(written=address, mailbox=True)


#: A title the fast path may take: one word, a full stop at most at the end.
_FAST_TITLE = re.compile(r"[^\W\d_]+\.?")
#: A word nameparser reads as a plain name part: letters or digits, with inner hyphens or
#: apostrophes ("Anna-Lena", "O'Brien"), two characters or more (one may be an initial).
_PLAIN_WORD = re.compile(r"\w[\w'’-]*\w")


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Every word nameparser treats as more than a name part (titles, particles, suffixes,
    conjunctions, bound names, maiden markers …), lowercased as its lexicon stores them."""
    lexicon = _parser().lexicon
    fields = (getattr(lexicon, f.name) for f in dataclasses.fields(lexicon))
    words = {w for field in fields if isinstance(field, frozenset) for w in field}
    return frozenset(w for w in words if isinstance(w, str)) | TITLE_WORDS


@functools.cache
def _fast_titles() -> frozenset[str]:
    """Titles the fast path takes as nameparser does: ours, less those nameparser reads
    with a given name after them ("Sister Mary") and the ambiguous abbreviations."""
    ours = frozenset(k for k in TITLE_RANKS if " " not in k) - LEADING_ABBREVIATIONS
    return ours - _parser().lexicon.given_name_titles


def _plain_split(written: str) -> PersonName | None:
    """The split nameparser gives a plain name of one to three words ("Jordan Lee", "Mary
    Ann Smith"), after titles from :data:`TITLE_RANKS` ("Herr Dr. Müller"), or "Lee,
    Jordan", without running it; None when any other word could be more than a name part.

    A name is parsed on every keystroke in the name field, and nameparser takes a few
    hundred microseconds for one; a test checks this agrees with it on generated names.
    """
    family_first = written.split(",")
    if len(family_first) == 2:  # "Lee, Jordan" as HR systems export it: one family word
        family, given = family_first[0].split(), family_first[1].split()
        plain = _plain_split(" ".join(given)) if len(family) == 1 and given else None
        if plain is None or plain.titles or len(given) > 2 or _plain_split(family[0]) is None:
            return None
        return PersonName(
            written=" ".join((*given, family[0])),
            forenames=tuple(given),
            given=given[0],
            family=family[0],
        )
    words = written.split()
    titles: list[str] = []
    while len(words) > 1 and _FAST_TITLE.fullmatch(words[0]):
        if title_key(words[0]) not in _fast_titles():
            break
        titles.append(words.pop(0))
    if not 1 <= len(words) <= 3:
        return None
    vocabulary = _vocabulary()
    for word in words:
        if not _PLAIN_WORD.fullmatch(word) or "_" in word:
            return None
        if any(part.lower() in vocabulary for part in re.split(r"['’-]", word)):
            return None
        if word.lower() in vocabulary:
            return None
    if titles and len(words) == 1:
        return PersonName(written=written, titles=tuple(titles), family=words[0])
    if len(words) == 1:
        return PersonName(written=written, forenames=(words[0],), given=words[0])
    iberian = len(words) > 2 and any(title_key(t) in IBERIAN for t in titles)
    return PersonName(
        written=written,
        titles=tuple(titles),
        forenames=tuple(words[:-1]),
        given=words[0],
        family=words[-1],
        certain=not iberian,
    )


def _split(written: str) -> PersonName:
    return _plain_split(written) or _parsed_split(written)


def _parsed_split(written: str) -> PersonName:
    from nameparser import Role

    lead: list[str] = []
    rest = written
    for phrase in PHRASE_TITLES:
        if rest.casefold().startswith(phrase + " "):
            lead.append(rest[: len(phrase)])
            rest = rest[len(phrase) + 1 :]
    words = rest.split()
    if (
        len(words) >= 3
        and title_key(words[0]) in LEADING_ABBREVIATIONS
        and words[0].endswith(".")
        and len(words[1].rstrip(".")) > 1
        and "," not in rest
    ):
        lead.append(words[0])
        rest = " ".join(words[1:])
    if all(title_key(word) in TITLE_WORDS for word in rest.replace(",", " ").split()):
        return PersonName(written=written, titles=(*lead, *rest.replace(",", " ").split()))
    parsed = _parser().parse(rest)
    parts: dict[Role, list[str]] = {role: [] for role in Role}
    for token in parsed.tokens:
        parts[token.role].append(token.text)
    forenames = tuple(parts[Role.GIVEN] + parts[Role.MIDDLE])
    usable = [
        t.text
        for t in parsed.tokens
        if t.role in (Role.GIVEN, Role.MIDDLE) and "initial" not in t.tags
    ]
    titles = (*lead, *parts[Role.TITLE])
    doubts = {a.kind.value for a in parsed.ambiguities}
    # A Spanish or Portuguese title before a given name and a second name that is not an
    # initial: "Sra. María García López" may have two family names or two given names, and
    # nothing in the text tells which, so the name stays whole (a particle says where the
    # family name starts: "Sr. José María de la Cruz"). Elsewhere the second name is a
    # middle name ("Herr Hans Peter Müller" is Herr Müller). The name also stays whole when
    # nameparser doubts a word that decides where the family name starts.
    particle = any("particle" in t.tags for t in parsed.tokens if t.role is Role.FAMILY)
    unsure = "comma-structure" in doubts or (
        bool(titles)
        and (
            (len(usable) > 1 and not particle and any(title_key(t) in IBERIAN for t in titles))
            or bool(doubts & _DOUBTS_WITH_A_TITLE)
        )
    )
    if "," in written:  # "Last, First" reads "First Last" wherever the name stays whole
        written = " ".join((*titles, *forenames, *parts[Role.FAMILY]))
    return PersonName(
        written=written,
        titles=titles,
        forenames=forenames,
        given=usable[0] if usable else "",
        family=" ".join(parts[Role.FAMILY]),
        nickname=" ".join(parts[Role.NICKNAME]),
        certain=not unsure,
    )
