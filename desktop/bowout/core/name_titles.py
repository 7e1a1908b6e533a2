"""The titles and honorifics of the languages Bow Out's users meet, and how an English
letter writes them (see :mod:`bowout.core.names` for the rules and why)."""

from __future__ import annotations

#: Titles Bow Out knows, by key (casefolded, edge full stops removed): (rank, salutation).
#: Rank 0 is a courtesy title, 1 a professional one (lawyer, engineer, clergy), 2 a
#: doctorate, 3 a professorship; the highest rank is kept. The salutation is how an English
#: letter writes the title ("" keeps the user's spelling). A title nameparser knows and this
#: table does not (Captain, Judge, Rabbi …) counts as professional and keeps its spelling.
TITLE_RANKS: dict[str, tuple[int, str]] = {
    # English
    **dict.fromkeys(("mr", "mrs", "ms", "miss", "mx"), (0, "")),
    **dict.fromkeys(("rev", "fr", "father", "sister", "brother"), (1, "")),
    **dict.fromkeys(("dr", "doctor"), (2, "")),
    **dict.fromkeys(("prof", "professor"), (3, "")),
    # German (Fr. is Frau in German and Father in English: the spelling is kept either way)
    **dict.fromkeys(("herr", "frau", "hr"), (0, "")),
    **dict.fromkeys(("dr.in", "dipl.-ing"), (2, "")),
    # French
    "m": (0, "Monsieur"),
    "mme": (0, "Madame"),
    "mlle": (0, "Mademoiselle"),
    **dict.fromkeys(("monsieur", "madame", "mademoiselle"), (0, "")),
    "me": (1, "Maître"),
    "pr": (3, "Professeur"),
    "professeur": (3, ""),
    # Spanish and Portuguese
    **dict.fromkeys(
        ("sr", "sra", "srta", "señor", "señora", "señorita", "senhor", "senhora"), (0, "")
    ),
    **dict.fromkeys(("dra", "doctora", "doutor", "doutora"), (2, "")),
    **dict.fromkeys(("profesor", "profesora", "professora"), (3, "")),
    # Dutch: forms for the envelope; an English letter writes Mr. / Ms.
    **dict.fromkeys(("dhr", "heer", "de heer", "meneer"), (0, "Mr.")),
    **dict.fromkeys(("mevr", "mw", "mevrouw"), (0, "Ms.")),
    # Italian
    **dict.fromkeys(
        ("sig", "sig.ra", "sig.na", "signor", "signore", "signora", "signorina"), (0, "")
    ),
    **dict.fromkeys(("dott", "dott.ssa", "ing", "avv", "arch", "geom", "rag"), (1, "")),
    "prof.ssa": (3, ""),
}

#: Spanish and Portuguese titles: names that may carry two family names ("García López").
IBERIAN = frozenset(
    {"sr", "sra", "srta", "señor", "señora", "señorita", "senhor", "senhora", "dra", "doctora",
     "doutor", "doutora", "profesor", "profesora", "professora", "d", "dña", "doña", "dona"}
)  # fmt: skip

#: Titles that go with the given name: "Sir Elton", "Doña María" (keys as above).
GIVEN_NAME_TITLES = frozenset({"sir", "dame", "d", "don", "dña", "doña", "dom", "dona"})

#: Words that open a patronymic, not a family name: a title goes with the given name.
PATRONYMIC_MARKERS = frozenset({"bin", "binti", "bte", "bt", "binte", "a/l", "a/p"})

#: Every title this module knows: a name made of these alone names nobody ("Herr Dr.").
TITLE_WORDS = frozenset({*TITLE_RANKS, *GIVEN_NAME_TITLES})

#: Abbreviations that are titles only before a given name and a family name (alone before
#: one word, "M. Dupont" may be an initial, and it is kept as written).
LEADING_ABBREVIATIONS = frozenset({"m", "d"})
#: Titles of more than one word, taken before nameparser sees the rest.
PHRASE_TITLES = ("de heer",)


def title_key(title: str) -> str:
    """``title`` as the tables above key it: casefolded, without edge full stops."""
    return title.casefold().strip(".")


def salutation(title: str) -> str:
    """``title`` as an English letter's greeting writes it ("Mme" → "Madame", "dhr." →
    "Mr."); other titles as the user wrote them."""
    return TITLE_RANKS.get(title_key(title), (0, ""))[1] or title
