"""Consistency rules: sentences that may never appear with a fact, stated once in data.

``templates/<language>/wording/rules.toml`` lists them; :func:`violations` checks a composed draft's
texts against them. The tests run it over the whole stage x reason x channel x voice
matrix; ``bowout templates check`` runs it on custom wording.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Mapping

from bowout.core.errors import TemplateError
from bowout.core.wording.conditions import Conditions, matches, parse_conditions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The texts a rule may read: the subject line, the written body, the spoken script.
PARTS = ("subject", "body", "script")


@dataclasses.dataclass(frozen=True)
class Rule:
    """``never`` patterns may not match, ``always`` patterns must, where ``when`` holds."""

    id: str
    when: Conditions
    unless: Conditions
    parts: tuple[str, ...]
    never: tuple[re.Pattern[str], ...]
    always: tuple[re.Pattern[str], ...]
    why: str


@dataclasses.dataclass(frozen=True)
class Violation:
    """One broken rule: which, in which part, and the text that broke it (or was missing)."""

    rule: str
    part: str
    found: str
    why: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.part}): {self.found!r}: {self.why}"


def parse_rules(source: str, name: str = "wording/rules.toml") -> tuple[Rule, ...]:
    """Read the rules file; TemplateError names the rule that is wrong."""
    try:
        data = tomllib.loads(source.lstrip("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{name}: not valid TOML: {exc}") from None
    rules = []
    for index, entry in enumerate(data.get("rule", []), 1):
        where = f"{name}, rule {entry.get('id', index)}"
        parts = tuple(entry.get("parts", PARTS))
        if not set(parts) <= set(PARTS):
            raise TemplateError(f"{where}: parts are {', '.join(PARTS)}")
        try:
            never = tuple(re.compile(p, re.IGNORECASE) for p in entry.get("never", ()))
            always = tuple(re.compile(p, re.IGNORECASE) for p in entry.get("always", ()))
        except re.error as exc:
            raise TemplateError(f"{where}: bad pattern: {exc}") from None
        rules.append(
            Rule(
                id=str(entry.get("id", index)),
                when=parse_conditions(entry.get("when"), where),
                unless=parse_conditions(entry.get("unless"), where),
                parts=parts,
                never=never,
                always=always,
                why=str(entry.get("why", "")),
            )
        )
    return tuple(rules)


def violations(
    rules: tuple[Rule, ...], texts: Mapping[str, tuple[str, Mapping[str, str]]]
) -> list[Violation]:
    """Every broken rule. ``texts`` maps a part to (its text, the facts it was written for)."""
    found: list[Violation] = []
    for rule in rules:
        for part in rule.parts:
            entry = texts.get(part)
            if entry is None or not entry[0]:
                continue
            text, facts = entry
            if not matches(rule.when, rule.unless, facts):
                continue
            for pattern in rule.never:
                match = pattern.search(text)
                if match:
                    found.append(Violation(rule.id, part, match.group(), rule.why))
            for pattern in rule.always:
                if not pattern.search(text):
                    found.append(Violation(rule.id, part, f"no {pattern.pattern}", rule.why))
    return found
