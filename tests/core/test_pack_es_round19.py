"""The Spanish pack against the calques a second fresh native panel heard (issue 26, round 19).

The panel (seed 720) read «Pensarlo con calma me ha hecho ver que…» (an infinitive as the
subject, after «Después de pensarlo mucho»), «Al revisarlo con calma» with no antecedent,
«Le agradezco el tiempo y la consideración» ("time and consideration"), «una cifra que funcione
para ambas partes», «Mi intención es aclararlo a más tardar el…» right after «aclarar el
salario», and «Le deseo mucho éxito con la vacante» after thanks for help «con la vacante».
One rule of ``templates/es/wording/rules.toml`` holds them all, read over the same corpus as
round 18 (rounds 10, 13 and 15: every draft, call script with its branches, reply and request
to talk).
"""

from __future__ import annotations

import pytest
from rule_corpus import rules_named
from test_pack_es_round10 import CHUNK_IDS, CHUNKS
from test_pack_es_round18 import every_break

from bowout.core import Stage
from bowout.core.situation import Voice
from bowout.core.wording import violations

RULE_ID = "es-no-calque-the-panel-heard-round-19"


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("stage", "voice"), CHUNKS, ids=CHUNK_IDS)
def test_the_round19_calques_are_gone(stage: Stage, voice: Voice) -> None:
    found = every_break(stage, voice, (RULE_ID,))
    assert not found, "\n".join(found[:12])


@pytest.mark.parametrize(
    ("marked", "native"),
    [
        ("Pensarlo con calma me ha hecho ver que el trabajo no es lo que busco.",
         "Me he dado cuenta de que el trabajo no es lo que busco en este momento."),
        ("Al revisarlo con calma, la retribución no me compensa el cambio.",
         "Tras revisar con calma las condiciones, la retribución no me compensa el cambio."),
        ("Le agradezco el tiempo y la consideración que me han dedicado.",
         "Le agradezco el tiempo que me han dedicado."),
        ("Mi intención es aclararlo a más tardar el martes 8 de diciembre.",
         "Tengo que dar mi respuesta a más tardar el martes 8 de diciembre."),
        ("Le deseo mucho éxito con la vacante.", "Le deseo mucho acierto en la selección."),
    ],
)  # fmt: skip
def test_the_rule_reads_what_the_panel_marked(marked: str, native: str) -> None:
    (rule,) = rules_named("es", (RULE_ID,))
    assert violations((rule,), {"body": (marked, {})})
    assert not violations((rule,), {"body": (native, {})})
