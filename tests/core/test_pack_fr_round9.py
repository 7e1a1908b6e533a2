"""The French pack against what the final native panel marked (issue 26, round 9).

Each test is one kind of slip, checked over every voice, form of address, stage, reason and
reply: an answer that is one bare clause (a counter-offer answered « Merci, mais ma décision
est prise. » in a formal letter), a call script that counters an offer nobody made or
praises a process that never was, and thanks or claims pitched above the stage.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.pack import load_pack
from bowout.core.situation import DealBreaker, Kind, Voice
from bowout.core.vocabulary import REPLY_KINDS, Address

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley.quinn@example.org", "+44 20 7946 0321")
NAMES = {"contact": "Sam Whitfield", "role": "Operations Lead", "company": "Fabrikam"}
VOICES = pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
PRE_OFFER = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.FINAL)
SENTENCE_END = re.compile(r"[.?!](?:\s|$)")


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def french(**values: object) -> Situation:
    return Situation(language="fr", **{**NAMES, **values})  # type: ignore[arg-type]


def answer(composer: Composer, s: Situation, kind: str) -> str:
    """The reply's own words: the paragraph between the greeting and the sign-off."""
    return composer.compose_reply(s, PROFILE, kind).body_text.split("\n\n")[1]


# --- 1. an answer is never one bare clause ---------------------------------------------------
@VOICES
def test_an_answer_thanks_in_full_sentences(composer: Composer, voice: Voice) -> None:
    """« Merci, mais ma décision est prise. » was a formal letter's whole answer to a raised
    offer (draft 2, 19/25). Every answer has at least two sentences or ten words, a
    counter-offer is thanked for, and a formal letter answers it in two sentences."""
    problems = set()
    cells = itertools.product(Address, Stage, Reason, (False, True), REPLY_KINDS, (1, 2, 3))
    for address, stage, reason, door, kind, wording in cells:
        s = french(stage=stage, reason=reason, voice=voice, address=address, wording=wording,
                   keep_door_open=door, channel=Channel.EMAIL)  # fmt: skip
        text = answer(composer, s, kind)
        sentences = len(SENTENCE_END.findall(text))
        if sentences < 2 and len(text.split()) < 10:
            problems.add(f"{kind}, {stage.value}/{reason.value}: {text}")
        if kind == "counter-offer":
            if not re.search(r"\b(merci|remercie|gentil)\b[^.]*\bproposition\b", text, re.I):
                problems.add(f"counter-offer not thanked, {stage.value}/{reason.value}: {text}")
            formal = voice is Voice.FORMAL and address is Address.FORMAL
            if formal and sentences < 2:
                problems.add(f"formal counter-offer in one sentence, {stage.value}: {text}")
    assert not problems, "\n".join(sorted(problems))


# --- 2. the call's branches fit the stage ----------------------------------------------------
@VOICES
def test_a_call_counters_only_an_offer_and_thanks_no_question(
    composer: Composer, voice: Voice
) -> None:
    """A screening call had « C’est généreux de votre part » for a counter-offer nobody could
    make yet, « Merci de la question » (translated), and « bien au contraire » for a process
    that had barely begun. As in English: the counter-offer branch only at the offer and
    accepted stages; no thanks for the question; before the interviews, no praise of it."""
    title = load_pack("fr").word("branches", "counter")
    problems = []
    for address, stage, reason in itertools.product(Address, Stage, Reason):
        for wording in (1, 2, 3):
            s = french(stage=stage, reason=reason, voice=voice, address=address,
                       wording=wording, channel=Channel.PHONE)  # fmt: skip
            branches = composer.compose(s, PROFILE).phone_branches
            whens = [when for when, _ in branches]
            said = " ".join(say for _, say in branches)
            where = f"{address.value}/{stage.value}/{reason.value}/{wording}"
            if (title in whens) == (stage in PRE_OFFER):
                problems.append(f"{where}: counter branch {title in whens}")
            if stage in PRE_OFFER and re.search(r"généreu|contre-proposition", said):
                problems.append(f"{where}: {said}")
            if re.search(r"merci de (la|votre|ta) question", said, re.I):
                problems.append(f"{where}: thanks for the question: {said}")
            if stage in (Stage.APPLIED, Stage.SCREENING) and "bien au contraire" in said:
                problems.append(f"{where}: praises a process barely begun: {said}")
    assert not problems, "\n".join(problems[:20])


# --- 3. thanks at the stage's height, and nothing said twice in a row -----------------------
ABOVE_THE_STAGE = re.compile(r"tout ce que (vous avez|tu as) fait|chaque étape|tout le travail"
                             r"|tout au long")  # fmt: skip
TWICE = ("processus", "recrutement", "ma réponse")
FACTS: list[dict[str, object]] = [
    {},
    dict(keep_door_open=True, rapport=True),
    dict(via_recruiter=True, recruiter="Tom Baker", rapport=True),
]


def sentences_of(body: str) -> list[str]:
    """The body's sentences, between the greeting and the sign-off."""
    text = " ".join(body.split("\n\n")[1:-1]).replace("\n", " ")
    return re.split(r"(?<=[.?!])\s", text)


@VOICES
def test_each_sentence_says_something_new_at_the_stages_height(
    composer: Composer, voice: Voice
) -> None:
    """A screening note thanked a recruiter « pour tout ce que vous avez fait pour moi » and
    « à chaque étape du recrutement », then withdrew « du processus de recrutement »; the role
    or the company came back in the next sentence (« chez Fabrikam. Je décline l’offre de
    Fabrikam. »); a company's « Inc. » was read out. Over every stage, channel, form of
    address and wording (reasons and facts cycled), with a company that has a legal form."""
    problems = set()
    cells = itertools.product(Address, Stage, Channel, (1, 2, 3))
    kinds = list(REPLY_KINDS)
    for n, (address, stage, channel, wording) in enumerate(cells):
        s = french(stage=stage, reason=list(Reason)[n % len(Reason)], channel=channel,
                   voice=voice, address=address, wording=wording, company="Fabrikam, Inc.",
                   **FACTS[n % len(FACTS)])  # fmt: skip
        draft = composer.compose(s, PROFILE)
        reply = composer.compose_reply(s, PROFILE, kinds[n % len(kinds)]).body_text
        said = [draft.body_text, draft.phone_script or "", reply]
        said += [say for _, say in draft.phone_branches]
        where = f"{address.value}/{stage.value}/{channel.value}/{wording}"
        problems |= {f"{where}: « Inc » in running text: {t}" for t in said if "Inc" in t}
        sentences = sentences_of(draft.body_text)
        text = " ".join(sentences)
        for one, two in itertools.pairwise(sentences):
            for name in ("Fabrikam", "Operations Lead"):
                if name in one and name in two:
                    problems.add(f"{where}: {name} twice: {one} | {two}")
        for word in TWICE:
            if len(re.findall(word, text, re.IGNORECASE)) > 1:
                problems.add(f"{where}: « {word} » twice: {text}")
        if stage in (Stage.APPLIED, Stage.SCREENING) and ABOVE_THE_STAGE.search(text):
            problems.add(f"{where}: thanks above the stage: {text}")
    assert not problems, "\n".join(sorted(problems)[:20])


# --- 4. a request to talk says what would settle it, and says it once ---------------------
NEGOTIABLE = (Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED)
TALKABLE = (Reason.NOT_A_FIT, Reason.COMPENSATION, Reason.PERSONAL, Reason.RELOCATION)
ONCE = (r"ma réponse", r"en (parler|discuter)\b")


@VOICES
def test_a_request_to_talk_names_the_ask_once(composer: Composer, voice: Voice) -> None:
    """The talking points asked to « régler la question du déménagement » without saying
    what would settle it (English and German ask about its timing or organisation, or help
    with it when pay is the reason); the letter said « ma réponse » and « en parler » twice."""
    problems = []
    cells = itertools.product(Address, NEGOTIABLE, TALKABLE, Channel, DealBreaker)
    for n, (address, stage, reason, channel, breaker) in enumerate(cells):
        s = french(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                   kind=Kind.NEGOTIATE, deal_breaker=breaker, wording=1 + n % 2,
                   decide_by=TODAY + dt.timedelta(days=7))  # fmt: skip
        draft = composer.compose(s, PROFILE)
        where = f"{address.value}/{stage.value}/{reason.value}/{channel.value}/{breaker.value}"
        if channel is Channel.PHONE and breaker is DealBreaker.RELOCATION:
            ask = next(line for line in (draft.phone_script or "").splitlines()
                       if "Demander" in line)  # fmt: skip
            if not re.search(r"date|organisation|aide", ask):
                problems.append(f"{where}: no concrete ask: {ask}")
        text = " ".join(sentences_of(draft.body_text))
        for words in ONCE:
            if len(re.findall(words, text)) > 1:
                problems.append(f"{where}: « {words} » twice: {text}")
    assert not problems, "\n".join(problems[:20])


# --- 5. no promise the user did not make, no thanks below the stage ------------------------
@VOICES
def test_a_recruiter_is_promised_future_work_only_when_the_door_is_open(
    composer: Composer, voice: Voice
) -> None:
    """« Je continuerai volontiers à travailler avec vous sur d’autres postes » closed notes
    whose user had not kept the door open (drafts 6 and 11), and followed a change of
    career path (draft 4). After red flags, an offer or a call is thanked for, not « le temps
    consacré à mon dossier »; and « d’ici là » never points at nothing."""
    problems = []
    for address, stage, reason, door, channel in itertools.product(
        Address, Stage, Reason, (False, True), (Channel.RECRUITER, Channel.EMAIL, Channel.PHONE)
    ):
        s = french(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                   keep_door_open=door, recruiter="Tom Baker", rapport=True)  # fmt: skip
        text = " ".join(sentences_of(composer.compose(s, PROFILE).body_text))
        where = f"{address.value}/{stage.value}/{reason.value}/{channel.value}/door={door}"
        other_work = re.search(r"travailler avec (vous|toi) sur d’autres postes", text)
        if other_work and (not door or reason is Reason.DIFFERENT_PATH):
            problems.append(f"{where}: {text}")
        late = reason is Reason.RED_FLAGS and stage in (Stage.OFFER, Stage.ACCEPTED)
        if late and "dossier" in text:
            problems.append(f"{where}: thanks below the stage: {text}")
        if "d’ici là" in text:
            problems.append(f"{where}: « d’ici là »: {text}")
    assert not problems, "\n".join(problems[:20])


@VOICES
def test_a_note_to_a_recruiter_always_asks_them_to_pass_it_on(
    composer: Composer, voice: Voice
) -> None:
    """A brief note rescinding through a recruiter, with no reason said, never asked the
    recruiter to tell the hiring manager: at every stage and reason, the manager is named."""
    problems = []
    for address, stage, reason in itertools.product(Address, Stage, Reason):
        s = french(stage=stage, reason=reason, channel=Channel.RECRUITER, voice=voice,
                   address=address, recruiter="Tom Baker")  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        if "Sam Whitfield" not in body:
            problems.append(f"{address.value}/{stage.value}/{reason.value}: {body}")
    assert not problems, "\n".join(problems[:10])
