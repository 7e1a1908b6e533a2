"""The tone coach's codes and fixes, the helpers every check shares, and the checks that
need no vocabulary: placeholders (once each, with their field) and the channel.

Each kind of finding has its own code and a short fix in :data:`MESSAGES`; :data:`CODES`
lists them. The vocabulary of the phrase kinds is in :mod:`bowout.core.tone_rules` and
:mod:`bowout.core.tone_kinds`.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence

from bowout.core import tone_rules as rules
from bowout.core.addressing import all_placeholders
from bowout.core.advice import call_choice_fits, recommend_channel
from bowout.core.draft import Finding
from bowout.core.situation import Channel, Kind, Situation, Stage

logger = logging.getLogger(__name__)

_I = re.IGNORECASE
#: A visible placeholder left for the user to fill, such as "[Hiring manager's name]".
PLACEHOLDER_RE: re.Pattern[str] = re.compile(r"\[[^\[\]\n]{1,60}\]")
#: At most this many findings of one code per text; a pasted essay needs no thousand marks.
MAX_FINDINGS_PER_CODE = 50
#: Longest excerpt of the user's text quoted inside a finding's message.
_QUOTE_CHARS = 40

#: The window's words for choosing to call the hiring manager too (``will_call``), as the
#: call advice quotes them (the command line says its flag instead).
WILL_CALL_CHOICE = "tick “I'll also call the hiring manager myself”"

#: The fix for each code; ``{quote}`` is the flagged text, shortened.
MESSAGES = {
    "criticism": "“{quote}” criticises the employer; leave it out and keep the message neutral.",
    "complaint": "“{quote}” complains about how they treated you; it changes nothing now, so "
    "leave it out.",
    "absolute": "“{quote}” reads as contempt; drop the absolute and keep the message neutral.",
    "venting": "“{quote}” sounds like venting; cut it and keep to the decision.",
    "overshare": "“{quote}” shares more than they need; “personal reasons” is enough.",
    "shouting": "“{quote}” reads as shouting; use normal capitals and punctuation.",
    "long-sentence": "This sentence runs to {count} words; one short sentence of reason is enough.",
    "repeated-apology": "You have already apologised; “{quote}” again makes the message heavier. "
    "One apology is enough.",
    "red-flags-praise": "“{quote}” praises them; when the process worried you, thank them and "
    "state the decision, with neither praise nor criticism.",
    "too-long": "The message is {count} words; keep it within {budget}: thanks, the decision, "
    "one reason at most, goodwill.",
    "missing-thanks": "Thank them for their time and consideration, ideally near the start.",
    "unclear-withdrawal": "Say plainly that you are withdrawing, for example “I am "
    "withdrawing my application”.",
    "placeholder": "Fill in {field}: “{quote}” appears in {where}.",
    "linkedin-late": "This late in the process LinkedIn is too casual; call or email instead.",
    "email-late": "You have built a real connection this far in: call them first, and send "
    "this email afterwards as the written confirmation.",
    "email-rescind": "Rescinding an accepted offer deserves a call first; send this email as the "
    "written confirmation afterwards.",
    "recruiter-rescind": "Rescinding an accepted offer deserves a call to the hiring manager "
    f"too. If you will make one, {WILL_CALL_CHOICE} and the note says so; no draft promises "
    "a call you did not choose.",
    "money-figure": "Leave out “{quote}”: figures belong in a negotiation, not a withdrawal.",
    "mixed-address": "“{quote}” switches the form of address: the message is written in the "
    "{form} form; keep to one form throughout.",
    "other-employer": "Keep the other employer private: “another offer” says enough, without "
    "“{quote}”.",
}
#: Every code a finding can carry.
CODES: tuple[str, ...] = tuple(MESSAGES)
#: An unknown bracketed placeholder: no field of the window fills it.
_UNKNOWN_PLACEHOLDER = "Replace “{quote}” with the real words: it appears in {where}."
#: Where each of the composer's placeholders is filled (the fields of a pack's
#: ``[placeholders]``: :data:`bowout.core.addressing.PLACEHOLDER_FIELDS`).
FIELD_LABELS = {
    "contact": "the Contact name field",
    "role": "the Role field",
    "company": "the Company field",
    "recruiter": "the Recruiter field",
    "your_name": "your profile in Settings",
    "your_email": "your profile in Settings",
    "your_phone": "your profile in Settings",
}


def finding(code: str, start: int, end: int, target: str, **values: object) -> Finding:
    """A :class:`Finding` of ``code`` whose message is filled with ``values``."""
    return Finding(code, MESSAGES[code].format(**values), start, end, target)


def quote(text: str) -> str:
    """``text`` on one line, cut to about 40 characters, for quoting in a message."""
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…"


def capped(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Merge overlapping spans of one code (given in order) and stop after the cap."""
    last: Finding | None = None
    count = 0
    for item in findings:
        if last is not None and item.start < last.end:
            continue  # already covered by an earlier, overlapping span
        count += 1
        if count > MAX_FINDINGS_PER_CODE:
            logger.debug("more than %d %s findings; the rest are left out", count, item.code)
            return
        last = item
        yield item


def negated(text: str, start: int) -> bool:
    """Whether a negation ("not", "never", "n't") comes just before ``start``."""
    window = text[max(0, start - rules.NEGATION_WINDOW) : start]
    # Every negation holds "no", "ne" or "n't" (in any case): without them, skip the regex.
    lowered = window.lower()
    if not any(map(lowered.__contains__, ("no", "ne", "n't", "n’t"))):
        return False
    return rules.NEGATION_BEFORE_RE.search(window) is not None


# --- placeholders -------------------------------------------------------------------------
@functools.cache
def _placeholder_fields() -> dict[str, str]:
    """Each placeholder the composer writes, with where the user fills it in."""
    # Every pack's: a message in any language names its fill-ins with the field to fill.
    found = all_placeholders()
    return {text: FIELD_LABELS.get(key, f"the {key} field") for text, key in found.items()}


def placeholder_findings(texts: Sequence[tuple[str, str]]) -> list[Finding]:
    """Each distinct placeholder in ``texts`` ((text, target) pairs) once, with its field.

    The span is its first occurrence, in the first text that holds it; the message names the
    field to fill (see :data:`FIELD_LABELS`) and every text it appears in. At most
    MAX_FINDINGS_PER_CODE distinct placeholders are reported.
    """
    first: dict[str, tuple[int, int, str]] = {}
    where: dict[str, set[str]] = {}
    for text, target in texts:
        if "[" not in text:
            continue
        for match in PLACEHOLDER_RE.finditer(text):
            found = match.group()
            if found not in first:
                if len(first) >= MAX_FINDINGS_PER_CODE:
                    continue
                first[found] = (match.start(), match.end(), target)
                where[found] = set()
            where[found].add(target)
    if not first:
        return []
    fields = _placeholder_fields()
    result = []
    for found, (start, end, target) in first.items():
        places = " and ".join(f"the {t}" for t in ("subject", "body") if t in where[found])
        field = fields.get(found)
        if field is None:
            message = _UNKNOWN_PLACEHOLDER.format(quote=found, where=places)
        else:
            message = MESSAGES["placeholder"].format(field=field, quote=found, where=places)
        result.append(Finding("placeholder", message, start, end, target))
    return result


# --- the channel --------------------------------------------------------------------------
_CALL_RE = re.compile(r"\b(?:call\w*|phon(?:e|ed|ing)|ring|rang|speak\w*|spoke|talk\w*)\b", _I)
_CALLEE_RE = re.compile(
    r"\b(?:them|him|her|hiring\s+manager|manager|myself|personally|directly|in\s+person|"
    r"the\s+team)\b",
    _I,
)
_SENTENCE_SPLIT_RE = re.compile(r"[.!?\n]+")


def mentions_a_call(body: str, contact: str, language: str = "en") -> bool:
    """Whether one sentence of ``body`` speaks of calling the hiring manager.

    A call word ("call", "phone", "speak") and, in the same sentence, who is called: "them",
    "the hiring manager", "myself", or a word of the ``contact``'s name. Another language's
    words come from its pack's ``tone.toml`` (``[call]``, ``[callee]``); a pack without
    them cannot tell, and counts as mentioning a call (no remark rather than a wrong one).
    """
    call: re.Pattern[str] | None = _CALL_RE
    callee: re.Pattern[str] | None = _CALLEE_RE
    if language != "en":
        from bowout.core.tone_words import load_tone_words

        words = load_tone_words(language)
        call = words.patterns.get("call") if words else None
        callee = words.patterns.get("callee") if words else None
        if call is None or callee is None:
            return True
    assert call is not None and callee is not None
    if call.search(body) is None:
        return False
    names = frozenset(w.casefold() for w in rules.NAME_WORD_RE.findall(contact))
    for sentence in _SENTENCE_SPLIT_RE.split(body):
        if call.search(sentence) is None:
            continue
        if callee.search(sentence) is not None:
            return True
        if names and not names.isdisjoint(rules.NAME_WORD_RE.findall(sentence.casefold())):
            return True
    return False


def channel_findings(situation: Situation, channel: Channel, body: str) -> Iterator[Finding]:
    """Advice on the channel for this stage: each finding spans nothing (0, 0) of the body.

    From the SPEC's channel rules (:func:`bowout.core.advice.recommend_channel`): LinkedIn is
    too casual late on; rescinding deserves a call, by email or through a recruiter (through
    a recruiter the advice stands until the user chooses to call too, ``will_call``: a call
    is the user's promise to make, never the draft's); at the final or offer stage with
    rapport, a call comes before the email. A request to talk a deal-breaker through (kind
    negotiate) is no rescinding: only the LinkedIn advice holds. ``body`` is not read.
    """
    stage = situation.stage
    if channel is Channel.LINKEDIN and stage.is_late:
        yield finding("linkedin-late", 0, 0, "body")
    if situation.kind is Kind.NEGOTIATE:
        return  # a written request to talk is the right first step on any channel
    if channel is Channel.EMAIL:
        if stage is Stage.ACCEPTED:
            yield finding("email-rescind", 0, 0, "body")
        elif stage.is_late and recommend_channel(situation).channel is Channel.PHONE:
            yield finding("email-late", 0, 0, "body")  # final or offer, with rapport
    if call_choice_fits(stage, channel) and not situation.will_call:
        yield finding("recruiter-rescind", 0, 0, "body")
