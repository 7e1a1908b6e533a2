"""German drafts as the native panel read them in round 9 (issue 26), each kind checked over
stages, reasons, channels, voices, forms of address, wordings and reply kinds.

- Every message and every answer that is not a request of its own ends on a line that fits
  the relationship (a wish, thanks, a hope for understanding) before the sign-off, never on
  the request to pass it on, a stock door line or an apology; a counter-offer is answered in
  at least two sentences and a wish, even after red flags; door lines follow the flags the
  user chose, in the answer to a counter-offer too.
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
from bowout.core.situation import Voice
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
        if not re.search(r"wünsche", said[-1]) or len(said) < (3 if kind == "counter-offer" else 2):
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
