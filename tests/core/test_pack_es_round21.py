"""The Spanish pack against the kinds two fresh native panels named (issue 26, round 21).

The seed-722 and seed-723 panels read the simple past for what happened today or lately
(«Le confirmo por escrito lo que le adelanté», «la ayuda para el traslado que ya recibí»),
which reads American or translated in Spain; a plural «Me gustaría que me tuvieran en
cuenta» to one reader (a manager, a recruiter); «Le agradezco mucho que me lo proponga, pero
prefiero cerrarlo aquí» as the answer to «would you reconsider later?» (a «lo» pointing at
nothing, cold after an accepted offer or with rapport, and at odds with the open door said
after it); «Buenos días, Tomás: … Atentamente» (a first name closed with the official
formula); and «el trabajo no (termina de) encaja(r) con lo que busco», a calque of «the job
isn't a fit»; and a phone script that offers to study «una propuesta concreta por escrito»
in one branch and says «mi decisión es firme» in another; and the same word in two sentences
in a row («no podré incorporarme… no podría incorporarme el viernes», «necesito hablar…
para hablarlo», «…, pero… …, pero…»).

Each kind is a rule of ``templates/es/wording/rules.toml`` read over every draft, phone script
(with its branches) and reply of round 10's matrix, round 15's (goodwill, money received,
through a recruiter) and round 13's requests to talk, as round 20 reads its own; the closing
after a first-name greeting is read over every voice, stage, channel and reply.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from rule_corpus import breaks, draft_texts, rules_named
from test_pack_es_round10 import CHUNK_IDS, CHUNKS
from test_pack_es_round15 import NAMES, PROFILE, composer
from test_pack_es_round20 import every_break

from bowout.core import Channel, Reason, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.vocabulary import REPLY_KINDS, Address
from bowout.core.wording import violations

#: A start the changed move would miss (the seed-722 panel's date).
START = dt.date(2027, 1, 15)

RULE_IDS = (
    "es-today-is-present-perfect",
    "es-one-reader-is-not-ustedes",
    "es-a-later-is-not-closed-here",
    "es-a-later-with-rapport-is-warm",
    "a-later-is-taken-up",
    "es-a-misfit-is-the-role-s",
    "es-a-script-takes-one-stance",
    "es-a-word-once-in-a-row",
)


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_the_round21_kinds_are_gone(stage: Stage, voice: Voice) -> None:
    """No draft, script, reply or request of the piece (round 20's corpus) breaks a rule of
    this round."""
    assert not (found := every_break(stage, voice, RULE_IDS)), "\n".join(found[:12])


def test_the_rules_read_the_sentences_the_panels_marked() -> None:
    """Each rule knows the sentence a panel quoted, and lets its native rewrite pass."""
    rules = dict(zip(RULE_IDS, rules_named("es", RULE_IDS), strict=True))
    later = {"reply": "reconsider-later", "warm": "true", "rapport": "true"}
    marked = [
        ("es-today-is-present-perfect", {},
         "Le confirmo por escrito lo que le adelanté: declino la oferta.",
         "Le confirmo por escrito lo que le he adelantado: declino la oferta."),
        ("es-today-is-present-perfect", {},
         "En cuanto a la ayuda para el traslado que ya recibí, quisiera saber cómo proceder.",
         "En cuanto a la ayuda para el traslado que ya he recibido, quisiera saber cómo "
         "proceder."),
        ("es-one-reader-is-not-ustedes", {},
         "Me gustaría que me tuvieran en cuenta para futuras vacantes.",
         "Me gustaría que me tuviera en cuenta en otra ocasión."),
        ("es-a-later-is-not-closed-here", later,
         "Le agradezco mucho que me lo proponga, pero prefiero cerrarlo aquí.",
         "Le agradezco de verdad que piense en mí para más adelante, aunque mi decisión "
         "está tomada. Ha sido un placer conocerle."),
        ("es-a-later-with-rapport-is-warm", later,
         "Le agradezco que piense en mí para más adelante, aunque mi decisión está tomada.",
         "Le agradezco que piense en mí para más adelante, aunque mi decisión está tomada. "
         "Ha sido un placer conocerle."),
        ("a-later-is-taken-up", later, "Gracias, pero mi decisión es firme.",
         "Gracias por pensar en mí para más adelante, pero mi decisión está tomada."),
        ("es-a-misfit-is-the-role-s", {},
         "El trabajo no termina de encajar con lo que busco ahora mismo.",
         "El puesto no se ajusta a lo que busco ahora mismo."),
    ]  # fmt: skip
    for rule_id, said, old, new in marked:
        rule = (rules[rule_id],)
        assert violations(rule, {"body": (old, said)}), old
        assert not violations(rule, {"body": (new, said)}), new
    counter = "«Se lo agradezco. Si me envían una propuesta concreta por escrito, la estudiaré.»"
    spoken = {"audience": "spoken"}
    rule = (rules["es-a-script-takes-one-stance"],)
    old = f"{counter}\n«Entiendo que no sea lo que esperaba oír, pero mi decisión es firme.»"
    new = f"{counter}\n«Entiendo que no sea lo que esperaba oír y lo siento.»"
    assert violations(rule, {"script": (old, spoken)}), old
    assert not violations(rule, {"script": (new, spoken)}), new


def closing_of(text: str) -> tuple[str, str]:
    """The greeting (first line) and the closing formula (the line above the name)."""
    lines = text.split("\n")
    return lines[0], lines[lines.index(PROFILE.name) - 1]


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_first_name_is_never_closed_atentamente(voice: Voice) -> None:
    """«Buenos días, Amara: … Atentamente» (the seed-723 panel): a letter or reply that greets
    a first name closes «Un cordial saludo» or warmer; «Estimada Sra. …:» may close
    «Atentamente»."""
    found = []
    for stage, channel, address in itertools.product(
        Stage, (Channel.EMAIL, Channel.RECRUITER, Channel.PHONE), Address
    ):
        s = Situation(language="es", stage=stage, channel=channel, voice=voice,
                      address=address, **NAMES)  # type: ignore[arg-type]  # fmt: skip
        texts = [composer().compose(s, PROFILE).body_text]
        if channel is not Channel.PHONE:
            texts += [composer().compose_reply(s, PROFILE, k).body_text for k in REPLY_KINDS]
        for text in texts:
            greeting, closing = closing_of(text)
            if not greeting.startswith("Estimad") and closing == "Atentamente,":
                found.append(f"{stage.value}/{channel.value}/{address.value}: {greeting}")
    assert not found, "\n".join(found[:8])
    titled = Situation(language="es", stage=Stage.FINAL, channel=Channel.EMAIL,
                       voice=Voice.FORMAL, **{**NAMES, "contact": "Sra. Lee"})  # type: ignore[arg-type]  # fmt: skip
    assert closing_of(composer().compose(titled, PROFILE).body_text) == (
        "Estimada Sra. Lee:",
        "Atentamente,",
    )


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_changed_move_does_not_join_twice(voice: Voice) -> None:
    """«…no podré incorporarme a su equipo. Mi traslado ha cambiado de fecha y no podría
    incorporarme el viernes 15 de enero.» (the seed-722 panel): over a changed move with and
    without a start date, every channel, wording and form of address, neither the verb nor
    a key noun comes back in the next sentence."""
    rules = rules_named("es", ("es-a-word-once-in-a-row", "es-the-key-noun-once-in-a-row"))
    found = []
    for stage, channel, wording, start, address in itertools.product(
        (Stage.OFFER, Stage.ACCEPTED), Channel, (1, 2, 3), (START, None), Address
    ):
        s = Situation(language="es", stage=stage, reason=Reason.RELOCATION, channel=channel,
                      voice=voice, wording=wording, address=address, start_date=start,
                      relocation_timeline_changed=True, **NAMES)  # type: ignore[arg-type]  # fmt: skip
        place = f"{stage.value}/{channel.value}/w{wording}/{address.value}/start={start}"
        found += breaks(rules, [(place, draft_texts(composer(), s, PROFILE))])
    assert not found, "\n".join(found[:8])
