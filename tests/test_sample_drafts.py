"""docs/sample-drafts.md is what scripts/sample_drafts.py writes today (issue 21): a wording
change that forgets to regenerate it is noticed, and every sample keeps the rules."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

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
