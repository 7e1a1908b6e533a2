"""Wordings: at least three genuinely different ones per voice for the common situations, a
number beyond them refused, the brief voice in every part, and phrasings that are one line
of plain text (issue 21)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import statistics
from dataclasses import replace
from pathlib import Path

import pytest

from bowout.cli import main
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Voice
from bowout.core.tone import count_words
from bowout.core.wording.check import check_wording

TODAY = dt.date(2026, 11, 29)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+1 555 0100")
NAMES = {"contact": "Jordan Lee", "role": "Data Analyst", "company": "Northwind"}
COMMON_REASONS = [Reason.OTHER_OFFER, Reason.NOT_A_FIT, Reason.PERSONAL, Reason.NONE]


def sentences(text: str) -> set[str]:
    return {s.strip() for s in re.split(r"(?<=[.?!,])\s+|\n", text) if s.strip()}


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_three_genuinely_different_wordings_for_the_common_situations(voice: Voice) -> None:
    composer = Composer(today=lambda: TODAY)
    for stage, reason, channel in itertools.product(
        Stage, COMMON_REASONS, [Channel.EMAIL, Channel.PHONE, Channel.RECRUITER]
    ):
        s = Situation(stage=stage, reason=reason, channel=channel, voice=voice,
                      recruiter="Tom Baker", **NAMES)  # fmt: skip
        drafts = [composer.compose(replace(s, wording=n), PROFILE) for n in (1, 2, 3)]
        assert all(d.wordings >= 3 for d in drafts), (stage, reason, channel)
        for one, two in itertools.combinations(drafts, 2):
            differ = sentences(one.body_text) ^ sentences(two.body_text)
            assert len(differ) >= 4, (stage, reason, channel, one.body_text, two.body_text)


def run_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(tmp_path / "data"), "draft", *args])
    out, err = capsys.readouterr()
    return code, out if code == 0 else err


@pytest.mark.parametrize("number", ["4", "99"])
def test_a_wording_beyond_those_available_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, number: str
) -> None:
    code, out = run_json(capsys, tmp_path, "--stage", "offer", "--format", "json")
    assert code == 0 and json.loads(out)["wordings"] == 3
    code, third = run_json(capsys, tmp_path, "--stage", "offer", "--wording", "3")
    first = run_json(capsys, tmp_path, "--stage", "offer")[1]
    assert code == 0 and third != first
    code, err = run_json(capsys, tmp_path, "--stage", "offer", "--wording", number)
    assert code == 2 and f"--wording {number}" in err and "choose 1 to 3" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_brief_voice_shortens_the_phone_script_too() -> None:
    composer = Composer(today=lambda: TODAY)
    words: dict[Voice, list[int]] = {Voice.BRIEF: [], Voice.WARM: []}
    for stage, reason in itertools.product(Stage, Reason):
        for voice, counts in words.items():
            s = Situation(stage=stage, reason=reason, channel=Channel.PHONE, voice=voice, **NAMES)
            script = composer.compose(s, PROFILE).phone_script or ""
            counts.append(count_words(script.split("If voicemail answers")[0]))
    brief, warm = statistics.mean(words[Voice.BRIEF]), statistics.mean(words[Voice.WARM])
    assert brief <= 0.8 * warm, (brief, warm)


def test_a_company_ending_in_a_full_stop_gets_one() -> None:
    composer = Composer(today=lambda: TODAY)
    for voice, stage in itertools.product(Voice, Stage):
        s = Situation(stage=stage, voice=voice, contact="Jordan Lee", role="Analyst",
                      company="Tailspin Toys, Inc.", channel=Channel.EMAIL)  # fmt: skip
        for wording in (1, 2, 3):
            body = composer.compose(replace(s, wording=wording), PROFILE)
            assert "Inc.." not in body.body_text and "Inc.." not in body.subject
            assert "..." not in body.body_text


@pytest.mark.parametrize(
    ("phrase", "why"),
    [
        ('"""Thank you.\nSecond line."""', "line break"),
        ('"Thank you.<br>Second line."', "markup (<br>)"),
        ('"Thank you &amp; goodbye."', "markup (&amp;)"),
    ],
)
def test_a_custom_phrase_with_a_line_break_or_markup_is_a_reported_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], phrase: str, why: str
) -> None:
    folder = tmp_path / "data" / "templates"
    (folder / "wording").mkdir(parents=True)
    (folder / "wording" / "warm.toml").write_text(
        f'base = "warm"\n[[close]]\nsay = {phrase}\n', encoding="utf-8"
    )
    problems = check_wording(folder)
    assert len(problems) == 1 and why in problems[0], problems
    code = main(["--data-dir", str(tmp_path / "data"), "templates", "check"])
    out = capsys.readouterr().out
    assert code != 0 and why in out and "0 problem(s)" not in out
    # The draft still goes out, in Bow Out's own words, with the problem said once.
    code = main(["--data-dir", str(tmp_path / "data"), "draft", "--stage", "offer"])
    captured = capsys.readouterr()
    assert code == 0 and "<br>" not in captured.out and why in captured.err
