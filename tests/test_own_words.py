"""No run of ten words from the careers article appears anywhere in the repository.

The article (shared/reference beside the checkout) is the source of the product's advice;
every template, label, help text and test is written in the project's own words.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT.parent / "shared" / "reference" / "withdraw-after-interview.txt"
RUN = 10
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return _WORD.findall(text)


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def test_no_ten_word_run_of_the_article_in_any_tracked_file() -> None:
    if not ARTICLE.is_file():  # a checkout without the steering folder beside it
        pytest.skip("the reference article is not beside this checkout")
    article = runs(words(ARTICLE.read_text(encoding="utf-8")))
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    found = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in {".png", ".ico", ".icns", ".pdf"} or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for run in runs(words(text)) & article:
            found.append(f"{name}: {' '.join(run)}")
    assert not found, "\n".join(found)
