"""The kinds the panel of seed 706 charged, held over every draft they can reach (issue 21,
English round 15):

- A close as warm as the relationship: the door the user chose to keep open is shown in
  every message that has a close (the draft, the phone script, the answer to "why?", the
  follow-up and the thank-you for accepting it), after concerns about the process and
  after rescinding too; with rapport that thank-you is personal, not a form; a note to the
  recruiter, or a draft rescinding an acceptance, never ends on a bare "I wish you well."
  or signs off with a bare "Regards,".

- Stock parts that do not fit: nobody thanks for "the care taken in preparing" an offer; a
  referral is not the clipped "once they agree"; after a call, no unexplained "handover
  call" (what is handed over is said: notes, contacts); with the pay as the reason, the
  script's counter-offer branch hears the offer out rather than refusing it by reflex.

- No stock pair twice in one draft, read whole (the rule no-stock-pair-said-twice): "I can
  put you in touch. I'd value staying in touch.", "with my regards … Regards,", a
  "considered decision" in two answers of one call, two "I hope" lines; the door line
  follows the close's one personal line ("It has been a pleasure getting to know you. I
  hope we can stay in touch."), never the other way round.

- Another offer is said as decided, never as a deed done since ("I have since accepted a
  job elsewhere": a panel marked it false).

Checked over stages x reasons x channels x voices x wordings: the body, the phone script
and the replies that close.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from rule_corpus import broken, rules_named

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Goodwill, Voice

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
#: Each case walks a slice of the matrix: well under the limit alone, but the machine may be
#: shared, so the limit is raised rather than the matrix cut.
pytestmark = pytest.mark.timeout(600)

NAMES = {"contact": "Priya Nair", "role": "Data Analyst", "company": "Northwind Traders",
         "recruiter": "Alex Morgan"}  # fmt: skip

#: A line that keeps the door open (staying in touch, future roles, working together again).
DOOR = re.compile(
    r"stay(ing)? in touch|paths cross|think of me|openings|other roles|hear about"
    r"|work(ing)? (with you|together) again|keep working",
    re.IGNORECASE,
)
#: The replies whose answer ends on a close, a wish or a door line (reply.txt.j2).
CLOSING_REPLIES = ("asked-why", "no-reply", "accepted")


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_door_kept_open_is_shown_wherever_a_message_closes(
    composer: Composer, voice: Voice
) -> None:
    problems: list[str] = []
    for stage, reason, channel, wording, rapport in itertools.product(
        Stage, Reason, Channel, (1, 2, 3), (False, True)
    ):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, rapport=rapport, keep_door_open=True,
                      start_date=dt.date(2027, 1, 15), **NAMES)  # fmt: skip
        where = f"{stage.value}/{reason.value}/{channel.value}/w{wording}/r{int(rapport)}"
        draft = composer.compose(s, PROFILE)
        texts = {"body": draft.body_text}
        if draft.phone_script:
            texts["script"] = draft.phone_script
        if wording == 1 and channel is not Channel.PHONE:
            for reply in CLOSING_REPLIES:
                texts[reply] = composer.compose_reply(s, PROFILE, reply).body_text
        problems += [f"{where}/{part}: {text[-160:]!r}"
                     for part, text in texts.items() if not DOOR.search(text)]  # fmt: skip
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


#: A close or sign-off too cool for a recruiter who helped, or for a rescinded acceptance.
COOL_CLOSE = re.compile(r"(^|\n)I wish you well\.\n|\nRegards,\n", re.IGNORECASE)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_recruiter_note_and_a_rescinding_close_warmly(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    for stage, reason, channel, wording, rapport, door in itertools.product(
        Stage, Reason, Channel, (1, 2, 3), (False, True), (False, True)
    ):
        if channel is not Channel.RECRUITER and stage is not Stage.ACCEPTED:
            continue
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, rapport=rapport, keep_door_open=door,
                      start_date=dt.date(2027, 1, 15), **NAMES)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        where = f"{stage.value}/{reason.value}/{channel.value}/w{wording}/r{int(rapport)}"
        problems += [f"{where}: {m.group(0)!r}" for m in COOL_CLOSE.finditer(body)]
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


#: Stock or clipped parts the panel quoted, and a deed the facts cannot know.
STOCK = re.compile(
    r"care taken in preparing|once they (agree|have agreed)|handover call"
    r"|\bsince (accepted|taken)\b",
    re.IGNORECASE,
)
#: A counter-offer refused by reflex.
REFUSED = re.compile(r"made up|decision stands|rather not reopen", re.IGNORECASE)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_stock_part_that_does_not_fit(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    for stage, reason, channel, wording in itertools.product(Stage, Reason, Channel, (1, 2, 3)):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, goodwill=tuple(Goodwill), rapport=True,
                      start_date=dt.date(2027, 1, 15), **NAMES)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        branches = dict(draft.phone_branches)
        text = f"{draft.body_text}\n{draft.phone_script or ''}\n" + "\n".join(branches.values())
        where = f"{stage.value}/{reason.value}/{channel.value}/w{wording}"
        problems += [f"{where}: {m.group(0)!r}" for m in STOCK.finditer(text)]
        counter = [t for label, t in branches.items() if "counter-offer" in label]
        if reason is Reason.COMPENSATION and counter and REFUSED.search(counter[0]):
            problems.append(f"{where}: a pay counter-offer refused by reflex: {counter[0]!r}")
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])


@pytest.mark.parametrize("door", [False, True], ids=["door-closed", "door-open"])
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_stock_pair_twice_in_one_draft(composer: Composer, voice: Voice, door: bool) -> None:
    rules = rules_named("en", ["no-stock-pair-said-twice"])
    cases: list[Situation] = []
    for stage, reason, channel, wording in itertools.product(Stage, Reason, Channel, (1, 2, 3)):
        offers = tuple(Goodwill) if wording != 2 else (Goodwill.REFERRAL,)
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice, wording=wording,
                      rapport=True, keep_door_open=door, goodwill=offers,
                      start_date=dt.date(2027, 1, 15), **NAMES)  # fmt: skip
        cases.append(s)
    found = broken(composer, cases, PROFILE, rules,
                   lambda s: f"{s.stage.value}/{s.reason.value}")  # fmt: skip
    assert not found, f"{len(found)} broken, e.g.:\n" + "\n".join(found[:12])


#: The door line before the close's personal line: the pair in reverse order.
REVERSED_PAIR = re.compile(
    r"(stay(ing)? in touch|paths cross)[^.]*\.\s+(It has been|It's been|I've|I have)"
    r"[^.]*(pleasure|enjoyed)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_the_door_follows_the_personal_line(composer: Composer, voice: Voice) -> None:
    problems: list[str] = []
    for stage, reason, channel, wording in itertools.product(Stage, Reason, Channel, (1, 2, 3)):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, rapport=True, keep_door_open=True,
                      goodwill=tuple(Goodwill), **NAMES)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        where = f"{stage.value}/{reason.value}/{channel.value}/w{wording}"
        problems += [f"{where}: {m.group(0)!r}" for m in REVERSED_PAIR.finditer(body)]
    assert not problems, f"{len(problems)} broken, e.g.:\n" + "\n".join(problems[:12])
