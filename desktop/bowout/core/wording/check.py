"""``bowout templates check`` for wording: load each voice, compose samples, apply the rules."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from pathlib import Path

import jinja2

from bowout.core.errors import TemplateError
from bowout.core.goodwill import Goodwill
from bowout.core.situation import (
    Channel,
    Money,
    Profile,
    Reason,
    Situation,
    Stage,
    Voice,
)
from bowout.core.wording.rules import Rule, parse_rules, violations

#: The profile the samples are signed with.
SAMPLE_PROFILE = Profile("Sample Name", "sample@example.com", "+1 555 0100")


def rule_samples(language: str = "en") -> Iterator[Situation]:
    """Every stage x reason x channel x voice, with names, a door kept open, money paid and
    every goodwill choice; and each rescinding without the goodwill choices, and with a
    call to the hiring manager chosen (``will_call``) (in ``language``)."""
    for stage, reason, channel, voice in itertools.product(Stage, Reason, Channel, Voice):
        sample = Situation(
            stage=stage, reason=reason, channel=channel, voice=voice, keep_door_open=True,
            signing_bonus=Money.PAID if stage is Stage.ACCEPTED else Money.NONE,
            contact="Sam Sample", role="Sample Role", company="Sample Company",
            recruiter="Rae Recruiter", goodwill=tuple(Goodwill), language=language,
        )  # fmt: skip
        yield sample
        if stage is Stage.ACCEPTED:
            yield dataclasses.replace(sample, goodwill=())
            yield dataclasses.replace(sample, will_call=True)


def load_rules(env: jinja2.Environment) -> tuple[Rule, ...]:
    """The consistency rules as the environment's template folders give them."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, "wording/rules.toml")
    return parse_rules(source)


def check_wording(folder: Path, language: str = "en") -> list[str]:
    """Problems with the wording files in ``folder/wording`` (one line each; [] when fine),
    for messages in ``language`` (``folder`` is then a custom folder's ``<language>/``).

    Each voice is loaded as Bow Out would load it with ``folder`` first, every sample
    situation is composed, every consistency rule is applied to the result, and two
    variants of a slot that both fit, naming the same facts, are reported (which one is
    used must never depend on their order in the file).
    """
    from bowout.core.composer import WRITTEN_AUDIENCE, Composer, facts_of_channel

    if not (folder / "wording").is_dir():
        return []
    # A language's custom files live in a custom folder's <language>/ (English: the folder).
    composer = Composer([folder if language == "en" else folder.parent])
    try:
        rules = load_rules(composer.environment(language))
        wording = composer.wording_of(language)
        for voice in Voice:
            wording.voicebook(voice.value)
    except TemplateError as exc:
        return [str(exc)]
    problems: list[str] = []
    seen: set[str] = set()  # each ambiguity once, at the first situation that meets it
    today = composer.today()
    for situation in rule_samples(language):
        try:
            draft = composer.compose(situation, SAMPLE_PROFILE)
        except TemplateError as exc:
            problems.append(str(exc))
            break
        channel = draft.channel
        written = facts_of_channel(situation, channel, WRITTEN_AUDIENCE[channel], today)
        texts = {"subject": (draft.subject, written), "body": (draft.body_text, written)}
        if draft.phone_script:
            spoken = facts_of_channel(situation, channel, "spoken", today)
            texts["script"] = (draft.phone_script, spoken)
        where = f"{situation.stage.value}/{situation.reason.value}/{channel.value}"
        problems += [
            f"{situation.voice.value} voice, {where}: {v}" for v in violations(rules, texts)
        ]
        book = wording.voicebook(situation.voice.value)
        for _, facts in texts.values():
            for ambiguity in book.ambiguities(facts):
                if ambiguity not in seen:
                    seen.add(ambiguity)
                    problems.append(f"{situation.voice.value} voice, {where}: {ambiguity}")
    # A wording that failed while composing gave way to the built-in one: say so (a broken
    # .j2 template is reported by check_templates already).
    fell_back = [
        p for p in composer.take_template_problems() if p.endswith("own wording until it is fixed.")
    ]
    return fell_back + problems
