"""French requests to talk (kind negotiate) against what the native panel marked (issue 26,
French panel, drafts 3 and 5), over every negotiable stage, reason, channel, voice, form of
address and deal-breaker: the point is named in the subject and in the first two sentences,
never "un point" left unnamed; a relocation deal-breaker is about the move itself unless the
user's reason is money; and the thanks and the promised answer fit the stage."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.draft import Draft
from bowout.core.negotiation import point_of
from bowout.core.situation import DealBreaker, Kind, Voice, negotiable
from bowout.core.vocabulary import Address

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley.quinn@example.org", "+44 20 7946 0321")
NAMES = {"contact": "Sam Whitfield", "role": "Operations Lead", "company": "Fabrikam",
         "recruiter": "Tom Baker"}  # fmt: skip
BEFORE_AN_OFFER = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.FINAL)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def requests(breaker: DealBreaker) -> Iterator[Situation]:
    cells = itertools.product(Stage, Reason, Channel, Voice, Address)
    for n, (stage, reason, channel, voice, address) in enumerate(cells):
        if negotiable(stage, reason):
            yield Situation(language="fr", stage=stage, reason=reason, channel=channel,
                            voice=voice, address=address, kind=Kind.NEGOTIATE,
                            deal_breaker=breaker, wording=1 + n % 3,
                            decide_by=TODAY + dt.timedelta(days=7), **NAMES)  # type: ignore[arg-type]  # fmt: skip


def sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.?!])\s+", text.replace("\n", " ")) if x.strip()]


def body(draft: Draft) -> str:
    """The message between its greeting and its sign-off."""
    lines = draft.body_text.split("\n")
    return "\n".join(lines[2 : lines.index(PROFILE.name) - 1]).strip()


@pytest.mark.parametrize("breaker", [b for b in DealBreaker if b is not DealBreaker.OTHER],
                         ids=lambda b: b.value)  # fmt: skip
def test_a_request_names_its_point_in_the_subject_and_first_two_sentences(
    composer: Composer, breaker: DealBreaker
) -> None:
    point = point_of(breaker, "fr")
    for s in requests(breaker):
        d = composer.compose(s, PROFILE)
        said = "\n".join((d.subject, d.body_text, d.phone_script or ""))
        assert not re.search(r"\bun point\b", said), said
        assert not d.subject or point in d.subject, d.subject
        assert point in " ".join(sentences(body(d))[:2]), body(d)


def test_relocation_is_the_move_itself_unless_the_reason_is_money(composer: Composer) -> None:
    money = re.compile(
        r"(accompagnement|aide|soutien|prise en charge) (du|pour le|au) déménagement|financ"
    )
    seen_money = False
    for s in requests(DealBreaker.RELOCATION):
        d = composer.compose(s, PROFILE)
        said = "\n".join((d.subject, body(d), d.phone_script or ""))
        assert "déménagement" in said, said
        if s.reason is Reason.COMPENSATION:
            seen_money |= bool(money.search(said))
        else:
            assert not money.search(said), said
    assert seen_money, "with pay as the reason, help with the move may be asked for"


def test_the_thanks_and_the_answer_fit_the_stage(composer: Composer) -> None:
    for s in itertools.chain(*(requests(b) for b in DealBreaker)):
        d = composer.compose(s, PROFILE)
        text = body(d)
        if s.stage in BEFORE_AN_OFFER:  # nothing offered, so no answer to give
            said = "\n".join((text, d.phone_script or ""))
            answer = r"\b(ma|une) réponse|(vous|te) répondre|proposition|\boffre"
            assert not re.search(answer, said), said
        elif s.stage is Stage.OFFER:  # an offer is thanked for first
            assert re.search(r"propos|offre", sentences(text)[0]), text
