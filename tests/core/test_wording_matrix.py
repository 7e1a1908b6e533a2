"""The wording model over the whole matrix: stage x reason x channel x voice x facts.

Every draft obeys the consistency rules of templates/en/wording/rules.toml, states its decision
once, thanks once (and apologises at most once), uses no placeholder for a field it does
not need, stays within its voice's length budget, and greets people as people do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import statistics

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stage_fit import fitting

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.composer import PLACEHOLDERS, WRITTEN_AUDIENCE, facts_of_channel
from bowout.core.goodwill import Goodwill
from bowout.core.negotiation import POINTS, negotiable
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.tone import count_words
from bowout.core.wording import parse_rules, violations
from bowout.core.wording.rules import Rule

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}

#: A sample of fact combinations that between them reach every condition of the vocabulary.
FACTS = {
    "plain": {},
    "everything-paid": dict(
        signing_bonus=Money.PAID, relocation_assistance=Money.PAID, visa_petition_started=True,
        sponsorship_required=True, start_date=TODAY + dt.timedelta(days=10),
        keep_door_open=True, rapport=True,
    ),
    "promised-far": dict(
        signing_bonus=Money.PROMISED, relocation_assistance=Money.PROMISED,
        start_date=TODAY + dt.timedelta(days=150), relocation_timeline_changed=True,
    ),
    "bonus-only-soon": dict(
        signing_bonus=Money.PAID, start_date=TODAY + dt.timedelta(days=40), keep_door_open=True
    ),
    "recruiter-no-contact": dict(via_recruiter=True, recruiter="Tom Baker", contact=""),
    "old-record-past-start": dict(start_date=TODAY - dt.timedelta(days=30), linkedin_main=True),
    "after-talking-pay": dict(negotiated=True, deal_breaker=DealBreaker.PAY, keep_door_open=True),
    # Goodwill after rescinding: every choice (with money and a door kept open, the longest
    # rescinding message), each one alone; at every stage and reason, so the rules show it
    # only after rescinding and never with red flags.
    "goodwill-all": dict(
        goodwill=tuple(Goodwill), keep_door_open=True, signing_bonus=Money.PAID,
        start_date=TODAY + dt.timedelta(days=10), rapport=True,
    ),
    "goodwill-referral": dict(goodwill=(Goodwill.REFERRAL,), recruiter="Tom Baker"),
    "goodwill-handover": dict(goodwill=(Goodwill.HANDOVER,), keep_door_open=True),
    "goodwill-stay-in-touch": dict(goodwill=(Goodwill.STAY_IN_TOUCH,)),
}  # fmt: skip

BUDGET = {Voice.BRIEF: 70, Voice.WARM: 120, Voice.FORMAL: 120}
#: Words each goodwill offer the user chose may add: one sentence (a short one in the brief
#: voice), as the tone coach allows (bowout.core.tone.GOODWILL_WORDS).
GOODWILL_WORDS = {Voice.BRIEF: 15, Voice.WARM: 20, Voice.FORMAL: 20}
#: Words each fact the message must settle may add (money received, a visa petition under
#: way): one short sentence each, which the user cannot leave out (issue 21: with every fact
#: at once the brief recruiter note ran 2 to 5 words over, found by the property test).
SETTLING_WORDS = {Voice.BRIEF: 8, Voice.WARM: 12, Voice.FORMAL: 12}


def facts_to_settle(s: Situation) -> list[str]:
    """The facts of ``s`` a withdrawal gives a sentence of their own."""
    paid = Money.PAID in (s.signing_bonus, s.relocation_assistance)
    return [name for name, on in (("money", paid), ("petition", s.visa_petition_started)) if on]


THANKS = re.compile(r"\bthank(s| you)\b|\bgrateful\b", re.IGNORECASE)
APPRECIATION = re.compile(r"\bthank(s| you)\b|\bgrateful\b|\bappreciat", re.IGNORECASE)
APOLOGY = re.compile(r"\bsorry\b|\bapolog", re.IGNORECASE)
ROLE_WORDS = re.compile(r"\b(role|position)s?\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    source = (paths.pack_dir() / "wording" / "rules.toml").read_text(encoding="utf-8")
    return parse_rules(source)


def body_of(text: str) -> str:
    """The message without its closing block (sign-off and signature)."""
    return text.rsplit("\n\n", 1)[0]


def situation(
    stage: Stage, reason: Reason, channel: Channel, voice: Voice, facts: str
) -> Situation:
    values = fitting({"stage": stage, **NAMES, "recruiter": "", **FACTS[facts]})
    return Situation(reason=reason, channel=channel, voice=voice, **values)


MATRIX = list(itertools.product(Stage, Reason, Channel, Voice))


@pytest.mark.parametrize("facts", list(FACTS))
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_whole_matrix_keeps_the_rules(composer: Composer, rules, voice: Voice, facts: str):  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for stage, reason, channel in itertools.product(Stage, Reason, Channel):
        s = situation(stage, reason, channel, voice, facts)
        for wording in (1, 2, 3):
            s2 = dataclasses.replace(s, wording=wording)
            draft = composer.compose(s2, PROFILE)
            where = f"{stage.value}/{reason.value}/{channel.value}/{voice.value}/{facts}/w{wording}"
            problems += [f"{where}: {p}" for p in check_draft(draft, rules)]
    kinds = sorted({p.split(": ", 1)[1] for p in problems})
    assert not problems, f"{len(problems)} problems of {len(kinds)} kinds:\n" + "\n".join(
        next(p for p in problems if p.endswith(kind)) for kind in kinds
    )


def check_draft(draft, rules) -> list[str]:  # type: ignore[no-untyped-def]
    s = draft.situation
    written = facts_of_channel(s, draft.channel, WRITTEN_AUDIENCE[draft.channel], TODAY)
    texts = {"subject": (draft.subject, written), "body": (draft.body_text, written)}
    if draft.phone_script:
        spoken = facts_of_channel(s, draft.channel, "spoken", TODAY)
        branches = "\n".join(f"{w}: {t}" for w, t in draft.phone_branches)
        texts["script"] = (f"{draft.phone_script}\n{branches}", spoken)
    found = [str(v) for v in violations(rules, texts)]
    body = body_of(draft.body_text)
    budget = BUDGET[s.voice] + GOODWILL_WORDS[s.voice] * len(s.goodwill_offered)
    budget += SETTLING_WORDS[s.voice] * len(facts_to_settle(s))
    if count_words(body) > budget:
        found.append(f"{count_words(body)} words, over the {s.voice.value} budget of {budget}")
    sentences = [x.strip().lower() for x in re.split(r"(?<=[.?!])\s+", body) if x.strip()]
    if len(sentences) != len(set(sentences)):
        found.append("a sentence is repeated")
    if len(re.findall(r"\bI have decided\b", body)) > 1:
        found.append("'I have decided' twice")
    limit = 1 if s.reason is Reason.RED_FLAGS else 2
    if len(APPRECIATION.findall(body)) > limit or len(THANKS.findall(body)) > 1:
        found.append("thanks more than once")
    if len(APOLOGY.findall(body)) > 1:
        found.append("apologises more than once")
    if len(ROLE_WORDS.findall(body.replace("Data Analyst", ""))) > 2:
        found.append("'role'/'position' more than twice")
    if draft.channel is Channel.RECRUITER and PLACEHOLDERS["contact"] in draft.body_text:
        found.append("a placeholder for the contact, whom the recruiter note does not need")
    if "[" in draft.body_text.replace(PLACEHOLDERS["recruiter"], "") and s.contact:
        found.append("a placeholder although the names were given")
    first_line = draft.body_text.split("\n", 1)[0]
    if s.greeting and draft.channel is not Channel.RECRUITER:
        if f" {s.greeting}," not in first_line:
            found.append("greeting: the user's own greeting is not used")
    elif s.contact:
        # The title and family name in the formal voice without rapport ("Dr Obi" for "Dr.
        # Ada Obi"), else the first name; never both names (bowout.core.addressing).
        titled = s.voice is Voice.FORMAL and not s.rapport and s.contact.startswith("Dr.")
        name = "Dr " + s.contact.split()[-1] if titled else s.contact.split()[-2]
        if draft.channel is not Channel.RECRUITER and f" {name}," not in first_line:
            found.append("greeting: first name, or a title and family name in formal")
        if draft.phone_script and s.contact in draft.phone_script:
            found.append("the phone script uses the full name")
    return found


def test_brief_is_noticeably_shorter_and_formal_reads_like_a_letter(composer: Composer) -> None:
    words: dict[Voice, list[int]] = {v: [] for v in Voice}
    for stage, reason, channel in itertools.product(Stage, Reason, [Channel.EMAIL]):
        for voice in Voice:
            draft = composer.compose(situation(stage, reason, channel, voice, "plain"), PROFILE)
            words[voice].append(count_words(body_of(draft.body_text)))
            if voice is Voice.FORMAL:
                assert draft.body_text.startswith("Dear Jordan,")
                assert "Yours sincerely," in draft.body_text
    brief, warm = statistics.mean(words[Voice.BRIEF]), statistics.mean(words[Voice.WARM])
    assert brief <= 0.75 * warm, (brief, warm)


@pytest.mark.parametrize(("stage", "reason", "channel", "voice"), MATRIX[::7])
def test_wordings_are_distinct_and_stable(
    composer: Composer, stage: Stage, reason: Reason, channel: Channel, voice: Voice
) -> None:
    base = situation(stage, reason, channel, voice, "plain")
    drafts = [composer.compose(dataclasses.replace(base, wording=n), PROFILE)
              for n in range(1, 5)]  # fmt: skip
    count = drafts[0].wordings
    assert count >= 2 and all(d.wordings == count for d in drafts)
    assert (
        drafts[0].body_text != drafts[1].body_text
        or drafts[0].phone_script != drafts[1].phone_script
    )
    again = composer.compose(dataclasses.replace(base, wording=1 + count), PROFILE)
    assert again.body_text == drafts[0].body_text and again.wording == 1
    assert composer.compose(base, PROFILE).body_text == drafts[0].body_text


FACT_STRATEGY = st.fixed_dictionaries(
    {
        "stage": st.sampled_from(Stage),
        "reason": st.sampled_from(Reason),
        "channel": st.sampled_from(Channel),
        "voice": st.sampled_from(Voice),
        "wording": st.integers(1, 5),
        "rapport": st.booleans(),
        "via_recruiter": st.booleans(),
        "linkedin_main": st.booleans(),
        "keep_door_open": st.booleans(),
        "visa_petition_started": st.booleans(),
        "sponsorship_required": st.booleans(),
        "relocation_timeline_changed": st.booleans(),
        "signing_bonus": st.sampled_from(Money),
        "relocation_assistance": st.sampled_from(Money),
        "start_date": st.none() | st.integers(-60, 400).map(lambda d: TODAY + dt.timedelta(d)),
        "contact": st.sampled_from(["", "Jordan Lee", "Dr. Ada Obi"]),
        "recruiter": st.sampled_from(["", "Tom Baker"]),
        "greeting": st.sampled_from(["", "Jo"]),
        "goodwill": st.sets(st.sampled_from(Goodwill)).map(tuple),
    }
).map(fitting)  # only what the stage can have (issue 21)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=FACT_STRATEGY)
def test_any_combination_of_facts_keeps_the_rules(
    composer: Composer,
    rules: tuple[Rule, ...],
    facts: dict,  # type: ignore[type-arg]
) -> None:
    """One composer and one reading of the rules for all 400 examples: a composer and a
    parse of rules.toml per example made the test run past pytest-timeout's 120 seconds on a
    loaded machine (each example then read the voicebooks again)."""
    situation = Situation(role="Data Analyst", company="Northwind", **facts)
    draft = composer.compose(situation, PROFILE)
    assert not check_draft(draft, rules)


NEGOTIABLE = [
    (stage, reason)
    for stage, reason in itertools.product(Stage, Reason)
    if negotiable(stage, reason)
]


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_every_request_to_talk_keeps_the_rules(composer: Composer, rules, voice: Voice):  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for (stage, reason), channel, breaker in itertools.product(NEGOTIABLE, Channel, DealBreaker):
        for decide_by in (None, TODAY + dt.timedelta(days=5)):
            s = Situation(
                stage=stage, reason=reason, channel=channel, voice=voice, kind=Kind.NEGOTIATE,
                deal_breaker=breaker, decide_by=decide_by, recruiter="Tom Baker", **NAMES,
                goodwill=tuple(Goodwill),
            )  # fmt: skip
            draft = composer.compose(s, PROFILE)
            where = f"{stage.value}/{reason.value}/{channel.value}/{breaker.value}"
            problems += [f"{where}: {p}" for p in check_draft(draft, rules)]
            body = body_of(draft.body_text)
            if POINTS[breaker] not in body and channel is not Channel.RECRUITER:
                problems.append(f"{where}: the deal-breaker is not named")
            if decide_by and "Friday 4 December" not in body:
                problems.append(f"{where}: the decision date is missing")
            if not draft.phone_script or "Ask:" not in draft.phone_script:
                problems.append(f"{where}: no talking points")
            if draft.follow_up_email is not None:
                problems.append(f"{where}: a request to talk has no follow-up confirmation")
            codes = {f.code for f in draft.findings} - {"linkedin-late", "email-late"}
            if codes:
                problems.append(f"{where}: the tone coach objects: {sorted(codes)}")
    assert not problems, "\n".join(problems[:20])
