"""Wording chosen by cause, not by order: the reason slot speaks of the user's reason, the
facts get the sentences that settle them, and the order of variants in a file changes
nothing (issue 21)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import random
import shutil
import sys
from pathlib import Path

import pytest

from bowout import paths
from bowout.cli import main
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Money, Voice
from bowout.core.wording.check import check_wording

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}


def cli_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> dict:  # type: ignore[type-arg]
    code = main(["--data-dir", str(tmp_path / "data"), "draft", *args, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_rescinding_for_a_rescheduled_move_names_the_move_not_the_visa(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = cli_json(capsys, tmp_path, "--stage", "accepted", "--reason", "relocation",
                 "--visa-petition-started", "--relocation-timeline-changed")  # fmt: skip
    for text in (d["body_text"], d["phone_script"]):
        assert "move has been rescheduled" in text
        # The petition is named so they can plan for it, never given as the cause.
        assert "visa" not in text.lower().replace("visa petition", "")


@pytest.mark.parametrize("stage", ["offer", "final"])
def test_needing_sponsorship_is_not_given_as_a_changed_visa_timeline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, stage: str
) -> None:
    d = cli_json(capsys, tmp_path, "--stage", stage, "--reason", "relocation",
                 "--sponsorship-required")  # fmt: skip
    said = d["body_text"] + (d["phone_script"] or "")
    assert "visa" not in said.lower() and "no longer" not in said
    assert "move" in said or "relocat" in said.lower()
    checklist = " ".join(item["text"] for item in d["checklist"])
    assert "petition" not in checklist and "immigration adviser" in checklist


def test_a_started_petition_is_settled_in_the_checklist(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = cli_json(capsys, tmp_path, "--stage", "accepted", "--reason", "relocation",
                 "--visa-petition-started")  # fmt: skip
    adviser = next(i["text"] for i in d["checklist"] if i["key"] == "logistics.adviser")
    assert "petition they started" in adviser


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
@pytest.mark.parametrize("reason", [r for r in Reason if r is not Reason.RELOCATION])
def test_nobody_planned_around_an_arrival_nobody_mentioned(voice: Voice, reason: Reason) -> None:
    composer = Composer(today=lambda: TODAY)
    for channel, wording in itertools.product(Channel, (1, 2, 3)):
        s = Situation(stage=Stage.ACCEPTED, reason=reason, channel=channel, voice=voice,
                      wording=wording, **NAMES)  # fmt: skip
        draft = composer.compose(s, PROFILE)
        text = draft.body_text + (draft.phone_script or "")
        assert "arrival" not in text and "my move" not in text.lower(), text


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(value, ensure_ascii=False)


def shuffled_copy(source: Path, target: Path, seed: int) -> None:
    """The voice files of ``source`` with every slot's variants in a random order."""
    shuffle = random.Random(seed).shuffle
    target.mkdir(parents=True)
    for path in source.glob("*.toml"):
        if path.name == "rules.toml":
            shutil.copy(path, target / path.name)
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        # A voice's settings (its base voice, whether it contracts) stay at the top.
        lines = [
            f"{key} = {_toml_value(data.pop(key))}" for key in ("base", "contract") if key in data
        ]
        for slot, variants in data.items():
            shuffle(variants)
            for variant in variants:
                lines.append(f"[[{slot}]]")
                lines += [f"{key} = {_toml_value(value)}" for key, value in variant.items()]
        (target / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("seed", [1, 2])
def test_the_order_of_variants_in_a_file_changes_no_draft(tmp_path: Path, seed: int) -> None:
    shuffled_copy(paths.pack_dir() / "wording", tmp_path / "wording", seed)
    as_written = Composer(today=lambda: TODAY)
    shuffled = Composer([tmp_path], today=lambda: TODAY)
    facts = [
        {},
        dict(visa_petition_started=True, relocation_timeline_changed=True,
             signing_bonus=Money.PAID, start_date=TODAY + dt.timedelta(days=10)),
        dict(sponsorship_required=True, keep_door_open=True, rapport=True),
    ]  # fmt: skip
    matrix = itertools.product(Stage, Reason, Channel, Voice, facts)
    for n, (stage, reason, channel, voice, more) in enumerate(matrix):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=1 + n % 3, **NAMES, **more)  # fmt: skip
        one, two = as_written.compose(s, PROFILE), shuffled.compose(s, PROFILE)
        assert (one.subject, one.body_text, one.phone_script) == (
            two.subject, two.body_text, two.phone_script,
        ), s  # fmt: skip
    assert shuffled.take_template_problems() == []


def test_two_equally_specific_variants_that_both_fit_are_reported(tmp_path: Path) -> None:
    (tmp_path / "wording").mkdir()
    (tmp_path / "wording" / "warm.toml").write_text(
        'base = "warm"\n'
        '[[close]]\nwhen = { stage = "offer" }\nsay = "One."\n'
        '[[close]]\nwhen = { stage = ["offer", "final"] }\nsay = "Two."\n',
        encoding="utf-8",
    )
    problems = check_wording(tmp_path)
    assert problems and all("equally specific" in p for p in problems)
    assert any("close variant 1 and" in p and "close variant 2" in p for p in problems)


def test_the_built_in_wording_has_no_ambiguity_and_keeps_every_rule() -> None:
    assert check_wording(paths.pack_dir()) == []


def test_a_more_specific_variant_wins_wherever_it_is_written(tmp_path: Path) -> None:
    (tmp_path / "wording").mkdir()
    (tmp_path / "wording" / "warm.toml").write_text(
        'base = "warm"\n'
        '[[close]]\nwhen = { stage = "offer" }\nsay = "For an offer."\n'
        '[[close]]\nwhen = { stage = "offer", reason = "personal" }\nsay = "Personal offer."\n',
        encoding="utf-8",
    )
    composer = Composer([tmp_path], today=lambda: TODAY)
    base = Situation(stage=Stage.OFFER, reason=Reason.PERSONAL, channel=Channel.EMAIL, **NAMES)
    assert "Personal offer." in composer.compose(base, PROFILE).body_text
    other = dataclasses.replace(base, reason=Reason.OTHER_OFFER)
    assert "For an offer." in composer.compose(other, PROFILE).body_text
