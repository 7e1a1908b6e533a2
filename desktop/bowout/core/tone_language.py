"""The tone coach's checks of words for a message in a language other than English, from
its pack's ``tone.toml`` (:mod:`bowout.core.tone_words`; issue 26).

English keeps its Python rules (:mod:`bowout.core.tone_rules`). For another language the
pack's lists find the same things: no thanks, an unclear withdrawal, criticism of the
employer, absolutes and contempt, words about money (figures are found in any language),
and the formal and the informal address mixed in one message. Length, shouting, long
sentences, placeholders and the channel advice need no words and run for every language
in :mod:`bowout.core.tone`. The remarks themselves are in English, as the window is.
"""

from __future__ import annotations

from collections.abc import Iterator

from bowout.core import tone_rules as rules
from bowout.core.draft import Finding
from bowout.core.situation import Situation
from bowout.core.tone_findings import capped, finding, quote
from bowout.core.tone_words import ToneWords
from bowout.core.vocabulary import Address

#: Each list of words whose every match is a remark, with the remark's code.
_FLAGGED = (("criticism", "criticism"), ("absolutes", "absolute"))


def phrase_findings(
    text: str, lowered: str | None, words: ToneWords, target: str
) -> Iterator[Finding]:
    """Criticism, absolutes and money (its words, and figures in any language) in ``text``
    (the body or the subject, named by ``target``), each kind in reading order, capped."""
    for kind, code in _FLAGGED:
        yield from capped(
            finding(code, m.start(), m.end(), target, quote=quote(m.group()))
            for m in words.find(kind, text)
        )
    spans = sorted(
        {*rules.MONEY.finditer(text, lowered), *(m.span() for m in words.find("money", text))}
    )
    yield from capped(
        finding("money-figure", start, end, target, quote=quote(text[start:end]))
        for start, end in spans
    )


def essentials(text: str, body: str, words: ToneWords, *, asks: bool) -> Iterator[Finding]:
    """The thanks, and (unless the message ``asks`` to talk a deal-breaker through) the
    withdrawal itself: each remarked on once, on the first line, when none of its words
    is in ``text``."""
    needed = [("thanks", "missing-thanks")]
    if not asks:
        needed.append(("decision", "unclear-withdrawal"))
    for kind, code in needed:
        if words.patterns.get(kind) is not None and not words.has(kind, text):
            start = len(body) - len(body.lstrip())
            line = body[start:].split("\n", 1)[0].rstrip()
            yield finding(code, start, start + len(line), "body")


def mixed_address(text: str, situation: Situation, words: ToneWords) -> Iterator[Finding]:
    """When ``text`` holds words of both forms of address, each word of the form the
    situation does not use (its ``address``), in reading order, capped."""
    formal, informal = words.find("formal", text), words.find("informal", text)
    if not formal or not informal:
        return
    used = situation.address
    stray = informal if used is Address.FORMAL else formal
    yield from capped(
        finding(
            "mixed-address", m.start(), m.end(), "body", quote=quote(m.group()), form=used.value
        )
        for m in stray
    )
