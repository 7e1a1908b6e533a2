"""The Spanish pack against what a fresh native panel marked in round 8 (issue 26).

Each test is one kind of slip, checked over every situation that could show it: a call's
confirming email that would be false after a voicemail (the voicemail promised it) or a
feedback line claiming people met before anyone was; replies after rescinding that end in
two curt sentences; wording that reads translated ("Gracias por preguntar", "como aspirante",
"Tailspin Toys, Inc." in running text); the same word twice in a short message.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.vocabulary import REPLY_KINDS, Address

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+34 600 123 456")
NAMES = {"contact": "Priya Nair", "role": "Analista de datos", "company": "Tailspin Toys, Inc.",
         "recruiter": "Tom Baker"}  # fmt: skip
SOON = TODAY + dt.timedelta(days=10)
FACTS = [
    {},
    dict(keep_door_open=True, rapport=True),
    dict(signing_bonus=Money.PAID, relocation_assistance=Money.PAID, start_date=SOON),
    dict(contact="", keep_door_open=True),
]  # fmt: skip
NEGOTIABLE = {Reason.NOT_A_FIT, Reason.COMPENSATION, Reason.PERSONAL, Reason.RELOCATION}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def spanish(**values: object) -> Situation:
    return Situation(language="es", **{**NAMES, **values})  # type: ignore[arg-type]


def matrix(voice: Voice, address: Address) -> list[Situation]:
    """Every stage x reason x channel x wording, the facts cycled along it."""
    cases = itertools.product(Stage, Reason, Channel, (1, 2, 3))
    return [spanish(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                    wording=wording, **FACTS[n % len(FACTS)])
            for n, (stage, reason, channel, wording) in enumerate(cases)]  # fmt: skip


def body_of(text: str) -> str:
    """A letter without its greeting and its sign-off with the signature."""
    return text.split("\n\n", 1)[-1].rsplit("\n\n", 1)[0]


# --- 1. what the call's papers may claim ----------------------------------------------------
@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_voicemail_asks_for_a_call_back_and_promises_no_email(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """The confirming email thanks for a conversation, so it is true only after one: the
    voicemail asks to be called back (at every stage, for a withdrawal or a request to
    talk), never says the news or promises the email that would then be false."""
    found = set()
    for stage, reason, phone in itertools.product(Stage, Reason, ("+34 600 123 456", "")):
        asks = [{}]
        if reason in NEGOTIABLE and stage not in (Stage.APPLIED, Stage.SCREENING):
            asks.append(dict(kind=Kind.NEGOTIATE, deal_breaker=DealBreaker.PAY))
        for ask in asks:
            s = spanish(stage=stage, reason=reason, channel=Channel.PHONE, voice=voice,
                        address=address, **ask)  # fmt: skip
            script = composer.compose(s, Profile("Riley Quinn", "riley@example.org", phone))
            lines = (script.phone_script or "").split("\n")
            said = next((x for x in lines if "buzón" in x), "")
            if ask and not said:
                continue  # talking points to negotiate leave no message
            if "devolverme la llamada" not in said or re.search(r"correo|retiro|declino", said):
                found.add(f"{stage.value}/{reason.value}: {said}")
    assert not found, "\n".join(sorted(found)[:6])


#: Stages at which the user has met at most the person screening them.
EARLY = (Stage.APPLIED, Stage.SCREENING)


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_line_thanks_people_met_before_anyone_was(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """ "todas las personas con las que he hablado" only once interviews were held: not in
    the feedback branch nor in the note a recruiter passes on, before them."""
    found = set()
    for s in matrix(voice, address):
        if s.stage not in EARLY:
            continue
        draft = composer.compose(s, PROFILE)
        texts = [draft.body_text, draft.phone_script or "", *(y for _, y in draft.phone_branches)]
        found |= {f"{s.stage.value}/{s.channel.value}: {t}" for t in texts
                  if "personas con las que" in t}  # fmt: skip
    assert not found, "\n".join(sorted(found)[:4])


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_confirming_email_says_talked_once(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """ "Gracias por hablar conmigo hoy. Tal como hemos hablado…": one "hablar" at most."""
    found = []
    for s in matrix(voice, address):
        if s.channel is not Channel.PHONE:
            continue
        body = body_of(composer.compose(s, PROFILE).body_text)
        if len(re.findall(r"\bhabl[aáeé]\w*", body, re.IGNORECASE)) > 1:
            found.append(body)
    assert not found, f"{len(found)} emails, e.g.\n" + "\n\n".join(found[:2])


# --- 2. a reply after rescinding is not curt ------------------------------------------------
REGRET = re.compile(r"\blament|\bsiento\b|\bdisculp", re.IGNORECASE)
#: The door the user chose: staying in touch, or (after rescinding, after taking another offer,
#: on a fresh application) the humble wish the session-8 panel asked for.
DOOR = re.compile(
    r"en contacto|volver a coincidir|caminos vuelvan a cruzarse|a (su|tu) disposición"
)
AFTER_RESCINDING = ("asked-why", "no-reply")


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_reply_after_rescinding_keeps_regret_and_the_door(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """Answering "why?" or following up after rescinding an accepted offer: a regret for
    the trouble, never "prefiero dejarlo aquí", the door line when the user chose it, and
    in the formal voice no bare "Atentamente" under it."""
    found = []
    for reason, channel, reply, door in itertools.product(
        Reason, Channel, AFTER_RESCINDING, (False, True)
    ):
        s = spanish(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                    address=address, keep_door_open=door, signing_bonus=Money.PAID,
                    relocation_assistance=Money.PAID, start_date=SOON)  # fmt: skip
        text = composer.compose_reply(s, PROFILE, reply).body_text
        body = body_of(text)
        missing = [what for what, ok in (
            ("a regret", REGRET.search(body)),
            ("not 'dejarlo aquí'", "dejarlo aquí" not in body),
            ("the door", not door or DOOR.search(body)),
            ("a warm close", voice is not Voice.FORMAL or "Atentamente" not in text),
        ) if not ok]  # fmt: skip
        if missing:
            found.append(f"{reason.value}/{channel.value}/{reply}: {missing}\n{text}")
    assert not found, f"{len(found)} replies, e.g.\n" + "\n\n".join(found[:2])


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
def test_a_follow_up_keeps_the_door_the_user_asked_for(
    composer: Composer, address: Address
) -> None:
    """The follow-up after no answer is the message they will read: it keeps the door."""
    for stage, voice in itertools.product(Stage, Voice):
        s = spanish(stage=stage, reason=Reason.PERSONAL, channel=Channel.EMAIL, voice=voice,
                    address=address, keep_door_open=True)  # fmt: skip
        body = body_of(composer.compose_reply(s, PROFILE, "no-reply").body_text)
        assert DOOR.search(body), body


# --- 3. wording that reads translated -------------------------------------------------------
CALQUES = {
    "gracias por preguntar": "'thanks for asking'",
    "como aspirante": "'as a candidate'",
    "con la selección": "'with the search'",
    "reenvío lo esencial": "'forward the gist' (reenviar forwards the message itself)",
    "reenvío": "'forward the gist' (reenviar forwards the message itself)",
    "prefiero retirarme": "a preference, not a decision",
    "lo haya reconsiderado": "'reconsidered' for a new proposal",
    "lo hayas reconsiderado": "'reconsidered' for a new proposal",
    "puedo hablarlo": "'I can discuss it', grudging",
    "lo comunico": "the indirect object missing",
    "debo retirar": "a choice said as an obligation",
    "aclarar el traslado": "elliptical",
    ", inc": "the company's legal form in running text",
}


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_text_reads_translated(composer: Composer, voice: Voice, address: Address) -> None:
    """The subject, the letter, the call with its branches and every reply."""
    found = set()
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(matrix(voice, address)):
        draft = composer.compose(s, PROFILE)
        texts = [draft.subject, draft.body_text, draft.phone_script or ""]
        texts += [say for _, say in draft.phone_branches]
        texts += [composer.compose_reply(s, PROFILE, kinds[(n + k) % len(kinds)]).body_text
                  for k in (0, 1, 2)]  # fmt: skip
        for text in texts:
            low = text.lower()
            found |= {f"{quote!r} ({why})" for quote, why in CALQUES.items() if quote in low}
    assert not found, "\n".join(sorted(found))


# --- 4. the same words twice in a short message ---------------------------------------------
@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_request_to_talk_says_me_gustaria_once(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """A four-line request to talk says "me gustaría" once (the interest, not the date)."""
    found = []
    for stage, channel, breaker in itertools.product(
        (Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED), Channel, DealBreaker
    ):
        s = spanish(stage=stage, reason=Reason.COMPENSATION, channel=channel, voice=voice,
                    address=address, kind=Kind.NEGOTIATE, deal_breaker=breaker,
                    decide_by=TODAY + dt.timedelta(days=7))  # fmt: skip
        body = body_of(composer.compose(s, PROFILE).body_text)
        if len(re.findall(r"\bme gustar[ií]a\b", body, re.IGNORECASE)) > 1:
            found.append(body)
    assert not found, f"{len(found)} requests, e.g.\n" + "\n\n".join(found[:2])


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_rescission_names_the_offer_once(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """After thanking for the offer, the letter withdraws "mi aceptación", not "mi
    aceptación de la oferta" a second time (email and LinkedIn, the contact known)."""
    found = []
    for reason, channel, wording in itertools.product(
        Reason, (Channel.EMAIL, Channel.LINKEDIN), (1, 2, 3)
    ):
        s = spanish(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                    address=address, wording=wording)  # fmt: skip
        body = body_of(composer.compose(s, PROFILE).body_text)
        if len(re.findall(r"\boferta\b", body)) > 1:
            found.append(body)
    assert not found, f"{len(found)} letters, e.g.\n" + "\n\n".join(found[:2])
