"""A native German reader's findings on the German pack (issue 26, seed 61), each made a
kind and checked over the German matrix (stages x reasons x channels x voices x forms of
address, with wordings, contacts, facts and reply kinds cycled through it):

1. The greeting and the closing formula are a pair, declared once
   (``[closing]`` in ``templates/de/pack.toml``): "Sehr geehrte/r" closes "Mit freundlichen Grüßen",
   "Liebe/r" "Viele" or "Herzliche Grüße", "Guten Tag" and "Hallo" "Viele" or "Beste
   Grüße"; nobody is greeted "Hallo" in the Sie form when an accepted offer is taken back;
   a letter thanks with "vielen Dank", never a bare lower-case "danke"; a Swiss draft
   (the job's country CH) writes "Grüsse" and holds no ß at all.
2. Closings are German idiom, not English in German words: no "Alles Gute / Viel Erfolg
   bei (für) der Suche" ("good luck with your search": the employer fills a role), no "Ich
   hoffe, wir bleiben in Kontakt" ("I hope we stay in touch").
3. No bare withdrawal sentence: the decision is softened ("leider", "nach reiflicher
   Überlegung") and the letter names the role; a personal reason is joined to the decision
   ("Aus persönlichen Gründen ziehe ich …"), never "my situation has changed"; a new
   direction is not "vorerst" (for now), which makes the decision sound temporary.
4. People in the third person are "Herrn/Frau [Dr.] Nachname" as the user typed the
   Anrede, never the bare full name beside it.
5. No English sentence shape: no semicolon chains, none of the phrases the reader quoted
   ("die Sache", "rund um die Stelle", "Absage zum Angebot", …); facts left unused are
   acknowledged (a visa petition already started, the regret after rescinding).
6. The checklist note for Germany: notice ending a signed contract needs a handwritten
   signature (BGB § 623), an email is not enough; Austria and Switzerland have no such
   general form rule.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import re
from collections.abc import Iterator

import pytest
from test_pack_de import PROFILE, TODAY, Written, matrix, report

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.draft import REPLY_KINDS
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.vocabulary import Address

#: The closing formulas each greeting's first word allows (DIN 5008 and German usage).
PAIRS = {
    "Sehr": {"Mit freundlichen Grüßen", "Freundliche Grüße"},
    "Liebe": {"Viele Grüße", "Herzliche Grüße"},
    "Lieber": {"Viele Grüße", "Herzliche Grüße"},
    "Guten": {"Viele Grüße", "Beste Grüße", "Freundliche Grüße", "Mit freundlichen Grüßen"},
    "Hallo": {"Viele Grüße", "Beste Grüße"},
}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def compose_all(composer: Composer, situations: Iterator[Situation]) -> list[Written]:
    """Each situation's draft, with every reply kind for one in four, one for the rest."""
    out = []
    for n, s in enumerate(situations):
        draft = composer.compose(s, PROFILE)
        kinds = list(REPLY_KINDS) if n % 4 == 0 else [random.Random(n).choice(list(REPLY_KINDS))]
        replies = tuple(composer.compose_reply(s, PROFILE, kind) for kind in kinds)
        out.append(Written(s, draft, replies))
    return out


@pytest.fixture(scope="module")
def written(composer: Composer) -> list[Written]:
    return compose_all(composer, matrix())


@pytest.fixture(scope="module")
def swiss(composer: Composer) -> list[Written]:
    """Every third situation of the matrix, for a job in Switzerland."""
    picked = (dataclasses.replace(s, country="CH") for n, s in enumerate(matrix()) if n % 3 == 0)
    return compose_all(composer, picked)


#: English closings in German words (the reader's pattern 1).
CLOSING_CALQUES = re.compile(
    r"(?:Alles Gute|Viel Erfolg|erfolgreiche)\b[^.]*\bSuche|\bweitere[n]? Suche"
    r"|Suche\b[^.]*(?:alles Gute|viel Erfolg)|hoffe, wir bleiben in Kontakt"
    r"|Gern bleiben wir in Kontakt",
    re.IGNORECASE,
)


#: The sentence that says the decision, in a written message.
DECISION = re.compile(
    r"zurück(?:zu)?zieh|zieh\w* [^.]*zurück|zurücknehm|nicht an(?:zunehmen|nehmen|nehme)?\b"
    r"|ablehn|lehne|absag|abzusag|\bsage\b[^.]*\bab\b"
)
#: What makes a German decision courteous rather than curt (or, after a call, a confirmation).
SOFTENED = re.compile(
    r"leider|reiflich|lange[rn]? Überlegung|sorgfältig|Bedauern|gut überlegt|Abwäg"
    r"|Nachdenken|entschlossen|eingehend|Wie besprochen|Wie am Telefon|Zur Bestätigung|erläutert",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.?!])\s+", text) if x.strip()]


def closing_of(letter: str) -> str:
    """The closing formula: the first line of the letter's last block (before the name)."""
    return letter.rsplit("\n\n", 1)[1].split("\n", maxsplit=1)[0]


def test_the_closing_formula_is_the_pair_of_the_greeting(written: list[Written]) -> None:
    problems = []
    for w in written:
        for letter in w.letters():
            greeting, closing = letter.split("\n", 1)[0], closing_of(letter)
            if closing not in PAIRS.get(greeting.split(" ", 1)[0].rstrip(","), set()):
                problems.append(f"{w.where}: {greeting!r} ... {closing!r}")
    assert not problems, report(problems)


def test_taking_back_an_accepted_offer_never_greets_hallo_in_the_sie_form(
    written: list[Written],
) -> None:
    rescinds = [w for w in written if w.situation.stage is Stage.ACCEPTED
                and w.situation.address is Address.FORMAL]  # fmt: skip
    assert rescinds
    problems = [f"{w.where}: {letter.split(chr(10), 1)[0]!r}" for w in rescinds
                for letter in w.letters() if letter.startswith("Hallo")]  # fmt: skip
    assert not problems, report(problems)


def test_a_letter_thanks_with_vielen_dank_never_a_bare_danke(written: list[Written]) -> None:
    problems = []
    for w in written:
        for letter in w.letters():
            first = letter.split("\n\n", 2)[1]
            if re.match(r"danke\b", first):
                problems.append(f"{w.where}: {first[:50]!r}")
    assert not problems, report(problems)


def test_a_swiss_draft_writes_grusse_and_no_eszett(swiss: list[Written]) -> None:
    problems = []
    for w in swiss:
        checklist = [item.text for item in w.draft.checklist]
        for text in (*w.texts(), *checklist):
            if "ß" in text:
                at = text.index("ß")
                problems.append(f"{w.where}: {text[max(0, at - 30) : at + 10]!r}")
        for letter in w.letters():
            if not closing_of(letter).endswith(("Grüsse", "Grüssen")):
                problems.append(f"{w.where}: closing {closing_of(letter)!r}")
    assert not problems, report(problems)


def test_a_german_draft_keeps_the_eszett(composer: Composer, written: list[Written]) -> None:
    """Only Switzerland writes ss: Germany and Austria keep "Grüße"."""
    for w in written[:40]:
        for country in ("DE", "AT", ""):
            s = dataclasses.replace(w.situation, country=country)
            assert closing_of(composer.compose(s, PROFILE).body_text).endswith(("Grüße", "Grüßen"))


def test_closings_are_german_idiom_not_english_calques(written: list[Written]) -> None:
    problems = [f"{w.where}: {m.group()!r}" for w in written for text in w.texts()
                for m in [CLOSING_CALQUES.search(text)] if m]  # fmt: skip
    assert not problems, report(problems)
    closes = [w for w in written if "Für die Besetzung wünsche ich" in w.draft.body_text]
    assert closes  # the idiom the reader gave is there


def test_no_bare_withdrawal_sentence(written: list[Written]) -> None:
    problems = []
    for w in written:
        s, body = w.situation, w.draft.body_text
        if s.kind is not Kind.WITHDRAW:
            continue
        decisions = [x for x in sentences(body.split("\n\n", 1)[1]) if DECISION.search(x)]
        if not decisions or not any(SOFTENED.search(x) for x in decisions):
            problems.append(f"{w.where}: bare decision {decisions}")
        if "Data Analyst" not in body:
            problems.append(f"{w.where}: the role is not named")
    assert not problems, report(problems)


def test_a_personal_reason_is_joined_to_the_decision(written: list[Written]) -> None:
    personal = [w for w in written if w.situation.reason is Reason.PERSONAL]
    assert personal
    problems = []
    for w in personal:
        s = w.situation
        for text in w.texts():
            found = re.search(r"Situation hat sich geändert|Veränderung meiner persönlichen", text)
            if found:
                problems.append(f"{w.where}: {found.group()!r}")
        joined = (
            s.kind is Kind.WITHDRAW and not s.negotiated and w.draft.channel is not Channel.PHONE
        )
        decided = [x for x in sentences(w.draft.body_text) if DECISION.search(x)]
        if joined and not any("aus persönlichen gründen" in x.casefold() for x in decided):
            problems.append(f"{w.where}: not joined: {decided}")
    assert not problems, report(problems)


def test_a_new_direction_is_not_for_now(written: list[Written]) -> None:
    new_path = [w for w in written if w.situation.reason is Reason.DIFFERENT_PATH]
    assert new_path
    problems = [f"{w.where}" for w in new_path for text in w.texts() if "vorerst" in text]
    assert not problems, report(problems)


@pytest.mark.parametrize(
    ("anrede", "contact", "named"),
    [
        ("Frau Dr. Okafor", "Amara Okafor", "Frau Dr. Okafor"),
        ("Herr Herrera", "Tomás Herrera", "Herrn Herrera"),
        ("Frau Prof. Dr. Weber", "Eva Weber", "Frau Prof. Dr. Weber"),
    ],
)
def test_people_are_named_as_the_user_addressed_them(
    composer: Composer, anrede: str, contact: str, named: str
) -> None:
    """The person the recruiter is asked to inform, and whom a call for more time asks
    for, is "Herrn/Frau [Dr.] Nachname" as the user typed it, never the bare full name
    (the reader's drafts 4 and 5); the recruiter, too, once a title is known."""
    for stage, kind, voice in itertools.product(
        (Stage.INTERVIEWING, Stage.ACCEPTED), (Kind.WITHDRAW, Kind.NEGOTIATE), Voice
    ):
        s = Situation(
            stage=stage, reason=Reason.NOT_A_FIT, channel=Channel.RECRUITER, kind=kind,
            voice=voice, contact=contact, greeting=anrede, recruiter="Herr Tom Baker",
            deal_breaker=DealBreaker.SCOPE if kind is Kind.NEGOTIATE else None,
            language="de", role="Data Analyst", company="Northwind GmbH",
        )  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        assert contact not in body, body
        if kind is Kind.WITHDRAW or voice is not Voice.BRIEF:
            assert named in body, body
    called = Situation(stage=Stage.FINAL, reason=Reason.RED_FLAGS, channel=Channel.PHONE,
                       contact=contact, greeting=anrede, recruiter="Herr Tom Baker",
                       language="de", role="Data Analyst", company="Northwind GmbH")  # fmt: skip
    branches = " ".join(words for _, words in composer.compose(called, PROFILE).phone_branches)
    # No feedback is promised through the recruiter (a promise the user did not make), so
    # the branches name the recruiter nowhere, and never by the full name as typed.
    assert "Tom Baker" not in branches and "Gedanken weiter" not in branches, branches


#: English sentence shapes in German words the reader quoted (drafts 1, 2, 3, 8, 10).
ENGLISH_SHAPES = re.compile(
    r"die Sache neu|Überlegungen dahinter|rund um die Stelle|Absage zum Angebot|sehr großzügig"
    r"|Nachricht schwer ist|Kritisches habe ich|für den Hinweis|späte Antwort|Kandidatur"
    r"|auf die sie sich stützen|Dann kann ich sie prüfen|Gehaltsvorstellungen, deshalb"
)


def test_no_english_sentence_shape(written: list[Written]) -> None:
    """No semicolon chain in anything the user sends or says, and none of the English
    shapes the reader quoted."""
    problems = []
    for w in written:
        for text in w.texts():
            found = ENGLISH_SHAPES.search(text)
            if found or ";" in text:
                at = found.start() if found else text.index(";")
                problems.append(f"{w.where}: {text[max(0, at - 40) : at + 20]!r}")
    assert not problems, report(problems)


def test_facts_left_unused_are_acknowledged(composer: Composer) -> None:
    """A visa petition the employer started is acknowledged in one plain line that tells
    them nothing to do; declining a counter-offer keeps the door the user keeps open; an
    answer about repaying money after rescinding has one human line of regret that admits
    nothing."""
    for voice, address in itertools.product(Voice, Address):
        petition = Situation(  # a petition waits for an accepted offer (issue 21)
            stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.EMAIL,
            voice=voice, address=address, contact="Priya Nair", greeting="Frau Nair",
            visa_petition_started=True, sponsorship_required=True, language="de",
            role="Operations Lead", company="Tailspin Toys",
        )  # fmt: skip
        body = composer.compose(petition, PROFILE).body_text
        assert body.count("Visumsverfahren") == 1, body
        repay = Situation(
            stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, voice=voice, address=address,
            contact="Priya Nair", greeting="Frau Nair", signing_bonus=Money.PAID,
            relocation_assistance=Money.PAID, language="de", role="Data Analyst",
            company="Fabrikam",
        )  # fmt: skip
        door = dataclasses.replace(
            petition, stage=Stage.FINAL, keep_door_open=True, visa_petition_started=False
        )
        text = composer.compose_reply(door, PROFILE, "counter-offer").body_text
        kept = r"in Kontakt (?:zu )?bleiben|bleibe ich mit (?:Ihnen|dir) in Kontakt"
        assert re.search(kept, text), text  # the door kept open (draft 3)
        text = composer.compose_reply(repay, PROFILE, "repayment").body_text
        assert ("tut mir leid" in text and "zurückfordert" in text) or "zurückfordern" in text, text
        assert not re.search(r"\bich (?:zahle|werde)\b[^.]*zurück", text), text


def test_the_german_checklist_note_says_notice_needs_a_handwritten_signature(
    composer: Composer,
) -> None:
    """BGB § 623 with § 126: notice ending a signed contract in Germany is a paper letter
    signed by hand, so an email does not end it; Austria and Switzerland set no such
    general form. Each note stands in the checklist of a German rescind, followed by the
    "not legal advice" line."""
    from bowout.core.country_notes import country_note, not_advice

    germany = country_note("DE")
    assert "BGB § 623" in germany and "handwritten signature" in germany
    assert "email does not end" in germany
    for code in ("AT", "CH"):
        assert "no general written form" in country_note(code), code
    for code in ("DE", "AT", "CH"):
        s = Situation(stage=Stage.ACCEPTED, reason=Reason.PERSONAL, country=code,
                      language="de", contact="Frau Anna Schäfer", role="Data Analyst",
                      company="Fabrikam")  # fmt: skip
        steps = [item.text for item in composer.compose(s, PROFILE).checklist]
        at = steps.index(country_note(code))
        assert steps[at + 1] == not_advice()
