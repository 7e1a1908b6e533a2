"""The Spanish pack (issue 26): the conventions of a letter in Spanish, each over the matrix.

Stages x reasons x channels x voices x wordings x forms of address x facts x reply kinds,
written as a career coach in Spain or Latin America writes them: the greeting ends in a colon
("Estimada Sra. García:", "Hola, Marta:"), usted or tú through the whole message, a subject
that says the decision, a closing formula ("Atentamente,", "Un cordial saludo,"), dates as
"5 de marzo de 2027", opening question marks, "del"/"al" where Spanish contracts, nothing
that guesses the writer's sex, no English, and every rule of templates/es/wording/rules.toml.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

import pytest

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.addressing import team_addressee
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.draft import Draft
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice, negotiable
from bowout.core.tone_words import load_tone_words
from bowout.core.vocabulary import REPLY_KINDS, Address
from bowout.core.wording import parse_rules, violations

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+34 600 123 456")
NAMES = {"contact": "Jordan Lee", "role": "Analista de datos", "company": "Northwind",
         "recruiter": "Tom Baker"}  # fmt: skip
TYPED = [*NAMES.values(), PROFILE.name, PROFILE.email, PROFILE.phone, "LinkedIn"]
RULES = parse_rules((paths.pack_dir("es") / "wording" / "rules.toml").read_text(encoding="utf-8"))
TONE = load_tone_words("es")

#: Facts that between them reach every condition the wording names (cycled over the matrix).
FACTS = [
    {},
    dict(signing_bonus=Money.PAID, relocation_assistance=Money.PAID, visa_petition_started=True,
         sponsorship_required=True, start_date=TODAY + dt.timedelta(days=10),
         keep_door_open=True, rapport=True),
    dict(signing_bonus=Money.PROMISED, relocation_assistance=Money.PROMISED,
         start_date=TODAY + dt.timedelta(days=150), relocation_timeline_changed=True),
    dict(signing_bonus=Money.PAID, start_date=TODAY + dt.timedelta(days=40), keep_door_open=True),
    dict(via_recruiter=True, contact=""),
    dict(start_date=TODAY - dt.timedelta(days=30), linkedin_main=True),
    dict(negotiated=True, deal_breaker=DealBreaker.PAY, keep_door_open=True),
    dict(goodwill=tuple(Goodwill), keep_door_open=True, signing_bonus=Money.PAID,
         start_date=TODAY + dt.timedelta(days=10)),
    dict(goodwill=(Goodwill.REFERRAL,)),
    dict(goodwill=(Goodwill.HANDOVER,), keep_door_open=True),
    dict(goodwill=(Goodwill.STAY_IN_TOUCH,), relocation_timeline_changed=True),
]  # fmt: skip

#: English function words no Spanish sentence uses ("has", "me", "a" are Spanish too).
ENGLISH = re.compile(
    r"\b(the|and|you|your|with|for|of|to|is|are|be|have|this|that|would|could|please|thank"
    r"|thanks|regards|dear|hello|hi|my|we|our|it|not|but|at|by|from|if|when|about|after)\b",
    re.IGNORECASE,
)
#: Adjectives and participles that would agree with the writer, whose sex Bow Out does not
#: know ("Sigo interesado", "Estoy agradecida"): the pack says "me interesa", "le agradezco".
WRITER_AGREES = re.compile(
    r"\b(?:estoy|sigo|me siento|quedo|estaría|soy)\s+(?:muy\s+|tan\s+|realmente\s+)?"
    r"(?:interesad|agradecid|encantad|dispuest|convencid|decidid|segur|content|ilusionad)[oa]s?\b",
    re.IGNORECASE,
)
GREETING = re.compile(r"^(?:Estimad[oa] \S.*|Buenos días, \S.*|Hola, \S.*):$")
CLOSINGS = frozenset(
    {"Atentamente,", "Un cordial saludo,", "Reciba un cordial saludo.", "Recibe un cordial saludo.",
     "Un saludo,", "Saludos,", "Saludos cordiales,", "Un saludo cordial,", "Un abrazo,",
     "Con mis mejores deseos,"}
)  # fmt: skip
#: The tone coach's remarks on words, from templates/es/tone.toml: none may fall on a draft.
WORD_REMARKS = frozenset(
    {"missing-thanks", "unclear-withdrawal", "money-figure", "mixed-address", "criticism",
     "absolute"}
)  # fmt: skip
#: What a rescinded acceptance must never admit (the user's position is not for the message
#: to settle: no breach, no liability, no damages).
LIABILITY = re.compile(r"\b(?:incumpl|indemniz|perjuicio|responsabilidad|culpa)", re.IGNORECASE)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def spanish(**values: object) -> Situation:
    return Situation(language="es", **{**NAMES, **values})  # type: ignore[arg-type]


def matrix(voice: Voice, address: Address) -> list[Situation]:
    """One situation per stage x reason x channel, its wording and facts cycled."""
    out = []
    for n, (stage, reason, channel) in enumerate(itertools.product(Stage, Reason, Channel)):
        out.append(
            spanish(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                    wording=n % 3 + 1, **FACTS[n % len(FACTS)])
        )  # fmt: skip
    return out


def texts_of(draft: Draft) -> dict[str, tuple[str, dict[str, str]]]:
    s, channel = draft.situation, draft.channel
    written = facts_of_channel(s, channel, WRITTEN_AUDIENCE[channel], TODAY)
    texts = {"subject": (draft.subject, written), "body": (draft.body_text, written)}
    if draft.phone_script:
        spoken = facts_of_channel(s, channel, "spoken", TODAY)
        branches = "\n".join(f"{when}: {say}" for when, say in draft.phone_branches)
        texts["script"] = (f"{draft.phone_script}\n{branches}", spoken)
    return texts


def sentences(text: str) -> list[str]:
    return [x.strip().lower() for x in re.split(r"(?<=[.?!:])\s+", text) if len(x.strip()) > 3]


def spanish_problems(text: str, s: Situation) -> list[str]:
    """What a Spanish reader would mark in ``text`` written for ``s``."""
    found = []
    assert TONE is not None
    formal, informal = TONE.find("formal", text), TONE.find("informal", text)
    if s.address is Address.FORMAL and informal:
        found.append(f"tú in a message of usted: {[m.group() for m in informal]}")
    if s.address is Address.INFORMAL and formal:
        found.append(f"usted in a message of tú: {[m.group() for m in formal]}")
    plain = text
    for name in sorted(TYPED, key=len, reverse=True):
        plain = plain.replace(name, " ")
    found += [f"English: {w}" for w in ENGLISH.findall(plain)]
    said = sentences(text)
    if len(said) != len(set(said)):
        found.append("a sentence is said twice")
    if "[" in text and (s.contact or s.channel is Channel.RECRUITER):
        found.append("a placeholder although every field it needs is filled")
    for line in text.splitlines():
        if line.count("?") != line.count("¿"):
            found.append(f"a question without its opening mark: {line}")
    if re.search(r"\b(?:de|a) el\b", text):
        found.append("'de el' / 'a el' where Spanish writes 'del' / 'al'")
    if WRITER_AGREES.search(text):
        found.append(f"agrees with the writer's sex: {WRITER_AGREES.search(text)}")
    return found


# --- the whole matrix: rules, address, English, repetition, placeholders -----------------
@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_spanish_matrix_keeps_its_rules_and_conventions(
    composer: Composer, voice: Voice, address: Address
) -> None:
    problems: list[str] = []
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(matrix(voice, address)):
        draft = composer.compose(s, PROFILE)
        channel = s.channel.value if s.channel else "-"
        where = f"{s.stage.value}/{s.reason.value}/{channel}/w{s.wording}"
        texts = texts_of(draft)
        found = [str(v) for v in violations(RULES, texts)]
        found += [f"the tone coach: {f.code}" for f in draft.findings if f.code in WORD_REMARKS]
        for text, _facts in texts.values():
            found += spanish_problems(text, s)
        reply = kinds[n % len(kinds)]
        answer = composer.compose_reply(s, PROFILE, reply)
        facts = facts_of_reply(s, draft.channel, reply, TODAY)
        # An answer keeps every rule but the goodwill a withdrawal must repeat.
        found += [str(v) for v in violations(RULES, {"body": (answer.body_text, facts)})
                  if not v.rule.startswith("a-chosen-")]  # fmt: skip
        found += [f"reply {reply}: {p}" for p in spanish_problems(answer.body_text, s)]
        problems += [f"{where}: {p}" for p in found]
    assert not problems, "\n".join(problems[:20])


def test_every_request_to_talk_in_spanish_keeps_the_rules(composer: Composer) -> None:
    problems: list[str] = []
    pairs = [(st, r) for st, r in itertools.product(Stage, Reason) if negotiable(st, r)]
    for n, ((stage, reason), breaker) in enumerate(itertools.product(pairs, DealBreaker)):
        voice, address = list(Voice)[n % 3], list(Address)[n % 2]
        channel = list(Channel)[n % 4]
        decide_by = TODAY + dt.timedelta(days=5) if n % 2 else None
        s = spanish(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                    kind=Kind.NEGOTIATE, deal_breaker=breaker, decide_by=decide_by)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        found = [str(v) for v in violations(RULES, texts_of(draft))]
        for text, _facts in texts_of(draft).values():
            found += spanish_problems(text, s)
        found += [f"the tone coach: {f.code}" for f in draft.findings if f.code in WORD_REMARKS]
        # A date in the coming weeks: its weekday, no year (the pack's date_near).
        if decide_by and "a más tardar el viernes 4 de diciembre" not in draft.body_text:
            found.append("the decision date is not 'a más tardar el viernes 4 de diciembre'")
        assert draft.phone_script and "Preguntar: «" in draft.phone_script
        problems += [f"{stage.value}/{reason.value}/{breaker.value}: {p}" for p in found]
    assert not problems, "\n".join(problems[:20])


# --- the greeting: its form, the title and the gender it shows, and its colon -------------
@pytest.mark.parametrize(
    ("contact", "voice", "first_line", "with_tu"),
    [
        ("Sra. Marta García", Voice.FORMAL, "Estimada Sra. García:", "Buenos días, Marta:"),
        # "Dr." in a name typed once for every language says no sex ("How to address
        # them" does: tests/core/test_pack_es_panel.py), so Spanish's masculine «Dr.» is
        # not written: the first name instead (the final panel, issue 26).
        ("Dr. Luis Pérez", Voice.FORMAL, "Buenos días, Luis:", "Buenos días, Luis:"),
        ("Sr. Luis Pérez", Voice.FORMAL, "Estimado Sr. Pérez:", "Buenos días, Luis:"),
        ("Dra. Ana Ruiz", Voice.WARM, "Estimada Dra. Ruiz:", "Buenos días, Ana:"),
        # Never the full name in a greeting: it reads as a mail merge.
        ("Marta García", Voice.FORMAL, "Buenos días, Marta:", "Buenos días, Marta:"),
        ("Marta García", Voice.WARM, "Buenos días, Marta:", "Buenos días, Marta:"),
        ("Jordan Lee", Voice.BRIEF, "Hola, Jordan:", "Hola, Jordan:"),
        (
            "jobs@northwind.example",
            Voice.FORMAL,
            "Estimado equipo de selección de Northwind:",
            "Estimado equipo de selección de Northwind:",
        ),
    ],
)
def test_the_greeting_ends_in_a_colon_and_shows_gender_only_from_a_title(
    composer: Composer, contact: str, voice: Voice, first_line: str, with_tu: str
) -> None:
    """With tú, the first name: a title and family name, then tú, mix two registers."""
    for address in Address:
        s = spanish(stage=Stage.FINAL, reason=Reason.OTHER_OFFER, channel=Channel.EMAIL,
                    voice=voice, contact=contact, address=address)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        greeting, blank, text = body.split("\n")[:3]
        assert greeting == (first_line if address is Address.FORMAL else with_tu)
        assert blank == "" and text[0].isupper()  # a new paragraph, capitalised, after ":"


def test_every_greeting_is_spanish_with_a_colon_and_never_guesses(composer: Composer) -> None:
    for voice, address, channel, stage in itertools.product(Voice, Address, Channel, Stage):
        s = spanish(stage=stage, reason=Reason.PERSONAL, channel=channel, voice=voice,
                    address=address)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        first = draft.body_text.split("\n", 1)[0]
        assert GREETING.match(first), first
        assert "Estimad" not in first or voice is Voice.FORMAL or "equipo" in first
        assert not re.search(r"Estimad[oa] (Jordan|Tom)", first), first  # no guessed sex
        if draft.phone_script:
            assert "Saludar: «Hola, Jordan, " in draft.phone_script


def test_a_call_to_a_team_says_good_morning_rather_than_a_name(composer: Composer) -> None:
    s = spanish(stage=Stage.OFFER, reason=Reason.OTHER_OFFER, channel=Channel.PHONE,
                contact="rrhh@northwind.example")  # fmt: skip
    script = composer.compose(s, PROFILE).phone_script or ""
    assert "«Hola, buenos días, soy Riley Quinn." in script
    assert "Si salta el buzón de voz: «Hola, buenos días, soy Riley Quinn y le llamo" in script


# --- usted or tú, through the whole message ----------------------------------------------
def test_tu_is_used_throughout_when_the_relationship_is_informal(composer: Composer) -> None:
    assert TONE is not None
    for voice, stage, channel in itertools.product(Voice, Stage, Channel):
        base = spanish(stage=stage, reason=Reason.OTHER_OFFER, channel=channel, voice=voice,
                       goodwill=tuple(Goodwill), keep_door_open=True)  # fmt: skip
        formal = composer.compose(base, PROFILE)
        informal = composer.compose(dataclasses.replace(base, address=Address.INFORMAL), PROFILE)
        for a, b in ((formal.body_text, informal.body_text),
                     (formal.phone_script or "", informal.phone_script or "")):  # fmt: skip
            if TONE.find("formal", a):  # where usted shows, tú shows instead
                assert TONE.find("informal", b) and not TONE.find("formal", b), b
            assert not TONE.find("informal", a), a


# --- subject, closing formula, reply subject ---------------------------------------------
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_subject_says_the_decision_in_spanish_sentence_case(
    composer: Composer, voice: Voice
) -> None:
    said = {Stage.ACCEPTED: "retiro mi aceptación", Stage.OFFER: "declino la oferta"}
    written = [Channel.EMAIL, Channel.PHONE, Channel.RECRUITER]
    for stage, channel in itertools.product(Stage, written):
        s = spanish(stage=stage, reason=Reason.NOT_A_FIT, channel=channel, voice=voice)
        subject = composer.compose(s, PROFILE).subject
        expected = said.get(stage, "me retiro del proceso" if channel is Channel.RECRUITER
                            else "retiro mi candidatura")  # fmt: skip
        assert expected in subject.lower(), subject
        assert not subject.endswith(".") and subject[0].isupper()
        if channel is Channel.PHONE:
            assert subject.startswith("Tras nuestra llamada: ")
        words = re.findall(r"[^\W\d_]+", subject.replace(NAMES["role"], ""))
        assert all(w.islower() for w in words[1:] if w != "Northwind"), subject  # no Title Case
    reply = composer.compose_reply(spanish(stage=Stage.OFFER, voice=voice), PROFILE, "accepted")
    assert reply.subject.startswith("RE: Declino la oferta")


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
def test_each_letter_closes_with_a_spanish_formula(composer: Composer, address: Address) -> None:
    for voice, stage, channel, reason in itertools.product(
        Voice, Stage, [Channel.EMAIL, Channel.RECRUITER, Channel.LINKEDIN], Reason
    ):
        s = spanish(stage=stage, reason=reason, channel=channel, voice=voice, address=address)
        lines = composer.compose(s, PROFILE).body_text.split("\n")
        closing = lines[lines.index("Riley Quinn") - 1]
        assert closing in CLOSINGS, closing
        if address is Address.INFORMAL:
            assert closing != "Reciba un cordial saludo."
        else:
            assert closing not in {"Recibe un cordial saludo.", "Un abrazo,"}
        if channel is Channel.LINKEDIN:
            assert closing not in {"Atentamente,", "Reciba un cordial saludo."}
    # «Atentamente» closes «Estimada Sra. …:»; a first name closes «Un cordial saludo» (round 21).
    formal = spanish(
        stage=Stage.FINAL, channel=Channel.EMAIL, voice=Voice.FORMAL, contact="Sra. Lee"
    )
    assert "\nAtentamente,\nRiley Quinn" in composer.compose(formal, PROFILE).body_text


# --- dates, as Spanish writes them ----------------------------------------------------------
def test_dates_read_as_spanish_writes_them(composer: Composer) -> None:
    start = dt.date(2027, 3, 5)
    rescind = spanish(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, channel=Channel.EMAIL,
                      relocation_timeline_changed=True, start_date=start)  # fmt: skip
    body = composer.compose(rescind, PROFILE).body_text
    assert "no podría incorporarme el 5 de marzo de 2027" in body
    ask = spanish(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                  deal_breaker=DealBreaker.PAY, decide_by=dt.date(2027, 1, 12))  # fmt: skip
    draft = composer.compose(ask, PROFILE)
    # Six weeks ahead: near, so the weekday and no year; the start in March keeps its year.
    assert "a más tardar el martes 12 de enero." in draft.body_text
    assert "a más tardar el martes 12 de enero." in (draft.phone_script or "")
    for text in (body, draft.body_text, draft.phone_script or ""):
        assert not re.search(r"\b(January|March|Marzo|Enero)\b|\d{4}-\d\d-\d\d", text)


# --- the phone script and its branches -------------------------------------------------------
def test_the_phone_script_is_spanish_in_its_steps_and_quotes(composer: Composer) -> None:
    s = spanish(stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.PHONE,
                signing_bonus=Money.PAID, goodwill=tuple(Goodwill))  # fmt: skip
    draft = composer.compose(s, PROFILE)
    script = draft.phone_script or ""
    assert script.startswith("Antes de llamar: buscar un lugar tranquilo y tener delante la carta")
    for step in (
        "1. Saludar: «",
        "2. Dar las gracias: «",
        "3. Decirlo con claridad: «",
        "Si preguntan el motivo: «",
        "Reconocer las molestias: «",
        "Resolver la parte práctica: «",
        "Ofrecer ayuda: «",
        "Despedirse: «",
    ):
        assert step in script, step
    assert '"' not in script and "“" not in script
    titles = [when for when, _say in draft.phone_branches]
    assert titles[0].startswith("Si insisten")
    assert all(say.startswith("«") and say.endswith("»") for _w, say in draft.phone_branches)


# --- the truth: what rescinding may say ----------------------------------------------------
def test_rescinding_apologises_once_and_admits_no_liability(composer: Composer) -> None:
    for voice, address, channel, reason in itertools.product(Voice, Address, Channel, Reason):
        s = spanish(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                    address=address, signing_bonus=Money.PAID,
                    start_date=TODAY + dt.timedelta(days=7))  # fmt: skip
        draft = composer.compose(s, PROFILE)
        for text in (draft.body_text, draft.phone_script or ""):
            assert not LIABILITY.search(text), text
            assert not re.search(r"\bdevolver[eé]\b|\bpagar[eé]\b", text)  # discussed, not promised
        sorry = re.findall(r"disculpa|lament|lo siento|siento", draft.body_text, re.IGNORECASE)
        assert len(sorry) <= 2, draft.body_text  # one apology (a regret may open the decision)


def test_a_promised_bonus_is_never_owed_and_the_reply_says_nothing_was_received(
    composer: Composer,
) -> None:
    for address in Address:
        s = spanish(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, channel=Channel.EMAIL,
                    signing_bonus=Money.PROMISED, address=address)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        assert "prima" not in body and "devoluci" not in body
        answer = composer.compose_reply(s, PROFILE, "repayment").body_text
        assert "no he recibido ningún pago de Northwind" in answer
        assert "Gracias por" in answer


def test_three_wordings_per_voice_for_the_common_withdrawals(composer: Composer) -> None:
    for voice, stage, address in itertools.product(
        Voice, [Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED], Address
    ):
        base = spanish(stage=stage, reason=Reason.OTHER_OFFER, channel=Channel.EMAIL,
                       voice=voice, address=address)  # fmt: skip
        bodies = [composer.compose(dataclasses.replace(base, wording=n), PROFILE)
                  for n in (1, 2, 3)]  # fmt: skip
        assert bodies[0].wordings >= 3
        assert len({d.body_text for d in bodies}) == 3, (voice, stage)


def test_a_team_is_never_addressed_as_one_person(composer: Composer) -> None:
    """Nobody named (a batch application without a contact): "Estimado equipo de
    selección de Northwind:", and no usted or tú of one person after it."""
    assert TONE is not None
    for voice, address, stage, reason in itertools.product(Voice, Address, Stage, Reason):
        s = spanish(stage=stage, reason=reason, channel=Channel.EMAIL, voice=voice,
                    address=address, contact="", greeting=team_addressee("Northwind", "es"),
                    goodwill=tuple(Goodwill),
                    signing_bonus=Money.PAID, keep_door_open=True)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        assert "equipo de selección de Northwind:" in body.split("\n", 1)[0]
        one_person = TONE.find("formal", body) + TONE.find("informal", body)
        assert not one_person, (voice, address, stage, reason, body)
        assert "Reciba" not in body and "Recibe" not in body
