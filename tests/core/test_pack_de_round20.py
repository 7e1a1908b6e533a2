"""German drafts as the native panel read them in round 20 (session 14, seeds 724 and 725),
each kind held over stages, reasons, channels, voices, forms of address and wordings, in
every draft, its phone script with its branches and the answers to each reply.

- „vielen Dank für Ihre Unterstützung auf dem Weg zur Position als …“ read as a calque ("on
  the way to"). The recruiter is thanked for the support and for putting the user forward
  („für Ihre Unterstützung und dafür, dass Sie mich für die Position als … vorgeschlagen
  haben“): the role named, no „Bewerbung“ in the thanks (round 17), no selection process
  before the interviews (round 9), no „Kandidatur“ (an earlier panel's calque).
- „Vielen Dank für Ihre Zeit“, „für die Gespräche und Ihre Zeit“ read as English stock: the
  thanks name what happened (the talks, the offer, the trust), a follow-up asks for a short
  confirmation.
- „Danke, dass Sie sich kurz Zeit für diese Nachricht nehmen.“ and „beworben – danke für Ihr
  Verständnis.“ thanked before the news: after applying the letter says where it comes from,
  gives the decision, then thanks once („Vielen Dank für Ihr Verständnis.“).
- „Ich habe eine andere Stelle in Aussicht“ understated an offer in hand: „Ich habe mich für
  eine andere Stelle entschieden, die besser zu mir passt.“
- „für die Position absagen“ for declining an offer: „nehme ich das Angebot für die Position
  als … nicht an“, „Leider kann ich die Position als … nicht annehmen.“, or, after thanks
  that named the offer, „Leider muss ich Ihnen absagen.“ (round 15).
- „Nach reiflicher Überlegung“ / „Nach sorgfältiger Abwägung“ in most drafts, once with
  „muss ich“: one phrasing among three at most, never with „muss“.
- Apologies: none for declining an offer („Entschuldigen Sie die kurzfristige Absage.“),
  one when rescinding (not „Es tut mir leid“ and „mein aufrichtiges Bedauern“), said as a
  person says it („Es tut mir leid, dass ich Ihnen so kurz vor meinem Eintritt Umstände
  mache.“, not „Die Umstände für Sie … tun mir leid.“).
- The call's calques: „Ich weiß, dass Sie sich eine andere Nachricht gewünscht hätten.“,
  „eine Lösung, mit der beide Seiten gut leben können“.
- The same word in sentences next to each other („gern … gern“, „Zeitplan … zeitlich“,
  „wenn es hilft … wenn“, „passt … Passendes“): „Mein Umzug verschiebt sich, sodass die
  Stelle zeitlich nicht mehr passt.“, „falls sich künftig wieder eine Gelegenheit ergibt“.
- „Viel Erfolg bei der Besetzung.“ was clipped: „Ich wünsche Ihnen viel Erfolg bei der
  Besetzung.“; the answer to an open door thanks for the gesture („das ist sehr freundlich
  von Ihnen. Ich weiß das sehr zu schätzen, auch wenn meine Entscheidung feststeht.“).
"""

from __future__ import annotations

import re

import pytest
from rule_corpus import broken, drafts_of, rules_named
from test_pack_de_round9 import PROFILE, TODAY, label, situations
from test_pack_de_round19 import cases

from bowout.core import Channel, Composer, Reason, Stage
from bowout.core.situation import Voice
from bowout.core.vocabulary import Address

#: The rules this round added, one per kind the panels read.
ROUND_20 = (
    "de-no-calque-on-the-way-to-the-role",
    "de-thanks-for-something-concrete",
    "de-the-news-before-the-thanks",
    "de-another-offer-is-in-hand",
    "de-an-offer-is-declined-not-called-off",
    "de-a-weighed-decision-is-not-forced",
    "de-one-apology-where-one-is-due",
    "de-no-calque-in-the-call",
    "de-no-echo-in-adjacent-sentences",
    "de-a-wish-and-a-thanks-in-full",
)
#: The stock opening of a weighed decision, which the panels read in most drafts.
WEIGHED = re.compile(
    r"\b[Nn]ach (?:reiflicher|sorgfältiger|eingehender) (?:Überlegung|Abwägung|Prüfung)"
)


@pytest.mark.parametrize("door", [True, False], ids=["door", "no-door"])
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_round_20_kinds_everywhere(stage: Stage, door: bool) -> None:
    rules = rules_named("de", ROUND_20)
    found = broken(Composer(today=lambda: TODAY), cases(stage, door), PROFILE, rules, label)
    assert not found, "\n".join(found[:12])


def test_a_weighed_decision_is_one_phrasing_among_others() -> None:
    """At most a third of the drafts (their letters, not the replies) open the decision with
    „Nach reiflicher Überlegung“ and its kin; the panels read it in most."""
    composer = Composer(today=lambda: TODAY)
    every = [s for stage in Stage for s in cases(stage, False)]
    corpus = drafts_of(composer, every, PROFILE, label)
    weighed = [place for place, texts in corpus if WEIGHED.search(texts["body"][0])]
    assert len(weighed) * 3 <= len(corpus), (len(weighed), len(corpus), weighed[:6])


def test_the_relay_after_declining_an_offer_names_it_once() -> None:
    """The language matrix found „Leider muss ich das Angebot ablehnen.“ then „… ausrichten,
    dass ich mich über das Angebot sehr gefreut habe?“ in a note to the recruiter: the relay
    says „über die Zusage“. (The contact has no title: the rule reads within sentences, and
    „Dr.“ would end one.)"""
    rules = rules_named("de", ["de-the-key-noun-once-in-a-row"])
    notes = [
        next(situations(stage=Stage.OFFER, channel=Channel.RECRUITER, reason=Reason.NONE,
                        contact="Jordan Lee", voice=voice, address=address, wording=wording))
        for voice in Voice for address in Address for wording in (1, 2, 3)
    ]  # fmt: skip
    found = broken(Composer(today=lambda: TODAY), notes, PROFILE, rules, label)
    assert not found, "\n".join(found[:6])
