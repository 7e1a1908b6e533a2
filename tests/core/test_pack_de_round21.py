"""German drafts as the native panels read them in round 21 (session 15, seeds 726 and 727),
each kind held over stages, reasons, channels, voices, forms of address and wordings, in
every draft, its phone script with its branches and the answers to each reply.

- The key-noun rule stopped at the dot of „Frau Dr. Okafor“ inside a second sentence, so
  the rounds' contact hid „Leider muss ich das Angebot ablehnen. … über das Angebot …“ that
  the language matrix found with an untitled contact: it now reads across „Dr.“ there too.
- „Inzwischen habe ich mich entschlossen, meine Bewerbung zurückzuziehen. Ich habe mich für
  ein anderes Angebot entschieden.“ said the decision twice, two sentences opening „Ich
  habe“: one sentence („Leider ziehe ich meine Bewerbung zurück, da ich mich für ein anderes
  Angebot entschieden habe.“).
- The letter after a call repeated the script's thanks word for word („noch einmal für das
  Vertrauen, das Sie mir mit dem Angebot entgegengebracht haben“), stacking two thanks: „und
  nochmals für Ihr Vertrauen“.
- „Ich hoffe auf Ihr Verständnis.“ closed a rescission alone, stock and cold: „Ich hoffe auf
  Ihr Verständnis und wünsche Ihnen und dem Team alles Gute.“
- „die gute Zusammenarbeit“ was thanked for before the first working day.
- „Ich rufe an, weil ich mich gegen eine Zusage entschieden habe.“ read bureaucratic; two
  dash asides („– mit dessen Einverständnis –“, „– gerade nach Ihrem Einsatz für mich“).
- „Gern können wir zu einem späteren Zeitpunkt wieder in Kontakt treten.“ read stock, and
  after a refusal as "this offer, later": the settled „Gern bleibe ich mit Ihnen in Kontakt“.
- „Unterstützung bei meiner Vermittlung als …“ read as agency jargon: „für Ihre
  Unterstützung und Ihre Empfehlung für die Position als …“.
- The answers to a counter-offer and to a repayment demand read word for word the same in
  the three voices, and the wish after the money stood glued to it: each voice has its own
  register, the wish a paragraph of its own.
"""

from __future__ import annotations

import dataclasses

import pytest
from rule_corpus import broken, quoted, rules_named
from test_pack_de_round9 import PROFILE, TODAY, body_of, label, situations
from test_pack_de_round19 import cases

from bowout.core import Composer, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.wording import violations

#: The rules this round added or sharpened, one per kind the panels read.
ROUND_21 = (
    "de-the-key-noun-once-in-a-row",
    "de-the-decision-once-with-its-reason",
    "de-one-thanks-after-the-call",
    "de-a-rescission-ends-warmly",
    "de-no-work-together-before-it-began",
    "de-said-plainly-without-asides",
    "de-the-door-is-the-settled-line",
    "de-the-recruiter-is-thanked-in-full",
)
#: What the panels quoted (and the matrix found), by the rule that reads it.
QUOTED_BY_RULE = {
    "de-the-key-noun-once-in-a-row": [
        ("body", "Leider muss ich das Angebot ablehnen. Würden Sie meine Absage bitte an Frau "
                 "Dr. Okafor weitergeben und ausrichten, dass ich mich über das Angebot sehr "
                 "gefreut habe?"),
    ],
    "de-the-decision-once-with-its-reason": [
        ("body", "Inzwischen habe ich mich entschlossen, meine Bewerbung zurückzuziehen. Ich "
                 "habe mich für ein anderes Angebot entschieden."),
        ("body", "Ich habe es mir gut überlegt und ziehe meine Bewerbung zurück. Ich habe mich "
                 "für eine Stelle bei einem anderen Unternehmen entschieden."),
    ],
    "de-one-thanks-after-the-call": [
        ("body", "vielen Dank für unser Telefonat heute und noch einmal für das Vertrauen, das "
                 "Sie mir mit dem Angebot entgegengebracht haben."),
    ],
    "de-a-rescission-ends-warmly": [
        ("body", "Wenn Sie mögen, bleiben wir weiterhin in Kontakt. Ich hoffe auf Ihr "
                 "Verständnis."),
    ],
    "de-no-work-together-before-it-began": [
        ("body", "vielen Dank für Ihr Vertrauen und die gute Zusammenarbeit."),
    ],
    "de-said-plainly-without-asides": [
        ("script", "Ich rufe an, weil ich mich gegen eine Zusage entschieden habe."),
        ("body", "Ich kenne jemanden, der gut passen könnte, und stelle – mit dessen "
                 "Einverständnis – den Kontakt her."),
    ],
    "de-the-door-is-the-settled-line": [
        ("body", "Gern können wir zu einem späteren Zeitpunkt wieder in Kontakt treten."),
    ],
    "de-the-recruiter-is-thanked-in-full": [
        ("body", "vielen Dank für Ihre Unterstützung bei meiner Vermittlung als Data Analyst."),
    ],
}  # fmt: skip
#: The facts a quote was written for, where its rule names some.
FACTS = {
    "de-one-thanks-after-the-call": {"channel": "phone"},
    "de-a-rescission-ends-warmly": {"stage": "accepted"},
    "de-no-work-together-before-it-began": {"audience": "manager"},
}
#: The answers about money, in each voice.
MONEY = ("counter-offer", "repayment")


@pytest.mark.parametrize(("rule_id", "part", "text"), quoted(QUOTED_BY_RULE))
def test_the_rules_read_what_the_panel_quoted(rule_id: str, part: str, text: str) -> None:
    """Each rule knows the sentence the panel quoted (the Dr. contact's echo included)."""
    assert violations(rules_named("de", [rule_id]), {part: (text, FACTS.get(rule_id, {}))})


@pytest.mark.parametrize(
    ("stage", "door"), [(stage, door) for stage in Stage for door in (True, False)],
    ids=lambda value: getattr(value, "value", "door" if value else "no-door"),
)  # fmt: skip
def test_round_21_kinds_everywhere(stage: Stage, door: bool) -> None:
    """Every draft at ``stage`` (the door open or not, with rapport and without), its
    script and its answers keep this round's rules."""
    composer = Composer(today=lambda: TODAY)
    if found := broken(composer, cases(stage, door), PROFILE, rules_named("de", ROUND_21), label):
        pytest.fail("\n".join(found[:12]))


def answer(composer: Composer, situation: Situation, kind: str) -> str:
    return composer.compose_reply(situation, PROFILE, kind).body_text


@pytest.mark.parametrize("kind", MONEY)
def test_each_voice_answers_money_in_its_own_words(kind: str) -> None:
    """The same facts in the three voices give three different answers, and the wish after
    the money stands in a paragraph of its own."""
    composer = Composer(today=lambda: TODAY)
    found = []
    for s in (s for s in situations() if s.voice is Voice.WARM):
        said = {
            voice: body_of(answer(composer, dataclasses.replace(s, voice=voice), kind))
            for voice in Voice
        }
        if len(set(said.values())) < len(said):
            found.append(f"{label(s)}: {said[Voice.WARM]!r}")
        if kind == "repayment" and any("\n\n" not in text for text in said.values()):
            found.append(f"{label(s)}: the wish glued to the money")
    assert not found, "\n".join(found[:8])
