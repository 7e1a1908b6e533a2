"""The Spanish pack against what a native reader marked in round 7 (issue 26).

Each test is one kind of slip, checked over every situation that could show it rather than
on the draft where it was seen: sentences that read translated from English ("debo declinar
respetuosamente", "Es muy generoso por su parte"), the same word twice in a short message
("proceso", "he decidido", the company, the manager), a visa petition left unnamed or its
regret said twice, thanks for "las entrevistas" before any interview, and the reply's
stock door line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from stage_fit import fitting

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.vocabulary import REPLY_KINDS, Address

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+34 600 123 456")
NAMES = {"contact": "Priya Nair", "role": "Analista de datos", "company": "Northwind",
         "recruiter": "Tom Baker"}  # fmt: skip
SOON = TODAY + dt.timedelta(days=10)
#: Facts cycled over the matrix: none, a petition, a petition with money received near the
#: start date, the door kept open, a team with no contact named.
FACTS = [
    {},
    dict(visa_petition_started=True),
    dict(visa_petition_started=True, signing_bonus=Money.PAID, start_date=SOON),
    dict(keep_door_open=True, rapport=True),
    dict(contact="", keep_door_open=True),
]  # fmt: skip
SENTENCE = re.compile(r"(?<=[.?!»])\s+")
NEGOTIABLE = {Reason.NOT_A_FIT, Reason.COMPENSATION, Reason.PERSONAL, Reason.RELOCATION}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def spanish(**values: object) -> Situation:
    return Situation(language="es", **{**NAMES, **values})  # type: ignore[arg-type]


def matrix(voice: Voice, address: Address) -> list[Situation]:
    """Every stage x reason x channel x wording, the facts cycled along it."""
    cases = itertools.product(Stage, Reason, Channel, (1, 2, 3))
    return [spanish(reason=reason, channel=channel, voice=voice, address=address,
                    wording=wording, **fitting({"stage": stage, **FACTS[n % len(FACTS)]}))
            for n, (stage, reason, channel, wording) in enumerate(cases)]  # fmt: skip


def body_of(text: str) -> str:
    """A letter without its greeting and its sign-off with the signature."""
    return text.split("\n\n", 1)[-1].rsplit("\n\n", 1)[0]


def sentences(text: str) -> list[str]:
    return [x for x in SENTENCE.split(text.replace("\n", " ")) if x]


# --- 1. sentences that read translated --------------------------------------------------------
CALQUES = {
    "respetuosamente": "'I must respectfully decline', word for word",
    "es muy generoso": "'that's very generous of you'",
    "muy amable por su parte": "'very kind of you to…'",
    "muy amable por tu parte": "'very kind of you to…'",
    "profunda reflexión": "'after deep reflection'",
    "el cuidado con el que": "'the care with which'",
    "tratar con usted": "the reply's stock 'a pleasure dealing with you'",
    "tratar contigo": "the reply's stock 'a pleasure dealing with you'",
}


@pytest.mark.timeout(600)
@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_sentence_reads_translated(composer: Composer, voice: Voice, address: Address) -> None:
    """The letter, the call with its branches and every reply."""
    found = set()
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(matrix(voice, address)):
        draft = composer.compose(s, PROFILE)
        texts = [draft.body_text, draft.phone_script or ""]
        texts += [say for _, say in draft.phone_branches]
        texts += [composer.compose_reply(s, PROFILE, kinds[(n + k) % len(kinds)]).body_text
                  for k in (0, 1)]  # fmt: skip
        for text in texts:
            low = text.lower()
            found |= {f"{quote!r} ({why})" for quote, why in CALQUES.items() if quote in low}
    assert not found, "\n".join(sorted(found))


# --- 2. the same word twice in a short message ------------------------------------------------
#: Words a short message says once: a second "proceso" or "he decidido" reads assembled.
ONCE = {
    "proceso": re.compile(r"\bproceso\b", re.IGNORECASE),
    "selección": re.compile(r"\bselección\b", re.IGNORECASE),
    "decidido": re.compile(r"\bdecidido\b", re.IGNORECASE),
    "a sentence opening with 'Tras'": re.compile(r"(?:^|[.?!]\s+)Tras\b", re.MULTILINE),
    "the company": re.compile(r"\bNorthwind\b"),
    "the manager": re.compile(r"\bPriya Nair\b"),
}


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_short_message_says_each_word_once(
    composer: Composer, voice: Voice, address: Address
) -> None:
    found = []
    for s in matrix(voice, address):
        body = body_of(composer.compose(s, PROFILE).body_text)
        twice = [name for name, word in ONCE.items() if len(word.findall(body)) > 1]
        if twice:
            found.append(f"{s.stage.value}/{s.reason.value}/{s.channel.value}/w{s.wording} "
                         f"{twice}: {body}")  # fmt: skip
    assert not found, f"{len(found)} drafts, e.g.\n" + "\n\n".join(found[:3])


# --- 3. the visa petition: named once, its regret said once -----------------------------------
PETITION = re.compile(r"solicitud de visad?o?\b", re.IGNORECASE)
REGRET = re.compile(r"\blament|\bsiento\b|\bsiente\b|\bdisculp|\bperd[oó]n", re.IGNORECASE)
LIABILITY = re.compile(r"culpa|responsab|compens|indemni|reembols|gastos", re.IGNORECASE)


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_started_petition_is_named_once_and_regretted_at_most_once(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """The employer started a visa petition: a withdrawal tells them once, early enough to
    act, never asking them to stop it; a regret for the work is said once in the whole
    message (never beside a second apology) and admits no liability."""
    stage = Stage.ACCEPTED  # the one stage with a petition (issue 21)
    for reason, channel, money, country in itertools.product(
        Reason, Channel, (Money.NONE, Money.PAID), ("ES", "MX")
    ):
        s = spanish(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                    visa_petition_started=True, signing_bonus=money, start_date=SOON,
                    country=country)  # fmt: skip
        body = body_of(composer.compose(s, PROFILE).body_text)
        named = [x for x in sentences(body) if PETITION.search(x)]
        assert len(named) == 1, body
        assert ("solicitud de visa " in named[0]) is (country == "MX"), named[0]
        assert not LIABILITY.search(named[0]), named[0]
        assert len([x for x in sentences(body) if REGRET.search(x)]) <= 1, body


def test_before_an_offer_no_petition_is_named(composer: Composer) -> None:
    """A petition kept on a withdrawal before any offer (an older record) is no fact the
    stage can have (issue 21): the message says nothing of it."""
    for voice, address in itertools.product(Voice, Address):
        s = spanish(stage=Stage.FINAL, reason=Reason.OTHER_OFFER, channel=Channel.EMAIL,
                    voice=voice, address=address, visa_petition_started=True)  # fmt: skip
        body = body_of(composer.compose(s, PROFILE).body_text)
        assert not PETITION.search(body), body


# --- 4. thanks that fit the stage -------------------------------------------------------------
@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_thanks_for_interviews_or_a_team_before_them(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """Before the final round nobody may thank for "las entrevistas" (there may have been
    one, or only a call); after one screening call, not "usted y su equipo" either."""
    found = set()
    for stage, reason, channel, wording in itertools.product(
        (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING), Reason, Channel, (1, 2, 3)
    ):
        asks = [{}]
        if stage is Stage.INTERVIEWING and reason in NEGOTIABLE:
            asks.append(dict(kind=Kind.NEGOTIATE, deal_breaker=DealBreaker.PAY))
        for ask in asks:
            s = spanish(stage=stage, reason=reason, channel=channel, voice=voice,
                        address=address, wording=wording, **ask)  # fmt: skip
            draft = composer.compose(s, PROFILE)
            for text in (draft.body_text, draft.phone_script or ""):
                found |= {f"{stage.value}: {x}" for x in sentences(text) if "entrevistas" in x}
                if stage is not Stage.INTERVIEWING:
                    found |= {f"{stage.value}: {x}" for x in sentences(text)
                              if re.search(r"(usted|tú) y (su|tu|el) equipo", x)}  # fmt: skip
    assert not found, "\n".join(sorted(found)[:8])


# --- 5. the counter-offer answered as a person answers it -------------------------------------
@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
def test_a_counter_offer_is_answered_in_spanish_words(composer: Composer, address: Address) -> None:
    """On the phone "Se lo agradezco de verdad", not "Es muy generoso por su parte"; in the
    reply the door line speaks of the company, not "Ha sido un placer tratar con usted"."""
    s = spanish(stage=Stage.OFFER, reason=Reason.OTHER_OFFER, channel=Channel.PHONE,
                voice=Voice.WARM, address=address, keep_door_open=True)  # fmt: skip
    draft = composer.compose(s, PROFILE)
    branch = next(say for when, say in draft.phone_branches if "cambiar la decisión" in when)
    thanks = "Se lo agradezco" if address is Address.FORMAL else "Te lo agradezco"
    assert branch.startswith(f"«{thanks} de verdad"), branch
    reply = composer.compose_reply(s, PROFILE, "counter-offer").body_text
    assert "buena impresión de Northwind" in reply and "en contacto" in reply, reply
