"""German drafts as the native panel read them in round 9 (issue 26), each kind checked over
stages, reasons, channels, voices, forms of address, wordings and reply kinds.

- Every message and every answer that is not a request of its own ends on a line that fits
  the relationship (a wish, thanks, a hope for understanding) before the sign-off, never on
  the request to pass it on, a stock door line or an apology; a counter-offer is answered in
  at least two sentences and a wish, even after red flags; door lines follow the flags the
  user chose, in the answer to a counter-offer too.
- A letter names the role and the company once, the company as people say it („Tailspin
  Toys“, not „Tailspin Toys, Inc.“, which only the subject keeps), in speech too.
- Thanks and the people thanked fit the stage (before the interviews no team, colleagues
  or process; after them the recruiter passes thanks to those who spoke with the user, at
  the offer thanks for the offer); no heavy or calqued phrase the panel marked; a request
  about the start date says that a later start would settle it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.draft import REPLY_KINDS, Draft
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Voice
from bowout.core.vocabulary import Address

TODAY = dt.date(2026, 12, 6)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+49 30 1234567")
NAMES = {"role": "Data Analyst", "company": "Tailspin Toys, Inc.", "recruiter": "Herr Tom Baker",
         "contact": "Frau Dr. Anna Okafor"}  # fmt: skip
SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
#: A closing line: a good wish, thanks, or (after rescinding) a hope for understanding.
CLOSE = re.compile(
    r"wünsche|alles Gute|viel Erfolg|Dank|danke|Verständnis|nachvollziehen|freue mich auf",
    re.IGNORECASE,
)
#: A door line: staying in touch, meeting again, working together again.
DOOR = re.compile(r"in Kontakt|Wege wieder|wieder mit (?:Ihnen|dir) zusammen")
#: The answers that are not a request of their own (a date to talk, a repayment's terms).
ANSWERS = ("accepted", "asked-why", "counter-offer", "reconsider-later")
FACTS: tuple[dict[str, object], ...] = (
    {},
    {"keep_door_open": True, "rapport": True},
    {"keep_door_open": True, "goodwill": tuple(Goodwill), "visa_petition_started": True},
)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def situations(**fixed: object) -> Iterator[Situation]:
    """Every stage x reason x channel x voice x address, the facts and wordings cycled."""
    cases = itertools.product(Stage, Reason, Channel, Voice, Address)
    for n, (stage, reason, channel, voice, address) in enumerate(cases):
        values: dict[str, object] = {"stage": stage, "reason": reason, "channel": channel,
                                     "voice": voice, "address": address, "wording": n % 3 + 1,
                                     **FACTS[n % len(FACTS)], **NAMES}  # fmt: skip
        values.update(fixed)
        yield Situation(language="de", **values)  # type: ignore[arg-type]


def written(draft: Draft) -> list[str]:
    """The letters of a draft (the e-mail or call confirmation, the note, LinkedIn)."""
    return list(dict.fromkeys(t for t in (draft.body_text, draft.recruiter_note,
                                          draft.linkedin_message) if t))  # fmt: skip


def body_of(text: str) -> str:
    """A letter without its greeting and its sign-off with the signature."""
    return text.split("\n\n", 1)[-1].rsplit("\n\n", 1)[0]


def sentences(text: str) -> list[str]:
    return SENTENCE_END.split(" ".join(body_of(text).split()))


def label(s: Situation) -> str:
    return f"{s.stage.value}/{s.reason.value}/{s.channel.value}/{s.voice.value}/{s.address.value}"


# --- 1. closes and replies that fit the relationship ------------------------------------
def test_every_message_ends_on_a_closing_line(composer: Composer) -> None:
    found = {}
    for s in situations():
        for text in written(composer.compose(s, PROFILE)):
            last = sentences(text)[-1]
            if not CLOSE.search(last) or "kreuzen sich unsere Wege" in last:
                found.setdefault(last, label(s))
    assert not found, "\n".join(f"{where}: {last}" for last, where in found.items())


@pytest.mark.parametrize("kind", ANSWERS)
def test_an_answer_ends_on_a_wish(composer: Composer, kind: str) -> None:
    found = {}
    for s in situations():
        text = composer.compose_reply(s, PROFILE, kind).body_text
        said = sentences(text)
        # After rescinding, the goodwill chosen may be the last line instead (round 15).
        close = r"wünsche|empfehlen|Neubesetzung" if s.stage is Stage.ACCEPTED else r"wünsche"
        if not re.search(close, said[-1]) or len(said) < (3 if kind == "counter-offer" else 2):
            found.setdefault(" ".join(said), label(s))
    assert not found, "\n".join(f"{where}: {text}" for text, where in list(found.items())[:8])


def test_a_counter_offer_is_answered_in_full_sentences(composer: Composer) -> None:
    """Even after red flags: the recruiter is the messenger, and „vielen Dank, aber meine
    Entscheidung steht.“ reads as a brush-off."""
    for s in situations(reason=Reason.RED_FLAGS):
        text = composer.compose_reply(s, PROFILE, "counter-offer").body_text
        assert "Dank, aber" not in text, text
        assert re.search(r"Entscheidung (?:steht (?:\w+ )?fest|ändert)", text), text


@pytest.mark.parametrize("stay", [False, True], ids=["handover-referral", "stay-in-touch"])
def test_door_lines_follow_the_flags_after_rescinding(composer: Composer, stay: bool) -> None:
    """Goodwill alone (a handover, a referral) brings no stay-in-touch line into a reply or a
    letter; staying in touch, once chosen, is kept in the answer to a counter-offer too."""
    chosen = (Goodwill.HANDOVER, Goodwill.REFERRAL) + ((Goodwill.STAY_IN_TOUCH,) if stay else ())
    for s in situations(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, goodwill=chosen,
                        keep_door_open=False, rapport=False):  # fmt: skip
        texts = {kind: composer.compose_reply(s, PROFILE, kind).body_text for kind in REPLY_KINDS}
        if not stay:
            texts.update(enumerate(written(composer.compose(s, PROFILE))))
        for kind, text in texts.items():
            if stay and kind in ("counter-offer", "asked-why", "accepted", "no-reply"):
                assert DOOR.search(text), (kind, text)
            elif not stay:
                assert not DOOR.search(text), (kind, text)


# --- 2. the role and the company named once, the company as people say it ----------------
def test_role_and_company_are_named_once_and_without_a_legal_form(composer: Composer) -> None:
    """A letter names the role and the company once and then refers back („die Stelle“,
    „Ihr Unternehmen“); „Tailspin Toys, Inc.“ is a contract's name, kept for the subject
    only: never in a letter, the call's words, its branches or a reply."""
    found = {}
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(situations()):
        draft = composer.compose(s, PROFILE)
        for text in written(draft):
            body = body_of(text)
            for name in ("Data Analyst", "Tailspin Toys"):
                if body.count(name) > 1:
                    found.setdefault(f"{name} twice: {' '.join(body.split())}", label(s))
        spoken = [draft.phone_script or "", *(words for _, words in draft.phone_branches)]
        replies = [composer.compose_reply(s, PROFILE, kinds[(n + k) % len(kinds)]).body_text
                   for k in (0, 1)]  # fmt: skip
        for text in [*written(draft), *spoken, *replies]:
            if "Inc" in text:
                found.setdefault(f"legal form: {' '.join(text.split())[:200]}", label(s))
    assert not found, "\n".join(f"{where}: {what}" for what, where in list(found.items())[:10])


# --- 3. thanks and people that fit the stage; 4. phrases the panel marked ------------------
#: Before the interviews: one conversation at most, with no colleagues, team or process.
EARLY = re.compile(r"kennengelernt|alles, was|Auswahlverfahren|Dank[^.?!]*Kolleg|mit mir gesprochen"
                   r"|\bGespräche\b|gesamten|allen Runden")  # fmt: skip
#: After interviews, no claim of a whole process the user did not go through.
INTERVIEWS = re.compile(r"gesamten|allen Runden")
#: Heavy, calqued or wrong in any message.
ANYWHERE = re.compile(
    r"langer Überlegung|einzubeziehen|welche Beträge|Klausel meiner Vereinbarung"
    r"|besser zu meinen Plänen|Visumsverfahren (?:\w+ )?Arbeit gemacht"
    r"|kreuzen sich unsere Wege wieder|zur Neubesetzung stehe ich bereit"
)


def test_thanks_and_people_fit_the_stage(composer: Composer) -> None:
    found = {}
    kinds = list(REPLY_KINDS)
    for n, s in enumerate(situations()):
        draft = composer.compose(s, PROFILE)
        texts = [*written(draft), draft.phone_script or ""]
        texts += [words for _, words in draft.phone_branches]
        texts += [composer.compose_reply(s, PROFILE, kinds[(n + k) % len(kinds)]).body_text
                  for k in (0, 1, 2)]  # fmt: skip
        wrong = {Stage.APPLIED: EARLY, Stage.SCREENING: EARLY, Stage.INTERVIEWING: INTERVIEWS}
        for text in texts:
            for pattern in (ANYWHERE, wrong.get(s.stage)):
                for m in pattern.finditer(text) if pattern else ():
                    found.setdefault(m.group(0), f"{label(s)}: {' '.join(text.split())[:160]}")
    assert not found, "\n".join(f"{k!r} in {v}" for k, v in found.items())


def test_a_recruiter_passes_on_thanks_to_the_people_the_stage_met(composer: Composer) -> None:
    """After interviews, thanks to those who spoke with the user; at the offer, for the offer."""
    for s in situations(channel=Channel.RECRUITER, reason=Reason.OTHER_OFFER):
        note = composer.compose(s, PROFILE).recruiter_note or ""
        if s.stage in (Stage.INTERVIEWING, Stage.FINAL):
            assert re.search(r"mit mir gesprochen|Gespräche|Beteiligten", note), note
        if s.stage is Stage.OFFER:
            assert "Angebot" in note.split("\n\n", 2)[2], note


def test_a_request_about_the_start_date_says_what_would_settle_it(composer: Composer) -> None:
    for stage, channel, voice, address in itertools.product(
        (Stage.FINAL, Stage.OFFER, Stage.ACCEPTED),
        (Channel.EMAIL, Channel.LINKEDIN),
        Voice,
        Address,
    ):
        s = Situation(stage=stage, reason=Reason.PERSONAL, kind=Kind.NEGOTIATE, channel=channel,
                      deal_breaker=DealBreaker.START_DATE, voice=voice, address=address,
                      language="de", **NAMES)  # fmt: skip
        assert "späterer Start" in composer.compose(s, PROFILE).body_text
