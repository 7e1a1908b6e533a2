"""The kinds behind the English panels of seed 501 and of docs/sample-drafts.md (issue 21,
English round 10), each a property of every draft over the matrix of
:mod:`test_rubric_patterns` (stages x reasons x channels x voices x wordings, the replies to
what they wrote back, the phone script with its branches and its confirming email).

A kind stated in data is a rule of templates/en/wording/rules.toml, checked here by its id;
the ones a rule cannot express (two sentences in a row, a paragraph's sentiments) are
checked here directly.
"""

from __future__ import annotations

import itertools
import re

import pytest
from test_rubric_patterns import RULES, SLICES, broken, corpus, where

from bowout.core.pack import load_pack
from bowout.core.wording import violations

#: The rules behind the panels' kinds: a decision with no object (drafts 2, 10, 24), "accept"
#: twice in a row (23), "remaining in contact" (3, 11, 25), a bare "I'll let you know by"
#: (21, 27, 28), money received only "to discuss" (1, 23), money never received said coldly,
#: a start date read into a changed move (25), "I'm letting Tom Baker know as well" (seed
#: 701: 11, 17), a call confirmed in officialese (seed 701: 7).
RULE_KINDS = (
    "a-decision-names-what-it-ends",
    "acceptance-is-not-echoed",
    "keeping-in-touch-in-plain-words",
    "a-date-says-what-it-is-for",
    "money-received-says-how-it-is-settled",
    "nothing-received-is-said-warmly",
    "a-reason-in-the-words-chosen",
    "no-act-the-user-never-chose",
    "a-call-is-confirmed-in-plain-words",
    "a-routine-withdrawal-is-not-ominous",
)


@pytest.mark.parametrize("key", SLICES)
def test_every_draft_follows_the_round_ten_rules(key: str) -> None:
    assert not broken(RULE_KINDS, key), "\n".join(broken(RULE_KINDS, key))


def test_the_rules_read_the_lines_the_panels_found() -> None:
    """Each rule knows the panel's sentence: it is not a rule of nothing."""
    cases = {
        "a-decision-names-what-it-ends": "I've decided to withdraw. I've accepted another offer.",
        "acceptance-is-not-echoed": "I'm withdrawing my acceptance, as I've accepted another job.",
        "keeping-in-touch-in-plain-words": "I would welcome remaining in contact.",
        "a-date-says-what-it-is-for": "I'll let you know by Tuesday 8 December.",
        "money-received-says-how-it-is-settled": "Let's discuss the signing bonus I received.",
        "a-reason-in-the-words-chosen": "My move has changed, so I could not be ready to start.",
        "no-act-the-user-never-chose": "I'm letting Tom Baker know as well.",
        "a-call-is-confirmed-in-plain-words": "Further to our telephone conversation, I confirm.",
        "a-routine-withdrawal-is-not-ominous": "It's something I'd rather tell you myself.",
    }
    facts = {"money_paid": "true", "kind": "negotiate", "reply": "repayment", "stage": "applied"}
    for rule_id, sentence in cases.items():
        kind = "negotiate" if rule_id == "a-date-says-what-it-is-for" else "withdraw"
        said = {part: (sentence, {**facts, "kind": kind}) for part in ("body", "script")}
        assert violations((RULES[rule_id],), said), rule_id
    cold = "Contoso Health hasn't paid me anything, so there's nothing to repay."
    unpaid = {"money_paid": "false", "reply": "repayment"}
    assert violations((RULES["nothing-received-is-said-warmly"],), {"body": (cold, unpaid)})


#: A sentence that opens on "I have" / "I've": two in a row read as two flat lines stacked.
I_HAVE = re.compile(r"^I(?:'ve|\u2019ve| have)\b")


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", paragraph) if s.strip()]


@pytest.mark.parametrize("key", SLICES)
def test_no_two_sentences_in_a_row_open_on_i_have(key: str) -> None:
    """Drafts 2 and 8: "I've decided to withdraw. I've accepted another offer." and "I have
    decided to withdraw from the process. I have accepted another offer.": the decision and
    its reason are one sentence, in every draft, confirming email and reply."""
    problems = []
    for w in corpus(key):
        for paragraph in w.body.split("\n\n")[1:]:
            for first, second in itertools.pairwise(sentences(paragraph)):
                if I_HAVE.match(first) and I_HAVE.match(second):
                    problems.append(f"{where(w)}: {first!r} / {second!r}")
    assert not problems, "\n".join(problems[:8])


def test_a_decision_and_its_reason_are_one_sentence() -> None:
    """The English pack joins a short decision to the reason after it; a long one, one with
    its own "as", or a reason with a clause of its own stays two sentences."""
    pack = load_pack("en")
    assert (
        pack.joined("I've decided to withdraw my application.", "I've accepted another offer.")
        == "I've decided to withdraw my application, as I've accepted another offer."
    )
    assert (
        pack.joined("On reflection, I have decided to decline the role.", "It is not for me.")
        == "On reflection, I have decided to decline the role, as it is not for me."
    )
    kept = [
        ("As discussed, I'm declining the role.", "It's not the right match for me."),
        ("I'm withdrawing my application.", "My move has been rescheduled, so it won't work."),
        ("I'm withdrawing my application.", ""),
    ]
    for decision, reason in kept:
        assert pack.joined(decision, reason) == f"{decision} {reason}".strip()


#: A closing sentiment: a wish, a hope, the pleasure of their company, the door kept open.
SENTIMENT = re.compile(
    r"\bhope|\bwish|\bluck\b|enjoy|pleasure|stay in touch|in contact|paths cross|"
    r"work with you again|success|glad to hear",
    re.IGNORECASE,
)


@pytest.mark.parametrize("key", SLICES)
def test_a_close_says_at_most_two_sentiments(key: str) -> None:
    """Drafts 6 and 9: "I hope we stay in touch. I've enjoyed meeting you all. Good luck with
    your search." Three sentiments stacked read assembled: a message's last paragraph before
    the sign-off holds at most two (a clause joined by "and" counts as one of its own)."""
    problems = []
    for w in corpus(key):
        paragraphs = [p for p in w.body.split("\n\n") if p.strip()]
        if w.reply != "none" or len(paragraphs) < 3:
            continue
        clauses = re.split(r"(?<=[.?!;])\s+|, and ", paragraphs[-2])
        if sum(1 for c in clauses if SENTIMENT.search(c)) > 2:
            problems.append(f"{where(w)}: {paragraphs[-2]!r}")
    assert not problems, "\n".join(problems[:8])


def script_lines(w: object) -> list[str]:
    """The call's steps and branches (the voicemail, a message of its own, left out)."""
    script = getattr(w, "texts", {}).get("script", ("", {}))[0]
    return [line for line in script.splitlines() if not line.startswith("If voicemail")]


@pytest.mark.parametrize("key", SLICES)
def test_a_call_script_keeps_one_quote_style_and_thanks_at_most_twice(key: str) -> None:
    """The docs panel's drafts: "thanks for asking" on two lines in a row, then "thanks for
    your time", and straight quotes ("...") beside curly ones in one script."""
    problems = []
    for w in corpus(key):
        lines = script_lines(w)
        if not lines:
            continue
        said = "\n".join(lines)
        if '"' in said and re.search("[\u201c\u201d]", said):
            problems.append(f"{where(w)}: straight and curly quotes")
        words = " ".join(re.findall(r'"([^"]*)"', said))  # what is said, not the step names
        if len(re.findall(r"\bthank", words, re.IGNORECASE)) > 2:
            problems.append(f"{where(w)}: {said!r}")
    assert not problems, "\n".join(problems[:8])


@pytest.mark.parametrize("key", SLICES)
def test_a_call_names_the_role_once_before_the_decision(key: str) -> None:
    """Seed 701, draft 6: "thank you for considering me for the Data Analyst role" then "I
    have decided to withdraw my application for the Data Analyst role", one step after the
    other: the decision names the role, the thanks before it does not."""
    problems = []
    for w in corpus(key):
        steps = dict(
            re.findall(r'^\d+\. ([^:]+): "(.*)"$', w.texts.get("script", ("", {}))[0], re.M)
        )
        role = w.situation.role
        if role in steps.get("Thank them", "") and role in steps.get("Say it plainly", ""):
            problems.append(f"{where(w)}: {steps['Thank them']!r}")
    assert not problems, "\n".join(problems[:8])
