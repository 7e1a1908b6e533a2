"""The kinds behind the fifth English panel's lost points (issue 21, round 9: the final
samples of seed 401), each a property of every draft over the matrix of
:mod:`test_rubric_patterns` (stages x reasons x channels x voices x wordings, the replies to
what they wrote back, the phone script with its branches and its confirming email).

A kind stated in data is a rule of templates/en/wording/rules.toml, checked here by its id;
the ones a rule cannot express (a word's root in two neighbouring sentences, a reply's
length) are checked here directly.
"""

from __future__ import annotations

import itertools
import re

import pytest
from test_rubric_patterns import PROFILE, RULES, SLICES, TODAY, broken, corpus, where

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel
from bowout.core.goodwill import Goodwill
from bowout.core.situation import Money, Voice
from bowout.core.wording import violations

#: The rules behind the panel's kinds: pay talks claimed where none happened (drafts 3, 30),
#: lines written for another channel (7, 26), openings asked for by someone leaving the
#: field (28).
RULE_KINDS = (
    "no-pay-talks-that-never-happened",
    "a-call-offers-no-call-and-no-haste",
    "a-message-is-not-a-call",
    "a-change-of-direction-asks-for-no-other-openings",
)
NAMES = {"contact": "Sam Whitfield", "role": "Data Analyst", "company": "Northwind Traders"}


@pytest.mark.parametrize("key", SLICES)
def test_every_draft_follows_the_fifth_panels_rules(key: str) -> None:
    assert not broken(RULE_KINDS, key), "\n".join(broken(RULE_KINDS, key))


def test_the_rules_read_the_lines_the_panel_found() -> None:
    """Each rule knows the panel's sentence: it is not a rule of nothing."""
    cases = {
        "no-pay-talks-that-never-happened": (
            {"negotiated": "false"},
            "We're too far apart on compensation.",
        ),
        "a-call-offers-no-call-and-no-haste": (
            {"channel": "phone"},
            "I wanted you to know straight away, so the visa petition can be stopped. I "
            "would be glad to have a short call if it would help as you restart the search.",
        ),
        "a-change-of-direction-asks-for-no-other-openings": (
            {"reason": "different-path"},
            "I'd welcome the chance to stay in touch and to hear about future openings.",
        ),
    }
    for rule_id, (facts, sentence) in cases.items():
        assert violations((RULES[rule_id],), {"body": (sentence, facts)}), rule_id


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_compensation_reason_claims_no_talks(voice: Voice) -> None:
    """Drafts 3 and 30: "We're too far apart on compensation." with no talks on record; every
    stage, channel and wording, the call and its email, and the answer to "why?"."""
    composer = Composer(today=lambda: TODAY)
    rule = (RULES["no-pay-talks-that-never-happened"],)
    problems = []
    for stage, channel, wording in itertools.product(Stage, Channel, (1, 2, 3)):
        s = Situation(stage=stage, reason=Reason.COMPENSATION, channel=channel, voice=voice,
                      wording=wording, recruiter="Tom Baker", **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        written = facts_of_channel(s, d.channel, WRITTEN_AUDIENCE[d.channel], TODAY)
        texts = {"body": (d.body_text, written)}
        if d.phone_script:
            texts["script"] = (d.phone_script, facts_of_channel(s, d.channel, "spoken", TODAY))
        answer = composer.compose_reply(s, PROFILE, "asked-why").body_text
        texts["reply"] = (answer, written)
        problems += [f"{stage.value}/{channel.value}/w{wording}: {v}"
                     for v in violations(rule, texts)]  # fmt: skip
    assert not problems, "\n".join(problems[:8])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_call_and_its_email_offer_no_call_and_no_haste(voice: Voice) -> None:
    """Drafts 7 and 26: the petition "straight away" and "a short call" offered in the email
    confirming a call, and on the call itself; every stage and reason with a petition and a
    handover."""
    composer = Composer(today=lambda: TODAY)
    rule = (RULES["a-call-offers-no-call-and-no-haste"],)
    problems = []
    for stage, reason, paid in itertools.product(Stage, Reason, (Money.NONE, Money.PAID)):
        s = Situation(stage=stage, reason=reason, channel=Channel.PHONE, voice=voice,
                      visa_petition_started=True, sponsorship_required=True,
                      signing_bonus=paid, goodwill=tuple(Goodwill), **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        texts = {
            "body": (d.body_text, facts_of_channel(s, d.channel, "manager", TODAY)),
            "script": (d.phone_script or "", facts_of_channel(s, d.channel, "spoken", TODAY)),
        }
        problems += [f"{stage.value}/{reason.value}: {v}" for v in violations(rule, texts)]
    assert not problems, "\n".join(problems[:8])


#: Roots that read as an echo when two neighbouring sentences share them ("I wish you well.
#: / Warm wishes,"; "I appreciate ... with my appreciation"); the sign-off counts as a
#: sentence of its own.
ECHO_ROOTS = ("wish", "appreciat", "thank", "hope", "glad", "sorry", "grate", "regard")


def neighbours(text: str) -> list[str]:
    """The message's sentences after its greeting, and its sign-off line, in order."""
    body, _, tail = text.split("\n", 1)[-1].rpartition("\n\n")
    said = [s for s in re.split(r"(?<=[.?!])\s+", body) if s.strip()]
    return [*said, tail.split("\n", 1)[0]]


@pytest.mark.parametrize("key", SLICES)
def test_no_root_is_echoed_in_neighbouring_sentences(key: str) -> None:
    """Drafts 1 and 8: "I wish you well. / Warm wishes,"; draft 21: appreciate and
    appreciation in one short note. No root of :data:`ECHO_ROOTS` in two sentences in a row
    (the sign-off included), in any draft or reply of the matrix."""
    problems = []
    for w in corpus(key):
        for first, second in itertools.pairwise(neighbours(w.body)):
            for root in ECHO_ROOTS:
                if re.search(rf"\b{root}", first, re.I) and re.search(rf"\b{root}", second, re.I):
                    problems.append(f"{where(w)}: {root!r}: {first!r} / {second!r}")
    assert not problems, "\n".join(problems[:8])


def test_a_call_script_echoes_no_root_in_neighbouring_steps() -> None:
    """The script is read as one: a referral "glad to put you in touch" then "glad to help"."""
    problems = []
    for w in corpus("petition"):
        script = w.texts.get("script", ("", {}))[0].split("\nIf voicemail", 1)[0]
        said = re.findall(r'^\d+\. [^:]+: "(.*)"$', script, re.M)
        for first, second in itertools.pairwise(said):
            for root in ("glad", "happy", "sorry", "wish"):
                if re.search(rf"\b{root}", first, re.I) and re.search(rf"\b{root}", second, re.I):
                    problems.append(f"{where(w)}: {root!r}: {first!r} / {second!r}")
    assert not problems, "\n".join(problems[:8])


@pytest.mark.parametrize("voice", [Voice.WARM, Voice.FORMAL], ids=lambda v: v.value)
def test_an_answer_to_reconsider_later_has_a_human_length(voice: Voice) -> None:
    """Drafts 1 and 15: "That's kind of you. My decision on this role stands, and I wish you
    well." reads as shutting the door in the warm voice; the warm and formal answers say two
    full sentences, the first of them more than a bare "That's kind of you"."""
    composer = Composer(today=lambda: TODAY)
    problems = []
    for stage, reason, door in itertools.product(Stage, Reason, (False, True)):
        if reason is Reason.RED_FLAGS:
            continue
        s = Situation(stage=stage, reason=reason, voice=voice, rapport=True,
                      keep_door_open=door, **NAMES)  # fmt: skip
        said = neighbours(composer.compose_reply(s, PROFILE, "reconsider-later").body_text)[:-1]
        if len(said) < 2 or len(said[0].split()) < 8:
            problems.append(f"{stage.value}/{reason.value}/door={door}: {said!r}")
    assert not problems, "\n".join(problems[:8])


def test_the_repayment_sentence_parses() -> None:
    """Drafts 16 and 24: "I'd like to discuss the signing bonus I received, whether by
    repayment or another settlement that works for you" does not parse."""
    composer = Composer(today=lambda: TODAY)
    for channel, voice, wording in itertools.product(Channel, Voice, (1, 2, 3)):
        s = Situation(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, channel=channel,
                      voice=voice, wording=wording, signing_bonus=Money.PAID,
                      recruiter="Tom Baker", **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        said = f"{d.body_text}\n{d.phone_script or ''}"
        assert "whether by" not in said, said
        assert "signing bonus" in said, said


#: A close that speaks to this reader: the time with them, or the door kept open with them.
PERSONAL = re.compile(
    r"getting to know|pleasure|enjoyed|our conversations|stay(ing)? in touch|paths cross|"
    r"work(ing)? (together|with you)|remain(ing)? in contact|think of me",
    re.IGNORECASE,
)


@pytest.mark.parametrize("voice", [Voice.WARM, Voice.FORMAL], ids=lambda v: v.value)
def test_a_close_with_rapport_speaks_to_this_reader(voice: Voice) -> None:
    """Drafts 9, 21 and 30: with rapport (and no red flags) the message ended on "I wish you
    luck in finding the right person." or on an errand for the recruiter; its last sentence
    is one line of goodwill to this reader."""
    composer = Composer(today=lambda: TODAY)
    problems = []
    for stage, reason, channel, wording in itertools.product(
        Stage, Reason, (Channel.EMAIL, Channel.RECRUITER, Channel.LINKEDIN, Channel.PHONE),
        (1, 2, 3),
    ):  # fmt: skip
        if reason is Reason.RED_FLAGS:
            continue
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, rapport=True, recruiter="Tom Baker", **NAMES)  # fmt: skip
        last = neighbours(composer.compose(s, PROFILE).body_text)[-2]
        if not PERSONAL.search(last):
            problems.append(f"{stage.value}/{reason.value}/{channel.value}/w{wording}: {last!r}")
    assert not problems, "\n".join(problems[:8])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_note_to_the_recruiter_never_ends_on_its_errand(voice: Voice) -> None:
    """Drafts 12 and 21: "Could you please let Priya Nair know? / Yours sincerely" ends cold;
    a line of goodwill follows the request, red flags included (neutral there)."""
    composer = Composer(today=lambda: TODAY)
    problems = []
    for stage, reason, wording in itertools.product(Stage, Reason, (1, 2, 3)):
        s = Situation(stage=stage, reason=reason, channel=Channel.RECRUITER, voice=voice,
                      wording=wording, recruiter="Tom Baker", **NAMES)  # fmt: skip
        last = neighbours(composer.compose(s, PROFILE).body_text)[-2]
        if last.endswith("?"):
            problems.append(f"{stage.value}/{reason.value}/w{wording}: {last!r}")
    assert not problems, "\n".join(problems[:8])
