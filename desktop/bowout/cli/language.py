"""``--language`` and ``--address``: the language a message is written in, and its form of
address (shared by ``draft``, ``reply`` and ``batch``), and ``--country`` (the job's
country, for the checklist's notes; ``draft`` and ``reply``). Issue 26."""

from __future__ import annotations

import argparse

from bowout import paths
from bowout.core.vocabulary import Address

#: How people name the two forms of address: the languages' own pronouns stand for them
#: (German Sie/du, French vous/tu, Spanish usted/tú), so ``--address du`` reads naturally.
ADDRESS_ALIASES = {
    "formal": Address.FORMAL,
    "sie": Address.FORMAL,
    "vous": Address.FORMAL,
    "usted": Address.FORMAL,
    "informal": Address.INFORMAL,
    "du": Address.INFORMAL,
    "tu": Address.INFORMAL,
    "tú": Address.INFORMAL,
}


def address_type(text: str) -> Address:
    """``--address``'s argparse type: formal or informal, or a pronoun standing for one
    (:data:`ADDRESS_ALIASES`, any case); argparse turns a refusal into one line, exit 2."""
    found = ADDRESS_ALIASES.get(text.strip().casefold())
    if found is None:
        raise argparse.ArgumentTypeError(
            f"not a form of address: {text!r} (formal or informal; sie, vous, usted are "
            "formal; du, tu, tú informal)"
        )
    return found


def country_type(text: str) -> str:
    """``--country``'s argparse type: a country with a note (any case: de -> DE); argparse
    turns a refusal into one line, exit 2."""
    from bowout.core.country_notes import countries

    code = text.strip().upper()
    if code not in countries():
        raise argparse.ArgumentTypeError(
            f"no country note for {text!r}: the countries are {', '.join(countries())}"
        )
    return code


def add_language_flags(p: argparse.ArgumentParser) -> None:
    """``--language`` (choices: the packs in ``templates/``) and ``--address``."""
    p.add_argument(
        "--language",
        choices=paths.available_languages(),
        help="the language the message is written in (default: a kept record's or, in batch, "
        "each application's own; else en); the checklist and advice stay in English",
    )
    p.add_argument(
        "--address",
        type=address_type,
        metavar="formal|informal",
        help="the form of address where the language has two: formal (default; also sie, "
        "vous, usted) or informal (also du, tu, tú), for a relationship already on "
        "first-name, informal terms",
    )


def language_of(args: argparse.Namespace, default: str = paths.DEFAULT_LANGUAGE) -> str:
    """The ``--language`` given, else ``default``."""
    return str(getattr(args, "language", None) or default)


def address_of(args: argparse.Namespace, default: Address = Address.FORMAL) -> Address:
    """The ``--address`` given, else ``default``."""
    given = getattr(args, "address", None)
    return given if isinstance(given, Address) else default
