"""German drafts as the native panel read them in round 14 (issue 26), each kind checked
over voices, forms of address, wordings, channels (the phone script with its e-mail), reasons
and every reply.

- At the applied stage nobody may have opened the application yet: no message thanks for
  reading, reviewing or considering it („die Aufmerksamkeit, die Sie meiner Bewerbung
  geschenkt haben“, „dass Sie meine Bewerbung geprüft haben“); it thanks for the chance to
  apply, or for their answer.
- A request to talk names as what came up since accepting only the change in the facts:
  the move's dates when its timeline changed and the move is the reason, personal
  circumstances when they are the reason; otherwise it says there is one more point to
  settle, never that „sich etwas ergeben hat“ (which made the point asked for, or the visa
  petition the company started, read as the new development).
- The phrases the panels quoted as translated or assembled are gone everywhere: „Die
  Umstände … tun mir leid“, „Eine Lösung bräuchte ich bis zum …“, „Mir ist eine Person
  bekannt“, „Wie regeln wir das laut Vertrag?“, „Ich habe nur Gutes zu sagen“.

The rules are in templates/de/wording/rules.toml; tests/core/rule_corpus.py builds the texts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from rule_corpus import broken, pack_rules, rules_named
from test_pack_de_round9 import NAMES, PROFILE, TODAY, label
from test_pack_de_round14_frames import cases

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.situation import DealBreaker, Kind, Voice
from bowout.core.vocabulary import Address

APPLIED = "de-applied-thanks-only-for-what-happened"
CHANGE = (
    "de-a-request-names-only-the-change-in-the-facts",
    "de-a-changed-move-is-what-came-up",
    "de-changed-circumstances-are-what-came-up",
    "de-a-request-after-accepting-says-what-came-up",
)
PHRASES = "de-no-phrase-the-panel-heard-as-translated"
REASONS = (Reason.RELOCATION, Reason.PERSONAL, Reason.COMPENSATION, Reason.NOT_A_FIT)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def applied(voice: Voice) -> Iterator[Situation]:
    """Every channel x address x wording x reason of a withdrawal at the applied stage in
    ``voice``, with and without a recruiter, rapport and an open door."""
    cases = itertools.product(Channel, Address, (1, 2, 3), Reason, (False, True))
    for channel, address, wording, reason, flag in cases:
        yield Situation(
            language="de", stage=Stage.APPLIED, reason=reason, channel=channel, voice=voice,
            address=address, wording=wording, via_recruiter=flag, rapport=flag,
            keep_door_open=not flag, **NAMES,
        )  # fmt: skip


def requests(voice: Voice) -> Iterator[Situation]:
    """Every deal-breaker x channel x address x reason of a request to talk after accepting
    in ``voice``, with and without a changed move; the petition and the wordings cycled."""
    cases = itertools.product(DealBreaker, Channel, Address, REASONS, (False, True))
    for n, (point, channel, address, reason, moved) in enumerate(cases):
        yield Situation(
            language="de", stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
            address=address, wording=n % 3 + 1, kind=Kind.NEGOTIATE, deal_breaker=point,
            visa_petition_started=n % 2 == 0, relocation_timeline_changed=moved,
            via_recruiter=channel is Channel.RECRUITER, start_date=dt.date(2026, 12, 11),
            decide_by=dt.date(2026, 12, 10), **NAMES,
        )  # fmt: skip


def applied_label(s: Situation) -> str:
    return f"{s.reason.value}/{s.address.value}/{'recruiter' if s.via_recruiter else 'direct'}"


def request_label(s: Situation) -> str:
    point = s.deal_breaker.value if s.deal_breaker else ""
    moved = "/moved" if s.relocation_timeline_changed else ""
    return f"{s.reason.value}/{point}/{s.address.value}{moved}"


def test_the_round14_rules_are_in_the_pack() -> None:
    assert {APPLIED, *CHANGE, PHRASES} <= set(pack_rules("de"))


@pytest.mark.parametrize("voice", list(Voice), ids=lambda voice: voice.value)
def test_no_applied_draft_thanks_for_a_reading_nobody_knows_of(
    composer: Composer, voice: Voice
) -> None:
    """Per voice, so that one case stays well inside the per-test time limit."""
    found = broken(composer, applied(voice), PROFILE, rules_named("de", [APPLIED]), applied_label)
    assert not found, "\n".join(found[:12])


@pytest.mark.parametrize("voice", list(Voice), ids=lambda voice: voice.value)
def test_the_panels_applied_thanks_are_gone(composer: Composer, voice: Voice) -> None:
    """The panel's sentences (e-mail, LinkedIn, the phone script and its e-mail, the answer
    to „why?“), in both forms of address and every wording."""
    said = ("Aufmerksamkeit", "geprüft", "angesehen", "in Betracht gezogen", "Berücksichtig")
    for channel, address, wording in itertools.product(Channel, Address, (1, 2, 3)):
        s = Situation(
            language="de", stage=Stage.APPLIED, channel=channel, voice=voice,
            address=address, wording=wording, **NAMES,
        )  # fmt: skip
        draft = composer.compose(s, PROFILE)
        texts = [draft.body_text, draft.phone_script or ""]
        texts += [text for _, text in draft.phone_branches]
        texts.append(composer.compose_reply(s, PROFILE, "asked-why").body_text)
        for text in texts:
            assert not [w for w in said if w in text], (channel, address, wording, text)


@pytest.mark.parametrize("voice", list(Voice), ids=lambda voice: voice.value)
def test_a_request_after_accepting_names_only_the_change_in_the_facts(
    composer: Composer, voice: Voice
) -> None:
    """Per voice, so that one case stays well inside the per-test time limit."""
    found = broken(composer, requests(voice), PROFILE, rules_named("de", CHANGE), request_label)
    assert not found, "\n".join(found[:12])


def test_the_panels_request_names_the_move_not_the_visa(composer: Composer) -> None:
    """The panel's draft: after accepting, the move's timeline changed, and the letter and
    the call presented the visa petition (started by the company) as what came up."""
    s = dataclasses.replace(
        next(r for r in requests(Voice.FORMAL) if r.deal_breaker is DealBreaker.SPONSORSHIP),
        reason=Reason.RELOCATION, channel=Channel.EMAIL, visa_petition_started=True,
        relocation_timeline_changed=True, via_recruiter=False,
    )  # fmt: skip
    draft = composer.compose(s, PROFILE)
    for text in (draft.body_text, draft.phone_script):
        assert "Zeitplan meines Umzugs geändert" in text
        assert "ergeben" not in text and "Visumsverfahren läuft" in text


@pytest.mark.parametrize("stage", list(Stage), ids=lambda stage: stage.value)
def test_no_phrase_the_panel_heard_as_translated(composer: Composer, stage: Stage) -> None:
    """The phrases the round-14 panels quoted („Die Umstände für Sie … tun mir leid“, „Eine
    Lösung bräuchte ich bis zum …“, „Mir ist eine Person bekannt“, „Wie regeln wir das laut
    Vertrag?“), over every reason, channel, voice and form of address at ``stage`` with the
    facts that bring out the door, the money and the goodwill lines, and every reply."""
    found = broken(composer, cases(stage), PROFILE, rules_named("de", [PHRASES]), label)
    assert not found, "\n".join(found[:12])
