"""German drafts as the native panel read them in round 15 (issue 26), each kind checked
over voices, forms of address, wordings, channels, reasons and replies.

- After rescinding, the answer to a repayment demand or to a counter-offer ends on one human
  line that fits the goodwill the user chose (the referral, else the handover call, else
  staying in touch or the open door; a wish when nothing was chosen or after red flags),
  never on the clause question; the question asks which contractual provision the claim
  rests on, not which clause „Sie sich stützen“; and staying in touch is said once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from test_pack_de_round9 import NAMES, PROFILE, TODAY, sentences

from bowout.core import Channel, Composer, Reason, Situation, Stage
from bowout.core.goodwill import Goodwill
from bowout.core.situation import Money, Voice
from bowout.core.vocabulary import Address

#: Every set of goodwill choices a user can make after rescinding.
GOODWILL = [tuple(g) for n in range(len(Goodwill) + 1) for g in itertools.combinations(Goodwill, n)]
#: What the last line says, by the choice it answers (in order of precedence).
REFERRAL = re.compile(r"empfehlen")
HANDOVER = re.compile(r"Neubesetzung")
STAY = re.compile(r"weiterhin in Kontakt")
DOOR = re.compile(r"Wege .*wieder kreuz")
WISH = re.compile(r"wünsche")


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def rescinded(voice: Voice) -> Iterator[Situation]:
    """Every address x goodwill x open door x channel of a rescinded acceptance in ``voice``,
    warm reasons and red flags, with relocation money received."""
    reasons = (Reason.OTHER_OFFER, Reason.NOT_A_FIT, Reason.RED_FLAGS)
    cases = itertools.product(
        Address, GOODWILL, (False, True), reasons, (Channel.EMAIL, Channel.RECRUITER)
    )
    for n, (address, goodwill, door, reason, channel) in enumerate(cases):
        yield Situation(
            language="de", stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
            address=address, goodwill=goodwill, keep_door_open=door, wording=n % 3 + 1,
            relocation_assistance=Money.PAID, via_recruiter=channel is Channel.RECRUITER, **NAMES,
        )  # fmt: skip


def expected_close(s: Situation, kind: str) -> re.Pattern[str]:
    """The line an answer of ``kind`` after rescinding ``s`` ends on."""
    if s.reason is Reason.RED_FLAGS:
        return WISH
    if Goodwill.REFERRAL in s.goodwill:
        return REFERRAL
    if Goodwill.HANDOVER in s.goodwill:
        return HANDOVER
    if kind == "repayment" and Goodwill.STAY_IN_TOUCH in s.goodwill:
        return STAY
    if kind == "repayment" and s.keep_door_open:
        return DOOR
    return WISH


@pytest.mark.parametrize("voice", list(Voice), ids=lambda voice: voice.value)
def test_an_answer_after_rescinding_ends_on_the_goodwill_chosen(
    composer: Composer, voice: Voice
) -> None:
    found: dict[str, str] = {}
    for s in rescinded(voice):
        for kind in ("repayment", "counter-offer"):
            text = composer.compose_reply(s, PROFILE, kind).body_text
            said = sentences(text)
            where = f"{kind}/{s.reason.value}/{s.address.value}/{s.channel.value}"
            where += f"/{'+'.join(g.value for g in s.goodwill) or 'none'}/door={s.keep_door_open}"
            wrong = []
            if not expected_close(s, kind).search(said[-1]):
                wrong.append(f"ends on {said[-1]!r}")
            if len(re.findall(r"in Kontakt", text)) > 1:
                wrong.append("„in Kontakt“ twice")
            if re.search(r"Klausel|(?:Sie sich|ihr euch) stütz|melde mich\.$", text, re.M):
                wrong.append("a clause question that reads adversarial, or ends on business")
            if wrong:
                found.setdefault("; ".join(wrong), where)
    assert not found, "\n".join(f"{where}: {what}" for what, where in list(found.items())[:12])
