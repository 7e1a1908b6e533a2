"""The Spanish pack against what a native reader marked (issue 26, reading of seed 61).

Each test is one kind of slip the reader quoted, checked over the matrix of situations that
could show it rather than on the one draft where it was seen: the decision and its reason
said as two bare sentences in English order, process vocabulary calqued from English, replies
that drop the relationship line the user asked for, a verb left without its subject or
object, "ojalá" and English closing wishes in the usted register, and next week's date
written with its year.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.vocabulary import REASONS, REPLY_KINDS, Address

TODAY = dt.date(2026, 12, 1)  # a Tuesday
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
    dict(relocation_timeline_changed=True, start_date=TODAY + dt.timedelta(days=120)),
]  # fmt: skip
SENTENCE = re.compile(r"(?<=[.?!»])\s+")


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def spanish(**values: object) -> Situation:
    return Situation(language="es", **{**NAMES, **values})  # type: ignore[arg-type]


def matrix(voice: Voice, address: Address = Address.FORMAL) -> list[Situation]:
    """Every stage x reason x channel, the wording and the facts cycled along it."""
    out = []
    for n, (stage, reason, channel) in enumerate(itertools.product(Stage, Reason, Channel)):
        out.append(
            spanish(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                    wording=n % 3 + 1, **FACTS[n % len(FACTS)])
        )  # fmt: skip
    return out


def every_text(composer: Composer, s: Situation, reply: str) -> list[str]:
    """The subject, body, call script (with its branches) and one reply of ``s``."""
    draft = composer.compose(s, PROFILE)
    branches = [f"{when}: {say}" for when, say in draft.phone_branches]
    answer = composer.compose_reply(s, PROFILE, reply).body_text
    return [draft.subject, draft.body_text, draft.phone_script or "", *branches, answer]


def sentences(text: str) -> list[str]:
    return [x for x in SENTENCE.split(text.replace("\n", " ")) if x]


@pytest.fixture(scope="module", params=list(Voice), ids=lambda v: v.value)
def texts(composer: Composer, request: pytest.FixtureRequest) -> list[tuple[Voice, Address, str]]:
    """Every text of the matrix in one voice and both forms of address (made once per
    voice, read by each test below)."""
    kinds = list(REPLY_KINDS)
    out = []
    voice = request.param
    for address in Address:
        for n, s in enumerate(matrix(voice, address)):
            out += [
                (voice, address, text) for text in every_text(composer, s, kinds[n % len(kinds)])
            ]
    return out


def found_in(
    texts: list[tuple[Voice, Address, str]],
    pattern: re.Pattern[str],
    voices: Iterable[Voice] = Voice,
    addresses: Iterable[Address] = Address,
) -> list[str]:
    wanted = {(v, a) for v in voices for a in addresses}
    return sorted({f"{v.value}/{a.value}: {m.group()!r} in {text!r}"
                   for v, a, text in texts if (v, a) in wanted
                   for m in pattern.finditer(text)})  # fmt: skip


# --- 1. the decision and its reason, linked as Spanish links them -------------------------
#: The words that say the decision itself.
DECIDED = re.compile(r"retir|declin|no voy a aceptar|no aceptar|renunci", re.IGNORECASE)
#: Words of each given reason, as every voice of the pack says it.
REASON_WORDS = {
    Reason.OTHER_OFFER: r"otr[ao] (empresa|propuesta|puesto)",
    Reason.NOT_A_FIT: r"encaja|no es lo que",
    Reason.COMPENSATION: r"remuneraci|retribuci|econ[oó]mic|salarial",
    Reason.PERSONAL: r"personal",
    Reason.RELOCATION: r"traslad|mudanza|residencia",
    Reason.DIFFERENT_PATH: r"rumbo|direcci[oó]n",
}
WRITTEN = [Channel.EMAIL, Channel.LINKEDIN, Channel.RECRUITER]


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
def test_the_brief_voice_gives_decision_and_reason_in_one_sentence(
    composer: Composer, address: Address
) -> None:
    """ "Retiro mi candidatura. Mis circunstancias personales han cambiado." reads as
    translated: Spanish says "Por motivos personales, he decidido…" or "…, por lo que…"."""
    found = []
    cases = itertools.product(Stage, REASON_WORDS, WRITTEN, (1, 2, 3))
    for n, (stage, reason, channel, wording) in enumerate(cases):
        s = spanish(stage=stage, reason=reason, channel=channel, voice=Voice.BRIEF,
                    address=address, wording=wording, **FACTS[n % len(FACTS)])  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        words = re.compile(REASON_WORDS[reason], re.IGNORECASE)
        if not any(DECIDED.search(x) and words.search(x) for x in sentences(body)):
            found.append(f"{stage.value}/{reason.value}/{channel.value}: {body}")
    assert not found, f"{len(found)} drafts, e.g.\n" + "\n\n".join(found[:3])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_rescinded_acceptance_reflects_before_it_does_not_fit(
    composer: Composer, voice: Voice
) -> None:
    """ "Tengo que retirar mi aceptación de la oferta. El puesto no encaja con lo que busco."
    leaves the reader wondering why they said yes: the misfit follows reflection."""
    reflective = re.compile(
        r"tras pensarlo|tras mucho pensarlo|después de (pensarlo|conocer)|he llegado a la"
        r" conclusión|me ha hecho ver|tras reflexionar", re.IGNORECASE)  # fmt: skip
    for address, channel, wording in itertools.product(Address, WRITTEN, (1, 2, 3)):
        s = spanish(stage=Stage.ACCEPTED, reason=Reason.NOT_A_FIT, channel=channel,
                    voice=voice, address=address, wording=wording)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        misfit = [x for x in sentences(body) if re.search(REASON_WORDS[Reason.NOT_A_FIT], x)]
        assert misfit and all(reflective.search(x) for x in misfit), body


def test_no_comma_before_y(texts: list[tuple[Voice, Address, str]]) -> None:
    """ "Mi decisión es firme, y espero…", "Lo entiendo, y lo siento…": English commas."""
    assert not (found := found_in(texts, re.compile(r",\s+y\s"))), "\n".join(found[:8])


def test_a_personal_reason_claims_no_change_and_a_formal_letter_no_asi_que(
    composer: Composer, texts: list[tuple[Voice, Address, str]]
) -> None:
    """ "Mis circunstancias personales han cambiado" asserts a change the user never said
    (any personal reason is "por motivos personales"); "así que" is colloquial in a letter,
    and "…, así que prefiero no seguir adelante" after the decision says it twice."""
    found = []
    for voice, address, stage, channel in itertools.product(Voice, Address, Stage, Channel):
        s = spanish(stage=stage, reason=Reason.PERSONAL, channel=channel, voice=voice,
                    address=address)  # fmt: skip
        for text in every_text(composer, s, "asked-why"):
            found += re.findall(r"han cambiado|cambio en mis circunstancias", text)
    found += found_in(texts, re.compile(r"así que"), voices=[Voice.FORMAL])
    assert not found, found[:5]


# --- 2. calques of English process vocabulary -------------------------------------------------
CALQUES = re.compile(
    r"\b(su|tu) tiempo en el proceso|en el proceso con\b|el interés que hay detrás"
    r"|gracias por avisarme|generos[ao]s conmigo|ayuda a la reubicación"
    r"|apoyo a la reubicación|\bcomo hablamos\b|seguiré colaborando"
    r"|con mucho gusto lo hablamos",
    re.IGNORECASE,
)


def test_no_draft_calques_english_process_vocabulary(
    texts: list[tuple[Voice, Address, str]],
) -> None:
    """ "your time in the process", "the interest behind it", "thanks for the heads-up",
    "generous with their time", "relocation assistance" as a word-for-word noun…"""
    assert not (found := found_in(texts, CALQUES)), "\n".join(found[:8])


def test_relocation_assistance_is_ayuda_para_el_traslado(composer: Composer) -> None:
    for reply in ("none", "repayment"):
        s = spanish(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, channel=Channel.EMAIL,
                    relocation_assistance=Money.PAID)  # fmt: skip
        text = (composer.compose(s, PROFILE).body_text if reply == "none"
                else composer.compose_reply(s, PROFILE, reply).body_text)  # fmt: skip
        assert "la ayuda para el traslado" in text, text


# --- 3. replies keep the relationship line ----------------------------------------------------
RELATIONSHIP = re.compile(
    r"en contacto|lamento (sinceramente )?las molestias|muy buena impresión|volver a coincidir",
    re.IGNORECASE,
)


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("reply", ["counter-offer", "repayment"])
def test_a_reply_keeps_the_relationship_line_the_user_chose(
    composer: Composer, reply: str, address: Address
) -> None:
    """Door kept open, or the warm voice: the answer to a counter-offer or a repayment demand
    ends on the relationship, not on the refusal (staying in touch only when the door was
    kept open: the warm voice alone speaks well of the company); after rescinding, always
    (round 15: one line of regret or of the goodwill chosen); otherwise (and with red flags)
    it stays short."""
    for voice, stage, reason, channel, door in itertools.product(
        Voice,
        [Stage.FINAL, Stage.ACCEPTED],
        Reason,
        [Channel.EMAIL, Channel.LINKEDIN],
        [False, True],
    ):
        s = spanish(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                    keep_door_open=door, signing_bonus=Money.PAID)  # fmt: skip
        body = composer.compose_reply(s, PROFILE, reply).body_text
        kept = (door or voice is Voice.WARM or stage is Stage.ACCEPTED) and REASONS[reason].warm
        assert bool(RELATIONSHIP.search(body)) is kept, (voice, reason, door, body)


# --- 4. a verb with its subject and object; Spanish wishes -----------------------------------
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_every_call_says_whom_and_every_regret_says_what(composer: Composer, voice: Voice) -> None:
    """ "También me gustaría llamar personalmente" (call whom?) and "Siento que llegue tan
    cerca…" (what arrives?) are English ellipsis."""
    for address, stage, channel, contact in itertools.product(
        Address, Stage, Channel, ["Priya Nair", ""]
    ):
        s = spanish(stage=stage, channel=channel, voice=voice, address=address,
                    contact=contact, start_date=TODAY + dt.timedelta(days=10))  # fmt: skip
        for text in every_text(composer, s, "accepted"):
            assert not re.search(r"llamar personalmente(?! a \w)", text), text
            assert not re.search(r"siento que llegue", text, re.IGNORECASE), text


def test_usted_never_says_ojala_nor_an_english_closing_wish(
    texts: list[tuple[Voice, Address, str]],
) -> None:
    """ "Ojalá sigamos en contacto" is wistful and colloquial for usted ("Espero que…"),
    and "Mucha suerte con la búsqueda" is "good luck with your search" word for word."""
    ojala = found_in(texts, re.compile(r"ojal[aá]", re.I), addresses=[Address.FORMAL])
    wishes = found_in(texts, re.compile(r"(suerte|éxito|lo mejor) (con|en) la búsqueda", re.I))
    assert not ojala and not wishes, "\n".join([*ojala, *wishes][:8])


# --- 5. a date in the coming weeks, as a Spanish letter writes it -----------------------------
def test_a_near_date_names_the_weekday_and_no_year(composer: Composer) -> None:
    near, far = TODAY + dt.timedelta(days=7), TODAY + dt.timedelta(days=120)
    for start, expected in ((near, "el martes 8 de diciembre"), (far, "el 31 de marzo de 2027")):
        s = spanish(stage=Stage.OFFER, reason=Reason.RELOCATION, channel=Channel.EMAIL,
                    voice=Voice.WARM, start_date=start)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        assert expected in body, body
        assert ("2026" in body) is False, body
    ask = spanish(stage=Stage.OFFER, reason=Reason.RELOCATION, kind=Kind.NEGOTIATE,
                  deal_breaker=DealBreaker.SPONSORSHIP, decide_by=near, country="MX")  # fmt: skip
    draft = composer.compose(ask, PROFILE)
    assert "a más tardar el martes 8 de diciembre" in draft.body_text, draft.body_text
    assert "la visa" in f"{draft.subject} {draft.body_text}" and "visado" not in draft.body_text
