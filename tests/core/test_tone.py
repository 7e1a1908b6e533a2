"""The tone coach: precise on good messages, specific on bad ones, fast on huge ones."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bowout.core import tone, tone_kinds, tone_rules, tone_scan
from bowout.core.situation import Channel, Situation, Stage
from bowout.core.tone import (
    MAX_FINDINGS_PER_CODE,
    PLACEHOLDER_RE,
    WORD_BUDGET,
    check_tone,
    count_words,
)

CODES = {
    "criticism",
    "complaint",
    "absolute",
    "venting",
    "overshare",
    "shouting",
    "long-sentence",
    "repeated-apology",
    "red-flags-praise",
    "too-long",
    "missing-thanks",
    "unclear-withdrawal",
    "placeholder",
    "linkedin-late",
    "email-rescind",
    "email-late",
    "recruiter-rescind",
    "money-figure",
    "other-employer",
}
ACME = Situation(
    stage=Stage.INTERVIEWING, company="Acme Analytics", contact="Jane Doe", role="Data Analyst"
)
SIGNATURE = "Kind regards,\nMaya López\nmaya@example.com\n+1 (555) 123-4567"

GOOD_MESSAGES = {
    "early email": """Dear Jane,

Thank you for our conversation about the Data Analyst role. I have decided \
to withdraw my application, as the position is not the right fit for what I am looking for \
at the moment.

I wish you and the team every success with the search.

""",
    "other offer, door open": """Dear Ms Doe,

I'm grateful for the conversations we've had about the Data Analyst position at Acme \
Analytics. I’m writing to let you know that I have accepted another offer, so I am \
withdrawing from the process.

I enjoyed meeting the team and would be glad to stay in touch.

""",
    "rescind after call": """Dear Jane,

Thank you again for the offer and for taking my call today. As we discussed, I am \
rescinding my acceptance of the Data Analyst role. I know this causes real disruption for \
you and the team, and I am sorry for that.

I will repay the relocation advance and the signing bonus as the agreement sets out, and I \
am happy to help with anything that makes the handover easier.

""",
    "relocation": """Hello Jane,

I appreciate the time you and your colleagues have given me. My move abroad has been \
pushed back and I cannot be ready for a start date that works for you, so I must withdraw \
my candidacy. The visa petition can be stopped; I'm happy to confirm that in writing.

""",
    "red flags, minimal": """Dear Jane,

Thank you for considering my application. After further thought, I have decided to \
withdraw from consideration for the Data Analyst role.

""",
    "offer declined": """Dear Jane,

Thank you very much for the offer. After careful consideration I have decided to decline \
it. I realise this comes late in your process and I apologise for the inconvenience.

""",
    "recruiter note": """Hi Sam,

Thanks so much for all your help with the Acme Analytics process. I've decided not to \
continue with the Data Analyst application and would be grateful if you could let Jane \
know. I'm happy to talk it through whenever suits you.

""",
    "linkedin": "Hi Jane, thank you for the chats about the analyst role. I've decided to "
    "step back from the process, but I'd love to stay connected here.",
    "no longer pursuing": """Dear Jane,

Many thanks for your time. I will no longer be pursuing the Data Analyst opportunity, and \
I wish you all the best in filling it.

""",
}


def codes(findings: tuple[object, ...]) -> list[str]:
    return [f.code for f in findings]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(GOOD_MESSAGES))
@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.RECRUITER, Channel.PHONE])
def test_good_messages_have_no_findings(name: str, channel: Channel) -> None:
    text = GOOD_MESSAGES[name] + SIGNATURE
    subject = "Withdrawing my application: Data Analyst"
    assert check_tone(text, ACME, channel, subject=subject, signature=SIGNATURE) == ()


def test_good_message_with_missing_names_has_only_placeholders() -> None:
    text = (
        "Dear [Hiring manager's name],\n\nThank you for your time while I applied for the "
        "[Role] position at [Company]. I am withdrawing my application.\n\n" + SIGNATURE
    )
    findings = check_tone(
        text, Situation(stage=Stage.APPLIED), Channel.EMAIL, subject="[Role]: withdrawal"
    )
    # Once per placeholder, across body and subject, at its first place in the body.
    assert codes(findings) == ["placeholder"] * 3
    assert all(f.target == "body" for f in findings)
    body = [text[f.start : f.end] for f in findings]
    assert body == ["[Hiring manager's name]", "[Role]", "[Company]"]
    assert [f.message for f in findings] == [
        "Fill in the Contact name field: “[Hiring manager's name]” appears in the body.",
        "Fill in the Role field: “[Role]” appears in the subject and the body.",
        "Fill in the Company field: “[Company]” appears in the body.",
    ]


def _body(sentence: str) -> str:
    return f"Dear Jane,\n\nThank you for your time. I am withdrawing my application. {sentence}\n"


BAD_PHRASES = [
    ("Your process was disorganised.", "criticism", "disorganised"),
    ("It was not disorganized, exactly.", "criticism", "disorganized"),
    ("The interviewer was UNPROFESSIONAL.", "criticism", "UNPROFESSIONAL"),
    ("Your recruiter was rude to me.", "criticism", "rude"),
    ("The whole day felt chaotic.", "criticism", "chaotic"),
    ("Frankly it was a waste of my time.", "criticism", "waste of my time"),
    ("The offer was a lowball.", "criticism", "lowball"),
    ("The culture seems toxic.", "criticism", "toxic"),
    ("I saw red flags everywhere.", "criticism", "red flags"),
    ("It was a poorly organised day.", "criticism", "poorly organised"),
    ("The whole thing was a complete joke.", "criticism", "a complete joke"),
    ("Nobody got back to me for weeks.", "complaint", "Nobody got back"),
    ("They didn’t even read my CV.", "complaint", "didn’t even read"),
    ("Frankly, I expected more.", "venting", "Frankly"),
    ("To be honest I expected more.", "venting", "To be honest"),
    ("To be brutally honest, no.", "venting", "To be brutally honest"),
    ("FRANKLY, no.", "venting", "FRANKLY"),
    ("I was shocked by the questions.", "venting", "I was shocked"),
    ("I’m really frustrated with how it went.", "venting", "I’m really frustrated"),
    ("I can't believe it.", "venting", "I can't believe"),
    ("This is final!!!", "shouting", "!!!"),
    ("Why?!", "shouting", "?!"),
    ("I will NEVER apply again.", "shouting", "NEVER"),
    ("My divorce made the move impossible.", "overshare", "divorce"),
    ("I expected more from a company like yours.", "absolute", "a company like yours"),
    ("People like you should not hire.", "absolute", "People like you"),
    ("Your recruiters never listen.", "absolute", "Your recruiters never listen"),
    ("It's your loss.", "absolute", "It's your loss"),
    ("No one replied for three weeks.", "complaint", "No one replied"),
    ("The panel kept me waiting an hour.", "complaint", "kept me waiting"),
    ("The interviewer was late and uninterested.", "complaint", "was late and uninterested"),
    ("The base was $85,000 there.", "money-figure", "$85,000"),
    ("They offered 90k more.", "money-figure", "90k"),
    ("They offered €5.000 more.", "money-figure", "€5.000"),
    ("They offered 5.000 € more.", "money-figure", "5.000 €"),
    ("It has a salary of 120000.", "money-figure", "salary of 120000"),
    ("It pays USD 95000 a year.", "money-figure", "USD 95000"),
    ("I accepted an offer from Globex last week.", "other-employer", "Globex"),
    ("I will be joining Globex Corporation in May.", "other-employer", "Globex Corporation"),
    ("I accepted a position at Initech.", "other-employer", "Initech"),
    ("I have received an offer from Hooli.", "other-employer", "Hooli"),
    ("I have another offer with Umbrella.", "other-employer", "Umbrella"),
    ("I am starting at Initech next month.", "other-employer", "Initech"),
]


@pytest.mark.parametrize(("sentence", "code", "span"), BAD_PHRASES)
def test_bad_phrase_is_flagged_with_its_span(sentence: str, code: str, span: str) -> None:
    text = _body(sentence)
    findings = check_tone(text, ACME, Channel.EMAIL)
    flagged = [(f.code, text[f.start : f.end]) for f in findings]
    assert (code, span) in flagged
    assert [c for c, _ in flagged].count(code) == 1, "overlapping spans are merged"
    assert all(f.target == "body" for f in findings)
    assert all(f.message[0].isupper() or f.message[0] == "“" for f in findings)


@pytest.mark.parametrize("sentence", [s for s, _, _ in BAD_PHRASES])
def test_bad_phrase_in_subject_is_flagged_there(sentence: str) -> None:
    findings = check_tone(_body(""), ACME, Channel.EMAIL, subject=sentence)
    assert [f for f in findings if f.target == "subject"]


CLEAN_LOOKALIKES = [
    "Please call me on +1 555 123 4567 or +44 20 7946 0958.",
    "I could start on 2026-03-02 or 2 March 2026.",
    "I will repay the signing bonus as my agreement sets out.",
    "Thank you for the offer from Acme Analytics.",
    "I was looking forward to joining Acme Analytics.",
    "In March I accepted an offer from Acme Analytics, and I now have to take that back.",
    "I'd be glad to join a team like yours one day.",
    "I accepted another offer and will be joining a small startup.",
    "I don't want to waste your time any longer.",
    "The HR team and the CEO were kind. I met the UX lead too.",
    "I know this may be disappointing news, and I feel terrible about the timing.",
    "I will return the laptop and badge by Friday.",
    "The relocation package was generous; thank you for it.",
    "I enjoyed meeting the team at the Jane Doe office in Room 1204.",
    "This message is about the messaging team.",
    "I'm sorry for the short notice.",
]


@pytest.mark.parametrize("sentence", CLEAN_LOOKALIKES)
def test_lookalikes_are_not_flagged(sentence: str) -> None:
    assert check_tone(_body(sentence), ACME, Channel.EMAIL) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Dear Jane,\n\nI am withdrawing my application.\n",
        "Dear Jane,\n\nI don't appreciate how this went. I am withdrawing.\n",
    ],
)
def test_missing_thanks_spans_the_first_line(text: str) -> None:
    (finding,) = check_tone(text, ACME, Channel.EMAIL, signature="")
    assert finding.code == "missing-thanks"
    assert text[finding.start : finding.end] == "Dear Jane,"


@pytest.mark.parametrize(
    "sentence",
    [
        "I am not sure about the next steps.",
        "I am not withdrawing yet.",
        "I don't want to withdraw, but the timing is hard.",
        "I wanted to share some news about my plans.",
    ],
)
def test_unclear_withdrawal_is_flagged(sentence: str) -> None:
    text = f"\n  Dear Jane,\nThank you for your time. {sentence}\n"
    (finding,) = check_tone(text, ACME, Channel.EMAIL)
    assert finding.code == "unclear-withdrawal"
    assert text[finding.start : finding.end] == "Dear Jane,"


@pytest.mark.parametrize(
    "statement",
    [
        "I am withdrawing my application.",
        "I withdrew from the process.",
        "I must decline the offer.",
        "I am rescinding my acceptance.",
        "I'd like to step back from consideration.",
        "I will no longer be continuing with the process.",
        "I have decided not to proceed.",
        "I won't be moving forward with the role.",
        "Please remove me from consideration.",
        "I am turning down the offer.",
        "I have to pass on this opportunity.",
    ],
)
def test_withdrawal_statements_are_recognised(statement: str) -> None:
    text = f"Dear Jane,\n\nThank you for your time. {statement}\n"
    assert check_tone(text, ACME, Channel.EMAIL) == ()


def _words(n: int) -> str:
    # Short sentences, so only the length rule can fire.
    return " ".join(f"w{i}" + ("." if i % 10 == 9 else "") for i in range(n))


def test_word_budget_excludes_the_signature() -> None:
    head = "Thank you. I am withdrawing."  # 5 words
    text = head + " " + _words(WORD_BUDGET - 5) + "\n\n" + SIGNATURE
    assert count_words(text) > WORD_BUDGET
    assert check_tone(text, ACME, Channel.EMAIL, signature=SIGNATURE) == ()
    over = check_tone(text, ACME, Channel.EMAIL, signature="")
    assert codes(over) == ["too-long"]


def test_too_long_spans_from_the_first_word_past_the_budget() -> None:
    head = "Thank you. I am withdrawing."
    text = head + " " + _words(WORD_BUDGET - 5 + 3) + "  \n\n" + SIGNATURE
    (finding,) = check_tone(text, ACME, Channel.EMAIL, signature=SIGNATURE)
    assert finding.code == "too-long"
    assert text[finding.start : finding.end] == "w115 w116 w117"
    assert str(WORD_BUDGET) in finding.message
    assert str(WORD_BUDGET + 3) in finding.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("one", 1),
        ("Thank you — truly.", 3),
        ("e-mail don’t $85,000 !!! …", 3),
        ("naïve café 東京 Ünïcödé", 4),
        ("a_b ___ _", 1),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


@pytest.mark.parametrize(
    ("stage", "channel", "rapport"),
    list(itertools.product(list(Stage), list(Channel), [False, True])),
)
def test_channel_mismatches(stage: Stage, channel: Channel, rapport: bool) -> None:
    text = "Dear Jane,\n\nThank you for your time. I am withdrawing my application.\n"
    found = codes(check_tone(text, Situation(stage=stage, rapport=rapport), channel))
    late = stage in (Stage.FINAL, Stage.OFFER, Stage.ACCEPTED)
    expected = {
        "linkedin-late": channel is Channel.LINKEDIN and late,
        "email-rescind": channel is Channel.EMAIL and stage is Stage.ACCEPTED,
        # With rapport a call is recommended at the final and offer stages.
        "email-late": channel is Channel.EMAIL and stage in (Stage.FINAL, Stage.OFFER) and rapport,
        # Rescinding through a recruiter, and the user has not chosen to call too.
        "recruiter-rescind": channel is Channel.RECRUITER and stage is Stage.ACCEPTED,
    }
    assert found == [code for code, fires in expected.items() if fires]


def test_findings_are_in_reading_order_body_first() -> None:
    text = "Frankly, the process was chaotic. I accepted an offer from Globex for $90,000.\n"
    findings = check_tone(text, ACME, Channel.EMAIL, subject="Withdrawal [Role]")
    body = [f for f in findings if f.target == "body"]
    assert findings[-1].target == "subject"
    assert [f.start for f in body] == sorted(f.start for f in body)
    assert {"venting", "criticism", "other-employer", "money-figure", "missing-thanks"} <= set(
        codes(findings)
    )


def test_shouting_ignores_acronyms_and_the_users_names() -> None:
    situation = Situation(stage=Stage.SCREENING, company="ACME GLOBAL")
    text = _body("I met the CEO and HR at ACME GLOBAL, and the NASA alumni.")
    assert check_tone(text, situation, Channel.EMAIL) == ()
    text = _body("I DO NOT WANT this.")
    (finding,) = check_tone(text, situation, Channel.EMAIL)
    assert text[finding.start : finding.end] == "DO NOT WANT"


def test_long_sentence_has_its_own_code() -> None:
    sentence = "I " + " ".join(["really"] * 50) + " wanted this"
    text = _body(sentence + ".")
    (finding,) = check_tone(text, ACME, Channel.EMAIL)
    assert finding.code == "long-sentence"
    assert text[finding.start : finding.end].strip() == sentence
    assert "53 words" in finding.message


def test_placeholder_pattern() -> None:
    assert PLACEHOLDER_RE.findall("[Role] at [Company], [Hiring manager's name]") == [
        "[Role]",
        "[Company]",
        "[Hiring manager's name]",
    ]
    assert PLACEHOLDER_RE.findall("[] [" + "x" * 61 + "] [a\nb] [[x]]") == ["[x]"]


def test_findings_per_code_are_capped() -> None:
    placeholders = " ".join(f"[Name {i}]" for i in range(500))
    loud = "It was chaotic!! " * 500 + "I was shocked. " * 500 + "My divorce. " * 500
    text = _body(loud + placeholders + " [Name 1]" * 500)
    found = codes(check_tone(text, ACME, Channel.EMAIL))
    for code in ("criticism", "shouting", "venting", "overshare", "placeholder"):
        assert found.count(code) == MAX_FINDINGS_PER_CODE, code


ADVERSARIAL = {
    "exclamations": "!" * 100_000,
    "open brackets": "[a" * 50_000,
    "dotted digits": "1." * 50_000,
    "quoted digits": "'1" * 50_000,
    "spaced digits": "1 " * 50_000,
    "one long word": "A" * 100_000,
    "caps words": "ACME " * 20_000,
    "spaces after a stem": "poor" + " " * 100_000,
    "money word then digits": "salary " * 7_000 + "1" * 50_000,
    "criticism everywhere": "disorganised " * 8_000,
    "leads everywhere": "accepted an offer from " * 4_500,
    "negations": "not " * 25_000 + "withdraw",
    "mixed noise": "a!b?c.d,e[f]g$1k İ " * 5_000,
    "complaints everywhere": "nobody replied, they were late and " * 3_000,
    "contempt everywhere": "never again, people like you, a company like yours " * 2_000,
    "apologies everywhere": "sorry " * 17_000,
    "placeholders everywhere": "[Role] [x] " * 9_100,
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_100kb_texts_finish(name: str) -> None:
    # Catastrophic backtracking would hang here for minutes; linear scans take milliseconds.
    text = ADVERSARIAL[name]
    assert len(text) >= 90_000
    findings = check_tone(text, ACME, Channel.EMAIL, subject=text[:5_000], signature=text[-50:])
    for finding in findings:
        assert finding.code in CODES
        limit = len(text) if finding.target == "body" else 5_000
        assert 0 <= finding.start <= finding.end <= limit


EXAMPLES = [s for s, _, _ in BAD_PHRASES] + CLEAN_LOOKALIKES + list(GOOD_MESSAGES.values())
CAPITAL = re.compile(r"[^\W\d_a-z]")
RULES = [
    tone_rules.CRITICISM,
    tone_rules.VENTING,
    tone_rules.OVERSHARE,
    tone_rules.THANKS,
    tone_rules.WITHDRAWAL,
    tone_rules.MONEY,
    tone_rules.MONEY_WORDS,
    tone_rules.OTHER_EMPLOYER_LEAD,
    *tone_kinds.ABSOLUTE,
    tone_kinds.LIKE_YOURS,
    *tone_kinds.COMPLAINT,
    tone_kinds.APOLOGY,
    tone_kinds.PRAISE,
]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.pattern.pattern[:30])
def test_stem_search_finds_what_a_full_scan_finds(rule: tone_scan.Rule) -> None:
    # The stems are an optimisation only: located or not, the matches must be the same.
    padding = "x " * 100
    text = padding.join([*EXAMPLES, "!"]) + padding
    lowered = tone_scan.lowered_for_stems(text)
    assert lowered is not None
    full = [m.span() for m in rule.pattern.finditer(text)]
    assert list(rule.finditer(text, None)) == full
    if rule.hits_see_case:  # this rule only looks where a capitalised name follows
        full = [(start, end) for start, end in full if CAPITAL.match(text, end)]
    assert full, "the examples exercise every rule"
    assert list(rule.finditer(text, lowered)) == full


def test_text_whose_lowercase_changes_length_is_scanned_in_full() -> None:
    text = "İstanbul. " + _body("Frankly, it was chaotic.")
    assert tone_scan.lowered_for_stems(text) is None
    found = codes(check_tone(text, ACME, Channel.EMAIL))
    assert found == ["venting", "criticism"]


_PIECES = st.one_of(
    st.text(max_size=5),
    st.sampled_from(["[", "]", "!", "?", "$", "€", "1", ",", ".", " ", "\n", "'", "’", "İ"]),
    st.sampled_from(["withdraw", "thank", "chaotic", "Frankly", "offer from Acme", "90k"]),
)
_TEXT = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, subject=_TEXT, signature=_TEXT, channel=st.sampled_from(list(Channel)))
def test_any_text_gives_well_formed_findings(
    text: str, subject: str, signature: str, channel: Channel
) -> None:
    findings = check_tone(text + signature, ACME, channel, subject=subject, signature=signature)
    for finding in findings:
        assert finding.code in CODES
        assert finding.target in ("body", "subject")
        limit = len(text + signature) if finding.target == "body" else len(subject)
        assert 0 <= finding.start <= finding.end <= limit
        assert finding.message
    assert findings == check_tone(
        text + signature, ACME, channel, subject=subject, signature=signature
    )


def _reference_spans(rule: tone_scan.Rule, text: str, lowered: str) -> list[tuple[int, int]]:
    """What Rule.finditer found before its fast paths: every stem looked up, every hit."""
    if rule.hits is not None:
        source = text if rule.hits_see_case else lowered
        spans = [m.span() for m in rule.hits.finditer(source)]
        if rule.needs and text.isascii() and not any(c in lowered for c in rule.needs):
            spans = []
    else:
        present = [stem for stem in rule.stems if stem in lowered]
        if not present:
            return []
        spans = [(0, len(text))] if len(text) <= tone_scan.WINDOW_AFTER else []
        if not spans:
            for stem in present:
                spans += [(m.start(), m.start() + len(stem)) for m in _overlapping(stem, lowered)]
    windows = tone_scan._merge(spans, len(text), rule.before, rule.after)
    return [m.span() for start, end in windows for m in rule.fast.finditer(lowered, start, end)]


def _overlapping(stem: str, text: str) -> list[re.Match[str]]:
    return list(re.finditer("(?=" + re.escape(stem) + ")", text))


_ASCII_PIECES = st.one_of(
    st.text(alphabet=st.characters(max_codepoint=127), max_size=6),
    st.sampled_from(["!", "?", ".", " ", "\n", "'", "-", "$", "1", "A", "NEVER ", "THE "]),
    st.sampled_from(
        [s for s, _, _ in BAD_PHRASES] + CLEAN_LOOKALIKES + ["took too long", "underpaid"]
    ),
)
_ASCII_TEXT = st.lists(_ASCII_PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_ASCII_TEXT)
def test_fast_paths_find_what_the_full_scans_find(text: str) -> None:
    # Word scans, cues and ASCII shortcuts only skip work: results must not change.
    lowered = text.lower()
    for rule in RULES:
        assert list(rule.finditer(text, lowered)) == _reference_spans(rule, text, lowered)
    long_runs = [m.span() for m in tone_rules.LONG_SENTENCE_RE.finditer(text)]
    assert tone._long_runs(text) == long_runs
    non_words = len(re.findall(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)", text))
    assert count_words(text) == len(text.split()) - non_words
    hits = [m.span() for m in tone_rules.OTHER_EMPLOYER_LEAD.hits.finditer(text)]  # type: ignore[union-attr]
    assert tone_rules._capital_name_hits(text, lowered) == hits


def test_examples_through_fast_paths_match_the_full_scans() -> None:
    padding = "x " * 20
    for example in EXAMPLES:
        for text in (example, example.upper(), padding + example + padding):
            lowered = text.lower()
            for rule in RULES:
                assert list(rule.finditer(text, lowered)) == _reference_spans(rule, text, lowered)


def test_every_cue_is_one_word_long() -> None:
    # A cue is found word by word, so it may hold only characters that stems hold.
    for rule in RULES:
        for cue in rule.cues:
            assert re.fullmatch(r"[a-z'-]{2,}", cue), cue
    assert tone_rules.CRITICISM.cues and tone_rules.THANKS.cues


def test_word_cache_that_fills_up_is_cleared_without_losing_stems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tone_scan, "_WORD_STEMS_MAX", 3)
    monkeypatch.setattr(tone_scan, "_WORD_STEMS", {})
    for example in EXAMPLES:
        text = example + " " + example.upper()
        lowered = text.lower()
        for rule in RULES:
            assert list(rule.finditer(text, lowered)) == _reference_spans(rule, text, lowered)
    assert len(tone_scan._WORD_STEMS) <= 3 + 60


def test_body_and_whole_text_share_one_scan_only_at_a_word_break() -> None:
    # "thank" spans the cut: scanning the parts apart would miss it, so it is not done.
    text = "Dear Jane, I am withdrawing. Many thanks"
    body_end = text.index("nks")
    findings = check_tone(text, ACME, Channel.EMAIL, signature="nks")
    assert body_end == len(text) - 3
    assert "missing-thanks" not in codes(findings)
