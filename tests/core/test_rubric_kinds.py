"""The kinds behind the second English panel's lost points (issue 21,
docs/sample-drafts.md, the panel's ten ranked fixes), each a property of every draft over
the matrix of :mod:`test_rubric_patterns` (stages x reasons x channels x voices x wordings,
with the facts that reach each pattern, and every reply kind).

A kind stated in data is a rule of templates/en/wording/rules.toml, checked here by its id;
the ones a rule cannot express (a word in two sentences in a row, one thank-you per call
path, a step naming the role) are checked here directly.
"""

from __future__ import annotations

import itertools
import re

import pytest
from test_rubric_patterns import (
    PROFILE,
    SLICES,
    THANKS,
    TODAY,
    Written,
    broken,
    corpus,
    sentences,
    where,
)

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.addressing import reference_name
from bowout.core.situation import Kind, Voice
from bowout.core.vocabulary import REASONS

#: The rules of rules.toml behind the panel's kinds (each proven over the matrix).
RULE_KINDS = (
    "the-brief-and-warm-voices-contract",
    "a-letter-spells-its-words-out",
    "a-withdrawal-is-stated-not-asked",
    "the-petition-is-said-plainly",
    "the-petition-work-is-regretted",
    "no-stock-phrases",
    "no-team-before-the-team-was-met",
    "no-best-after-all-the-best",
    "no-for-now-after-a-decision",
    "no-dated-letter-phrases",
)


@pytest.mark.parametrize("key", SLICES)
def test_every_draft_follows_the_second_panels_rules(key: str) -> None:
    assert not broken(RULE_KINDS, key), "\n".join(broken(RULE_KINDS, key))


#: Words a reader notices when two sentences in a row both use them (the panel's 8, 9, 12,
#: 13, 17, 19, 23, 26): a pronoun, "it" or leaving the second out reads as a person writes.
KEY_WORDS = ("offer", "process", "role", "application", "position", "you and your colleagues")


def repeated_in_a_row(w: Written) -> list[str]:
    """The key words, names and company said in two sentences in a row of ``w``'s body."""
    s = w.situation
    said = sentences(w.body)
    words = [rf"\b{word}s?\b" for word in KEY_WORDS]
    words += [re.escape(n) for n in (s.company, s.role, reference_name(s.contact)) if n]
    found = []
    for pattern in words:
        for first, second in itertools.pairwise(said):
            if re.search(pattern, first, re.I) and re.search(pattern, second, re.I):
                found.append(f"{pattern!r} in {first!r} and {second!r}")
    return found


@pytest.mark.parametrize("key", SLICES)
def test_no_key_word_or_name_in_two_sentences_in_a_row(key: str) -> None:
    problems = [f"{where(w)}: {p}" for w in corpus(key) for p in repeated_in_a_row(w)]
    assert not problems, "\n".join(problems[:12])


def script_paths(script: str) -> list[str]:
    """A phone script's paths: the call itself (its numbered steps), the voicemail, and
    each branch for when the call turns; what to do after the call is no path."""
    main, _, rest = script.partition("\nIf voicemail answers:")
    voicemail, _, branches = rest.partition("\nAfter the call")
    steps = main.split("\n", 1)[-1]  # "Before you dial" is for the caller
    return [steps, voicemail, *branches.split("\n")[1:]]


@pytest.mark.parametrize("key", SLICES)
def test_one_thank_you_per_message_and_per_call_path(key: str) -> None:
    """The sign-off counts: "Thanks for all your help..." then "Thanks," is two (the
    panel's 11 and 17); a call says thank you once (its 4, 7, 20)."""
    problems = []
    for w in corpus(key):
        body = w.body.split("\n", 1)[-1]
        if len(THANKS.findall(body)) > 1:
            problems.append(f"{where(w)}: thanks more than once: {w.body!r}")
        for path in script_paths(w.texts.get("script", ("", {}))[0]):
            if len(THANKS.findall(path)) > 1:
                problems.append(f"{where(w)}: a call path thanks more than once: {path!r}")
    assert not problems, "\n".join(problems[:8])


@pytest.mark.parametrize("key", SLICES)
def test_the_call_names_the_role_when_it_says_the_decision(key: str) -> None:
    """Step "Say it plainly" names the role: at the applied stage the person called may
    not place a bare "my application" (the panel's 4, 7, 20)."""
    problems = []
    for w in corpus(key):
        script = w.texts.get("script", ("", {}))[0]
        step = re.search(r'Say it plainly: "([^"]*)"', script)
        if step and w.situation.role not in step[1]:
            problems.append(f"{where(w)}: {step[1]!r}")
    assert not problems, "\n".join(problems[:8])


@pytest.mark.parametrize("key", SLICES)
def test_a_reply_agreeing_to_talk_thanks_first(key: str) -> None:
    """Agreeing to talk opens with thanks and keeps the decision (the panel's 18, 28)."""
    problems = [
        f"{where(w)}: {w.body!r}"
        for w in corpus(key)
        if w.reply == "asked-to-talk" and not THANKS.search(sentences(w.body)[0])
    ]
    assert not problems, "\n".join(problems[:8])


@pytest.mark.parametrize("key", SLICES)
def test_a_named_contact_is_not_them(key: str) -> None:
    """A named person is named, or the sentence turned so no pronoun is needed: "thank
    them for their time" about Priya Nair reads as generated (the panel's 13, 17, 19). A
    "them" for someone else (the terms of an agreement, a person to refer) is not one."""
    problems = []
    for w in corpus(key):
        name = reference_name(w.situation.contact)
        said = ["", *sentences(w.body)]
        for before, sentence in itertools.pairwise(said):
            if name and name in before + sentence and re.search(r"\b(them|their)\b", sentence):
                problems.append(f"{where(w)}: {sentence!r}")
    assert not problems, "\n".join(problems[:8])


def test_another_offer_is_one_the_user_accepted() -> None:
    """The drafts say "I have accepted another offer" for reason other-offer: true only
    while the reason is declared (and offered in the window and CLI) as an accepted one."""
    info = REASONS[Reason.OTHER_OFFER]
    assert "accepted" in info.label.casefold() and info.ends_search
    drafts = [w for w in corpus("rapport") if w.situation.reason is Reason.OTHER_OFFER]
    assert any("accepted" in w.body for w in drafts)
    assert all(w.situation.kind is Kind.WITHDRAW for w in drafts)


def test_a_body_names_the_company_without_its_legal_form() -> None:
    """ ", Inc." belongs in a contract, not in a note to a person (the panel's 15); the
    team greeting already left it out."""
    composer = Composer(today=lambda: TODAY)
    named = False
    for stage, channel, voice in itertools.product(Stage, Channel, Voice):
        s = Situation(stage=stage, channel=channel, voice=voice, contact="Priya Nair",
                      role="Data Analyst", company="Tailspin Toys, Inc.",
                      recruiter="Tom Baker", keep_door_open=True)  # fmt: skip
        d = composer.compose(s, PROFILE)
        for text in (d.subject, d.body_text, d.phone_script or ""):
            assert ", Inc" not in text, (stage.value, channel.value, voice.value, text)
            named = named or "Tailspin Toys" in text
    assert named
