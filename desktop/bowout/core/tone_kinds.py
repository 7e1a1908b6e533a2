"""The vocabulary of the tone coach's newer phrase kinds, and their checks: absolutes and
contempt, complaints about how they treated the user, apologies after the first, and praise
in a message about red flags.

Each kind is split into small precompiled :class:`~bowout.core.tone_scan.Rule` patterns
whose stems are rare words, registered for the word scan: a kind whose words are absent
from a message costs one set lookup, and a pasted 100 kB text is scanned only near stems.
The codes and fixes are in :mod:`bowout.core.tone_findings`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from bowout.core import tone_scan as scan
from bowout.core.draft import Finding
from bowout.core.tone_findings import capped, finding, negated, quote

_I = re.IGNORECASE
Span = tuple[int, int]


def _words(*alternatives: str) -> str:
    return r"\b(?:" + "|".join(alternatives) + r")\b"


def _quoted(
    code: str, spans: Iterable[tuple[int, int]], text: str, target: str
) -> Iterator[Finding]:
    for start, end in spans:
        yield finding(code, start, end, target, quote=quote(text[start:end]))


# --- absolutes and contempt ---------------------------------------------------------------
# Each kind is split into small rules whose stems are rare words: a rule runs its pattern
# only near its stems, and a group whose stems are all absent is skipped in one set lookup.
# "I would never work for you", but not "I would never have guessed how much I'd learn".
_NEVER_VERBS = (
    r"(?:work|apply|join|consider|recommend|accept|return|come\s+back|go\s+back|set\s+foot|"
    r"deal|do\s+business|trust|want|interview|choose|put\s+up|bother|waste)"
)
_THEM = (
    r"(?:you|they|you\s+people|you\s+guys|your\s+(?:company|team|firm|recruiters?|managers?|"
    r"people|hr|interviewers?))"
)
# "you always keep people waiting"; not "you never know", "you always made me welcome".
_NOT_KIND = (
    r"(?!know\b|been\b|made\b|make\b|treat\w*\s+me\s+(?:well|kindly|fairly)|help\w*|"
    r"welcom\w*|gave\b|give\b|took\b|answered\b|had\b|have\b|were\b|are\b)"
)
NEVER_AGAIN = scan.Rule(
    re.compile(
        _words(
            r"I(?:\s+would|['’]d|\s+will|['’]ll|\s+shall)\s+never\s+(?:ever\s+)?(?:again\s+)?"
            + _NEVER_VERBS,
            r"never\s+(?:ever\s+)?again",
            _THEM + r"\s+(?:always|never|constantly)\s+" + _NOT_KIND + r"\w+",
        ),
        _I,
    ),
    stems=("never", "always", "constantly"),
    before=30,
    after=30,
)
# "people like you", "the likes of you"; every match holds one of these hits.
_LIKE_HITS = re.compile(r"like\s+(?:you|that|them|this)|likes\s+of\s")
LIKE_YOU = scan.Rule(
    re.compile(
        _words(
            r"(?:people|folks|companies|firms|employers|outfits|recruiters|managers)\s+like\s+"
            r"(?:you|yours|that|them)",
            r"the\s+likes\s+of\s+(?:you|yours|your\s+company|them)",
            r"(?:an?\s+)?outfit\s+like\s+(?:yours|this|that)",
        ),
        _I,
    ),
    stems=("like",),
    hits=_LIKE_HITS,
    before=20,
    after=20,
)
# "a company like yours" is contempt after a negation or without goodwill around it; "I'd be
# glad to join a team like yours" is not.
LIKE_YOURS = scan.Rule(
    re.compile(
        _words(
            r"(?:a|an|the)\s+(?:company|firm|organi[sz]ation|place|business|employer|team|"
            r"environment|culture|workplace)\s+like\s+(?:yours|this|that)"
        ),
        _I,
    ),
    stems=("like",),
    hits=_LIKE_HITS,
    before=30,
    after=20,
)
CONTEMPT = scan.Rule(
    re.compile(
        _words(
            r"not\s+in\s+a\s+million\s+years",
            r"over\s+my\s+dead\s+body",
            r"beneath\s+me",
            r"I\s+deserved?\s+better",
            r"shame\s+on\s+(?:you|them)",
            r"(?:you|they)\s+should\s+be\s+ashamed",
            r"(?:it['’]s|that['’]s|it\s+is|that\s+is)\s+your\s+loss",
            r"(?:you|they)(?:['’]ll|\s+will)\s+regret",
            r"good\s+luck\s+(?:finding|getting|with\s+that)",
        ),
        _I,
    ),
    stems=("million", "dead", "beneath", "deserve", "shame", "loss", "regret", "luck"),
    before=30,
    after=30,
)
_GOODWILL_RE = re.compile(
    r"\b(?:join\w*|work\w*\s+(?:at|for|with|in)|glad|love|happy|hope|look\w*\s+forward|"
    r"enjoy\w*|excited|proud|lucky|privilege|honou?r\w*|part\s+of)\b",
    _I,
)
_REFUSAL_RE = re.compile(r"\b(?:never|not|no|nor|rather|expect\w*|than)\b|n['’]t\b", _I)
_SENTENCE_END_RE = re.compile(r"[.!?\n][^.!?\n]*$")

# --- complaints about how they treated the user -------------------------------------------
_REPLY_VERBS = (
    r"(?:replied|responded|answered|wrote\s+back|got\s+back|came\s+back|called\s+(?:me\s+)?back|"
    r"rang\s+(?:me\s+)?back|followed\s+up|acknowledged|confirmed|showed\s+up|turned\s+up|"
    r"bothered|explained|apologi[sz]ed|updated\s+me|told\s+me|heard\s+back|heard\s+from|"
    r"returned\s+my\s+(?:calls?|emails?|messages?)|introduced|listened|cared)"
)
SILENCE = scan.Rule(
    re.compile(
        _words(
            # "they never replied", not "I never replied"; but "I never heard back" is one.
            r"(?<!\bI\s)(?<!\bI\shave\s)(?<!\bI['’]ve\s)(?:never|not\s+once)\s+"
            r"(?:even\s+|once\s+)?" + _REPLY_VERBS,
            r"(?:never|not\s+once)\s+heard\s+(?:back|from)",
            r"(?:nobody|no[-\s]?one)\s+(?:ever\s+|even\s+|had\s+|has\s+|once\s+)?" + _REPLY_VERBS,
            r"not\s+once\s+did",
            r"not\s+(?:a\s+)?single\s+(?:reply|response|answer|email|call|word|update|message)",
            r"(?:no|without\s+(?:a|any))\s+(?:reply|response|answer|word|update|news|feedback)\s+"
            r"(?:at\s+all\s+)?(?:for|in|after|within)\s+(?:\w+\s+){0,2}(?:days|weeks|months)",
        ),
        _I,
    ),
    stems=(
        "replied", "responded", "answered", "wrote", "back", "followed", "acknowledged",
        "confirmed", "showed", "turned", "bothered", "explained", "apologised", "apologized",
        "updated", "told", "heard", "returned", "introduced", "listened", "cared", "once",
        "single", "days", "weeks", "months",
    ),
    before=60,
    after=40,
)  # fmt: skip
WAITING = scan.Rule(
    re.compile(
        _words(
            r"(?:kept|left|had)\s+me\s+(?:\w+\s+)?(?:waiting|hanging|guessing|in\s+the\s+dark)",
            r"made\s+me\s+wait",
            r"still\s+waiting",
            r"ghost(?:ed|ing)",
            r"no-?shows?",
            r"ignored\s+(?:me|my)",
            r"had\s+to\s+(?:chase|follow\s+up|remind)",
            r"(?:cancell?ed|rescheduled)\s+(?:\w+\s+){0,2}(?:twice|three\s+times|"
            r"several\s+times|again|at\s+the\s+last\s+minute|last[-\s]minute)",
            # Not "my start date moved again": only a meeting moved over and over.
            r"moved\s+(?:\w+\s+){0,2}(?:twice|three\s+times|several\s+times|"
            r"at\s+the\s+last\s+minute)",
        ),
        _I,
    ),
    stems=(
        "wait", "hanging", "guessing", "dark", "ghost", "show", "ignored", "chase", "follow",
        "remind", "cancel", "reschedul", "moved",
    ),
    before=40,
    after=50,
)  # fmt: skip
_DULL = (
    r"(?:uninterested|disinterested|distracted|bored|indifferent|unfriendly|curt|abrupt|"
    r"impatient|unresponsive|checked\s+out|half-hearted)"
)
# Not about the user ("I was late") or the message ("this was late").
_NOT_ME = r"(?<!\bI\s)(?<!\bthis\s)(?<!\bit\s)"
CONDUCT = scan.Rule(
    re.compile(
        _words(
            _NOT_ME + r"(?:was|were|seemed|looked|sounded|appeared|came\s+across\s+as)\s+"
            r"(?:very\s+|quite\s+|clearly\s+|completely\s+|totally\s+|rather\s+|so\s+|really\s+|"
            r"a\s+bit\s+|obviously\s+)?" + _DULL,
            _NOT_ME + r"(?:was|were)\s+(?:\w+\s+)?late(?:\s+and\s+" + _DULL + r")?",
            _NOT_ME + r"(?:arrived|showed\s+up|turned\s+up|joined|started)\s+(?:\w+\s+)?late",
        ),
        _I,
    ),
    stems=(
        "interested", "distracted", "bored", "indifferent", "unfriendly", "curt", "abrupt",
        "impatient", "unresponsive", "checked", "hearted", "late",
    ),
    before=45,
    after=30,
)  # fmt: skip
# "They didn't even read my CV"; the stem is the verb at the end, so the window is small.
DIDNT = scan.Rule(
    re.compile(
        _words(
            _NOT_ME + r"(?:(?:didn|couldn|wouldn)['’]t|(?:did|could|would)\s+not)\s+"
            r"(?:even\s+\w+|bother\w*|listen|reply|respond|answer)",
            r"(?:couldn['’]t|could\s+not)\s+be\s+bothered",
        ),
        _I,
    ),
    # Not "care" or "read" alone: "careful" and "already" are in most drafts.
    stems=("even", "bother", "listen", "reply", "respond", "answer"),
    before=25,
    after=40,
)

# --- apologies: one is kind, two are heavy --------------------------------------------------
APOLOGY = scan.Rule(
    re.compile(
        _words(r"apologi[sz](?:e|es|ed|ing)", r"apolog(?:y|ies)", r"sorry", r"forgive\s+me"), _I
    ),
    stems=("apolog", "sorry", "forgive"),
    # Every match starts with its stem.
    before=0,
    after=14,
)

# --- praise, which a red-flags message leaves out ------------------------------------------
_PRAISE_PHRASES = (
    r"enjoy(?:ed|able)",
    r"I\s+(?:really\s+|truly\s+)?(?:loved|liked)",
    r"impress(?:ed|ive|ively)",
    r"admir(?:e|ed|es|able|ation)",
    r"wonderful|fantastic|amazing|excellent|brilliant|outstanding|superb|terrific|lovely|"
    r"delightful|inspiring|remarkable|exceptional|fabulous|marvell?ous",
    r"(?:great|talented|friendly|welcoming|kind|warm|passionate|smart|strong)\s+(?:team|people|"
    r"company|culture|colleagues|group|experience|conversations?|discussions?|interviews?|"
    r"process|place|organi[sz]ation|product|mission|opportunity|chat)",
    r"(?:the|your)\s+(?:care|kindness|warmth|generosity|hospitality|professionalism|"
    r"enthusiasm|dedication)(?:\s+(?:that\s+)?(?:you|they|everyone|(?:the|your)\s+team)\s+"
    r"(?:showed|shown|has\s+shown|have\s+shown|took|gave|put\s+in))?",
    r"(?:a|the)\s+(?:real\s+|great\s+|genuine\s+)?(?:pleasure|privilege|honou?r)",
    r"(?:excited|thrilled|delighted)\s+(?:about|by|with|to\s+(?:meet|learn|hear|join|work))",
)
PRAISE = scan.Rule(
    re.compile(_words(*_PRAISE_PHRASES), _I),
    stems=(
        "enjoy", "loved", "liked", "impress", "admir", "wonderful", "fantastic", "amazing",
        "excellent", "brilliant", "outstanding", "superb", "terrific", "lovely", "delightful",
        "inspiring", "remarkable", "exceptional", "fabulous", "marvel", "great", "talented",
        "friendl", "welcoming", "kind", "warm", "passionate", "smart", "strong", "care",
        "generosity", "hospitality", "professionalism", "enthusiasm", "dedication", "pleasure",
        "privilege", "hono", "excited", "thrilled", "delighted",
    ),
    before=20,
    after=45,
)  # fmt: skip

#: The rules of each kind; every match of a rule holds one of its stems.
ABSOLUTE = (NEVER_AGAIN, LIKE_YOU, CONTEMPT)
COMPLAINT = (SILENCE, WAITING, CONDUCT, DIDNT)
scan.register(*ABSOLUTE, LIKE_YOURS, *COMPLAINT, APOLOGY, PRAISE)
_STEMS = {
    kind: frozenset(stem for rule in group for stem in rule.stems)
    for kind, group in (("absolute", (*ABSOLUTE, LIKE_YOURS)), ("complaint", COMPLAINT))
}


def _spans(kind: str, group: Sequence[scan.Rule], text: str, lowered: str | None) -> list[Span]:
    """The spans of every rule of ``group`` in order; none when no stem of ``kind`` is there."""
    if lowered is not None:
        present = scan.stems_present(lowered)
        if present is not None and present.isdisjoint(_STEMS[kind]):
            return []
    spans = [span for rule in group for span in rule.finditer(text, lowered)]
    spans.sort()
    return spans


def _contempt_spans(text: str, lowered: str | None) -> list[Span]:
    spans = _spans("absolute", ABSOLUTE, text, lowered)
    for start, end in LIKE_YOURS.finditer(text, lowered):  # a fast scan for "like you..."
        # Judged by the words before it, in its own sentence.
        before = text[max(0, start - 80) : start]
        cut = _SENTENCE_END_RE.search(before)
        if cut is not None:
            before = before[cut.start() + 1 :]
        if _REFUSAL_RE.search(before) or not _GOODWILL_RE.search(before):
            spans.append((start, end))
    spans.sort()
    return spans


def phrase_findings(
    text: str, lowered: str | None, target: str, *, red_flags: bool
) -> Iterator[Finding]:
    """Contempt, complaints and (when ``red_flags``) praise in ``text``, each kind capped.

    ``lowered`` is from :func:`~bowout.core.tone_scan.lowered_for_stems`; ``target`` is
    "body" or "subject" and is copied into each finding.
    """
    contempt = _contempt_spans(text, lowered)
    if contempt:
        yield from capped(_quoted("absolute", contempt, text, target))
    complaints = _spans("complaint", COMPLAINT, text, lowered)
    if complaints:
        yield from capped(_quoted("complaint", complaints, text, target))
    if red_flags:
        praise = [s for s in PRAISE.finditer(text, lowered) if not negated(text, s[0])]
        if praise:
            yield from capped(_quoted("red-flags-praise", praise, text, target))


def repeated_apologies(body: str, lowered: str | None) -> Iterator[Finding]:
    """Every apology in ``body`` after the first (one apology is fine), capped."""
    spans = APOLOGY.finditer(body, lowered)
    if next(spans, None) is None:
        return
    yield from capped(_quoted("repeated-apology", spans, body, "body"))
