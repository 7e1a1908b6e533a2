"""The French pack against what a fresh native panel marked (issue 26, round 8).

Each test is one kind of slip, checked over every voice, form of address, stage, channel,
reply and the call script: a move whose timing changed said to be "reporté" (false if it
was brought forward), French that reads translated (calques, a thanks for the question,
an opening that points at the subject line), coldness where it matters most (a
"contretemps" for a rescinded acceptance, a "no comment" reply, a follow-up with no good
wish to someone the user knows), and a bare "Bonjour," on LinkedIn, which shows the name.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.draft import Draft
from bowout.core.situation import DealBreaker, Kind, Money, Voice
from bowout.core.vocabulary import REASONS, REPLY_KINDS, Address

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley.quinn@example.org", "+44 20 7946 0321")
NAMES = {"contact": "Sam Whitfield", "role": "Operations Lead", "company": "Fabrikam"}
ADDRESSES = pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
KINDS = list(REPLY_KINDS)
VOICES = pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def french(**values: object) -> Situation:
    return Situation(language="fr", **{**NAMES, **values})  # type: ignore[arg-type]


def everything(draft: Draft) -> str:
    """The message, its call script and the script's branches."""
    branches = "\n".join(f"{when}: {say}" for when, say in draft.phone_branches)
    return "\n".join([draft.body_text, draft.phone_script or "", branches])


def opening(draft: Draft) -> str:
    """The body's first sentence, after the greeting."""
    first = draft.body_text.split("\n\n", 2)[1].replace("\n", " ")
    return re.split(r"(?<=[.?!])\s", first, maxsplit=1)[0]


# --- 1. the move's timing changed: never a direction the user did not give -----------------
DIRECTION = re.compile(r"\breport|\brepouss|\bretard|\bdécal|\bavancé|plus (tôt|tard) que prévu")


def changed_moves(voice: Voice, address: Address) -> Iterator[Situation]:
    for n, (stage, channel) in enumerate(itertools.product(Stage, [None, *Channel])):
        for wording in (1, 2, 3):
            start = TODAY + dt.timedelta(days=(10, 45, 0)[n % 3]) if stage in (
                Stage.OFFER, Stage.ACCEPTED) and n % 3 < 2 else None  # fmt: skip
            yield french(stage=stage, reason=Reason.RELOCATION, channel=channel, voice=voice,
                         address=address, wording=wording, relocation_timeline_changed=True,
                         start_date=start, rapport=n % 2 == 0,
                         visa_petition_started=n % 4 == 1)  # fmt: skip


@ADDRESSES
@VOICES
def test_a_move_whose_timing_changed_is_never_said_to_be_postponed(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """« Mon déménagement a été reporté » was false for a move brought forward: every
    message, call script and reply says the timing changed, and no more."""
    found = set()
    for n, s in enumerate(changed_moves(voice, address)):
        draft = composer.compose(s, PROFILE)
        reply = composer.compose_reply(s, PROFILE, KINDS[n % len(KINDS)]).body_text
        for text in (everything(draft), reply):
            if DIRECTION.search(text):
                found.add(f"{s.stage.value}/{s.channel}: {DIRECTION.search(text)[0]}: {text}")
        if not re.search(r"\b(a|ayant) changé\b", draft.body_text):
            found.add(f"{s.stage.value}/{s.channel}: the change unsaid: {draft.body_text}")
    assert not found, "\n".join(sorted(found)[:5])


# --- 2. French that reads translated ------------------------------------------------------
#: What the panel quoted, and what each renders from English.
TRANSLATED = {
    "garde volontiers le contact": "'happy to keep in touch'",
    "d’y avoir repensé": "'kind of you to reconsider', its 'y' pointing at nothing",
    "merci de votre question": "'thanks for asking', after a broken acceptance",
    "merci de ta question": "'thanks for asking', after a broken acceptance",
    "remercie de votre question": "'thanks for asking', after a broken acceptance",
    "réponse bienveillante": "'your kind reply'",
    "de votre écoute": "a call centre's 'thank you for listening'",
    "de ton écoute": "a call centre's 'thank you for listening'",
    "comme je vous l’ai dit": "'as I told you', blunt",
    "en pleines démarches": "'in the middle of the visa process', 'plein' twice",
    "contretemps": "a hiccup, for a rescinded acceptance",
    "ne rien ajouter": "a 'no comment' press line",
}


@ADDRESSES
@VOICES
def test_no_message_script_or_reply_reads_translated(
    composer: Composer, voice: Voice, address: Address
) -> None:
    found = set()
    cells = itertools.product(Stage, Reason, Channel)
    for n, (stage, reason, channel) in enumerate(cells):
        s = french(stage=stage, reason=reason, channel=channel, voice=voice, address=address,
                   wording=1 + n % 3, keep_door_open=n % 2 == 0, rapport=n % 3 == 0,
                   visa_petition_started=n % 5 == 0)  # fmt: skip
        texts = [everything(composer.compose(s, PROFILE))]
        texts += [composer.compose_reply(s, PROFILE, kind).body_text for kind in REPLY_KINDS]
        for text in texts:
            low = text.lower()
            found |= {f"{quote!r}: {why}" for quote, why in TRANSLATED.items() if quote in low}
    assert not found, "\n".join(sorted(found))


@ADDRESSES
@VOICES
def test_no_message_opens_on_a_demonstrative_pointing_at_the_subject_line(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """« Merci pour nos échanges au sujet de ce poste » and « Merci pour cette
    proposition » opened a body with nothing before them: the post and the offer are named."""
    found = set()
    for n, (stage, reason, channel) in enumerate(itertools.product(Stage, Reason, Channel)):
        for wording in (1, 2, 3):
            s = french(stage=stage, reason=reason, channel=channel, voice=voice,
                       address=address, wording=wording, via_recruiter=n % 4 == 0,
                       recruiter="Tom Baker")  # fmt: skip
            first = opening(composer.compose(s, PROFILE))
            if re.search(r"\b(ce|cet|cette) (poste|proposition|offre)\b", first):
                found.add(first)
    assert not found, "\n".join(sorted(found))


# --- 3. warmth where it matters most -------------------------------------------------------
@ADDRESSES
@VOICES
def test_asked_why_after_rescinding_answers_with_an_apology_not_no_comment(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """Declining to explain a rescinded acceptance keeps one line that owns the harm done."""
    for reason, channel, paid in itertools.product(
        [r for r in Reason if not REASONS[r].said or not REASONS[r].warm],
        [Channel.EMAIL, Channel.LINKEDIN],
        (Money.NONE, Money.PAID),
    ):
        s = french(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                   address=address, rapport=True, signing_bonus=paid)  # fmt: skip
        text = composer.compose_reply(s, PROFILE, "asked-why").body_text
        assert "gêne" in text and "excuses" in text, text


FOLLOW_UP_WARMTH = re.compile(
    r"continuation|recroiser (votre|ta) route|garder(ons)? le contact|me recontacter"
)


@ADDRESSES
@VOICES
def test_a_follow_up_to_someone_known_ends_on_a_good_wish(
    composer: Composer, voice: Voice, address: Address
) -> None:
    """A follow-up after no reply read as an administrative chaser although the user had
    rapport and kept the door open; without either it stays short."""
    found = []
    for stage, reason in itertools.product(Stage, Reason):
        for rapport, door in ((True, False), (False, True), (True, True), (False, False)):
            s = french(stage=stage, reason=reason, voice=voice, address=address,
                       rapport=rapport, keep_door_open=door)  # fmt: skip
            text = composer.compose_reply(s, PROFILE, "no-reply").body_text
            if bool(FOLLOW_UP_WARMTH.search(text)) is not (rapport or door):
                found.append(f"{stage.value}/{reason.value}/{rapport}/{door}: {text}")
            if re.search(r"J’ai (retiré|décliné|dû)", text):
                found.append(f"a bare restatement: {text}")
    assert not found, "\n".join(found[:5])


# --- 4. LinkedIn shows the name: the greeting uses it ------------------------------------
@ADDRESSES
@VOICES
@pytest.mark.parametrize("contact", ["Dr. Amara Okafor", "Priya Nair"])
def test_a_linkedin_message_greets_a_known_reader_by_name(
    composer: Composer, voice: Voice, address: Address, contact: str
) -> None:
    given = contact.split()[-2]
    for stage, reason in itertools.product(Stage, Reason):
        s = french(stage=stage, reason=reason, channel=Channel.LINKEDIN, voice=voice,
                   address=address, contact=contact)  # fmt: skip
        greeting = composer.compose(s, PROFILE).body_text.split("\n", 1)[0]
        assert given in greeting, greeting
    ask = french(stage=Stage.OFFER, reason=Reason.RELOCATION, kind=Kind.NEGOTIATE,
                 deal_breaker=DealBreaker.RELOCATION, channel=Channel.LINKEDIN, voice=voice,
                 address=address, contact=contact)  # fmt: skip
    greeting = composer.compose(ask, PROFILE).body_text.split("\n", 1)[0]
    assert given in greeting, greeting
    email = french(stage=Stage.FINAL, channel=Channel.EMAIL, voice=Voice.FORMAL,
                   address=Address.FORMAL, contact=contact)  # fmt: skip
    # A letter names the first name too (no bare "Bonjour," to a named contact: issue 26).
    assert composer.compose(email, PROFILE).body_text.startswith(f"Bonjour {given},\n")
