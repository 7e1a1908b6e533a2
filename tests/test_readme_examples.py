"""The README's example drafts are what Bow Out writes today: each ``console`` block's
command is run and its message compared with the ``text`` block after it (a German example
had kept lines a later wording round had withdrawn, such as „künftige offene Stellen")."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "readme_examples", ROOT / "scripts" / "readme_examples.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


SCRIPT = load_script()
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = SCRIPT.examples(README)


def test_every_language_has_an_example() -> None:
    languages = [e.argv[e.argv.index("--language") + 1] for e in EXAMPLES]
    assert sorted(languages) == ["de", "es", "fr"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.argv[e.argv.index("--language") + 1])
def test_the_example_is_what_the_command_prints(example) -> None:  # type: ignore[no-untyped-def]
    assert SCRIPT.message_of(example.argv) == example.message, (
        "run: .venv/bin/python scripts/readme_examples.py"
    )


def test_a_changed_draft_is_noticed() -> None:
    """The comparison can fail: a README whose example lost a line differs once refreshed."""
    first = EXAMPLES[0]
    start, end = first.span
    stale = README[:start] + first.message.replace("Maya Okafor", "Someone Else") + README[end:]
    assert SCRIPT.refreshed(stale) == README != stale


def test_a_command_that_is_not_a_draft_is_refused() -> None:
    broken = "```console\n$ bowout history list\n```\n\n```text\nx\n```"
    with pytest.raises(ValueError, match="not one 'bowout draft' command"):
        SCRIPT.examples(broken)
