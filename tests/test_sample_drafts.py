"""docs/sample-drafts.md is what scripts/sample_drafts.py writes today (issue 21): a wording
change that forgets to regenerate it is noticed, and every sample keeps the rules."""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path

import pytest

from bowout.core import Channel
from bowout.core.vocabulary import Address

ROOT = Path(__file__).resolve().parent.parent


def load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "sample_drafts", ROOT / "scripts" / "sample_drafts.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_sample_drafts_file_is_up_to_date() -> None:
    text = load_script().render()
    assert (ROOT / "docs" / "sample-drafts.md").read_text(encoding="utf-8") == text, (
        "run: .venv/bin/python scripts/sample_drafts.py"
    )
    assert len(re.findall(r"^## \d+\. ", text, re.MULTILINE)) == 30


def test_no_sample_holds_a_placeholder_or_a_doubled_stop() -> None:
    text = (ROOT / "docs" / "sample-drafts.md").read_text(encoding="utf-8")
    assert "[" not in text.replace("[x]", "") and "Inc.." not in text
    assert "visa timeline" not in text and "arrival" not in text


def test_every_fact_a_draft_may_name_is_in_its_heading() -> None:
    """The reader checks each draft against its heading: a date to decide by that the draft
    names is one the user set, so the heading shows it (a panel read it as invented)."""
    script = load_script()
    rng = random.Random(21)
    for _ in range(30):
        situation, reply = script.draw(rng)
        heading = script.describe(situation, reply)
        if situation.decide_by:
            assert f"decide by {situation.decide_by.isoformat()}" in heading
        # Goodwill only as the user can choose it (the window and the CLI refuse it with
        # red flags), so a sample never shows a choice the draft then leaves out.
        assert situation.goodwill == situation.goodwill_offered, heading
        if situation.deal_breaker:
            assert f"deal-breaker {situation.deal_breaker.value}" in heading
        # The names a draft greets or relays to are the user's input, so the heading shows
        # them (a panel asked where "Herr Baker" came from).
        if situation.contact:
            assert f"contact {situation.contact}" in heading
        if situation.channel is Channel.RECRUITER and situation.recruiter:
            assert f"recruiter {situation.recruiter}" in heading


def test_the_samples_can_be_written_in_another_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fixture_packs import forget_packs, install_packs

    script = load_script()
    english = script.render(count=4)
    install_packs(tmp_path / "templates", monkeypatch)
    try:
        other = script.render(count=4, language="xx", address=Address.INFORMAL)
        out = tmp_path / "samples.md"
        assert script.main(["--count", "2", "--language", "xx", "--out", str(out)]) == 0
    finally:
        forget_packs()
    assert other.startswith("# Sample drafts (xx, informal)") and "XTHANKS" in other
    assert "XTHANKS" not in english
    # The same situations in both languages.
    heads = [line for line in other.splitlines() if line.startswith("## ")]
    assert heads == [line for line in english.splitlines() if line.startswith("## ")]
    assert out.read_text(encoding="utf-8").startswith("# Sample drafts (xx, formal)")
