"""German drafts as the native panel read them in round 20 (session 14, seeds 724 and 725),
each kind held over stages, reasons, channels, voices, forms of address and wordings, in
every draft, its phone script with its branches and the answers to each reply.

- „vielen Dank für Ihre Unterstützung auf dem Weg zur Position als …“ read as a calque ("on
  the way to"). The recruiter is thanked for supporting the candidacy („für Ihre
  Unterstützung meiner Kandidatur für die Position als …“): the role named, no „Bewerbung“
  in the thanks (round 17), no selection process before the interviews (round 9).
- „Vielen Dank für Ihre Zeit“, „für die Gespräche und Ihre Zeit“ read as English stock: the
  thanks name what happened (the talks, the offer, the trust), a follow-up asks for a short
  confirmation.
- „Danke, dass Sie sich kurz Zeit für diese Nachricht nehmen.“ and „beworben – danke für Ihr
  Verständnis.“ thanked before the news: after applying the letter says where it comes from,
  gives the decision, then thanks once („Vielen Dank für Ihr Verständnis.“).
"""

from __future__ import annotations

import pytest
from rule_corpus import broken, rules_named
from test_pack_de_round9 import PROFILE, TODAY, label
from test_pack_de_round19 import cases

from bowout.core import Composer, Stage

#: The rules this round added, one per kind the panels read.
ROUND_20 = (
    "de-no-calque-on-the-way-to-the-role",
    "de-thanks-for-something-concrete",
    "de-the-news-before-the-thanks",
)


@pytest.mark.parametrize("door", [True, False], ids=["door", "no-door"])
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_round_20_kinds_everywhere(stage: Stage, door: bool) -> None:
    rules = rules_named("de", ROUND_20)
    found = broken(Composer(today=lambda: TODAY), cases(stage, door), PROFILE, rules, label)
    assert not found, "\n".join(found[:12])
