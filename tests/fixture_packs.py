"""A language pack for tests: "xx", a copy of the English pack with other words, as a
translator would change them (issue 26). Its words are marked so a test can tell them
from English ("XTHANKS" where English says "Thank you")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bowout import paths
from bowout.core import checklist, tone_findings
from bowout.core.pack import clear_pack_cache

#: What the fixture pack "xx" says instead of the English pack's words (pack.toml).
PACK_WORDS = [
    ('locale = "en_GB"', 'locale = "de_DE"'),
    ('team = "{company} hiring team"', 'team = "XTEAM {company}"'),
    ('team_alone = "hiring team"', 'team_alone = "XTEAM"'),
    ('spoken_team = "there"', 'spoken_team = "XALL"'),
    ('"[Hiring manager\'s name]"', '"[XCONTACT]"'),
    ('"[Role]"', '"[XROLE]"'),
    ('"[Company]"', '"[XCOMPANY]"'),
    ("quote_open = '\"'", 'quote_open = "\\u201e"'),
    ('reply_prefix = "Re: "', 'reply_prefix = "AW: "'),
    ('"the signing bonus"', '"XBONUS"'),
    ('"the salary"', '"XPAY"'),
    ('"the hiring manager"', '"XMANAGER"'),
    ('"If they ask for feedback"', '"XFEEDBACK"'),
    ("Read what you signed", "XREAD"),
]


def replace_words(path: Path, pairs: list[tuple[str, str]]) -> None:
    """Replace each (old, new) in the file at ``path``; each old text must be there."""
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, f"{path.name} no longer holds {old!r}"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def forget_packs() -> None:
    """Drop what was read from the packs (the checklist keeps its steps' text)."""
    clear_pack_cache()
    tone_findings._placeholder_fields.cache_clear()
    checklist._steps.cache_clear()


def install_packs(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Built-in packs under ``root``: "en" (unchanged) and "xx" (other words, wording that
    thanks with "XTHANKS", an email layout starting "XLAYOUT"); returns ``root``."""
    shutil.copytree(paths.pack_dir("en"), root / "en")
    shutil.copytree(paths.pack_dir("en"), root / "xx")
    replace_words(root / "xx" / "pack.toml", PACK_WORDS)
    for voice in ("warm", "formal", "brief"):
        path = root / "xx" / "wording" / f"{voice}.toml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("Thank you", "XTHANKS"), encoding="utf-8"
        )
    layout = [("{{ say.greeting }}", "XLAYOUT {{ say.greeting }}")]
    replace_words(root / "xx" / "email.txt.j2", layout)
    monkeypatch.setattr(paths, "templates_dir", lambda: root)
    forget_packs()
    return root
