"""The kinds behind the fourth English panel's lost points (issue 21, round 8: a fresh
reading of 30 drafts), each a property of every draft over the matrix of
:mod:`test_rubric_patterns` (stages x reasons x channels x voices x wordings, the replies to
what they wrote back, the phone script with its branches and its confirming email).

A kind stated in data is a rule of templates/en/wording/rules.toml, checked here by its id;
the ones a rule cannot express (which branches a call has, the words of its titles) are
checked here directly.
"""

from __future__ import annotations

import itertools

import pytest
from test_rubric_patterns import PROFILE, RULES, SLICES, TODAY, broken

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.pack import load_pack
from bowout.core.situation import DealBreaker, Kind, Voice, negotiable
from bowout.core.vocabulary import DEAL_BREAKERS
from bowout.core.wording import violations

#: The rules of rules.toml behind the panel's kinds (each proven over the matrix, replies
#: included): a door line only with its flag, no counter-offer before an offer, a
#: follow-up after silence that asks for confirmation and repeats the petition, and the
#: smaller kinds (loose or stiff phrasing, "other openings" after a change of direction).
RULE_KINDS = (
    "the-door-is-open-only-when-chosen",
    "no-offer-before-there-is-one",
    "a-follow-up-asks-them-to-confirm",
    "a-follow-up-repeats-the-petition",
    "a-letter-does-not-go-on-with-it",
    "a-change-of-direction-asks-for-no-other-openings",
)

NAMES = {"contact": "Sam Whitfield", "role": "Data Analyst", "company": "Northwind Traders"}
PRE_OFFER = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.FINAL)


@pytest.mark.parametrize("key", SLICES)
def test_every_draft_follows_the_fourth_panels_rules(key: str) -> None:
    assert not broken(RULE_KINDS, key), "\n".join(broken(RULE_KINDS, key))


def test_the_door_rule_reads_the_lines_the_panel_found() -> None:
    """The rule knows the panel's sentences (drafts 29, 30): it is not a rule of nothing."""
    rule = RULES["the-door-is-open-only-when-chosen"]
    facts = {"keep_door_open": "false", "stay_in_touch": "false"}
    for sentence in (
        "My decision on this role stands, but I'd be glad to stay in touch and to hear "
        "about future openings.",
        "I would be glad to keep working with you on other openings.",
        "I hope you will still think of me in future.",
        "I'd be glad to hear about other roles.",
    ):
        assert violations((rule,), {"body": (sentence, facts)}), sentence


# -- 1. failed talks: the reason they served is said with the point that failed ----------
def linked() -> list[tuple[Stage, Reason, DealBreaker]]:
    """Every stage x reason x deal-breaker where the talks can be the reason said another
    way, but the point is not the reason itself (the move needed sponsorship...)."""
    return [
        (stage, reason, breaker)
        for stage, (breaker, info) in itertools.product(Stage, DEAL_BREAKERS.items())
        for reason in info.causes
        if reason in (Reason.RELOCATION, Reason.PERSONAL) and negotiable(stage, reason)
    ]


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_failed_talks_keep_the_reason_they_served(voice: Voice) -> None:
    """Draft 14: "As we discussed, we couldn't agree on visa sponsorship." dropped the move;
    every channel, wording, the call and the answer to "why?" say both."""
    composer = Composer(today=lambda: TODAY)
    rule = (RULES["failed-talks-keep-the-reason-they-served"],)
    problems = []
    for (stage, reason, breaker), channel, wording in itertools.product(
        linked(), Channel, (1, 2, 3)
    ):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, negotiated=True, deal_breaker=breaker,
                      recruiter="Tom Baker", **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        written = facts_of_channel(s, d.channel, WRITTEN_AUDIENCE[d.channel], TODAY)
        texts = {"body": (d.body_text, written)}
        if d.phone_script:
            texts["script"] = (d.phone_script, facts_of_channel(s, d.channel, "spoken", TODAY))
        answer = composer.compose_reply(s, PROFILE, "asked-why")
        why = facts_of_reply(s, d.channel, "asked-why", TODAY)
        where = f"{stage.value}/{reason.value}/{breaker.value}/{channel.value}/w{wording}"
        for found in (violations(rule, texts), violations(rule, {"body": (answer.body_text, why)})):
            problems += [f"{where}: {v}" for v in found]
    assert linked() and not problems, "\n".join(problems[:10])


# -- 3. a counter-offer branch only where there is an offer --------------------------------
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_call_has_a_counter_offer_branch_only_at_the_offer_stages(voice: Voice) -> None:
    """Drafts 8 and 19: "If they make a counter-offer ...: 'That is generous of you'" in a
    call at the final or interviewing stage, where nothing has been offered."""
    composer = Composer(today=lambda: TODAY)
    title = load_pack().word("branches", "counter")
    problems = []
    for stage, reason in itertools.product(Stage, Reason):
        s = Situation(stage=stage, reason=reason, channel=Channel.PHONE, voice=voice, **NAMES)
        whens = [when for when, _ in composer.compose(s, PROFILE).phone_branches]
        if (title in whens) == (stage in PRE_OFFER):
            problems.append(f"{stage.value}/{reason.value}: {whens}")
    assert not problems, "\n".join(problems)


# -- 4. the call names no window control ---------------------------------------------------
def test_the_call_names_no_window_control() -> None:
    """Draft 22: "(then use Try to resolve it first)" names a checkbox the CLI user does not
    have; a call's branch titles say what to do in words, whatever the front end."""
    labels = [kind.label for kind in Kind if " " in kind.label]
    titles = load_pack().words["branches"].values()
    assert not [t for t in titles for label in labels if label.lower() in t.lower()]
    composer = Composer(today=lambda: TODAY)
    for stage, voice in itertools.product(Stage, Voice):
        s = Situation(stage=stage, reason=Reason.PERSONAL, channel=Channel.PHONE, voice=voice,
                      **NAMES)  # fmt: skip
        d = composer.compose(s, PROFILE)
        said = "\n".join([d.phone_script or "", *(f"{w}: {t}" for w, t in d.phone_branches)])
        assert not [label for label in labels if label.lower() in said.lower()], said


# -- 6. the smaller kinds: thanks that fit the stage, a close that fits the rapport --------
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_call_about_an_offer_thanks_for_the_offer(voice: Voice) -> None:
    """Draft 2: a bare "Thank you for your time." before withdrawing an acceptance; a call
    that turns an offer down or withdraws an acceptance thanks them for the offer."""
    composer = Composer(today=lambda: TODAY)
    problems = []
    for stage, reason in itertools.product((Stage.OFFER, Stage.ACCEPTED), Reason):
        s = Situation(stage=stage, reason=reason, channel=Channel.PHONE, voice=voice, **NAMES)
        script = composer.compose(s, PROFILE).phone_script or ""
        thanks = next(line for line in script.splitlines() if "Thank them:" in line)
        if "offer" not in thanks:
            problems.append(f"{stage.value}/{reason.value}: {thanks}")
    assert not problems, "\n".join(problems)


def test_no_bare_regards_with_rapport_or_an_open_door() -> None:
    """Draft 12: "I hope we stay in touch." signed off with a bare "Regards,"."""
    composer = Composer(today=lambda: TODAY)
    problems = []
    for stage, channel, voice, wording, (rapport, door) in itertools.product(
        Stage, (Channel.EMAIL, Channel.RECRUITER, Channel.LINKEDIN), Voice, (1, 2, 3),
        ((True, False), (False, True)),
    ):  # fmt: skip
        s = Situation(stage=stage, reason=Reason.PERSONAL, channel=channel, voice=voice,
                      wording=wording, rapport=rapport, keep_door_open=door,
                      recruiter="Tom Baker", **NAMES)  # fmt: skip
        body = composer.compose(s, PROFILE).body_text
        if "\nRegards,\n" in body:
            problems.append(f"{stage.value}/{channel.value}/{voice.value}/w{wording}")
    assert not problems, "\n".join(problems)
