"""The first-character guard of the tone rules: it admits every match and changes none."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bowout.core import tone_guard, tone_kinds, tone_rules, tone_scan


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"abc|def", "(?=[ad])"),
        (r"\b(?:thank\w*|grateful)\b", "(?=[gt])"),
        (r"(?:an?\s+)?outfit", "(?=[ao])"),
        (r"a?b", "(?=[ab])"),
        (r"(?<![\w.])[$€]\s?\d", "(?=[\\$€])"),
        (r"[a-c]x", "(?=[abc])"),
        (r"(?=[xy])z", "(?=[z])"),  # a lookahead consumes nothing: z starts every match
    ],
)
def test_guard_lists_the_first_characters(source: str, expected: str) -> None:
    assert tone_guard.guard(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        r"a*",  # may be empty
        r"(?:x|)",  # may be empty
        r"\w+",  # a category
        r"[^a]b",  # a negated set
        r"(?i:ab)",  # inline flags
        r".b",  # any character
        r"[a-zA-Z]x",  # too many to help
    ],
)
def test_no_guard_when_the_first_character_is_unknown(source: str) -> None:
    assert tone_guard.guard(source) == ""


def test_no_guard_under_ignorecase() -> None:
    assert tone_guard.guard("abc", re.IGNORECASE) == ""


RULES = [
    rule
    for module in (tone_rules, tone_kinds)
    for rule in vars(module).values()
    if isinstance(rule, tone_scan.Rule)
]


def test_every_worded_rule_is_guarded() -> None:
    guarded = [rule for rule in RULES if rule.fast.pattern.startswith("(?=[")]
    assert tone_rules.CRITICISM in guarded and tone_kinds.SILENCE in guarded
    assert len(guarded) >= len(RULES) - 1  # MONEY starts with its own lookahead
    for rule in RULES:
        prefix = tone_guard.guard(tone_scan._lower_source(rule.pattern.pattern))
        if not prefix:
            continue
        # The guard wraps the whole pattern: "(?=[..])a|b" would guard only "a".
        assert rule.fast.pattern.startswith(prefix + "(?:"), rule.pattern.pattern[:40]
        assert rule.full.pattern.startswith(prefix + "(?:")


_SAMPLES = st.lists(
    st.one_of(
        st.text(max_size=6),
        st.sampled_from(
            [
                "Nobody replied. ",
                "I would never work for a company like yours. ",
                "I didn’t even get a call, sorry! ",
                "Thank you; I am withdrawing. ",
                "I accepted an offer from Globex for $90,000. ",
                "Frankly the process was chaotic. ",
                "I enjoyed the great team. ",
                "İSTANBUL İ ı ſ K ",
                "NOBODY REPLIED, Never Again. ",
                " ",
                "'",
                "’",
            ]
        ),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=_SAMPLES)
def test_guarded_patterns_match_what_unguarded_ones_match(text: str) -> None:
    lowered = text.lower()
    for rule in RULES:
        bare = re.compile(tone_scan._lower_source(rule.pattern.pattern), rule.fast.flags)
        assert [m.span() for m in rule.fast.finditer(lowered)] == [
            m.span() for m in bare.finditer(lowered)
        ], rule.pattern.pattern[:40]
        # The case-insensitive pattern, used when lower() changes the length ("İ").
        assert [m.span() for m in rule.full.finditer(text)] == [
            m.span() for m in rule.pattern.finditer(text)
        ], rule.pattern.pattern[:40]
