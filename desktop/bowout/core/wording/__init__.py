"""The wording model: slots, variants with conditions, voices and consistency rules."""

from __future__ import annotations

from bowout.core.wording.conditions import (
    AUDIENCES,
    VOCABULARY,
    facts_of,
    name_facts,
    start_nearness,
)
from bowout.core.wording.model import SLOTS, Variant, Voicebook, phrasing_count
from bowout.core.wording.rules import Rule, Violation, parse_rules, violations
from bowout.core.wording.sentences import Wording

__all__ = [
    "AUDIENCES",
    "SLOTS",
    "VOCABULARY",
    "Rule",
    "Variant",
    "Violation",
    "Voicebook",
    "Wording",
    "facts_of",
    "name_facts",
    "parse_rules",
    "phrasing_count",
    "start_nearness",
    "violations",
]
