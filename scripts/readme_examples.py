"""Keep the README's example drafts what Bow Out writes today.

Run: .venv/bin/python scripts/readme_examples.py [--check]

Each example in README.md is a ``console`` block holding one ``$ bowout draft …`` command
(lines may continue with a trailing backslash), followed by a ``text`` block with the message
it prints: the subject line, a blank line and the body up to the signature. This script runs
each command in this process, on a scratch data folder (no saved profile: the command names
the sender with ``--your-name``), and writes the message into the ``text`` block. With
``--check`` it writes nothing and exits 1 if a block differs; ``tests/test_readme_examples.py``
does the same, so a wording change that leaves the README telling an older draft is noticed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

from bowout.cli import main as bowout  # noqa: E402

README = ROOT / "README.md"
EXAMPLE = re.compile(
    r"```console\n(?P<command>\$ .*?)\n```\n\n```text\n(?P<message>.*?)\n```",
    re.DOTALL,
)
CHANNEL_MARK = "\n\n--- Channel:"  # where the text format's message ends


@dataclass(frozen=True)
class Example:
    """One example: ``argv`` for ``bowout`` and the ``message`` the README shows, with the
    character ``span`` of that message in the README's text."""

    argv: list[str]
    message: str
    span: tuple[int, int]


def examples(readme: str) -> list[Example]:
    """Every ``console`` + ``text`` example pair in ``readme``, in order.

    Raises ValueError for a command that is not one ``bowout draft`` line (after joining
    backslash continuations), so a typo in the README fails loudly."""
    found = []
    for match in EXAMPLE.finditer(readme):
        command = match["command"].replace("\\\n", " ").removeprefix("$ ")
        words = shlex.split(command)
        if words[:2] != ["bowout", "draft"] or "\n" in command:
            raise ValueError(f"not one 'bowout draft' command: {match['command']!r}")
        found.append(Example(words[1:], match["message"], match.span("message")))
    return found


def message_of(argv: list[str]) -> str:
    """The message (subject, blank line, body with signature) ``bowout ARGV`` prints in its
    text format, run on an empty scratch data folder. Raises RuntimeError if it fails."""
    out, err = io.StringIO(), io.StringIO()
    with (
        tempfile.TemporaryDirectory() as data,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = bowout(["--data-dir", data, *argv])
    if code != 0:
        raise RuntimeError(f"bowout {shlex.join(argv)} exited {code}: {err.getvalue()}")
    return out.getvalue().split(CHANNEL_MARK, 1)[0].rstrip("\n")


def refreshed(readme: str) -> str:
    """``readme`` with every example's message replaced by what the command prints now."""
    parts, last = [], 0
    for example in examples(readme):
        start, end = example.span
        parts += [readme[last:start], message_of(example.argv)]
        last = end
    return "".join(parts) + readme[last:]


def main(argv: list[str] | None = None) -> int:
    """Rewrite README.md's examples (or, with ``--check``, only compare); 0 if up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    new = refreshed(text)
    if new == text:
        print(f"{len(examples(text))} README examples are up to date")
        return 0
    if args.check:
        print("README examples differ from the drafts; run scripts/readme_examples.py")
        return 1
    README.write_text(new, encoding="utf-8")
    print(f"rewrote the README examples ({len(examples(new))})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
