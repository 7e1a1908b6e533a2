"""The French pack against what a native reader marked (issue 26, French panel 3).

Each test is one kind of slip the reader quoted, checked over the matrix of situations that
could show it: the decision and its reason said in one French sentence (never a clipped
thanks / decision / reason chain, nor two clauses chained by a colon), closers that are
English in disguise, flags the user set that got no sentence (keeping the door open,
rapport, an apology after rescinding, a visa petition under way), the reader's words (the
bonus, calques, a full name in a greeting) and near dates written without their year.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.draft import Draft
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.vocabulary import REASONS, REPLY_KINDS, Address

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley.quinn@example.org", "+44 20 7946 0321")
NAMES = {"contact": "Sam Whitfield", "role": "Operations Lead", "company": "Fabrikam",
         "recruiter": "Tom Baker"}  # fmt: skip
WRITTEN = (Channel.EMAIL, Channel.LINKEDIN, Channel.RECRUITER)

#: Facts cycled over the matrix so that every slot's variants are reached.
FACTS = [
    {},
    dict(signing_bonus=Money.PAID, relocation_assistance=Money.PAID, keep_door_open=True,
         start_date=TODAY + dt.timedelta(days=10), rapport=True),
    dict(goodwill=tuple(Goodwill), keep_door_open=True, signing_bonus=Money.PAID,
         start_date=TODAY + dt.timedelta(days=45), visa_petition_started=True),
    dict(via_recruiter=True, relocation_timeline_changed=True, rapport=True,
         visa_petition_started=True, sponsorship_required=True),
    dict(negotiated=True, deal_breaker=DealBreaker.PAY, keep_door_open=True),
]  # fmt: skip


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def french(**values: object) -> Situation:
    return Situation(language="fr", **{**NAMES, **values})  # type: ignore[arg-type]


def matrix(voice: Voice, address: Address = Address.FORMAL) -> Iterator[Situation]:
    cells = itertools.product(Stage, Reason, Channel)
    for n, (stage, reason, channel) in enumerate(cells):
        for wording in (1, 2, 3):
            yield french(stage=stage, reason=reason, channel=channel, voice=voice,
                         address=address, wording=wording, **FACTS[n % len(FACTS)])  # fmt: skip


def sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.?!])\s+", text.replace("\n", " ")) if x.strip()]


def body(draft: Draft) -> str:
    """The message between its greeting and its sign-off."""
    lines = draft.body_text.split("\n")
    return "\n".join(lines[2 : lines.index(PROFILE.name) - 1]).strip()


# --- 1. the decision and its reason, in one French sentence --------------------------------
#: The words that say each reason, whichever sentence carries them.
REASON_WORDS = {
    Reason.OTHER_OFFER: r"autre (offre|poste|proposition)|engagement ailleurs",
    Reason.NOT_A_FIT: r"ne correspond",
    Reason.COMPENSATION: r"rémunération|financière",
    Reason.PERSONAL: r"raisons personnelles",
    Reason.RELOCATION: r"déménag",  # déménagement, déménager
    Reason.DIFFERENT_PATH: r"orientation",
}
DECISION = re.compile(r"retir|me retire|décline|revenir sur mon acceptation", re.IGNORECASE)


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
def test_a_brief_message_says_its_decision_and_reason_in_one_sentence(
    composer: Composer, address: Address
) -> None:
    """ "J’ai décidé de retirer ma candidature. La rémunération ne correspond pas…" reads as
    translated: French joins the cause to the decision ("Après réflexion, je retire ma
    candidature, la rémunération envisagée ne correspondant pas à mes attentes")."""
    found = []
    for stage, reason, channel, wording in itertools.product(
        Stage, REASON_WORDS, WRITTEN, (1, 2, 3)
    ):
        s = french(stage=stage, reason=reason, channel=channel, voice=Voice.BRIEF,
                   address=address, wording=wording)  # fmt: skip
        told = sentences(body(composer.compose(s, PROFILE)))
        decision = next(x for x in told if DECISION.search(x))
        if not re.search(REASON_WORDS[reason], decision):
            found.append(f"{stage.value}/{reason.value}/{channel.value}: {decision}")
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_personal_reason_is_raisons_personnelles_never_a_change(
    composer: Composer, voice: Voice
) -> None:
    """ "Ma situation personnelle a changé" asserts a change the user never stated."""
    for address, stage, channel in itertools.product(Address, Stage, Channel):
        s = french(stage=stage, reason=Reason.PERSONAL, channel=channel, voice=voice,
                   address=address)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        text = f"{draft.body_text}\n{draft.phone_script or ''}"
        assert "raisons personnelles" in text, text
        assert not re.search(r"situation personnelle|a changé|changement", text), text


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_colon_chains_two_clauses_in_a_written_message(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """ "Je retire ma candidature : pourriez-vous en informer…" chains two clauses as English
    does with a dash: French writes two sentences (the subject line keeps its colon)."""
    found = set()
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(matrix(voice, address)):
        reply = composer.compose_reply(s, PROFILE, kinds[n % len(kinds)])
        for text in (body(composer.compose(s, PROFILE)), reply.body_text):
            found |= {x for x in sentences(text) if ":" in x}
    assert not found, "\n".join(sorted(found)[:10])


# --- 2. closers that are English in disguise --------------------------------------------------
ENGLISH_CLOSERS = re.compile(
    r"bonne chance|dans (ce|votre|ton) recrutement|suite du recrutement|souhaite le meilleur",
    re.IGNORECASE,
)


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_message_closes_with_an_english_wish(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """French people do not wish a recruiter luck with the search ("Bonne chance pour la
    suite du recrutement", "Bonne continuation dans ce recrutement", "Je vous souhaite le
    meilleur"): the wish is to find the right person, or a "belle continuation"."""
    found = set()
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(matrix(voice, address)):
        draft = composer.compose(s, PROFILE)
        reply = composer.compose_reply(s, PROFILE, kinds[n % len(kinds)])
        for text in (draft.body_text, draft.phone_script or "", reply.body_text):
            found |= {x for x in sentences(text) if ENGLISH_CLOSERS.search(x)}
    assert not found, "\n".join(sorted(found)[:10])


# --- 3. flags the user set that got no sentence ----------------------------------------------
DOOR = re.compile(
    r"recroiser (votre|ta) route|nos chemins se recroiseront|garderons le contact|me recontacter"
)


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_reply_keeps_the_door_open_when_the_user_chose_it(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """A reply to a counter-offer closed cold although "keep the door open" was set, and a
    reply about repayment to someone the user knows was purely transactional."""
    found = []
    for stage, reason, channel in itertools.product(Stage, Reason, Channel):
        s = french(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                   keep_door_open=True, signing_bonus=Money.PAID)  # fmt: skip
        for kind in ("accepted", "asked-why", "counter-offer"):
            text = composer.compose_reply(s, PROFILE, kind).body_text
            if not DOOR.search(text):
                found.append(f"{stage.value}/{reason.value}/{kind}: {text}")
        plain = french(stage=stage, reason=reason, channel=channel, voice=voice,
                       address=address)  # fmt: skip
        for kind in REPLY_KINDS:
            if kind != "reconsider-later" and DOOR.search(
                composer.compose_reply(plain, PROFILE, kind).body_text
            ):
                found.append(f"{stage.value}/{reason.value}/{kind}: a door nobody chose")
        known = french(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                       address=address, rapport=True, signing_bonus=Money.PAID)  # fmt: skip
        text = composer.compose_reply(known, PROFILE, "repayment").body_text
        # Round 15: after rescinding, a regret or the goodwill chosen closes the answer.
        if not re.search(r"disponible pour en échanger|regrette sincèrement", text):
            found.append(f"repayment/{reason.value}: {text}")
    assert not found, "\n".join(found[:8])


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
def test_a_brief_note_to_someone_the_user_knows_is_not_three_bare_lines(
    composer: Composer, address: Address
) -> None:
    for stage, reason, channel in itertools.product(
        [Stage.SCREENING, Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER],
        [r for r in Reason if REASONS[r].warm],
        [Channel.EMAIL, Channel.LINKEDIN, Channel.PHONE],
    ):
        s = french(stage=stage, reason=reason, channel=channel, voice=Voice.BRIEF,
                   address=address, rapport=True)  # fmt: skip
        text = body(composer.compose(s, PROFILE))
        # « Ce fut un plaisir de faire votre connaissance » since round 11: « plaisir
        # d’échanger » after « Merci pour nos échanges » repeated the word.
        assert "Ce fut un plaisir" in text, text


def apologies_to_the_reader(text: str, manager: str) -> list[str]:
    """The sentences (the sign-off included) that apologise to whoever reads ``text``: not
    the regrets sent on to the hiring manager, ``manager``."""
    said = r"excus|pardon|regrette sincèrement"
    return [x for x in sentences(text) if re.search(said, x) and manager not in x]


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_rescinding_apologises_to_whoever_reads_it(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """Through a recruiter, only the hiring manager was sent excuses ("avec mes excuses"):
    the recruiter who placed the user is let down too and reads none."""
    found = []
    for n, (reason, channel) in enumerate(itertools.product(Reason, WRITTEN)):
        s = french(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                   address=address, wording=1 + n % 3, **FACTS[n % len(FACTS)])  # fmt: skip
        text = composer.compose(s, PROFILE).body_text
        if not apologies_to_the_reader(text, "Sam Whitfield"):
            found.append(f"{reason.value}/{channel.value}: {text}")
    assert not found, "\n".join(found[:5])


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_visa_petition_under_way_is_acknowledged_once(
    composer: Composer, voice: Voice, address: Address
) -> None:
    found = []
    for stage, reason, channel, paid in itertools.product(
        [Stage.ACCEPTED], Reason, WRITTEN, (Money.NONE, Money.PAID)
    ):  # the one stage with a petition (issue 21)
        s = french(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                   visa_petition_started=True, signing_bonus=paid)  # fmt: skip
        text = body(composer.compose(s, PROFILE))
        said = [x for x in sentences(text) if "démarches de visa" in x]
        if len(said) != 1 or not said[0].startswith("Je regrette"):
            found.append(f"{stage.value}/{reason.value}/{channel.value}/{paid.value}: {text}")
        if re.search(r"\bvisa\b", text.replace(said[0] if said else "", "")):
            found.append(f"the visa named twice: {text}")
    assert not found, "\n".join(found[:5])


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_wish_to_meet_again_nobody_chose_and_sincerement_once(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """A rescind wished "que nos chemins se recroisent" although the user kept no door open,
    and "sincèrement" came two or three times in one message."""
    found = set()
    for s in matrix(voice, address):
        draft = composer.compose(s, PROFILE)
        chose = s.keep_door_open or Goodwill.STAY_IN_TOUCH in s.goodwill_offered
        if not chose and re.search(r"recrois", draft.body_text):
            found.add(f"a wish nobody chose: {draft.body_text}")
        for text in (draft.body_text, draft.phone_script or ""):
            if len(re.findall(r"\bsincèrement\b", text)) > 1:
                found.add(f"sincèrement twice: {text}")
    assert not found, "\n".join(sorted(found)[:5])


# --- 4. the reader's words ------------------------------------------------------------------
#: Calques and stiff set phrases the reader quoted, with what each says in English.
CALQUES = {
    "prime de bienvenue": "'welcome bonus' (French pay says 'prime à la signature')",
    "pas aller plus loin": "'take this further'",
    "l’attention que cela représente": "'the thought it represents'",
    "l’attention qu’elle représente": "'the thought it represents'",
    "vous écris pour vous informer": "'I'm writing to let you know'",
    "souhaite vous informer que": "'I wish to inform you that'",
    "garder les détails pour moi": "'keep the details to myself'",
    "pour moi pour l’instant": "'keep it to myself for now'",
    "avec générosité": "'generous with their time'",
    "garderais volontiers": "a conditional read as a typo for 'garderai'",
    "comme annoncé": "'as announced', clipped",
    "vous avez deux minutes": "'do you have two minutes?' without the inversion",
    "prétentions salariales": "stiff in a short message",
    "souhaiterais aussi l’appeler": "'would also like to call them'",
    "réexaminé la situation": "a counter-offer named 'the situation'",
}


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_draft_says_what_the_reader_quoted(
    composer: Composer, voice: Voice, address: Address
) -> None:
    found = set()
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(matrix(voice, address)):
        draft = composer.compose(s, PROFILE)
        branches = "\n".join(f"{when}: {say}" for when, say in draft.phone_branches)
        reply = composer.compose_reply(s, PROFILE, kinds[n % len(kinds)]).body_text
        for text in (draft.body_text, draft.phone_script or "", branches, reply):
            low = text.lower()
            found |= {f"{quote!r}: {why}" for quote, why in CALQUES.items() if quote in low}
    assert not found, "\n".join(sorted(found))


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_two_payments_are_plural_and_the_bonus_is_a_prime_a_la_signature(
    composer: Composer, voice: Voice
) -> None:
    for address, channel in itertools.product(Address, Channel):
        both = french(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, channel=channel,
                      voice=voice, address=address, signing_bonus=Money.PAID,
                      relocation_assistance=Money.PAID)  # fmt: skip
        text = composer.compose_reply(both, PROFILE, "repayment").body_text
        assert "la prime à la signature et de l’aide à la mobilité" in text, text
        assert "les montants et les clauses" in text, text
        one = french(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, channel=channel,
                     voice=voice, address=address, signing_bonus=Money.PAID)  # fmt: skip
        text = composer.compose_reply(one, PROFILE, "repayment").body_text
        assert "la prime à la signature" in text and "les montants" not in text, text
        draft = composer.compose(one, PROFILE)
        assert "prime à la signature" in f"{draft.body_text}\n{draft.phone_script}"


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_greeting_names_the_reader_by_the_full_name(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """ "Bonjour Sam Whitfield," reads as a mail merge: a civility the user gave ("Bonjour
    Monsieur Whitfield,", "Monsieur,"), the first name, or "Bonjour," alone."""
    found = set()
    for s in matrix(voice, address):
        draft = composer.compose(s, PROFILE)
        for text in (draft.body_text, draft.phone_script or ""):
            if re.search(r"(Bonjour|Salut),? Sam Whitfield", text):
                found.add(f"{s.stage.value}/{s.channel.value}: {text.splitlines()[0]}")
    assert not found, "\n".join(sorted(found)[:5])
    plain = french(stage=Stage.FINAL, channel=Channel.EMAIL, voice=voice, address=address)
    greeting = composer.compose(plain, PROFILE).body_text.split("\n", 1)[0]
    assert greeting in {"Bonjour,", "Bonjour Sam,", "Salut Sam,"}, greeting
    titled = french(stage=Stage.FINAL, channel=Channel.LINKEDIN, voice=voice, address=address,
                    contact="M. Sam Whitfield")  # fmt: skip
    greeting = composer.compose(titled, PROFILE).body_text.split("\n", 1)[0]
    assert greeting in {"Bonjour Monsieur Whitfield,", "Bonjour Sam,", "Salut Sam,"}, greeting


# --- 5. a date in the coming weeks is written without its year --------------------------------
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_near_date_names_its_weekday_and_no_year(composer: Composer, voice: Voice) -> None:
    """Through the pack's ``date_near``: "le mardi 8 décembre" a week ahead, "le 5 mars
    2027" months ahead (a reader never takes next week's date for one a year later)."""
    for address, channel in itertools.product(Address, [Channel.EMAIL, Channel.PHONE]):
        near = french(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, channel=channel,
                      voice=voice, address=address, relocation_timeline_changed=True,
                      start_date=dt.date(2026, 12, 8))  # fmt: skip
        draft = composer.compose(near, PROFILE)
        # The brief voice names no start date when rescinding; the others do.
        assert ("le mardi 8 décembre" in draft.body_text) is (voice is not Voice.BRIEF)
        assert "2026" not in f"{draft.body_text}\n{draft.phone_script}"
        if voice is Voice.BRIEF:
            continue
        far = french(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, channel=channel,
                     voice=voice, address=address, relocation_timeline_changed=True,
                     start_date=dt.date(2027, 3, 5))  # fmt: skip
        assert "le 5 mars 2027" in composer.compose(far, PROFILE).body_text
    ask = french(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                 deal_breaker=DealBreaker.PAY, voice=voice,
                 decide_by=dt.date(2026, 12, 4))  # fmt: skip
    draft = composer.compose(ask, PROFILE)
    assert "le vendredi 4 décembre" in f"{draft.body_text}\n{draft.phone_script}", draft.body_text
