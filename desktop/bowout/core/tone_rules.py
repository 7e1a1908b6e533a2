"""The tone coach's vocabulary: precompiled patterns for each kind of finding.

Every pattern is linear in the length of the text (no nested unbounded repetition, every gap
bounded). All are case-insensitive; ``\\b`` and ``\\w`` are Unicode-aware in Python 3, and
apostrophes may be straight or curly. Each :class:`~bowout.core.tone_scan.Rule` names the
stems or hits that locate its matches (see :mod:`bowout.core.tone_scan`); the newer kinds
are in :mod:`bowout.core.tone_kinds`.
"""

from __future__ import annotations

import re

from bowout.core.tone_scan import Rule, register

_I = re.IGNORECASE


def _words(*alternatives: str) -> str:
    """One non-capturing group of alternatives, anchored on word boundaries."""
    return r"\b(?:" + "|".join(alternatives) + r")\b"


# --- criticism of the employer, the process or the people -------------------------------
# Verdicts on them ("chaotic", "unprofessional"); complaints about how they treated the user
# ("nobody got back to me") are their own kind, in :mod:`bowout.core.tone_kinds`.
_CRITICAL_WORDS = (
    r"(?:dis|un)-?organi[sz](?:ed|ation)",
    r"unprofessional(?:ly|ism)?",
    r"rude(?:ly|ness)?",
    r"chaotic",
    r"chaos",
    r"shambolic",
    r"shambles",
    r"toxic",
    r"incompeten(?:t|ce)",
    r"disrespectful(?:ly)?",
    r"condescending",
    r"patroni[sz]ing",
    r"arrogant",
    r"dismissive",
    r"hostile",
    r"shady",
    r"sketchy",
    r"misleading",
    r"dishonest",
    r"clueless",
    r"amateurish",
    r"sloppy",
    r"exploitative",
    r"low-?ball(?:ed|ing|s)?",
    r"insulting",
    r"unacceptable",
    r"ridiculous",
    r"laughable",
    r"pathetic",
    r"underwhelming",
    r"unimpressed",
    r"not\s+impressed",
    r"unprepared",
    r"micro-?manag\w*",
    r"bait[-\s]+and[-\s]+switch",
    r"red\s+flags?",
    r"waste\s+of\s+(?:my\s+|our\s+|everyone['’]s\s+|your\s+)?time",
    r"wast(?:ed|ing)\s+(?:my|our|everyone['’]s)\s+time",
    r"below\s+(?:the\s+)?market",
    r"under-?pa(?:id|y|ying|ys)",
    r"lack\s+of\s+(?:communication|respect|professionalism|organi[sz]ation|transparency|clarity)",
    r"(?:poor|bad|terrible|awful|horrible|appalling|dreadful|worst|lousy)\s+"
    r"(?:experience|process|interview\w*|communication|management|culture|treatment|"
    r"organi[sz]ation|manager|team|offer|pay|salary|behaviou?r|attitude|questions?|"
    r"recruiter|recruitment|hiring|feedback|conduct|service)",
    r"poorly\s+(?:organi[sz]ed|run|managed|handled|communicated|planned|prepared)",
    r"(?:a|an)\s+(?:complete\s+|total\s+|absolute\s+|utter\s+)?"
    r"(?:joke|mess|disaster|nightmare|farce|circus)",
    r"dragged\s+on",
    r"took\s+(?:far\s+|way\s+)?too\s+long",
    r"(?:I\s+was|I['’]m|I\s+am)\s+(?:very\s+|really\s+|deeply\s+)?disappointed\s+(?:by|with|in)",
)
CRITICISM = Rule(
    re.compile(_words(*_CRITICAL_WORDS), _I),
    stems=(
        "disorgani", "unorgani", "dis-organi", "un-organi", "unprofessional", "rude", "chao",
        "shambl", "toxic", "incompeten", "disrespect", "condescend", "patroni", "arrogan",
        "dismissive", "hostile", "shady", "sketchy", "misleading", "dishonest", "clueless",
        "amateur", "sloppy", "exploitative", "lowball", "low-ball", "insult", "unacceptable",
        "ridiculous", "laughable", "pathetic", "underwhelm", "impressed", "unprepared", "micro",
        "switch", "flag", "wast", "market", "underpa", "under-pa", "lack", "poor", "bad",
        "terribl", "awful", "horribl", "appalling", "dreadful", "worst", "lousy", "joke",
        "mess", "disaster", "nightmare", "farce", "circus", "dragged", "long", "disappointed",
    ),
)  # fmt: skip

# --- venting and oversharing -------------------------------------------------------------
_FEELINGS = (
    r"shocked|appalled|stunned|offended|furious|angry|upset|annoyed|frustrated|fed\s+up|"
    r"insulted|livid|disgusted|baffled|taken\s+aback|outraged|horrified|gutted|"
    r"sick\s+(?:and\s+tired\s+)?of|tired\s+of"
)
_FEELING_STEMS = (
    "shock", "appall", "stunned", "offended", "furious", "angry", "upset", "annoyed",
    "frustrated", "fed", "insulted", "livid", "disgusted", "baffled", "aback", "outraged",
    "horrified", "gutted", "sick", "tired",
)  # fmt: skip
_VENTING_PHRASES = (
    r"(?:quite\s+)?frankly",
    r"to\s+be\s+(?:perfectly\s+|completely\s+|totally\s+|brutally\s+|very\s+)?(?:honest|frank)",
    r"honestly(?=\s*[,!])",
    r"brutally\s+honest",
    r"tbh",
    r"I\s+(?:have|had)\s+to\s+(?:say|admit)",
    r"I\s+must\s+(?:say|admit)",
    r"not\s+(?:going\s+to|gonna)\s+lie",
    r"I\s+(?:can['’]t|cannot|could\s+not|couldn['’]t)\s+believe",
    r"unbelievable",
    r"needless\s+to\s+say",
    r"to\s+put\s+it\s+(?:mildly|bluntly)",
    r"believe\s+me",
    r"long\s+story\s+short",
    r"let['’]s\s+be\s+honest",
    r"no\s+offen[cs]e",
    r"with\s+(?:all\s+)?due\s+respect",
    r"(?:I\s+was|I['’]m|I\s+am|I\s+felt|I\s+feel|I['’]ve\s+been|I\s+have\s+been)\s+"
    r"(?:really\s+|very\s+|so\s+|quite\s+|deeply\s+|extremely\s+|absolutely\s+|honestly\s+|"
    r"a\s+bit\s+|a\s+little\s+)?(?:" + _FEELINGS + r")",
)
VENTING = Rule(
    re.compile(_words(*_VENTING_PHRASES), _I),
    stems=(
        "frank", "honest", "tbh", "say", "admit", "lie", "believ", "needless", "mildly",
        "bluntly", "story", "offen", "respect", *_FEELING_STEMS,
    ),
)  # fmt: skip

# Personal details that are nobody's business in a withdrawal: "personal reasons" suffices.
_OVERSHARE_WORDS = (
    r"divorc\w*",
    r"diagnos\w*",
    r"surgery",
    r"therapy",
    r"therapist",
    r"pregnan\w*",
    r"miscarriage",
    r"chemo\w*",
    r"cancer",
    r"rehab",
    r"depression",
    r"anxiety",
    r"mental\s+health",
    r"burn(?:ed|t)[-\s]?out",
    r"breakdown",
    r"lawsuit",
    r"custody",
    r"my\s+debts?",
)
OVERSHARE = Rule(
    re.compile(_words(*_OVERSHARE_WORDS), _I),
    stems=(
        "divorc", "diagnos", "surgery", "therap", "pregnan", "miscarriage", "chemo", "cancer",
        "rehab", "depression", "anxiety", "mental", "burn", "breakdown", "lawsuit", "custody",
        "debt",
    ),
)  # fmt: skip

# Runs of "!" and "?" ("!!", "?!", "???") read as raised voice.
PUNCT_RUN_RE = re.compile(r"[!?]{2,}")
# Whole words of two or more letters none of which is a lowercase ASCII letter: the
# candidates for the ALL-CAPS check (confirmed with str.isupper, which knows Unicode).
CAPS_CANDIDATE_RE = re.compile(r"(?<![^\W\d_])[^\W\d_a-z]{2,}(?![^\W\d_])")
# Acronyms that are not shouting even when long.
ACRONYMS = frozenset(
    {
        "ASAP", "NASA", "HTML", "JSON", "FAANG", "IKEA", "NATO", "CERN", "UNICEF", "OECD",
        "UNESCO", "SAAS", "GDPR", "HIPAA", "FMCG", "NGO", "NGOS", "EMEA", "APAC", "LATAM",
        "AMER", "DACH", "NYSE", "NASDAQ", "FIFA", "UEFA", "SQL", "AWS", "IBM", "SAP", "UK",
        "USA", "US", "EU", "HR", "CV", "CEO", "CTO", "CFO", "COO", "VP", "PM", "QA", "UX",
        "UI", "AI", "ML", "IT", "PHD", "MBA", "RE", "FW", "FWD", "OK", "NB", "PS", "CC",
        "BCC", "AM", "FYI", "ETA", "TBD", "TBC", "LLC", "LTD", "INC", "PLC", "GMBH", "SA",
    }
)  # fmt: skip
# Sentences long enough to hold more than LONG_SENTENCE_WORDS words (46 one-letter words
# need 91 characters); anchored at a sentence start so each sentence is scanned once.
LONG_SENTENCE_RE = re.compile(r"(?<![^.!?\n])[^.!?\n]{91,}")
#: A single sentence longer than this reads as a long explanation.
LONG_SENTENCE_WORDS = 45

# --- the essentials: thanks and an unmistakable withdrawal --------------------------------
THANKS = Rule(
    re.compile(
        _words(r"thank\w*", r"thx", r"grateful", r"gratitude", r"appreciat\w*", r"merci"), _I
    ),
    stems=("thank", "thx", "grateful", "gratitude", "appreciat", "merci"),
)
_WITHDRAWAL_PHRASES = (
    r"withdr[ae]w\w*",
    r"step(?:ping|ped|s)?\s+(?:back|away|aside|down)\s+from",
    r"declin(?:e|es|ing|ed)",
    r"rescind\w*",
    r"revok(?:e|ing)",
    r"turn(?:ing)?\s+down",
    r"bow(?:ing)?\s+out",
    r"pull(?:ing)?\s+(?:out|my\s+(?:application|candidacy|name))",
    r"remov\w*\s+(?:me|myself|my\s+(?:name|application|candidacy))\s+from",
    r"tak\w*\s+(?:myself|me|my\s+name)\s+out\s+of",
    r"(?:end|close|cancel)\w*\s+my\s+(?:application|candidacy)",
    r"pass(?:ing)?\s+on\s+(?:this|the|your)\s+(?:offer|opportunity|role|position)",
    r"no\s+longer\s+(?:be\s+)?(?:pursu\w*|continu\w*|proceed\w*|interested|available|able|"
    r"in\s+a\s+position|consider\w*|seeking|mov\w*\s+forward|a\s+candidate|wish|want|"
    r"join\w*|accept\w*|tak\w*)",
    r"(?:decided|chosen|choose|decide|have|need|must|will|going)\s+not\s+to\s+"
    r"(?:pursue|continue|proceed|move\s+forward|accept|join|take|go\s+ahead)",
    r"(?:will\s+not|won['’]t|shall\s+not|cannot|can['’]t|can\s+not|unable\s+to)\s+"
    r"(?:be\s+)?(?:join\w*|accept\w*|continu\w*|proceed\w*|pursu\w*|mov\w*\s+forward|"
    r"go\w*\s+ahead|start\w*|commit\w*|tak\w*\s+(?:the|this|up))",
)
WITHDRAWAL = Rule(
    re.compile(_words(*_WITHDRAWAL_PHRASES), _I),
    stems=(
        "withdr", "step", "declin", "rescind", "revok", "turn", "bow", "pull", "remov", "out",
        "applica", "candida", "pass", "longer", "not", "n't", "n’t", "unable",
    ),
)  # fmt: skip
# A negation just before a match ("I am not withdrawing", "I don't appreciate") cancels it.
NEGATION_BEFORE_RE = re.compile(r"(?:\bnot|\bnever|\bno|n['’]t)\s+(?:\w+\s+){0,2}$", _I)
NEGATION_WINDOW = 30

# --- money --------------------------------------------------------------------------------
_NUM = r"\d+(?:[.,'’]\d+)*"
# A number starts where no letter, digit or separator precedes it: starting inside a long
# run of digits would make a failed match quadratic.
_NUM_START = r"(?<![\w.,'’])"
_SYMBOLS = "$€£¥₹₩₽₺₪₫₴₦₱฿"
_CODES = r"USD|EUR|GBP|CHF|CAD|AUD|NZD|SGD|INR|JPY|CNY|SEK|NOK|DKK|PLN|BRL|MXN|ZAR|AED|HKD"
_SCALE = r"(?:\s?(?:k|m|bn|million|thousand|grand)\b)?"
_BIG_NUMBER = r"(?:\d{1,3}(?:[,.'’]\d{3})+|(?!(?:19|20)\d\d\b)\d{4,})"
_MONEY_FORMS = (
    "[" + _SYMBOLS + r"]\s?" + _NUM + _SCALE,  # $85,000  €5.000  £90k
    r"\b(?:" + _CODES + r")\s?" + _NUM + _SCALE,  # USD 85000
    _NUM_START + _NUM + r"\s?(?:[" + _SYMBOLS + r"]|(?:" + _CODES + r"|dollars?|euros?|"
    r"pounds?|bucks)\b)",  # 5.000 €  85000 dollars
    _NUM_START + r"\d+(?:[.,]\d+)?\s?(?:k|grand|thousand|million)\b",  # 90k
)
# Every figure holds a digit: the rule runs only near clusters of digits and symbols. The
# leading lookahead lets most positions fail on one character test.
MONEY = Rule(
    re.compile(r"(?=[\d" + _SYMBOLS + r"a-z])(?:" + "|".join(_MONEY_FORMS) + ")", _I),
    hits=re.compile(r"[\d" + _SYMBOLS + r"][\d" + _SYMBOLS + r".,'’ ]*"),
    # A code or symbol sits just before the digits; a scale or currency word just after.
    before=6,
    after=12,
    needs="0123456789$",
)
# "salary of 120000": a money word, a short gap without digits or symbols, a big number.
MONEY_WORDS = Rule(
    re.compile(
        _words(
            r"salary|salaries|compensation|pay|paid|base|package|wages?|rate|stipend|bonus|"
            r"raise|offer(?:ed)?|counter-?offer|TC|OTE"
        )
        + r"[^.\n\d"
        + _SYMBOLS
        + r"]{0,30}?"
        + _BIG_NUMBER,
        _I,
    ),
    # The money word and its gap come before the big number, which ends the match.
    hits=re.compile(_BIG_NUMBER),
    before=50,
    after=0,
    needs="0123456789",
)

# --- naming the other employer -------------------------------------------------------------
_ACCEPT = r"accept(?:ed|ing)?|tak(?:e|en|ing)|took|sign(?:ed|ing)?|cho(?:se|sen|osing)|got|received"
_JOB = r"offer|position|role|job|opportunity|post"
_OTHER_EMPLOYER_LEADS = (
    # "accepted a position at Initech", "received an offer from Globex"
    r"\b(?:" + _ACCEPT + r")\s+(?:[\w-]+\s+){0,3}?(?:" + _JOB + r")s?\s+(?:at|with|from)\s+",
    # "another offer from Acme", "a new role with Hooli", "an offer from Acme"
    r"\b(?:another|other|competing|different|new)\s+(?:" + _JOB + r")s?\s+(?:at|with|from)\s+",
    r"\ban\s+offers?\s+(?:at|with|from)\s+",
    # "I'll be joining Globex", "I have joined Acme", "starting at Initech"
    r"\b(?:be|am|I['’]m|now)\s+joining\s+",
    r"\b(?:will|['’]ll|decided\s+to|chosen\s+to|going\s+to|have|['’]ve)\s+join(?:ed)?\s+",
    r"\bstart(?:ing)?\s+(?:work(?:ing)?\s+)?(?:at|with)\s+",
    r"\b(?:be|am|I['’]m|now)\s+(?:going\s+)?(?:working|moving)\s+(?:at|for|with)\s+",
)
_CAPITAL_NAME_HITS = re.compile(r"(?i:at|with|from|join|joining|joined)\s+[^\W\d_a-z]")
# The same words, lowercase, for ASCII texts: plain literals let the scan skip most letters.
_LEAD_WORD_RE = re.compile(r"at\s+|with\s+|from\s+|join(?:|ing|ed)\s+")


def _capital_name_hits(text: str, lowered: str) -> list[tuple[int, int]]:
    """The spans ``OTHER_EMPLOYER_LEAD.hits`` finds in an ASCII ``text``, found faster.

    In ASCII the case-insensitive words are their lowercase forms, and a capital is A-Z; a
    match of ``_LEAD_WORD_RE`` on ``lowered`` is a hit when a capital follows it. None of the
    words is a suffix of another, so skipping what a hit overlaps gives the same hits.
    """
    spans = []
    last_end = 0
    for match in _LEAD_WORD_RE.finditer(lowered):
        start, end = match.span()
        if start >= last_end and end < len(text) and "A" <= text[end] <= "Z":
            spans.append((start, end + 1))
            last_end = end + 1
    return spans


OTHER_EMPLOYER_LEAD = Rule(
    re.compile("|".join(_OTHER_EMPLOYER_LEADS), _I),
    # Every lead ends in one of these words and a capitalised name: only look there.
    hits=_CAPITAL_NAME_HITS,
    hits_see_case=True,
    ascii_hits=_capital_name_hits,
    before=90,
    after=0,
)
# One word of a name: "Acme", "Hooli", "AT&T", "Procter", "O’Brien".
NAME_WORD_RE = re.compile(r"[^\W_][\w&'’.-]*")
NAME_STOPWORDS = frozenset(
    {
        "the", "a", "an", "another", "your", "you", "our", "us", "my", "me", "this", "that",
        "these", "those", "their", "them", "his", "her", "it", "its", "him", "someone",
        "some", "other", "i", "we", "they", "he", "she", "one", "both", "each", "all",
        "team", "company", "firm", "organisation", "organization", "employer",
    }
)  # fmt: skip
MAX_NAME_WORDS = 4


register(CRITICISM, VENTING, OVERSHARE, THANKS, WITHDRAWAL)
