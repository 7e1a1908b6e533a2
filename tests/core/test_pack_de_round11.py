"""German drafts as the native panel read them in round 11 (issue 26), each kind checked over
stages, reasons, channels, voices, forms of address, wordings and reply kinds.

- A reason says plainly what holds for the user; it never invents something they did or
  found out („Ein genauerer Blick auf meine eigenen Finanzen hat gezeigt …“, the one false
  sentence), in every voice and layout.
- German sentence structure, not English in German words: no „Leider rufe ich an, um …“,
  „all die Zeit“, heavy relative clauses in the subjunctive („Der Umzug, den diese Stelle
  erfordern würde, …“), objects moved after the verb, „Ich wünsche Ihnen, dass …“.
- No curt lines: no bare „An meiner Entscheidung ändert sich nichts.“, a reason with
  „leider“, an answer to „why?“ that thanks for the work, not only for the question, and a
  call's branch that does not call a question an offer.
- Thanks fit the stage: the talks with the person and the team after interviews, not „den
  Austausch“; a first call is a conversation about the role, not one „bei“ the company.

The rules are in templates/de/wording/rules.toml; the test here runs them over every stage x
reason x channel x voice x form of address, each wording, the phone script with its
branches and every reply kind (tests/core/rule_corpus.py builds the texts).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from rule_corpus import broken, pack_rules, rules_named
from test_pack_de_round9 import PROFILE, TODAY, label, situations

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.core.situation import Money

ROUND11 = ("de-no-invented-backstory", "de-no-sentence-built-in-english", "de-no-curt-line",
           "de-thanks-fit-the-stage")  # fmt: skip
NEAR = TODAY + dt.timedelta(days=10)
#: Facts that bring out the money, the call to the manager and the goodwill lines.
LATE = (
    {"start_date": NEAR, "signing_bonus": Money.PAID, "relocation_assistance": Money.PAID,
     "will_call": True, "goodwill": tuple(Goodwill), "keep_door_open": True},
    {"rapport": True, "keep_door_open": True},
)  # fmt: skip


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def cases() -> Iterator[Situation]:
    """Every stage x reason x channel x voice x address in each of the three wordings, then
    again with the facts of :data:`LATE` (money received, a call, goodwill, rapport)."""
    for wording in (1, 2, 3):
        for s in situations():
            yield dataclasses.replace(s, wording=wording)
    for facts in LATE:
        yield from situations(**facts)


def test_the_round11_rules_are_in_the_pack() -> None:
    assert set(ROUND11) <= set(pack_rules("de"))


@pytest.mark.parametrize("stage", list(Stage), ids=lambda stage: stage.value)
def test_every_draft_and_answer_keeps_the_round11_rules(
    composer: Composer,
    stage: Stage,
) -> None:
    """Per stage, so that one case stays well inside the per-test time limit under load."""
    held = rules_named("de", ROUND11)
    found = broken(composer, (s for s in cases() if s.stage is stage), PROFILE, held, label)
    assert not found, "\n".join(found[:12])


# --- kind 1: the reason after accepting, when the pay is the reason -------------------------
def test_pay_after_accepting_speaks_of_the_users_own_finances(composer: Composer) -> None:
    """After accepting, pay as the reason is the user's own circumstance („finanziell“), in
    every voice, channel, form of address and wording; never a verdict on agreed terms."""
    for s in situations(stage=Stage.ACCEPTED, reason=Reason.COMPENSATION):
        for wording in (1, 2, 3):
            draft = composer.compose(dataclasses.replace(s, wording=wording), PROFILE)
            text = " ".join([draft.body_text, draft.phone_script or ""])
            assert "inanziell" in text and "Vorstellungen" not in text, (label(s), text)


# --- kind 3: an answer to "why?" thanks for the work ----------------------------------------
def test_an_answer_to_why_thanks_for_the_work(composer: Composer) -> None:
    for s in situations():
        if s.reason is Reason.RED_FLAGS or s.channel is Channel.PHONE:
            continue
        text = composer.compose_reply(s, PROFILE, "asked-why").body_text
        if s.stage is Stage.APPLIED:  # round 14: nobody may have read it yet, no „Mühe“
            assert "Mühe" not in text and "Nachricht" in text, (label(s), text)
            continue
        assert "Mühe" in text and "Bewerbung" in text, (label(s), text)


def test_pay_before_an_offer_is_no_flat_complaint(composer: Composer) -> None:
    """Before an offer, the pay reason is softened („leider“, „nicht ganz“): „Das Gehalt liegt
    unter meinen Vorstellungen.“ reads as a complaint about the role."""
    for stage in (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.FINAL):
        for s, wording in itertools.product(
            situations(stage=stage, reason=Reason.COMPENSATION), (1, 2, 3)
        ):
            body = " ".join(
                composer.compose(dataclasses.replace(s, wording=wording), PROFILE).body_text.split()
            )
            for line in body.split(". "):
                if "Vorstellungen" in line or "reicht für mich" in line:
                    assert "leider" in line or "nicht ganz" in line, (label(s), line)
