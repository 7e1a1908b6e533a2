"""The Spanish pack against what the final native panel of session 6 marked (issue 26).

Each test is one kind of slip, checked over every situation that could show it: a reply cut
to one clause («Gracias, pero mi decisión es firme.») where a letter needs two sentences and
says what the thanks is for; forms of address carried over from English (a greeting with the
full name, "Dr." with no gender known, «Hola» before a title); a call script and its email
that do not tell the same facts.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.vocabulary import REPLY_KINDS, Address

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+34 600 123 456")
NAMES = {"contact": "Priya Nair", "role": "Analista de datos", "company": "Fabrikam",
         "recruiter": "Tom Baker"}  # fmt: skip


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def spanish(**values: object) -> Situation:
    return Situation(language="es", **{**NAMES, **values})  # type: ignore[arg-type]


def body_of(text: str) -> str:
    """A letter without its greeting and its sign-off with the signature."""
    return text.split("\n\n", 1)[-1].rsplit("\n\n", 1)[0]


def sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.?!])\s+", text.strip()) if x]


# --- 1. a reply is a letter, not one spoken clause ------------------------------------------
@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_reply_says_what_the_thanks_is_for_and_a_letter_has_two_sentences(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """Every reply thanks for something named («Gracias por…», «Le agradezco…»), never a
    bare «Gracias, pero…»; the warm and formal voices answer in at least two sentences, and
    the brief one in one whole sentence of at least eight words (short, not curt)."""
    found = []
    for stage, reason, reply, door in itertools.product(Stage, Reason, REPLY_KINDS, (False, True)):
        s = spanish(stage=stage, reason=reason, voice=voice, address=address,
                    keep_door_open=door, channel=Channel.EMAIL)  # fmt: skip
        try:
            body = body_of(composer.compose_reply(s, PROFILE, reply).body_text)
        except ValueError:
            continue  # a reply kind this situation cannot have
        said = sentences(body)
        thanks = re.search(r"\b(gracias por|agradezco|agradecerle|agradecerte)\b", body, re.I)
        short = len(said) < 2 if voice is not Voice.BRIEF else len(body.split()) < 8
        if not thanks or "Gracias, pero" in body or short:
            found.append(f"{stage.value}/{reason.value}/{reply}/{door}: {body}")
    assert not found, "\n".join(sorted(set(found))[:12])


# --- 2. forms of address as a Spanish letter and call write them ----------------------------
CONTACTS = ["Priya Nair", "Dr. Amara Okafor", "Ms. Priya Nair", "Sra. Lucía García",
            "Dra. Ana Ruiz"]  # fmt: skip
#: A title before a name, abbreviated (the panel: «Hola» with a title mixes registers).
TITLE = r"(?:Sra?|Srta|Dra?|Mrs?|Ms|Prof)\.?\s+\w+|señora|señor|señorita|doctora?"


def greetings(composer: Composer, s: Situation) -> list[str]:
    """Every line that greets someone: each text's first line, the call's first step and
    its voicemail."""
    d = composer.compose(s, PROFILE)
    texts = [d.body_text, d.linkedin_message or "", d.recruiter_note or ""]
    lines = [t.split("\n", 1)[0] for t in texts if t]
    script = (d.phone_script or "").split("\n")
    lines += [x for x in script if x.startswith("1.") or "buzón de voz:" in x]
    return lines


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_greeting_never_names_the_full_name_nor_guesses_a_gender(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """Over names x channels x stages x rapport: no greeting holds first and family name
    together («Buenos días, Priya Nair:» reads as a mail merge); an English "Dr." (no
    gender known) never becomes the masculine «Dr.», an English "Ms." is written «Sra.»;
    a title is never greeted with «Hola» (written or spoken: «Buenos días, señora García»)."""
    found = []
    cases = itertools.product(CONTACTS, Channel, (Stage.INTERVIEWING, Stage.ACCEPTED),
                              (False, True))  # fmt: skip
    for contact, channel, stage, rapport in cases:
        s = spanish(contact=contact, recruiter="Dr. Tom Baker", channel=channel, stage=stage,
                    voice=voice, address=address, rapport=rapport, via_recruiter=True)  # fmt: skip
        for line in greetings(composer, s):
            bad = re.search(r"Priya Nair|Amara Okafor|Ana Ruiz|Lucía García|Tom Baker", line)
            bad = bad or re.search(r"\b(?:Dr|Ms|Mrs|Mr)\.", line)
            bad = bad or re.search(rf"\bHola, (?:{TITLE})", line)
            if bad:
                found.append(f"{contact}/{channel.value}/{stage.value}/{rapport}: {line}")
    assert not found, "\n".join(sorted(set(found))[:12])


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
def test_linkedin_is_never_notarial(composer: Composer, address: Address) -> None:
    """A LinkedIn message in any voice, at any stage and wording, never takes the paper
    letter's ceremony («Le ruego que dé por retirada mi candidatura»)."""
    notarial = re.compile(r"\b(?:le|te) ruego\b|dé por retirada|des por retirada|por la presente")
    found = []
    for voice, stage, reason, wording in itertools.product(Voice, Stage, Reason, (1, 2, 3)):
        s = spanish(channel=Channel.LINKEDIN, voice=voice, stage=stage, reason=reason,
                    wording=wording, address=address, rapport=True)  # fmt: skip
        d = composer.compose(s, PROFILE)
        text = d.linkedin_message or d.body_text
        if notarial.search(text):
            found.append(f"{voice.value}/{stage.value}/{reason.value}/{wording}: {text}")
    assert not found, "\n".join(found[:6])


# --- 3. the call script and its email tell the same facts, and no branch undoes them --------
#: What a branch of the script must never say: a decision reopened after step 3 stated it,
#: or a promise the user never made (feedback later, bringing a future hire up to date).
REOPENS = re.compile(
    r"antes de decidirme|podría cambiar las cosas|compartiré|a través de|poner al día", re.I
)


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_script_names_what_its_email_names_and_never_reopens_the_decision(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """Over stages x reasons x (petition, money received, handover): a visa application
    under way and money received, when the confirming email names them, are named in the
    call too; no line of the script reopens the decision or promises more than the user
    offered."""
    found = []
    facts = [dict(visa_petition_started=True), dict(visa_petition_started=True,
             signing_bonus="paid", goodwill=("handover",), keep_door_open=True,
             recruiter="Alex Morgan", via_recruiter=True)]  # fmt: skip
    for stage, reason, fact in itertools.product(Stage, Reason, facts):
        s = spanish(stage=stage, reason=reason, channel=Channel.PHONE, voice=voice,
                    address=address, **fact)  # fmt: skip
        d = composer.compose(s, PROFILE)
        script, email = d.phone_script or "", d.body_text
        for said in ("solicitud de visa", "prima de incorporación"):
            if said in email and said not in script:
                found.append(f"{stage.value}/{reason.value}: the call omits «{said}»")
        if REOPENS.search(script):
            found.append(f"{stage.value}/{reason.value}: {REOPENS.search(script)[0]}")
    assert not found, "\n".join(sorted(set(found))[:12])


# --- 4. no word said twice in adjacent sentences -------------------------------------------
REPEATABLE = ("Analista de datos", "Fabrikam", "teléfono", "incorpor", "conversación")


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_adjacent_sentences_never_repeat_the_role_the_company_or_the_call(
    composer: Composer, voice: Voice
) -> None:
    """Over stages x reasons x channels x wordings: two sentences in a row never both name
    the role, the company, the call («Gracias por atenderme hoy por teléfono. Como le he
    comentado por teléfono…») or joining («no podré incorporarme… Me incorporaré a otra
    empresa.»): the second reads assembled."""
    found = []
    for stage, reason, channel, wording in itertools.product(Stage, Reason, Channel, (1, 2, 3)):
        s = spanish(stage=stage, reason=reason, channel=channel, voice=voice, wording=wording)
        d = composer.compose(s, PROFILE)
        for text in (d.body_text, d.linkedin_message or "", d.recruiter_note or ""):
            said = re.split(r"(?<=[.?!])\s+", text)
            for a, b in itertools.pairwise(said):
                for word in REPEATABLE:
                    if word in a and word in b:
                        found.append(f"{stage.value}/{reason.value}/{channel.value}: {a} | {b}")
    assert not found, "\n".join(sorted(set(found))[:8])
