"""The tone coach's own kinds: contempt, complaints, apologies, praise after red flags,
placeholders once with their field, and a call where one is due; each with its own code."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from bowout.core import tone, tone_findings, tone_kinds, tone_scan
from bowout.core.composer import PLACEHOLDERS, Composer
from bowout.core.draft import Finding
from bowout.core.situation import Channel, Profile, Reason, Situation, Stage, Voice
from bowout.core.tone import check_tone

ACME = Situation(
    stage=Stage.INTERVIEWING, company="Acme Analytics", contact="Jane Doe", role="Data Analyst"
)
RED_FLAGS = dataclasses.replace(ACME, reason=Reason.RED_FLAGS)
SIGNATURE = "Kind regards,\nMaya López"


def _body(sentence: str) -> str:
    return f"Dear Jane,\n\nThank you for your time. I am withdrawing my application. {sentence}\n"


def _flagged(findings: tuple[Finding, ...], text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start : f.end]) for f in findings]


def test_every_code_has_its_own_fix() -> None:
    assert set(tone.CODES) == set(tone_findings.MESSAGES)
    assert len(set(tone_findings.MESSAGES.values())) == len(tone_findings.MESSAGES)
    assert {"absolute", "complaint", "repeated-apology", "red-flags-praise"} <= set(tone.CODES)
    assert {"email-late", "recruiter-rescind", "overshare", "shouting"} <= set(tone.CODES)
    assert "long-sentence" in tone.CODES


NEW_PHRASES = [
    # Absolutes and contempt.
    ("I would never work for a company like yours.", "absolute", "I would never work"),
    ("I would never work for a company like yours.", "absolute", "a company like yours"),
    ("I'd never recommend you to anyone.", "absolute", "I'd never recommend"),
    ("Never again.", "absolute", "Never again"),
    ("I expected more from an employer like yours.", "absolute", "an employer like yours"),
    ("People like you should not hire.", "absolute", "People like you"),
    ("You always keep candidates in limbo.", "absolute", "You always keep"),
    ("Your recruiters never listen.", "absolute", "Your recruiters never listen"),
    ("Good luck finding someone else.", "absolute", "Good luck finding"),
    ("It's your loss.", "absolute", "It's your loss"),
    # Complaints without any criticism keyword.
    ("You never replied for three weeks.", "complaint", "never replied"),
    ("No one got back to me after the panel.", "complaint", "No one got back"),
    ("The interviewer was late and uninterested.", "complaint", "was late and uninterested"),
    ("He seemed completely distracted.", "complaint", "seemed completely distracted"),
    ("The panel kept me waiting an hour.", "complaint", "kept me waiting"),
    ("They didn't even look at my portfolio.", "complaint", "didn't even look"),
    ("The recruiter ghosted me twice.", "complaint", "ghosted"),
    ("Not once did anyone ask about my work.", "complaint", "Not once did"),
    ("There was no reply for over two weeks.", "complaint", "no reply for over two weeks"),
    ("The call was cancelled at the last minute.", "complaint", "cancelled at the last minute"),
    ("I had to chase you for feedback.", "complaint", "had to chase"),
]


@pytest.mark.parametrize(("sentence", "code", "span"), NEW_PHRASES)
def test_new_kinds_are_flagged_with_their_span(sentence: str, code: str, span: str) -> None:
    text = _body(sentence)
    flagged = _flagged(check_tone(text, ACME, Channel.EMAIL), text)
    assert (code, span) in flagged
    # In the subject too, with the subject as target.
    subject = [f for f in check_tone(_body(""), ACME, Channel.EMAIL, subject=sentence)]
    assert [(f.code, sentence[f.start : f.end]) for f in subject if f.code == code]
    assert all(f.target == "subject" for f in subject)


# Each lookalike beside a twin that is flagged: the rule is narrow, not absent.
LOOKALIKES = [
    (
        "I would never have guessed how much I'd learn from these conversations.",
        "I would never work with you again.",
    ),
    ("I will never forget how welcome the team made me feel.", "I will never trust your team."),
    ("I will always be grateful for your time.", "You always ignore candidates."),
    ("You never know, our paths may cross again.", "You never answer, so I am writing."),
    ("You always made me feel welcome.", "You always made me wait."),
    ("I'd be glad to join a team like yours one day.", "I would not join a team like yours."),
    (
        "Working at a company like yours was a real goal of mine.",
        "A company like yours should do better.",
    ),
    ("I would like to thank you again.", "People like you are the problem."),
    ("Thank you for getting back to me so quickly.", "Nobody got back to me."),
    ("I was late to reply, and I apologise.", "The manager was late to the call."),
    ("This was late in your process, I know.", "They were late again."),
    ("Nobody could have been kinder.", "Nobody replied to my emails."),
    ("I have not once doubted the quality of the team.", "You have not once replied."),
    ("I am still deciding about next steps for my career.", "I am still waiting for feedback."),
    ("I have moved to another city.", "The interview was moved twice."),
    ("My start date was moved again.", "The interview was cancelled again."),
    ("I never replied to your last email, sorry.", "You never replied to my last email."),
    ("I've never written a harder email.", "I never heard back after the panel."),
    ("I didn't even know about the opening until March.", "They didn't even know my name."),
    ("I will not be available for the next round.", "You did not bother to reply."),
]


@pytest.mark.parametrize(("clean", "flagged"), LOOKALIKES)
def test_lookalikes_are_not_contempt_or_complaints(clean: str, flagged: str) -> None:
    assert check_tone(_body(clean), ACME, Channel.EMAIL) == ()
    found = {f.code for f in check_tone(_body(flagged), ACME, Channel.EMAIL)}
    assert found & {"absolute", "complaint"}, flagged


def test_one_apology_is_fine_two_are_flagged_from_the_second() -> None:
    one = _body("I apologise for the short notice.")
    assert check_tone(one, ACME, Channel.EMAIL) == ()
    text = _body("I am sorry for the short notice. Apologies again, and sorry for any trouble.")
    flagged = _flagged(check_tone(text, ACME, Channel.EMAIL), text)
    assert flagged == [("repeated-apology", "Apologies"), ("repeated-apology", "sorry")]


def test_an_apology_in_the_signature_does_not_count() -> None:
    signature = "With apologies and best wishes,\nMaya"
    text = _body("I sincerely apologise for the disruption.") + "\n" + signature
    assert check_tone(text, ACME, Channel.EMAIL, signature=signature) == ()
    # Without a signature to leave out, the closing is a second apology.
    flagged = _flagged(check_tone(text, ACME, Channel.EMAIL, signature=""), text)
    assert flagged == [("repeated-apology", "apologies")]


PRAISE = [
    ("I enjoyed meeting the team.", "enjoyed"),
    ("I was impressed by the product.", "impressed"),
    ("You have a great team.", "great team"),
    ("It was a wonderful afternoon.", "wonderful"),
    ("I admire what you have built.", "admire"),
    ("Thank you for the care the team showed throughout.", "the care the team showed"),
    ("It was a pleasure to meet everyone.", "a pleasure"),
]


@pytest.mark.parametrize(("sentence", "span"), PRAISE)
def test_praise_is_flagged_only_after_red_flags(sentence: str, span: str) -> None:
    text = _body(sentence)
    flagged = _flagged(check_tone(text, RED_FLAGS, Channel.EMAIL), text)
    assert flagged == [("red-flags-praise", span)]
    for reason in Reason:
        if reason is not Reason.RED_FLAGS:
            situation = dataclasses.replace(ACME, reason=reason)
            assert check_tone(text, situation, Channel.EMAIL) == (), reason


@pytest.mark.parametrize(
    ("clean", "praise"),
    [
        ("I was not impressed by the product.", "I was impressed by the product."),
        ("Kind regards and all the best with the search.", "Kind people, and all the best."),
        ("After a great deal of thought, I have decided.", "After a great interview, I decided."),
        ("Take care.", "Thank you for your kindness."),
    ],
)
def test_red_flags_lookalikes_are_not_praise(clean: str, praise: str) -> None:
    def found(sentence: str) -> list[str]:
        return [f.code for f in check_tone(_body(sentence), RED_FLAGS, Channel.EMAIL)]

    assert "red-flags-praise" not in found(clean)
    assert "red-flags-praise" in found(praise)


@pytest.mark.parametrize("stage", [Stage.FINAL, Stage.OFFER])
def test_email_when_a_call_is_recommended_is_flagged(stage: Stage) -> None:
    text = _body("")
    with_rapport = Situation(stage=stage, rapport=True)
    (finding,) = check_tone(text, with_rapport, Channel.EMAIL)
    assert finding.code == "email-late" and "call" in finding.message
    assert (finding.start, finding.end, finding.target) == (0, 0, "body")
    # No rapport: email is the recommendation. A phone call: the email confirms it.
    assert check_tone(text, Situation(stage=stage), Channel.EMAIL) == ()
    assert check_tone(text, with_rapport, Channel.PHONE) == ()
    # Through a recruiter the recruiter is recommended, not a call.
    via = Situation(stage=stage, rapport=True, via_recruiter=True)
    assert check_tone(text, via, Channel.EMAIL) == ()


@pytest.mark.parametrize(
    "note",
    [
        "Could you please let Jane know?",
        "Thanks for the call yesterday.",
        "I'm happy to talk it through whenever suits you.",
        "Could you let Jane know? I would also like to call them myself.",
        "I will call Jane Doe this afternoon to explain.",
    ],
)
def test_recruiter_note_rescinding_gets_the_call_advice_until_the_user_chooses_to_call(
    note: str,
) -> None:
    """The advice goes by the choice (``will_call``), never by the note's words: a draft
    promises no call the user did not choose, so the remark says how to choose it."""
    accepted = dataclasses.replace(ACME, stage=Stage.ACCEPTED)
    text = "Hi Sam,\n\nThank you for your help. I have to withdraw my acceptance. " + note
    (finding,) = check_tone(text, accepted, Channel.RECRUITER)
    assert finding.code == "recruiter-rescind"
    assert "call" in finding.message and "hiring manager" in finding.message
    assert "I'll also call the hiring manager myself" in finding.message  # the remedy
    assert check_tone(text, dataclasses.replace(accepted, will_call=True), Channel.RECRUITER) == ()
    # Before anything was accepted, the recruiter passing it on is enough.
    assert check_tone(text, dataclasses.replace(ACME, stage=Stage.OFFER), Channel.RECRUITER) == ()


def test_each_placeholder_is_reported_once_with_its_field() -> None:
    text = (
        "Dear [Hiring manager's name],\n\nThank you for the [Role] interviews. I am withdrawing "
        "from the [Role] process at [Company], starting [Start date]. [Company] was kind.\n\n"
        "[Your name]\n[Your email]"
    )
    subject = "[Role] at [Company]: withdrawing"
    findings = check_tone(text, ACME, Channel.EMAIL, subject=subject, signature="")
    messages = {text[f.start : f.end]: f.message for f in findings if f.code == "placeholder"}
    assert messages == {
        "[Hiring manager's name]": "Fill in the Contact name field: “[Hiring manager's name]” "
        "appears in the body.",
        "[Role]": "Fill in the Role field: “[Role]” appears in the subject and the body.",
        "[Company]": "Fill in the Company field: “[Company]” appears in the subject and the body.",
        "[Start date]": "Replace “[Start date]” with the real words: it appears in the body.",
        "[Your name]": "Fill in your profile in Settings: “[Your name]” appears in the body.",
        "[Your email]": "Fill in your profile in Settings: “[Your email]” appears in the body.",
    }
    # Each span is the first occurrence.
    spans = {text[f.start : f.end]: f.start for f in findings}
    assert spans["[Role]"] == text.index("[Role]")
    assert spans["[Company]"] == text.index("[Company]")


def test_a_placeholder_only_in_the_subject_points_there() -> None:
    subject = "Withdrawing: [Recruiter's name] and [Role]"
    findings = check_tone(_body(""), ACME, Channel.EMAIL, subject=subject)
    assert [(f.target, subject[f.start : f.end]) for f in findings] == [
        ("subject", "[Recruiter's name]"),
        ("subject", "[Role]"),
    ]
    assert findings[0].message == (
        "Fill in the Recruiter field: “[Recruiter's name]” appears in the subject."
    )


def test_every_composer_placeholder_names_its_field() -> None:
    assert set(PLACEHOLDERS) <= set(tone_findings.FIELD_LABELS)
    for key, placeholder in PLACEHOLDERS.items():
        (finding,) = check_tone(_body(placeholder), ACME, Channel.EMAIL)
        assert tone_findings.FIELD_LABELS[key] in finding.message


def test_register_refuses_a_one_letter_stem() -> None:
    rule = tone_scan.Rule(tone_kinds.APOLOGY.pattern, stems=("s",))
    with pytest.raises(ValueError, match="two characters"):
        tone_scan.register(rule)


RED_FLAGS_MINIMAL = (
    "Dear Jane,\n\nThank you for considering my application. After further thought, I have "
    "decided to withdraw from consideration for the Data Analyst role.\n"
)


def test_a_minimal_red_flags_message_passes_and_a_warm_one_does_not() -> None:
    assert check_tone(RED_FLAGS_MINIMAL, RED_FLAGS, Channel.EMAIL) == ()
    warm = RED_FLAGS_MINIMAL + "I enjoyed meeting the team and admire what you have built.\n"
    flagged = _flagged(check_tone(warm, RED_FLAGS, Channel.EMAIL), warm)
    assert flagged == [("red-flags-praise", "enjoyed"), ("red-flags-praise", "admire")]


@pytest.mark.parametrize("stage", list(Stage))
def test_generated_drafts_raise_none_of_the_new_kinds(stage: Stage) -> None:
    # The composer's own wording must pass its own coach: only the channel advice the
    # user overrode may remain; a recruiter note rescinding an acceptance promises a call
    # only when the user chose to call (and then the coach's call words see it).
    composer = Composer()
    profile = Profile("Maya Okafor", "maya@example.com", "+1 555 0100")
    advice = {"linkedin-late", "email-rescind", "email-late"}
    for reason, channel, voice, wording in itertools.product(Reason, Channel, Voice, (1, 2, 3)):
        situation = Situation(
            stage=stage, reason=reason, channel=channel, voice=voice, wording=wording,
            rapport=True, contact="Jordan Lee", role="Analyst", company="Northwind",
            recruiter="Sam Rivera",
        )  # fmt: skip
        draft = composer.compose(situation, profile)
        advised = advice | ({"recruiter-rescind"} if channel is Channel.RECRUITER else set())
        assert {f.code for f in draft.findings} <= advised, (situation, draft.findings)
        if stage is Stage.ACCEPTED and channel is Channel.RECRUITER:
            called = composer.compose(dataclasses.replace(situation, will_call=True), profile)
            assert {f.code for f in called.findings} <= advice, (situation, called.findings)
            assert tone_findings.mentions_a_call(called.body_text, situation.contact)
