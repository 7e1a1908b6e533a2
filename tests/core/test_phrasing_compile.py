"""Each phrasing is compiled once, whatever sentences it is chosen with (issue 26: the
matrix tests of four languages draft tens of thousands of choices, and compiling one
combined template per choice was most of a draft's time), and rendering phrasing by
phrasing gives each slot what it says among the others."""

from __future__ import annotations

import datetime as dt

import pytest

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage, message_text
from bowout.core.situation import Money
from bowout.core.wording import sentences

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Maya Okafor", "maya@example.com", "+1 555 0100")


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.PHONE])
def test_a_new_choice_of_known_phrasings_compiles_nothing(language: str, channel: Channel) -> None:
    composer = Composer(today=lambda: TODAY)
    situation = Situation(
        stage=Stage.ACCEPTED, reason=Reason.RELOCATION, channel=channel, language=language,
        signing_bonus=Money.PAID, contact="Jordan Lee", role="Analyst", company="Northwind",
        recruiter="Tom Baker", start_date=TODAY + dt.timedelta(days=20),
    )  # fmt: skip
    wording = composer.wording_of(language)
    chosen = composer.choose(situation, channel)
    context = message_text.template_context(situation, PROFILE, channel, TODAY)
    whole = wording.render_all(chosen, 2, context)
    compiled = sentences._compile.cache_info().misses
    # The same phrasings chosen in other groupings: each slot alone, each audience alone.
    alone = {
        audience: {slot: wording.render_all({audience: {slot: variant}}, 2, context)[audience][slot]
                   for slot, variant in slots.items()}
        for audience, slots in chosen.items()
    }  # fmt: skip
    for audience, slots in chosen.items():
        wording.render_all({audience: dict(slots)}, 2, context)
    assert sentences._compile.cache_info().misses == compiled
    if channel is Channel.PHONE:
        assert "spoken" in chosen  # the script's sentences, with the names said on a call
    for audience, slots in alone.items():
        assert slots == {slot: whole[audience][slot] for slot in slots}
        assert any(slots.values())
