"""The Spanish pack against what a native panel marked (issue 26, panel 2).

Each test is one kind of slip the panel quoted, checked over the matrix of situations that
could show it: the brief voice's register (short, cordial usted: never the ceremony of a
paper letter, never the familiarity of a friend), the greeting's name (a first name after a
call, with rapport or in a reply; a title the user gave, as Spanish writes it), the money
paragraph, the reply to "can we talk?", the recruiter note, and Mexico's words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.vocabulary import REPLY_KINDS, Address

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+34 600 123 456")
NAMES = {"contact": "Priya Nair", "role": "Analista de datos", "company": "Northwind",
         "recruiter": "Tom Baker"}  # fmt: skip

#: Facts cycled over the matrix so that every slot's variants are reached.
FACTS = [
    {},
    dict(signing_bonus=Money.PAID, relocation_assistance=Money.PAID, keep_door_open=True,
         start_date=TODAY + dt.timedelta(days=10), rapport=True),
    dict(goodwill=tuple(Goodwill), keep_door_open=True, signing_bonus=Money.PAID,
         start_date=TODAY + dt.timedelta(days=40)),
    dict(via_recruiter=True, keep_door_open=True, relocation_timeline_changed=True),
    dict(negotiated=True, deal_breaker=DealBreaker.PAY, keep_door_open=True),
]  # fmt: skip

#: The ceremony of a paper letter, which the brief voice never uses ("Hola, Priya:" and
#: then "Le ruego que dé por retirada mi candidatura" reads as two writers).
CEREMONIOUS = re.compile(
    r"le ruego|te ruego|te pido que des|dé por retirada|des por retirada|desearía"
    r"|sería tan amable|me complacería|tras una profunda reflexión|con verdadero pesar"
    r"|por medio de este mensaje|reciba un cordial|atentamente|asimismo",
    re.IGNORECASE,
)
#: The familiarity of a friend, which a message to an employer in usted never uses.
FAMILIAR = re.compile(r"un abrazo|besos|¡hola|genial|un saludo enorme", re.IGNORECASE)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def spanish(**values: object) -> Situation:
    return Situation(language="es", **{**NAMES, **values})  # type: ignore[arg-type]


def matrix(voice: Voice, address: Address = Address.FORMAL) -> list[Situation]:
    out = []
    for n, (stage, reason, channel) in enumerate(itertools.product(Stage, Reason, Channel)):
        for wording in (1, 2, 3):
            out.append(
                spanish(stage=stage, reason=reason, channel=channel, voice=voice,
                        address=address, wording=wording, **FACTS[n % len(FACTS)])
            )  # fmt: skip
    return out


# --- 1. the brief voice holds one register: short, cordial usted -------------------------
@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
def test_the_brief_voice_is_never_ceremonious_nor_familiar(
    composer: Composer, address: Address
) -> None:
    found = []
    for n, s in enumerate(matrix(Voice.BRIEF, address)):
        draft = composer.compose(s, PROFILE)
        reply = composer.compose_reply(s, PROFILE, list(REPLY_KINDS)[n % len(REPLY_KINDS)])
        for text in (draft.body_text, draft.phone_script or "", reply.body_text):
            for pattern in (CEREMONIOUS, FAMILIAR):
                found += [f"{s.stage.value}/{s.reason.value}: {m.group()}"
                          for m in pattern.finditer(text)]  # fmt: skip
    assert not found, "\n".join(sorted(set(found))[:20])


@pytest.mark.parametrize("voice", [Voice.BRIEF, Voice.WARM], ids=lambda v: v.value)
def test_a_hola_is_never_followed_by_a_paper_letter_formula(
    composer: Composer, voice: Voice
) -> None:
    for s in matrix(voice):
        body = composer.compose(s, PROFILE).body_text
        if body.startswith("Hola"):
            assert not CEREMONIOUS.search(body), body


# --- 2. the greeting: whom it names, and how -------------------------------------------------
def first_line(text: str) -> str:
    return text.split("\n", 1)[0]


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_known_reader_is_greeted_by_first_name_never_the_full_name(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """After a call, with rapport, in a reply, and to the recruiter one works with: the first
    name, as the call's own script says it ("Hola, Priya"); a full name reads as a mail merge."""
    known = [
        spanish(stage=Stage.FINAL, channel=Channel.PHONE, voice=voice, address=address),
        spanish(stage=Stage.OFFER, channel=Channel.EMAIL, voice=voice, address=address,
                rapport=True),
        spanish(stage=Stage.ACCEPTED, channel=Channel.LINKEDIN, voice=voice, address=address,
                rapport=True),
    ]  # fmt: skip
    for s in known:
        greeting = first_line(composer.compose(s, PROFILE).body_text)
        assert greeting in {"Buenos días, Priya:", "Hola, Priya:"}, (s.channel, greeting)
    plain = spanish(stage=Stage.FINAL, channel=Channel.EMAIL, voice=voice, address=address)
    for reply in REPLY_KINDS:
        greeting = first_line(composer.compose_reply(plain, PROFILE, reply).body_text)
        assert greeting in {"Buenos días, Priya:", "Hola, Priya:"}, (reply, greeting)
    note = spanish(stage=Stage.FINAL, channel=Channel.RECRUITER, voice=voice, address=address)
    greeting = first_line(composer.compose(note, PROFILE).body_text)
    assert greeting in {"Buenos días, Tom:", "Hola, Tom:"}, greeting


def test_a_first_formal_letter_greets_by_first_name_never_the_full_name(
    composer: Composer,
) -> None:
    """Nobody known, no title, no "How to address them": the first name, which guesses
    nothing (no "Estimado" or "Estimada" read from a first name); the whole name reads as
    a mail merge (the final panel of session 6, issue 26)."""
    s = spanish(stage=Stage.FINAL, channel=Channel.EMAIL, voice=Voice.FORMAL)
    assert first_line(composer.compose(s, PROFILE).body_text) == "Buenos días, Priya:"


@pytest.mark.parametrize(
    ("greeting", "expected"),
    [
        ("Sra. García", "Estimada Sra. García:"),
        ("Sr. García", "Estimado Sr. García:"),
        ("Dr. Ruiz", "Estimado Dr. Ruiz:"),
        ("Dra. Ruiz", "Estimada Dra. Ruiz:"),
        ("Señora García", "Estimada Señora García:"),
        ("Doña María", "Estimada Doña María:"),
    ],
)
def test_how_to_address_them_is_written_as_spanish_writes_it(
    composer: Composer, greeting: str, expected: str
) -> None:
    """The adjective agrees with the title the user wrote, in every voice and channel and in
    a reply; the title's own gender decides, never the contact's first name."""
    for voice, address, channel, stage in itertools.product(
        Voice,
        Address,
        [Channel.EMAIL, Channel.PHONE, Channel.LINKEDIN],
        [Stage.FINAL, Stage.ACCEPTED],
    ):
        s = spanish(stage=stage, channel=channel, voice=voice, address=address,
                    greeting=greeting, rapport=voice is Voice.BRIEF)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        assert first_line(draft.body_text) == expected, (voice, channel, draft.body_text)
        reply = composer.compose_reply(s, PROFILE, "accepted")
        assert first_line(reply.body_text) == expected


def test_an_english_dr_in_the_contact_name_shows_no_gender(composer: Composer) -> None:
    """The contact's name is typed once for every language, and "Dr." in English says
    nothing of the person's sex: "Estimado Dr. Okafor:" would guess it."""
    for voice, channel, rapport in itertools.product(
        Voice, [Channel.EMAIL, Channel.PHONE, Channel.LINKEDIN], [False, True]
    ):
        s = spanish(stage=Stage.OFFER, channel=channel, voice=voice, rapport=rapport,
                    contact="Dr. Amara Okafor")  # fmt: skip
        greeting = first_line(composer.compose(s, PROFILE).body_text)
        assert "Estimad" not in greeting and ("Okafor" in greeting or "Amara" in greeting), greeting


# --- 3. the panel's other Spanish patterns -------------------------------------------------
#: Words the panel quoted as translated, needy, unwise or wrong, with what it costs.
PANEL_QUOTES = {
    "mediante": "the bonus paragraph's broken 'hablar sobre … mediante'",
    "otro acuerdo": "an open-ended offer of 'another arrangement' (money)",
    "acuerdo que corresponda": "an open-ended offer of 'the arrangement that applies' (money)",
    "un posible acuerdo": "an open-ended offer of 'a possible arrangement' (money)",
    "tener una llamada": "'have a call', a calque",
    "tendría una llamada": "'have a call', a calque",
    "patrocinio del visado": "'visa sponsorship', a calque",
    "patrocinar mi visado": "'sponsor my visa', a calque",
    "dos o tres momentos": "'two or three moments' for times",
    "entiendo que no es lo que": "the indicative after 'Entiendo que' (subjunctive: 'sea')",
    "lo que necesito": "'what I need', needy and English",
    "noticia difícil": "'difficult news', English in disguise",
    "directamente por mí": "'hear it directly from me', a calque",
    "llegáramos a una respuesta": "'reach an answer' (Spanish reaches an agreement)",
    "nuevo destino": "a move the user never mentioned",
}


def every_text(composer: Composer, s: Situation, reply: str) -> list[str]:
    draft = composer.compose(s, PROFILE)
    branches = [f"{when}: {say}" for when, say in draft.phone_branches]
    answer = composer.compose_reply(s, PROFILE, reply).body_text
    return [draft.subject, draft.body_text, draft.phone_script or "", *branches, answer]


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_draft_says_what_the_panel_quoted(
    composer: Composer, voice: Voice, address: Address
) -> None:
    found = set()
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(matrix(voice, address)):
        for text in every_text(composer, s, kinds[n % len(kinds)]):
            low = text.lower()
            found |= {f"{quote!r}: {why}" for quote, why in PANEL_QUOTES.items() if quote in low}
            for paragraph in low.split("\n\n"):
                openers = [x.split()[0] for x in re.split(r"(?<=[.?!])\s+", paragraph) if x]
                for opener in ("espero", "lamento"):
                    if openers.count(opener) > 1:
                        found.add(f"'{opener} … {opener}' in one paragraph: {paragraph}")
    assert not found, "\n".join(sorted(found))


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_money_received_asks_how_to_proceed(composer: Composer, voice: Voice) -> None:
    """The bonus paragraph asks how to proceed and offers nothing more (the panel: an open
    'other arrangement' invites a claim), and assumes no contract nor what it provides (the
    session-8 panel: «según lo previsto en el contrato» is a clause the facts cannot know)."""
    for address, channel, reason in itertools.product(Address, Channel, Reason):
        s = spanish(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                    address=address, signing_bonus=Money.PAID)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        for text in (draft.body_text, draft.phone_script or ""):
            if "prima de incorporación" in text:
                sentence = next(x for x in re.split(r"(?<=[.?!»])\s+", text)
                                if "prima de incorporación" in x)  # fmt: skip
                assert "proceder" in sentence and "contrato" not in sentence, sentence


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_answer_to_can_we_talk_thanks_and_says_the_decision_stands(
    composer: Composer, voice: Voice, address: Address
) -> None:
    for stage, channel in itertools.product(Stage, Channel):
        s = spanish(stage=stage, reason=Reason.PERSONAL, channel=channel, voice=voice,
                    address=address)  # fmt: skip
        body = composer.compose_reply(s, PROFILE, "asked-to-talk").body_text
        text = body.split("\n\n")[1]
        assert text.startswith("Gracias por"), text
        assert re.search(r"mi decisión (está tomada|es firme|es definitiva)", text), text
        assert "dos o tres horarios" in text


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_recruiter_note_asks_please_in_the_decisions_paragraph(
    composer: Composer, voice: Voice
) -> None:
    """'¿Podría comunicárselo a Sam?' alone reads curt, and four one-line paragraphs read
    assembled: the request says 'por favor' and follows the decision."""
    for address, stage, reason in itertools.product(Address, Stage, Reason):
        s = spanish(stage=stage, reason=reason, channel=Channel.RECRUITER, voice=voice,
                    address=address)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        asking = [p for p in body.split("\n\n") if "Priya Nair" in p]
        assert len(asking) == 1, body
        assert re.search(r"por favor|¿(?:le|te) importaría", asking[0]), body
        assert re.search(r"retir|declin|no (?:voy|podré)|renunci", asking[0], re.I), body


def test_mexico_writes_buen_dia_visa_and_rango_salarial(composer: Composer) -> None:
    """The job's country is Mexico: the pack's Mexican words (a Mexican recruiter reads
    'visado' and 'banda salarial' as Spain's); elsewhere Spain's."""
    for country in ("MX", "ES", ""):
        mexico = country == "MX"
        letter = spanish(stage=Stage.FINAL, channel=Channel.EMAIL, voice=Voice.FORMAL,
                         country=country)  # fmt: skip
        greeting = first_line(composer.compose(letter, PROFILE).body_text)
        assert greeting == ("Buen día, Priya:" if mexico else "Buenos días, Priya:")
        ask = spanish(stage=Stage.OFFER, reason=Reason.RELOCATION, kind=Kind.NEGOTIATE,
                      deal_breaker=DealBreaker.SPONSORSHIP, country=country)  # fmt: skip
        draft = composer.compose(ask, PROFILE)
        text = f"{draft.subject}\n{draft.body_text}\n{draft.phone_script}"
        assert ("la visa" in text) is mexico, text
        assert ("visado" in text) is not mexico, text
        pay = spanish(stage=Stage.SCREENING, reason=Reason.COMPENSATION, channel=Channel.EMAIL,
                      country=country)  # fmt: skip
        body = composer.compose(pay, PROFILE).body_text
        assert ("rango salarial" in body) is mexico, body
        assert "banda salarial" not in body or not mexico


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_candidatura_is_said_once_and_a_new_path_asks_for_no_openings(
    composer: Composer, voice: Voice
) -> None:
    """The panel: "revisar mi candidatura … retirar mi candidatura" repeats itself, and
    "saber de futuras vacantes" right after a new career direction contradicts it."""
    found = set()
    for s in matrix(voice):
        draft = composer.compose(s, PROFILE)
        call = (draft.phone_script or "").split("Si salta el buzón")[0]  # the voicemail: instead
        for text in (draft.body_text, call):
            if text.lower().count("candidatura") > 1:
                found.add(f"'candidatura' twice: {text}")
        if s.reason is Reason.DIFFERENT_PATH:
            later = composer.compose_reply(s, PROFILE, "reconsider-later").body_text
            for text in (draft.body_text, later):
                if "vacantes" in text:
                    found.add(f"openings after a new path: {text}")
    assert not found, "\n".join(sorted(found)[:5])


def test_tu_greets_by_first_name_even_a_doctor(composer: Composer) -> None:
    """ "Buenos días, Dr. Okafor:" and then tú mixes two registers: with tú, the first name,
    in the letter and on the phone."""
    for voice, channel in itertools.product(Voice, [Channel.EMAIL, Channel.PHONE]):
        s = spanish(stage=Stage.FINAL, channel=channel, voice=voice, address=Address.INFORMAL,
                    contact="Dr. Amara Okafor", recruiter="Dr. Tom Baker")  # fmt: skip
        draft = composer.compose(s, PROFILE)
        assert first_line(draft.body_text) in {"Buenos días, Amara:", "Hola, Amara:"}
        if draft.phone_script:
            assert "«Hola, Amara, soy Riley Quinn." in draft.phone_script
        note = composer.compose(dataclasses.replace(s, channel=Channel.RECRUITER), PROFILE)
        assert first_line(note.body_text) in {"Buenos días, Tom:", "Hola, Tom:"}
