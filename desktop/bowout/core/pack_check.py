"""Is a language pack complete? Every file, key, slot and rule of the English pack, and a
tone coach's word list for a language other than English (issue 26).

``templates/en/`` is the reference: another pack holds the same layout templates
(``*.j2``), the same sections and keys in ``pack.toml``, every slot of each voice's
``wording/<voice>.toml`` and every rule id of ``wording/rules.toml`` (its patterns in that
language), and a ``tone.toml`` (:data:`TONE_SECTIONS`). Each problem is one line naming the
file and the key, so whoever writes the pack knows what to add.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from bowout import paths

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The voices, one wording file each.
VOICES = ("warm", "formal", "brief")
#: The tone coach's word lists in ``tone.toml``: each a table with ``patterns``, a list of
#: Python regular expressions (matched case-insensitively as whole words).
TONE_SECTIONS = (
    "thanks", "decision", "criticism", "absolutes", "money", "address.formal",
    "address.informal",
)  # fmt: skip


def _toml(path: Path, problems: list[str], label: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        problems.append(f"{label}: the file is missing")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{label}: cannot be read: {exc}")
    return None


def _keys(table: dict[str, Any], prefix: str = "") -> set[str]:
    """Every key of a TOML document as "[section] key" (nested tables as "a.b")."""
    found: set[str] = set()
    for name, value in table.items():
        if isinstance(value, dict):
            found |= _keys(value, f"{prefix}{name}.")
        else:
            section = prefix.rstrip(".")
            found.add(f"[{section}] {name}" if section else name)
    return found


def _slots(document: dict[str, Any]) -> set[str]:
    """The slots a voice file fills: its arrays of tables."""
    return {
        name
        for name, value in document.items()
        if isinstance(value, list) and all(isinstance(v, dict) for v in value)
    }


def check_pack(language: str, root: Path | None = None) -> list[str]:
    """The problems of the pack ``language`` under ``root`` (default: the built-in
    packs' folder) against the English pack there, each "LANG/FILE: KEY is missing" or
    why a file cannot be used; [] for a complete pack. Raises nothing for a bad pack."""
    root = root or paths.templates_dir()
    reference, pack = root / paths.DEFAULT_LANGUAGE, root / language
    problems: list[str] = []
    for template in sorted(p.name for p in reference.glob("*.j2")):
        if not (pack / template).is_file():
            problems.append(f"{language}/{template}: the file is missing")
    files = ["pack.toml", *(f"wording/{v}.toml" for v in VOICES), "wording/rules.toml"]
    for name in files:
        ours = _toml(pack / name, problems, f"{language}/{name}")
        theirs = _toml(reference / name, [], name)
        if ours is None or theirs is None:
            continue
        label = f"{language}/{name}"
        if name == "pack.toml":
            # [titles] and [greeting] are the English greeting's (bowout.core.addressing),
            # [contractions] and [uncontracted] the English voices'
            # (bowout.core.wording.contractions): a pack without them keeps its language's
            # conventions. date_week: a pack without it writes this week's dates as its near
            # ones. [joining]: a pack without it writes a decision and its reason side by side.
            optional = (
                "[titles] ", "[greeting] ", "[contractions] ", "[uncontracted] ", "[joining] ",
                "date_week",
            )  # fmt: skip
            keys = {k for k in _keys(theirs) if not k.startswith(optional)}
            missing = sorted(keys - _keys(ours))
        elif name == "wording/rules.toml":
            # Rules marked language = "en" are the English panel's, in English words.
            ids = {str(rule.get("id")) for rule in ours.get("rule", [])}
            missing = sorted(
                f"rule {rule.get('id')}" for rule in theirs.get("rule", [])
                if str(rule.get("id")) not in ids and rule.get("language") != "en"
            )  # fmt: skip
        else:
            # A slot a voice leaves out falls back to the pack's warm voice (its base).
            warm = _toml(pack / "wording" / "warm.toml", [], name) or {}
            filled = _slots(ours) | (_slots(warm) if ours.get("base") == "warm" else set())
            missing = sorted(f"slot [[{s}]]" for s in _slots(theirs) - filled)
            if theirs.get("base") != ours.get("base"):
                missing.append(f"base = {theirs.get('base')!r}")
        problems += [f"{label}: {key} is missing" for key in missing]
    if language != paths.DEFAULT_LANGUAGE:
        problems += _check_tone(pack / "tone.toml", f"{language}/tone.toml")
    return problems


def _check_tone(path: Path, label: str) -> list[str]:
    problems: list[str] = []
    document = _toml(path, problems, label)
    if document is None:
        return problems
    for section in TONE_SECTIONS:
        table: Any = document
        for part in section.split("."):
            table = table.get(part) if isinstance(table, dict) else None
        patterns = table.get("patterns") if isinstance(table, dict) else None
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            problems.append(f"{label}: [{section}] patterns is missing (a list of texts)")
            continue
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(f"{label}: [{section}] pattern {pattern!r}: {exc}")
    return problems
