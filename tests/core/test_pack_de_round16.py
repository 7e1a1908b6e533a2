"""German drafts as the native panel read them in round 15 (issue 26), scored in round 16:
each kind checked over stages, reasons, channels, voices and forms of address, in every
draft, its phone script and the answers to each reply.

- No stock line translated word for word from English: no „Möglichkeit, mich zu bewerben“
  (after applying nobody gave an opportunity), no „freundliches Angebot“, no „allen, die mit
  mir gesprochen haben“, no „passt nicht zu dem, was ich suche“, no „erläutert“ for a call
  that gave no reasons, no „den Vorzug geben“.
- The key noun is not said in two sentences in a row (offer, application, call); the letter
  confirming a call names the call once.
- Warm enough for the relationship: after interviews a call's confirmation thanks for the
  talks too; with rapport an answer to a confirmation thanks for the understanding (not „die
  Bestätigung“), a follow-up ends on thanks and a wish (not „Vielen Dank für Ihre Zeit.“), and
  a brief decline of an offer ends on a personal word; an answer to „can we talk“ keeps the
  door the user keeps open.
"""

from __future__ import annotations

import re

import pytest
from rule_corpus import broken, rules_named
from test_pack_de_round9 import DOOR, PROFILE, TODAY, body_of, label, sentences, situations

from bowout.core import Channel, Composer, Stage
from bowout.core.situation import Kind, Voice

ROUND_15 = ("de-no-calque-the-panel-heard-round-15", "de-the-call-is-named-once",
            "de-the-key-noun-once-in-a-row")  # fmt: skip


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_no_calque_and_no_key_noun_twice_in_a_row(composer: Composer, stage: Stage) -> None:
    cases = (s for s in situations() if s.stage is stage)
    found = broken(composer, cases, PROFILE, rules_named("de", ROUND_15), label)
    assert not found, "\n".join(found[:12])


# --- 3. thanks and closes warm enough for the rapport, the voice and the stage -------------
def test_a_call_after_interviews_is_confirmed_with_thanks_for_the_talks(
    composer: Composer,
) -> None:
    found = []
    for s in situations(channel=Channel.PHONE):
        if s.stage in (Stage.INTERVIEWING, Stage.FINAL) and s.kind is Kind.WITHDRAW:
            first = sentences(composer.compose(s, PROFILE).body_text)[0]
            if "Gespräche" not in first:
                found.append(f"{label(s)}/w{s.wording}: {first}")
    assert not found, "\n".join(found[:12])


def test_answers_with_rapport_thank_warmly_and_keep_the_door(composer: Composer) -> None:
    found = []
    for s in situations(rapport=True, keep_door_open=True):
        if s.channel is Channel.PHONE or s.wording != 1:
            continue
        accepted = composer.compose_reply(s, PROFILE, "accepted").body_text
        if "Bestätigung" in accepted or "Verständnis" not in accepted:
            found.append(f"{label(s)}: accepted: {accepted[:160]!r}")
        talk = composer.compose_reply(s, PROFILE, "asked-to-talk").body_text
        if not DOOR.search(talk):
            found.append(f"{label(s)}: asked-to-talk: {talk[:200]!r}")
        follow_up = body_of(composer.compose_reply(s, PROFILE, "no-reply").body_text)
        if re.search(r"für (?:Ihre|deine) Zeit\.", follow_up) or "alles Gute" not in follow_up:
            found.append(f"{label(s)}: no-reply: {follow_up!r}")
    assert not found, "\n".join(found[:12])


def test_a_brief_decline_with_rapport_ends_on_a_personal_word(composer: Composer) -> None:
    found = []
    for s in situations(stage=Stage.OFFER, voice=Voice.BRIEF, rapport=True):
        if s.channel in (Channel.EMAIL, Channel.LINKEDIN) and s.kind is Kind.WITHDRAW:
            last = sentences(composer.compose(s, PROFILE).body_text)[-1]
            if "persönlich" not in last:
                found.append(f"{label(s)}/w{s.wording}: {last}")
    assert not found, "\n".join(found[:12])
