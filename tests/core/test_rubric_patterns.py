"""The kinds behind the native panel's lost points (issue 21, docs/sample-drafts.md), each a
property of every draft over the matrix: stages x reasons x channels x voices x wordings,
with the facts that reach each pattern, and the replies to what they wrote back.

A pattern stated in data is a rule of templates/en/wording/rules.toml, checked here by its
id; the ones a rule cannot express (a sentence count, a name in two sentences in a row,
the greeting's name) are checked here directly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable, Iterator

import pytest
from stage_fit import fitting

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice, negotiable
from bowout.core.vocabulary import REPLY_KINDS
from bowout.core.wording import parse_rules, violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
RULES = {
    r.id: r for r in parse_rules((paths.pack_dir() / "wording" / "rules.toml").read_text("utf-8"))
}
NAMES = {"role": "Data Analyst", "company": "Northwind Traders", "recruiter": "Tom Baker"}

#: Facts that between them reach every pattern the panel named: rapport and an open door, a
#: title, a started petition with money paid and every goodwill offer, a failed conversation.
FACTS: dict[str, dict[str, object]] = {
    "rapport": dict(contact="Jordan Lee", rapport=True, keep_door_open=True),
    "titled": dict(contact="Dr. Amara Okafor"),
    "petition": dict(
        contact="Priya Nair", visa_petition_started=True, sponsorship_required=True,
        signing_bonus=Money.PAID, start_date=TODAY + dt.timedelta(days=10),
        goodwill=tuple(Goodwill), keep_door_open=True,
    ),
    "talked": dict(contact="Sam Whitfield", negotiated=True, deal_breaker=DealBreaker.RELOCATION),
}  # fmt: skip


#: The slices of the matrix a test reads, each composed once: one per set of :data:`FACTS`,
#: and every request to talk.
SLICES = (*FACTS, "negotiate")


def situations(key: str) -> Iterator[Situation]:
    """Every stage x reason x channel x voice x wording under ``FACTS[key]``; for
    "negotiate", every request to talk (each deal-breaker, with and without a date)."""
    if key == "negotiate":
        for (stage, reason), channel, voice, breaker, decide_by in itertools.product(
            [(s, r) for s, r in itertools.product(Stage, Reason) if negotiable(s, r)],
            Channel, Voice, DealBreaker, (None, TODAY + dt.timedelta(days=5)),
        ):  # fmt: skip
            yield Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                            kind=Kind.NEGOTIATE, deal_breaker=breaker, decide_by=decide_by,
                            contact="Jordan Lee", **NAMES)  # fmt: skip
        return
    for stage, reason, channel, voice, wording in itertools.product(
        Stage, Reason, Channel, Voice, (1, 2, 3)
    ):
        values = {**NAMES, **FACTS[key]}
        if values.get("negotiated") and not negotiable(stage, reason):
            values.pop("negotiated"), values.pop("deal_breaker")
        values = fitting({"stage": stage, **values})  # what the stage can have (issue 21)
        yield Situation(reason=reason, channel=channel, voice=voice,
                        wording=wording, **values)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Written:
    """One composed text and the facts it was written for, per part (subject, body, script)."""

    situation: Situation
    texts: dict[str, tuple[str, dict[str, str]]]
    reply: str = "none"

    @property
    def body(self) -> str:
        return self.texts["body"][0]


@functools.cache
def corpus(key: str) -> tuple[Written, ...]:
    """Every draft of :func:`situations` for ``key``, and every reply kind to its first
    wording (a reply after a call is an email: the phone channel is left out)."""
    composer = Composer(today=lambda: TODAY)
    out = []
    for s in situations(key):
        d = composer.compose(s, PROFILE)
        written = facts_of_channel(s, d.channel, WRITTEN_AUDIENCE[d.channel], TODAY)
        texts = {"subject": (d.subject, written), "body": (d.body_text, written)}
        if d.phone_script:
            spoken = facts_of_channel(s, d.channel, "spoken", TODAY)
            branches = "\n".join(f"{w}: {t}" for w, t in d.phone_branches)
            texts["script"] = (f"{d.phone_script}\n{branches}", spoken)
        out.append(Written(s, texts))
        if s.kind is Kind.WITHDRAW and s.wording == 1 and s.channel is not Channel.PHONE:
            for kind in REPLY_KINDS:
                answer = composer.compose_reply(s, PROFILE, kind)
                facts = facts_of_reply(s, d.channel, kind, TODAY)
                out.append(Written(s, {"body": (answer.body_text, facts)}, kind))
    return tuple(out)


def where(w: Written) -> str:
    s = w.situation
    return (f"{s.stage.value}/{s.reason.value}/{s.channel and s.channel.value}/"
            f"{s.voice.value}/w{s.wording}/{s.kind.value}/{w.reply}")  # fmt: skip


def broken(rule_ids: Iterable[str], key: str) -> list[str]:
    """Where the rules ``rule_ids`` of rules.toml are broken in slice ``key`` (the first 10)."""
    rules = tuple(RULES[r] for r in rule_ids)
    found = [f"{where(w)}: {v}" for w in corpus(key) for v in violations(rules, w.texts)]
    return found[:10]


# -- 1. sentences false for the stated facts ----------------------------------------------
#: The rules that keep out the sentences the panel found false.
FALSE_KINDS = (
    "a-deadline-only-when-given",
    "the-start-date-has-no-direction",
    "relocation-money-only-when-mentioned",
    "own-situation-only-when-it-is-the-reason",
    "no-overclaimed-interest-when-it-is-not-a-fit",
)


@pytest.mark.parametrize("key", SLICES)
def test_no_false_sentence_of_the_kinds_the_panel_flagged(key: str) -> None:
    assert not broken(FALSE_KINDS, key), "\n".join(broken(FALSE_KINDS, key))


# -- 2. greetings ------------------------------------------------------------------------
#: (as written, first name, the formal greeting with a title; "" where no title is given).
PEOPLE = [
    ("Tom Baker", "Tom", ""),
    ("Priya Nair", "Priya", ""),
    ("Tomás Herrera", "Tomás", ""),
    ("O'Brien-Smith, Mary", "Mary", ""),
    ("Dr. Amara Okafor", "Amara", "Dr Okafor"),
    ("Dr Amara Okafor", "Amara", "Dr Okafor"),
    ("Prof. Lena Weber", "Lena", "Prof. Weber"),
    ("Ms. Jordan Lee", "Jordan", "Ms Lee"),
    ("Frau Anna Schäfer", "Anna", "Frau Schäfer"),
    ("Mme Claire Dubois", "Claire", "Madame Dubois"),
]
TITLE = re.compile(r"^(Hi|Hello|Dear) (Dr|Prof|Ms|Mr|Mrs|Frau|Herr|Madame)\b")


def first_line(text: str) -> str:
    return text.split("\n", 1)[0]


@pytest.mark.parametrize(("written", "first", "titled"), PEOPLE, ids=[p[0] for p in PEOPLE])
def test_the_greeting_follows_voice_rapport_reply_and_title(
    written: str, first: str, titled: str
) -> None:
    """First name with rapport or in a reply; title + family name when a title is given in
    the formal voice; first name otherwise. Never both names, never "Hi" with a title."""
    composer = Composer(today=lambda: TODAY)
    family = written.replace(",", "").split()[-1 if "," not in written else 0]
    for stage, channel, voice, rapport in itertools.product(
        (Stage.SCREENING, Stage.ACCEPTED), Channel, Voice, (False, True)
    ):
        s = Situation(stage=stage, channel=channel, voice=voice, rapport=rapport,
                      contact=written, **{**NAMES, "recruiter": written})  # fmt: skip
        d = composer.compose(s, PROFILE)
        # Rapport is with the contact; a note to the recruiter greets the recruiter.
        familiar = rapport and channel is not Channel.RECRUITER
        expected = titled if titled and voice is Voice.FORMAL and not familiar else first
        lines = [first_line(d.body_text)]
        if d.phone_script:
            lines.append(re.search(r'Open: "([^"]*)"', d.phone_script)[1])  # type: ignore[index]
        for line in lines:
            where = f"{stage.value}/{channel.value}/{voice.value}/rapport={rapport}: {line!r}"
            assert re.search(rf"\b{re.escape(expected)},", line), where
            assert not (first in line and family in line), where
            assert not line.startswith("Hi ") or not TITLE.match(line), where
        for kind in ("accepted", "asked-to-talk"):
            answer = first_line(composer.compose_reply(s, PROFILE, kind).body_text)
            assert answer.endswith(f" {first},"), (voice.value, answer)


@pytest.mark.parametrize("key", SLICES)
def test_no_greeting_in_the_matrix_names_both_names_or_says_hi_to_a_title(key: str) -> None:
    problems = []
    for w in corpus(key):
        line = first_line(w.body)
        s = w.situation
        if TITLE.match(line) and line.startswith("Hi "):
            problems.append(f"{s.voice.value}/{w.reply}: {line}")
        for person in (s.contact, s.recruiter):
            parts = person.replace(".", "").split()
            if len(parts) >= 2 and parts[-2] in line and parts[-1] in line:
                problems.append(f"{s.voice.value}/{w.reply}: {line}")
    assert not problems, problems[:10]


# -- 3. thanks, apologies, repetition, openers, calls, petitions, replies -----------------
#: The rules of rules.toml behind the panel's patterns 3 to 13 (each proven over the matrix).
WRITING_KINDS = (
    "no-stiff-openers",
    "no-thanks-for-help-with-a-company",
    "final-interviews-are-thanked",
    "an-offer-is-thanked",
    "rescinding-apologises",
    "a-warm-call-is-not-cold-with-rapport",
    "a-warm-call-is-not-cold-with-the-door-open",
    "the-confirming-subject-names-the-role",
    "a-started-petition-is-named",
    "glad-to-talk-keeps-the-decision",
    "a-letter-spells-its-words-out",
    "a-brief-call-sounds-brief",
)
APOLOGY = re.compile(r"\bsorry\b|\bapologi|\bregret", re.IGNORECASE)
THANKS = re.compile(r"\bthank(s| you)\b|\bgrateful\b", re.IGNORECASE)
GOODWILL = re.compile(
    r"\bthank|\bgrateful|\bglad|\bwish|\bkind|\bappreciat|\bhope|\bhappy|\bpleased|\bwelcome"
    r"|\bpleasure|\bvalue (staying|keeping) in touch",
    re.I,
)


@pytest.mark.parametrize("key", SLICES)
def test_every_draft_writes_as_the_panel_asked(key: str) -> None:
    assert not broken(WRITING_KINDS, key), "\n".join(broken(WRITING_KINDS, key))


def sentences(text: str) -> list[str]:
    """The message's sentences: without the greeting line and the closing block."""
    body = text.split("\n", 1)[-1].rsplit("\n\n", 1)[0]
    return [s for s in re.split(r"(?<=[.?!])\s+", body) if s.strip()]


@pytest.mark.parametrize("key", SLICES)
def test_one_apology_one_thanks_and_no_name_said_twice_in_a_row(key: str) -> None:
    problems = []
    for w in corpus(key):
        s, text = w.situation, w.body
        said = sentences(text)
        # One apology at most, the sign-off included ("With apologies" after "I am sorry").
        if len(APOLOGY.findall(text.split("\n", 1)[-1])) > 1:
            problems.append(f"{where(w)}: apologises more than once: {text!r}")
        if len(THANKS.findall(" ".join(said))) > 1:
            problems.append(f"{where(w)}: thanks more than once: {text!r}")
        for name in (s.company, s.role):
            for first, second in itertools.pairwise(said):
                if name in first and name in second:
                    problems.append(f"{where(w)}: {name!r} in two sentences in a row: {text!r}")
        script = w.texts.get("script", ("", {}))[0].split("\nAfter the call", 1)[0]
        if len(APOLOGY.findall(script)) > 1:
            problems.append(f"{where(w)}: the call apologises more than once: {script!r}")
    assert not problems, "\n".join(problems[:8])


@pytest.mark.parametrize("key", ["rapport", "petition"])
def test_every_reply_carries_thanks_or_goodwill(key: str) -> None:
    """A short reply ("why?", a counter-offer) ends kindly, not on the reason or a bare
    "my decision stands" (the panel's 2, 6, 10): its last sentence thanks, wishes well or
    asks them a question."""
    replies = [w for w in corpus(key) if w.reply != "none"]
    problems = [f"{where(w)}: {w.body!r}" for w in replies
                if not GOODWILL.search(sentences(w.body)[-1])
                and not sentences(w.body)[-1].endswith("?")]  # fmt: skip
    assert not problems, "\n".join(problems[:8])


def test_glad_to_talk_reads_differently_in_each_voice() -> None:
    composer = Composer(today=lambda: TODAY)
    answers = {
        voice: composer.compose_reply(
            Situation(stage=Stage.SCREENING, voice=voice, contact="Sam Whitfield", **NAMES),
            PROFILE, "asked-to-talk",
        ).body_text.split("\n\n")[1]
        for voice in Voice
    }  # fmt: skip
    assert len(set(answers.values())) == len(Voice), answers
