"""The German pack (templates/de, issue 26) keeps the conventions of German letters over the
matrix: stages x reasons x channels x voices x forms of address, with wordings, facts and
reply kinds cycled through it.

- The greeting as German writes it (DIN 5008 and common use): "Sehr geehrte Frau Schäfer,"
  / "Sehr geehrter Herr Dr. Müller," with the courtesy title and the academic title kept,
  "Guten Tag, Anna Schäfer," when the title is unknown, "Sehr geehrte Damen und Herren," or
  "Hallo zusammen," for a team, "Hallo, Anna," with du; a comma after it, and the first word
  of the letter in lower case.
- One form of address through the whole message (subject, body, script, its branches and
  every reply): Sie, Ihnen, Ihr … or du, dir, dein …, never both.
- Subject lines that say what happens (Zusage, Angebot, Bewerbung), without a full stop.
- The closing formula ("Mit freundlichen Grüßen") on its own line, without a comma, then
  the name.
- Dates as German writes them ("9. Dezember 2026"), never an English month or ISO date.
- No English word outside the names the user typed, no placeholder when the fields are
  filled, no sentence said twice, one thank-you and at most one apology, and every rule of
  templates/de/wording/rules.toml held.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_language_matrix import english_words

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.draft import REPLY_KINDS, Draft, Reply
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.tone import count_words
from bowout.core.tone_words import load_tone_words
from bowout.core.vocabulary import Address
from bowout.core.wording import parse_rules, violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Maya Okafor", "maya@example.org", "+49 30 1234567")
NAMES = {"role": "Data Analyst", "company": "Northwind GmbH", "recruiter": "Tom Baker"}
#: Contacts as users write them, with the Anrede typed in "How to address them" ("" for
#: none: the full name is the fallback greeting).
CONTACTS = [
    ("Frau Anna Schäfer", ""), ("Herr Dr. Hans Müller", ""), ("Anna Schäfer", ""),
    ("Schäfer, Anna", ""), ("Priya Nair", "Frau Nair"), ("Tomás Herrera", "Herr Herrera"),
    ("Eva Weber", "Frau Prof. Dr. Weber"),
]  # fmt: skip
START = TODAY + dt.timedelta(days=10)

#: Fact combinations that between them reach every condition the pack's variants name.
FACTS: list[dict[str, object]] = [
    {},
    dict(signing_bonus=Money.PAID, relocation_assistance=Money.PAID, visa_petition_started=True,
         sponsorship_required=True, start_date=START, keep_door_open=True, rapport=True),
    dict(signing_bonus=Money.PROMISED, relocation_assistance=Money.PROMISED,
         start_date=TODAY + dt.timedelta(days=150), relocation_timeline_changed=True),
    dict(via_recruiter=True, keep_door_open=True, start_date=TODAY - dt.timedelta(days=30)),
    dict(negotiated=True, deal_breaker=DealBreaker.PAY, keep_door_open=True),
    dict(goodwill=tuple(Goodwill), keep_door_open=True, signing_bonus=Money.PAID,
         start_date=START, rapport=True),
]  # fmt: skip

GREETING = re.compile(
    r"^(?:Sehr geehrte (?:Frau \S.*|Damen und Herren)|Sehr geehrter Herr \S.*"
    r"|Liebe Frau \S.*|Lieber Herr \S.*|Liebe \S+|Lieber \S+|Guten Tag(?:, \S.*)?|Hallo, \S.*"
    r"|Hallo zusammen),$"
)
#: German closing formulas: no comma after them (DIN 5008).
CLOSINGS = frozenset(
    {"Mit freundlichen Grüßen", "Freundliche Grüße", "Mit besten Grüßen", "Beste Grüße",
     "Viele Grüße", "Herzliche Grüße", "Mit herzlichen Grüßen"}
)  # fmt: skip
#: A sentence may start the letter with the formal possessive ("Ihren Einsatz …").
CAPITAL_FIRST_WORDS = frozenset({"Ihr", "Ihre", "Ihren", "Ihrem", "Ihnen"})
THANKS = re.compile(r"\b(?:danke|vielen dank|herzlichen dank|bedanke|danke ich)\b", re.I)
APOLOGY = re.compile(r"entschuldig|tut mir (?:\w+ )?leid", re.I)
ENGLISH_MONTHS = re.compile(
    r"\b(?:January|February|March|May|June|July|October|December)\b|\d{4}-\d\d-\d\d"
)
GERMAN_DATE = re.compile(
    r"\b\d{1,2}\. (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember) \d{4}\b"
)
#: Words a body may take; the brief voice's closes with a short wish before the sign-off
#: (round 9: a brief letter stays short, but never ends curtly).
BUDGET = {Voice.BRIEF: 74, Voice.WARM: 120, Voice.FORMAL: 120}


@dataclasses.dataclass(frozen=True)
class Written:
    """One situation's draft in German and its answers to every reply kind."""

    situation: Situation
    draft: Draft
    replies: tuple[Reply, ...]

    @property
    def where(self) -> str:
        s = self.situation
        return (f"{s.stage.value}/{s.reason.value}/{self.draft.channel.value}/{s.voice.value}/"
                f"{s.address.value}/w{s.wording}/{s.contact or 'nobody'}")  # fmt: skip

    def texts(self) -> Iterator[str]:
        """Every text the user sends or says: subject, body, script and branches, replies."""
        yield self.draft.subject
        yield self.draft.body_text
        if self.draft.phone_script:
            yield self.draft.phone_script
            yield from (f"{when}: {words}" for when, words in self.draft.phone_branches)
        for reply in self.replies:
            yield reply.subject
            yield reply.body_text

    def letters(self) -> Iterator[str]:
        """The written messages: the body and every reply."""
        yield self.draft.body_text
        yield from (reply.body_text for reply in self.replies)


def matrix() -> Iterator[Situation]:
    """Every stage, reason, channel, voice and form of address; wordings, contacts and facts
    cycled through them so that each appears with every stage and channel."""
    product = itertools.product(Stage, Reason, Channel, Voice, Address)
    for n, (stage, reason, channel, voice, address) in enumerate(product):
        pick = random.Random(n)  # the same draws every run, mixed across the matrix
        contact, greeting = pick.choice(CONTACTS)
        yield Situation(
            stage=stage, reason=reason, channel=channel, voice=voice, address=address,
            wording=pick.randint(1, 3), contact=contact, greeting=greeting, language="de",
            **NAMES, **pick.choice(FACTS),  # type: ignore[arg-type]
        )  # fmt: skip


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.fixture(scope="module")
def written(composer: Composer) -> list[Written]:
    out = []
    for n, s in enumerate(matrix()):
        draft = composer.compose(s, PROFILE)
        kinds = list(REPLY_KINDS) if n % 5 == 0 else [random.Random(n).choice(list(REPLY_KINDS))]
        replies = tuple(composer.compose_reply(s, PROFILE, kind) for kind in kinds)
        out.append(Written(s, draft, replies))
    return out


def report(problems: list[str]) -> str:
    return f"{len(problems)} problems, e.g.:\n" + "\n".join(problems[:15])


def greeting_problems(text: str) -> list[str]:
    lines = text.split("\n")
    found = []
    if not GREETING.match(lines[0]):
        found.append(f"greeting {lines[0]!r}")
    first = lines[2].split()[0] if len(lines) > 2 and lines[1] == "" and lines[2] else ""
    if first[:1].isupper() and first not in CAPITAL_FIRST_WORDS:
        found.append(f"the letter after the greeting starts in upper case: {first!r}")
    return found


def test_every_letter_greets_as_german_does(written: list[Written]) -> None:
    problems = [f"{w.where}: {p}" for w in written for text in w.letters()
                for p in greeting_problems(text)]  # fmt: skip
    assert not problems, report(problems)


@pytest.mark.parametrize(
    ("contact", "voice", "address", "greeting"),
    [
        ("Frau Anna Schäfer", Voice.FORMAL, Address.FORMAL, "Sehr geehrte Frau Schäfer,"),
        ("Herr Dr. Hans Müller", Voice.FORMAL, Address.FORMAL, "Sehr geehrter Herr Dr. Müller,"),
        ("Frau Prof. Dr. Eva Weber", Voice.FORMAL, Address.FORMAL,
         "Sehr geehrte Frau Prof. Weber,"),
        ("Mr. John Smith", Voice.FORMAL, Address.FORMAL, "Sehr geehrter Herr Smith,"),
        ("Anna Schäfer", Voice.FORMAL, Address.FORMAL, "Guten Tag, Anna Schäfer,"),
        ("Schäfer, Anna", Voice.WARM, Address.FORMAL, "Guten Tag, Anna Schäfer,"),
        ("Frau Anna Schäfer", Voice.WARM, Address.FORMAL, "Liebe Frau Schäfer,"),
        ("Herr Hans Müller", Voice.BRIEF, Address.FORMAL, "Guten Tag, Herr Müller,"),
        ("Frau Anna Schäfer", Voice.WARM, Address.INFORMAL, "Liebe Anna,"),
        ("Frau Anna Schäfer", Voice.BRIEF, Address.INFORMAL, "Hallo, Anna,"),
        ("jobs@northwind.example", Voice.FORMAL, Address.FORMAL, "Sehr geehrte Damen und Herren,"),
        ("jobs@northwind.example", Voice.WARM, Address.FORMAL, "Hallo zusammen,"),
        ("", Voice.FORMAL, Address.FORMAL, "Guten Tag, [Name der Ansprechperson],"),
        ("Anna Schäfer", Voice.WARM, Address.INFORMAL, "Hallo, Anna,"),
        ("Anna Schäfer", Voice.FORMAL, Address.INFORMAL, "Hallo, Anna,"),
        ("Dr. Jordan Lee", Voice.BRIEF, Address.INFORMAL, "Hallo, Jordan,"),
    ],
)  # fmt: skip
def test_the_greeting_takes_the_title_from_the_name(
    composer: Composer, contact: str, voice: Voice, address: Address, greeting: str
) -> None:
    s = Situation(stage=Stage.FINAL, reason=Reason.OTHER_OFFER, channel=Channel.EMAIL,
                  voice=voice, address=address, contact=contact, language="de",
                  **NAMES)  # fmt: skip
    assert composer.compose(s, PROFILE).body_text.split("\n", 1)[0] == greeting


def test_a_call_greets_by_title_and_family_name_or_by_no_name(composer: Composer) -> None:
    def opening(contact: str, address: Address) -> str:
        s = Situation(stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.PHONE,
                      address=address, contact=contact, language="de", **NAMES)  # fmt: skip
        script = composer.compose(s, PROFILE).phone_script or ""
        return script.split("„", 1)[1].split(", hier", 1)[0].split(", Maya", 1)[0]

    assert opening("Frau Anna Schäfer", Address.FORMAL) == "Guten Tag, Frau Schäfer"
    assert opening("Anna Schäfer", Address.FORMAL) == "Guten Tag"  # never "Guten Tag, Anna"
    assert opening("Anna Schäfer", Address.INFORMAL) == "Hallo, Anna"


def test_one_form_of_address_through_every_message(written: list[Written]) -> None:
    words = load_tone_words("de")
    assert words is not None
    problems = []
    for w in written:
        for text in w.texts():
            formal, informal = words.find("formal", text), words.find("informal", text)
            wrong = informal if w.situation.address is Address.FORMAL else formal
            if wrong:
                problems.append(f"{w.where}: {wrong[0].group()!r} in {text[:60]!r}")
    assert not problems, report(problems)


def test_the_address_words_tell_sie_from_sie() -> None:
    words = load_tone_words("de")
    assert words is not None
    # "sie" (she, they, it) is no formal address; "Sie" is.
    assert not words.find("formal", "Die Stelle passt, und sie steht fest.")
    assert words.find("formal", "Haben Sie kurz Zeit?")
    assert words.find("informal", "Hast du kurz Zeit? Danke dir.")
    assert not words.find("informal", "Die Dusche ist kalt.")


def test_the_informal_address_says_du(composer: Composer) -> None:
    s = Situation(stage=Stage.OFFER, reason=Reason.PERSONAL, channel=Channel.PHONE,
                  address=Address.INFORMAL, contact="Anna Schäfer", language="de",
                  **NAMES)  # fmt: skip
    draft = composer.compose(s, PROFILE)
    assert draft.body_text.startswith("Hallo, Anna,")
    assert re.search(r"\b(du|dir|dich|dein\w*)\b", draft.phone_script or "")
    formal = dataclasses.replace(s, address=Address.FORMAL)
    assert re.search(
        r"\b(Sie|Ihnen|Ihr\w*)\b", composer.compose(formal, PROFILE).phone_script or ""
    )


def test_subjects_say_what_happens(written: list[Written]) -> None:
    problems = []
    for w in written:
        s, subject = w.situation, w.draft.subject
        if w.draft.channel is Channel.LINKEDIN:
            if subject:
                problems.append(f"{w.where}: a LinkedIn message has a subject {subject!r}")
            continue
        expected = {Stage.ACCEPTED: "Zusage", Stage.OFFER: "Absage|Ablehnung"}.get(
            s.stage, "Bewerbung"
        )
        if s.kind is Kind.NEGOTIATE:
            expected = "Gespräch|Klärung|sprechen"
        if not re.search(expected, subject) or "Data Analyst" not in subject:
            problems.append(f"{w.where}: subject {subject!r}")
        if subject.endswith(".") or subject != subject.strip():
            problems.append(f"{w.where}: subject ends badly {subject!r}")
        for reply in w.replies:
            # An answer is an Antwort; a follow-up to one's own unanswered mail is not: it
            # goes out again under the subject it had.
            if reply.kind == "no-reply":
                if reply.subject.startswith(("AW:", "Nachfrage")) or not reply.subject:
                    problems.append(f"{w.where}: follow-up subject {reply.subject!r}")
            elif not reply.subject.startswith("AW: ") or "AW:" in reply.subject[4:]:
                problems.append(f"{w.where}: reply subject {reply.subject!r}")
    assert not problems, report(problems)


def test_the_closing_formula_stands_without_a_comma(written: list[Written]) -> None:
    problems = []
    for w in written:
        for text in w.letters():
            block = text.rsplit("\n\n", 1)[1].split("\n")
            if block[0] not in CLOSINGS or block[1] != PROFILE.name:
                problems.append(f"{w.where}: closing {block[:2]!r}")
    assert not problems, report(problems)


def test_after_rescinding_the_letter_closes_as_its_greeting_opened(composer: Composer) -> None:
    """ "Sehr geehrte Frau Schäfer," closes "Mit freundlichen Grüßen"; "Liebe Frau Schäfer,"
    with "Viele" or "Herzliche Grüße", never "Freundliche Grüße" (the native reader, seed 61)."""
    for voice, closings in (
        (Voice.WARM, {"Viele Grüße", "Herzliche Grüße"}),
        (Voice.FORMAL, {"Mit freundlichen Grüßen"}),
    ):
        s = Situation(stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.EMAIL,
                      voice=voice, contact="Frau Anna Schäfer", language="de", **NAMES)  # fmt: skip
        block = composer.compose(s, PROFILE).body_text.rsplit("\n\n", 1)[1]
        assert block.split("\n")[0] in closings


def test_dates_are_written_as_german_writes_them(composer: Composer) -> None:
    moved = Situation(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, channel=Channel.PHONE,
                      relocation_timeline_changed=True, start_date=dt.date(2026, 12, 9),
                      contact="Frau Anna Schäfer", language="de", **NAMES)  # fmt: skip
    draft = composer.compose(moved, PROFILE)
    # Ten days ahead: no year, as a German letter writes it; months ahead: the year.
    assert "zum 9. Dezember " in draft.body_text and "2026" not in draft.body_text
    assert "zum 9. Dezember " in (draft.phone_script or "")
    later = dataclasses.replace(moved, start_date=dt.date(2027, 4, 9))
    assert "zum 9. April 2027" in composer.compose(later, PROFILE).body_text
    ask = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                    deal_breaker=DealBreaker.PAY, decide_by=dt.date(2027, 3, 5),
                    contact="Frau Anna Schäfer", language="de", **NAMES)  # fmt: skip
    assert "bis zum 5. März 2027" in composer.compose(ask, PROFILE).body_text


def test_no_english_month_or_iso_date_in_any_message(written: list[Written]) -> None:
    problems = [f"{w.where}: {m.group()!r}" for w in written for text in w.texts()
                for m in [ENGLISH_MONTHS.search(text)] if m]  # fmt: skip
    dated = [w for w in written
             if w.situation.start_date and w.situation.reason is Reason.RELOCATION
             and any(GERMAN_DATE.search(t) for t in w.texts())]  # fmt: skip
    assert not problems, report(problems)
    assert dated  # the matrix does write dates


def test_no_english_word_outside_the_names_typed(written: list[Written]) -> None:
    typed = [*NAMES.values(), *(c for pair in CONTACTS for c in pair), "Schäfer", "Müller",
             "Nair", "Herrera", "Weber", PROFILE.name, PROFILE.email,
             PROFILE.phone]  # fmt: skip
    extra = {"hi", "best", "kind", "sincerely", "team's"}
    problems = []
    for w in written:
        for text in w.texts():
            found = english_words(text, typed)
            found += [x for x in re.findall(r"[^\W\d_]+", text) if x.casefold() in extra]
            if found:
                problems.append(f"{w.where}: {found}")
    assert not problems, report(problems)


def test_the_rules_of_the_german_pack_hold(written: list[Written]) -> None:
    rules = parse_rules(
        (paths.pack_dir("de") / "wording" / "rules.toml").read_text(encoding="utf-8")
    )
    cause = tuple(r for r in rules if "reason" in r.id or "cause" in r.id
                  or r.id.startswith("name-only"))  # fmt: skip
    problems = []
    for w in written:
        s, d = w.situation, w.draft
        facts = facts_of_channel(s, d.channel, WRITTEN_AUDIENCE[d.channel], TODAY)
        texts = {"subject": (d.subject, facts), "body": (d.body_text, facts)}
        if d.phone_script:
            spoken = facts_of_channel(s, d.channel, "spoken", TODAY)
            branches = "\n".join(words for _, words in d.phone_branches)
            texts["script"] = (f"{d.phone_script}\n{branches}", spoken)
        problems += [f"{w.where}: {v}" for v in violations(rules, texts)]
        for reply in w.replies:
            answer = facts_of_reply(s, d.channel, reply.kind, TODAY)
            found = violations(cause, {"body": (reply.body_text, answer)})
            problems += [f"{w.where}: reply {reply.kind}: {v}" for v in found]
    assert not problems, report(problems)


def test_no_placeholder_no_repetition_one_thanks_one_apology(written: list[Written]) -> None:
    problems = []
    for w in written:
        body = w.draft.body_text.rsplit("\n\n", 1)[0]
        for text in w.texts():
            if "[" in text:
                problems.append(f"{w.where}: a placeholder in {text[:60]!r}")
        for text in w.letters():
            said = [x.strip().lower() for x in re.split(r"(?<=[.?!])\s+", text) if x.strip()]
            if len(said) != len(set(said)):
                problems.append(f"{w.where}: a sentence said twice")
        if len(THANKS.findall(body)) > 1:
            problems.append(f"{w.where}: thanks twice: {THANKS.findall(body)}")
        if len(APOLOGY.findall(body)) > 1:
            problems.append(f"{w.where}: apologises twice")
        for word in ("entschieden", "leider"):  # "I have decided" twice reads assembled
            if len(re.findall(rf"\b{word}\b", body, re.I)) > 1:
                problems.append(f"{w.where}: {word!r} twice")
        # Goodwill chosen, a started visa petition acknowledged, and (round 10) a start days
        # away acknowledged after accepting, each take a line.
        near = w.situation.stage is Stage.ACCEPTED and w.situation.start_date == START
        budget = (BUDGET[w.situation.voice] + 20 * len(w.situation.goodwill_offered)
                  + 10 * w.situation.visa_petition_started + 10 * near)  # fmt: skip
        if count_words(body) > budget:
            problems.append(f"{w.where}: {count_words(body)} words, over {budget}")
    assert not problems, report(problems)


def test_the_tone_coach_finds_the_thanks_and_the_decision(written: list[Written]) -> None:
    unwanted = {"missing-thanks", "unclear-withdrawal", "mixed-address", "criticism",
                "absolute"}  # fmt: skip
    problems = [f"{w.where}: {f.code}" for w in written[::3] for f in w.draft.findings
                if f.code in unwanted]  # fmt: skip
    assert not problems, report(problems)


def test_the_voices_differ_as_german_registers_do(written: list[Written]) -> None:
    def words(voice: Voice) -> float:
        counts = [count_words(w.draft.body_text) for w in written
                  if w.situation.voice is voice and w.draft.channel is Channel.EMAIL]  # fmt: skip
        return sum(counts) / len(counts)

    assert words(Voice.BRIEF) <= 0.75 * words(Voice.WARM)
    # The formal voice writes a letter: "Sehr geehrte Frau …," wherever the title is known.
    formal = [w for w in written if w.situation.voice is Voice.FORMAL
              and w.situation.address is Address.FORMAL and w.draft.channel is Channel.EMAIL
              and (w.situation.greeting or w.situation.contact)[:4] in ("Frau", "Herr")
              ]  # fmt: skip
    assert formal
    assert all(w.draft.body_text.startswith("Sehr geehrte") for w in formal)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    stage=st.sampled_from(Stage),
    reason=st.sampled_from(Reason),
    channel=st.sampled_from(Channel),
    voice=st.sampled_from(Voice),
    address=st.sampled_from(Address),
    wording=st.integers(1, 3),
    facts=st.sampled_from(FACTS),
    contact=st.sampled_from(CONTACTS),
    goodwill=st.sets(st.sampled_from(Goodwill)).map(tuple),
)
def test_any_situation_keeps_the_german_conventions(  # type: ignore[no-untyped-def]
    stage, reason, channel, voice, address, wording, facts, contact, goodwill
) -> None:
    s = Situation(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                  wording=wording, contact=contact[0], greeting=contact[1], language="de",
                  **{**NAMES, **facts, "goodwill": goodwill})  # type: ignore[arg-type]  # fmt: skip
    composer = Composer(today=lambda: TODAY)
    w = Written(s, composer.compose(s, PROFILE), ())
    assert greeting_problems(w.draft.body_text) == []
    words = load_tone_words("de")
    assert words is not None
    kind = "informal" if address is Address.FORMAL else "formal"
    assert all(not words.find(kind, text) for text in w.texts())


@pytest.mark.parametrize(
    ("stage", "voice", "address", "rapport", "anrede", "greeting"),
    [
        (Stage.FINAL, Voice.FORMAL, Address.FORMAL, False, "Frau Nair", "Sehr geehrte Frau Nair,"),
        (Stage.FINAL, Voice.FORMAL, Address.FORMAL, True, "Frau Nair", "Sehr geehrte Frau Nair,"),
        (Stage.FINAL, Voice.FORMAL, Address.FORMAL, False, "Herr Dr. Müller",
         "Sehr geehrter Herr Dr. Müller,"),
        (Stage.FINAL, Voice.FORMAL, Address.FORMAL, False, "Frau Prof. Dr. Weber",
         "Sehr geehrte Frau Prof. Dr. Weber,"),
        (Stage.FINAL, Voice.FORMAL, Address.FORMAL, False, "Fr. Nair", "Sehr geehrte Frau Nair,"),
        (Stage.FINAL, Voice.WARM, Address.FORMAL, False, "Frau Nair", "Liebe Frau Nair,"),
        (Stage.ACCEPTED, Voice.WARM, Address.FORMAL, False, "Herr Herrera",
         "Lieber Herr Herrera,"),
        (Stage.APPLIED, Voice.WARM, Address.FORMAL, True, "Frau Nair", "Liebe Frau Nair,"),
        (Stage.APPLIED, Voice.WARM, Address.FORMAL, False, "Frau Nair", "Guten Tag, Frau Nair,"),
        (Stage.SCREENING, Voice.BRIEF, Address.FORMAL, False, "Frau Nair",
         "Guten Tag, Frau Nair,"),
        (Stage.SCREENING, Voice.BRIEF, Address.FORMAL, True, "Frau Nair", "Liebe Frau Nair,"),
        (Stage.FINAL, Voice.WARM, Address.INFORMAL, False, "Frau Nair", "Liebe Priya,"),
        (Stage.FINAL, Voice.BRIEF, Address.INFORMAL, True, "Frau Nair", "Hallo, Priya,"),
        (Stage.FINAL, Voice.WARM, Address.INFORMAL, False, "", "Hallo, Priya,"),
        (Stage.FINAL, Voice.FORMAL, Address.FORMAL, True, "", "Guten Tag, Priya Nair,"),
        (Stage.FINAL, Voice.WARM, Address.FORMAL, True, "", "Hallo, Priya Nair,"),  # round 17
    ],
)  # fmt: skip
def test_the_anrede_given_is_how_german_greets(
    composer: Composer,
    stage: Stage,
    voice: Voice,
    address: Address,
    rapport: bool,
    anrede: str,
    greeting: str,
) -> None:
    """Formal "Sehr geehrte Frau Nair,", warm or with rapport "Liebe Frau Nair,", brief
    "Guten Tag, Frau Nair,", du "Liebe Priya," / "Hallo, Priya,"; without an Anrede the
    full name, in every wording (the panel's first German pattern, issue 26)."""
    for wording in (1, 2, 3):
        s = Situation(stage=stage, reason=Reason.OTHER_OFFER, channel=Channel.EMAIL,
                      voice=voice, address=address, rapport=rapport, contact="Priya Nair",
                      greeting=anrede, wording=wording, language="de",
                      **{**NAMES, "recruiter": ""})  # fmt: skip
        assert composer.compose(s, PROFILE).body_text.split("\n", 1)[0] == greeting


def test_a_gender_is_never_guessed_from_a_first_name(composer: Composer) -> None:
    """Without an Anrede no greeting, written or spoken, names Frau or Herr or agrees with a
    gender ("Liebe", "Sehr geehrte"), and a doctor is never "Guten Tag Dr. Okafor,"."""
    gendered = re.compile(r"\b(Frau|Herr|Liebe|Lieber|Sehr geehrte|Sehr geehrter)\b")
    for stage, voice, address, channel, rapport in itertools.product(
        Stage, Voice, Address, (Channel.EMAIL, Channel.PHONE, Channel.LINKEDIN), (False, True)
    ):
        for contact in ("Priya Nair", "Dr. Amara Okafor"):
            s = Situation(stage=stage, reason=Reason.PERSONAL, channel=channel, voice=voice,
                          address=address, rapport=rapport, contact=contact, language="de",
                          **NAMES)  # fmt: skip
            draft = composer.compose(s, PROFILE)
            openings = [draft.body_text.split("\n", 1)[0]]
            if draft.phone_script:
                openings.append(draft.phone_script.split("„", 1)[1].split("“", 1)[0])
            for opening in openings:
                assert not gendered.search(opening), (s, opening)
                assert "Dr. Okafor" not in opening, (s, opening)


def test_a_call_greets_by_the_anrede_given(composer: Composer) -> None:
    s = Situation(stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.PHONE,
                  contact="Hans Müller", greeting="Herr Dr. Müller", voice=Voice.FORMAL,
                  language="de", **NAMES)  # fmt: skip
    draft = composer.compose(s, PROFILE)
    assert draft.body_text.startswith("Sehr geehrter Herr Dr. Müller,\n")
    assert "„Guten Tag, Herr Dr. Müller, hier spricht Maya Okafor." in (draft.phone_script or "")


#: What the native panel read as English in disguise, or as German it would not write
#: (issue 26): each with the fix it asked for, which the pack now says instead.
CALQUES = re.compile(
    r"schwierige[n]? Nachricht|mit mir verbracht|mir zugehört|Zuhören|\b(?:Ihr|dein) Interesse"
    r"|was ich brauche|Im Anschluss an unser|anderen? Ausgleich|Rückzug|direkt von mir h"
    r"|Suche neu anzustoßen|nachrückt|weiteren Kontakt|Angebot als|Hilfe bei"
)


def test_the_panels_german_patterns_are_gone(written: list[Written]) -> None:
    """The native panel's German patterns 2-6 (issue 26), over the whole matrix: no calque;
    the money received asked about under the contract, never an open-ended "Ausgleich";
    a recruiter asked "bitte", and told whom the user would call; no "future openings"
    after a new direction; no figure in talking points about anything but pay."""
    problems = []
    for w in written:
        s = w.situation
        for text in w.texts():
            found = CALQUES.search(text)
            if found:
                problems.append(f"{w.where}: {found.group()!r}")
        body = w.draft.body_text
        paid = s.stage is Stage.ACCEPTED and s.signing_bonus is Money.PAID
        # under the user's contract (round 10: no agreement with the reader is on record)
        if paid and w.draft.channel is not Channel.PHONE and "Vertrag" not in body:
            problems.append(f"{w.where}: the money is not asked about under the contract")
        if w.draft.channel is Channel.RECRUITER:
            relay = [x for x in re.split(r"(?<=[.?!])(?<!Dr\.)(?<!Prof\.)\s+", body)
                     if "weiter" in x]  # fmt: skip
            if not any("bitte" in x.casefold() for x in relay):
                problems.append(f"{w.where}: the recruiter is asked without bitte: {relay}")
            # "Gern rufe ich sie auch selbst an" after "informieren Sie Frau Whitfield", never
            # "ich rufe auch selbst an" (whom?); with no pronoun for them, the call is
            # announced to the person informed ("… und meinen Anruf ankündigen?")
            calls = len(re.findall(r"selbst an", body))
            named = len(re.findall(r"(?:würde|rufe) ich (?:\S+ ){1,5}auch selbst an", body))
            if calls != named or re.search(r"ich auch (?:gern )?selbst an", body):
                problems.append(f"{w.where}: a call to whom? {body!r}")
        future = re.search(r"offenen Stellen|passende Stelle|etwas Passendes", body)
        if s.reason is Reason.DIFFERENT_PATH and future:
            problems.append(f"{w.where}: future openings after a new direction")
    assert not problems, report(problems)


def test_the_answer_to_can_we_talk_says_the_decision_stands(composer: Composer) -> None:
    stages = (Stage.FINAL, Stage.ACCEPTED)
    for voice, address, stage in itertools.product(Voice, Address, stages):
        s = Situation(stage=stage, reason=Reason.PERSONAL, voice=voice, address=address,
                      contact="Priya Nair", greeting="Frau Nair", language="de",
                      **NAMES)  # fmt: skip
        text = composer.compose_reply(s, PROFILE, "asked-to-talk").body_text
        # Round 14: the decision is restated calmly, not as pushback ("ändert das nichts").
        assert "auch wenn meine Entscheidung feststeht" in text, text
        assert len(THANKS.findall(text)) == 1, text


def test_the_bonus_received_is_asked_about_under_the_agreement(composer: Composer) -> None:
    for voice, address, channel in itertools.product(Voice, Address, Channel):
        s = Situation(stage=Stage.ACCEPTED, reason=Reason.PERSONAL, voice=voice,
                      address=address, channel=channel, signing_bonus=Money.PAID,
                      start_date=START, language="de", **NAMES)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        for text in (draft.body_text, draft.phone_script or ""):
            assert "Ausgleich" not in text
        assert "die antrittsprämie" in draft.body_text.casefold()
        # under the user's contract: no agreement with the reader is on record (round 10)
        assert "Vertrag" in draft.body_text, draft.body_text


def test_talking_points_name_a_figure_only_about_pay(composer: Composer) -> None:
    for point in DealBreaker:
        s = Situation(stage=Stage.OFFER, reason=Reason.NOT_A_FIT, kind=Kind.NEGOTIATE,
                      deal_breaker=point, start_date=START, language="de", **NAMES)  # fmt: skip
        script = composer.compose(s, PROFILE).phone_script or ""
        assert ("Zahl" in script) is (point is DealBreaker.PAY), (point, script)


def test_a_call_without_a_reason_assumes_no_move() -> None:
    from bowout.core.pack import load_pack

    assert "Wechsel" not in load_pack("de").word("branches", "where")


def test_what_reading_more_drafts_as_the_recipient_found(written: list[Written]) -> None:
    """Read as the receiving Personalerin (issue 26, seeds 7 and 11): an offer declined
    ends no "Verfahren"; a call's confirmation says "heute" once; after red flags, an offer
    is not thanked for as "Prüfung meiner Unterlagen"; the recruiter note's "Stelle" is not
    said twice in a row by the brief voice's reason."""
    problems = []
    for w in written:
        s, body = w.situation, w.draft.body_text
        if s.stage is Stage.OFFER and re.search(r"Verfahren nicht fortsetzen|weitermachen", body):
            problems.append(f"{w.where}: an offer ends no process")
        if w.draft.channel is Channel.PHONE and body.count("heute") > 1:
            problems.append(f"{w.where}: 'heute' twice")
        if s.stage in (Stage.OFFER, Stage.ACCEPTED) and "Unterlagen" in body:
            problems.append(f"{w.where}: an offer thanked for as reading the papers")
        if "Stelle doch nicht antreten" in body and "Die Stelle ist nicht" in body:
            problems.append(f"{w.where}: 'Stelle' twice")
    assert not problems, report(problems)


def test_the_recruiter_is_told_whom_the_user_would_call(composer: Composer) -> None:
    """The manager is named by the Anrede in the accusative ("Herrn Lee"), never "Herr Lee"
    as an object nor the bare full name beside it, and the call the user chose (will_call)
    is to him or her (the native reader, seed 61: "informieren Sie Herrn Herrera … ich
    rufe ihn gern auch selbst an"); without an Anrede, the name as typed, once, and the call
    announced to them ("… und meinen Anruf ankündigen?"): a panel read the name said twice
    ("informieren Sie Sam Whitfield … rufe ich Sam Whitfield auch selbst an") as assembled."""
    for voice, anrede, named, called in (
        (Voice.BRIEF, "Herr Lee", "Herrn Lee", "ihn"),
        (Voice.WARM, "Frau Nair", "Frau Nair", "sie"),
        (Voice.WARM, "", "Jordan Lee", ""),
    ):  # fmt: skip
        s = Situation(stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.RECRUITER,
                      voice=voice, contact="Jordan Lee", greeting=anrede, start_date=START,
                      language="de", will_call=True, **NAMES)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        relay = rf"(?:meine Absage|mit meinem Bedauern) (?:bitte )?an {named} weiter"
        assert re.search(relay, body), body
        if called:
            call = rf"(?:(?:rufe|würde) ich|Ich rufe) {called} auch selbst an"
            assert re.search(call, body), body
        else:
            assert "und meinen Anruf ankündigen?" in body and body.count(named) == 1, body
        if anrede:
            assert "Jordan Lee" not in body, body
