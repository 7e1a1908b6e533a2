"""Each draft the review found false, mail-merged or mis-addressed, as a test of its kind."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Money, Voice

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def draft(composer: Composer, **facts: object):  # type: ignore[no-untyped-def]
    values = {**NAMES, **facts}
    return composer.compose(Situation(**values), PROFILE)  # type: ignore[arg-type]


def all_text(d) -> str:  # type: ignore[no-untyped-def]
    return "\n".join((d.subject, d.body_text, d.phone_script or ""))


@pytest.mark.parametrize("voice", list(Voice))
def test_no_pay_gap_after_accepting_the_terms(composer: Composer, voice: Voice) -> None:
    d = draft(composer, stage=Stage.ACCEPTED, reason=Reason.COMPENSATION, voice=voice)
    assert not re.search(r"far apart|compensation|salary|pay range", all_text(d), re.I)
    # The cause is said as it is (issue 21, round 13): the pay, never "my finances".
    assert re.search(r"\bpay\b", d.body_text) and not re.search(r"financ", all_text(d), re.I)


@pytest.mark.parametrize("voice", list(Voice))
def test_money_promised_is_never_owed_and_money_paid_is_discussed(
    composer: Composer, voice: Voice
) -> None:
    promised = draft(
        composer, stage=Stage.ACCEPTED, voice=voice,
        signing_bonus=Money.PROMISED, relocation_assistance=Money.PROMISED,
    )  # fmt: skip
    assert not re.search(r"repay|settle|signing bonus|relocation assistance", all_text(promised))
    paid = draft(composer, stage=Stage.ACCEPTED, voice=voice,
                 signing_bonus=Money.PAID, relocation_assistance=Money.PAID)  # fmt: skip
    assert re.search(r"discuss|talk about|conversation", paid.body_text)
    assert "signing bonus" in paid.body_text and "relocation assistance" in paid.body_text
    assert not re.search(r"\bI will (repay|pay back|return)", all_text(paid))


def test_lateness_depends_on_how_near_the_start_is(composer: Composer) -> None:
    far = draft(composer, stage=Stage.OFFER, start_date=TODAY + dt.timedelta(days=150))
    assert not re.search(r"close to|so close|short notice", all_text(far))
    # An offer never accepted owes no apology for timing: the employer set the date (issue 21,
    # English round 11); an accepted offer with a near start does.
    near = draft(composer, stage=Stage.OFFER, start_date=TODAY + dt.timedelta(days=7))
    assert not re.search(r"close to|so close|short notice", all_text(near))
    accepted = draft(composer, stage=Stage.ACCEPTED, start_date=TODAY + dt.timedelta(days=7))
    assert re.search(r"close to my start date|start date so close", accepted.body_text)


def test_a_phone_script_is_spoken_at_every_stage(composer: Composer) -> None:
    for stage in Stage:
        d = draft(composer, stage=stage, channel=Channel.PHONE)
        assert d.phone_script is not None
        assert not re.search(r"I am writing|this (email|letter|note)|\bDear\b", d.phone_script)
        assert "If voicemail answers" in d.phone_script


def test_voicemail_never_announces_a_rescinded_acceptance(composer: Composer) -> None:
    d = draft(composer, stage=Stage.ACCEPTED, channel=Channel.PHONE)
    voicemail = d.phone_script.split("If voicemail answers:", 1)[1]  # type: ignore[union-attr]
    assert "call me back" in voicemail and not re.search(r"withdraw|acceptance", voicemail)


def test_people_are_greeted_as_people_greet(composer: Composer) -> None:
    email = draft(composer, stage=Stage.SCREENING)
    assert email.body_text.split("\n")[0] in ("Dear Jordan,", "Hello Jordan,")
    assert email.greeting == "Jordan"
    phone = draft(composer, stage=Stage.FINAL, channel=Channel.PHONE, voice=Voice.FORMAL)
    assert phone.body_text.startswith("Dear Jordan,")
    assert 'Open: "Hello Jordan, this is Riley Quinn.' in phone.phone_script  # type: ignore[operator]
    titled = draft(composer, stage=Stage.SCREENING, contact="Dr. Jordan Lee")
    assert titled.greeting == "Jordan"  # a title, but not the formal voice
    formal = draft(composer, stage=Stage.SCREENING, contact="Dr. Jordan Lee", voice=Voice.FORMAL)
    assert formal.greeting == "Dr Lee" and formal.body_text.startswith("Dear Dr Lee,")
    given = draft(composer, stage=Stage.SCREENING, greeting="Jo", channel=Channel.PHONE)
    assert "Jo," in given.body_text.split("\n")[0] and "Hello Jo," in given.phone_script  # type: ignore[operator]
    recruiter = draft(composer, stage=Stage.SCREENING, channel=Channel.RECRUITER,
                      recruiter="Tom Baker")  # fmt: skip
    assert recruiter.body_text.split("\n")[0] in ("Hi Tom,", "Hello Tom,")


def test_linkedin_is_a_message_not_an_email(composer: Composer) -> None:
    for stage in (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING):
        d = draft(composer, stage=stage, channel=Channel.LINKEDIN, keep_door_open=True)
        assert d.subject == ""
        assert not re.search(r"\bagain\b", d.body_text)
        assert "riley@example.org" not in d.body_text and "+1 555" not in d.body_text
        assert len(d.body_text) < 700, "short enough for a message box"


def test_the_recruiter_note_needs_no_hiring_manager_name(composer: Composer) -> None:
    d = draft(composer, stage=Stage.SCREENING, channel=Channel.RECRUITER, contact="",
              recruiter="Tom Baker")  # fmt: skip
    assert "let the hiring manager know" in d.body_text
    assert "[" not in d.body_text and not [f for f in d.findings if f.code == "placeholder"]


@pytest.mark.parametrize(
    ("stage", "expected"),
    [(Stage.ACCEPTED, "withdrawing my acceptance"), (Stage.OFFER, "declining the offer"),
     (Stage.FINAL, "withdrawing from the process")],
)  # fmt: skip
def test_recruiter_subjects_say_what_is_withdrawn(
    composer: Composer, stage: Stage, expected: str
) -> None:
    d = draft(composer, stage=stage, via_recruiter=True, recruiter="Tom Baker")
    assert d.channel is Channel.RECRUITER and d.subject.endswith(expected)


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.PHONE, Channel.RECRUITER])
def test_offer_subjects_say_the_offer_is_declined(composer: Composer, channel: Channel) -> None:
    d = draft(composer, stage=Stage.OFFER, channel=channel)
    assert re.search(r"declin", d.subject, re.I) and "my decision" not in d.subject


@pytest.mark.parametrize("voice", list(Voice))
def test_red_flags_bring_no_praise_and_one_thanks(composer: Composer, voice: Voice) -> None:
    d = draft(composer, stage=Stage.OFFER, reason=Reason.RED_FLAGS, voice=voice)
    body = d.body_text.rsplit("\n\n", 1)[0]
    assert not re.search(r"\bcare\b|enjoy|impress|wonderful|great team", body, re.I)
    assert len(re.findall(r"\bthank|\bgrateful|\bappreciat", body, re.I)) == 1


def test_a_running_petition_is_never_volunteered_to_stop(composer: Composer) -> None:
    d = draft(composer, stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, visa_petition_started=True,
              sponsorship_required=True, channel=Channel.PHONE)  # fmt: skip
    # Said plainly so the employer can act (the panel's fix 7), never undertaken or asked;
    # as information for them ("no longer needed"), not "can be stopped now" (round 14).
    said = r"visa petition (can be stopped|is (therefore )?no longer needed)"
    assert re.search(said, all_text(d))
    assert not re.search(r"\b(I|I'll|please) (will )?(stop|withdraw|cancel) the", all_text(d), re.I)
    assert any("immigration adviser" in i.text and i.phase == "before" for i in d.checklist)


def test_no_word_said_three_times_and_no_decision_twice(composer: Composer) -> None:
    fit = draft(composer, stage=Stage.INTERVIEWING, reason=Reason.NOT_A_FIT, keep_door_open=True)
    assert len(re.findall(r"\brole\b", fit.body_text)) <= 2
    path = draft(composer, stage=Stage.INTERVIEWING, reason=Reason.DIFFERENT_PATH)
    assert len(re.findall(r"I have decided", path.body_text)) <= 1


def test_rescinding_by_email_has_no_call_in_its_checklist(composer: Composer) -> None:
    d = draft(composer, stage=Stage.ACCEPTED, channel=Channel.EMAIL)
    assert not [i for i in d.checklist if "call" in i.text.lower()]
    keys = [i.key for i in d.checklist]
    assert keys.index("logistics.contract") < keys.index("roadmap.channel")
    assert len(d.checklist) <= 14


@pytest.mark.parametrize("stage", [Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING])
@pytest.mark.parametrize(
    "facts", [{}, {"sponsorship_required": True}, {"relocation_timeline_changed": True}]
)
def test_before_an_offer_there_is_no_planned_start_to_miss(
    composer: Composer, stage: Stage, facts: dict[str, bool]
) -> None:
    d = draft(composer, stage=stage, reason=Reason.RELOCATION, channel=Channel.PHONE, **facts)
    assert not re.search(r"planned start|start date|ready to start", all_text(d))
    # The move is the reason; a change is said only when the user gave one (issue 21).
    if facts.get("relocation_timeline_changed"):
        assert re.search(r"move has been rescheduled.*timing no longer works", d.body_text)
    else:
        assert re.search(r"\bmove\b", d.body_text) and "changed" not in d.body_text
    assert "visa" not in all_text(d)
