"""Language-ready packs: every word a message can contain comes from templates/<language>/
(issue 21), and an optional profile field left empty leaves its signature line out (issue 20)."""

from __future__ import annotations

import ast
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage, checklist
from bowout.core.goodwill import Goodwill
from bowout.core.pack import clear_pack_cache
from bowout.core.situation import DealBreaker, Kind, Money

TODAY = dt.date(2026, 11, 29)
CORE = Path(paths.__file__).parent / "core"
#: Modules that once held message English.
MODULES = ["composer.py", "templating.py", "template_loading.py", "template_rendering.py",
           "template_fallback.py", "negotiation.py", "checklist.py", "addressing.py"]  # fmt: skip


def literals(path: Path) -> Iterator[str]:
    """The string literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                continue
            yield node.value


#: Message words that lived in Python before issues 21 and 26, each now in
#: templates/en/pack.toml.
MOVED = [
    "hiring manager", "signing bonus", "relocation assistance", "If they ask", "If they are",
    "counter-offer", "the salary", "one open point", "remote or hybrid", "Keep a record",
    "Before you get in touch", "In the weeks", "immigration adviser", "LinkedIn today",
    "your recruiter", "%B", "hiring team", "Hiring manager's name", "[Role]", "[Your",
    "Re: ", "\u201c",
]  # fmt: skip


@pytest.mark.parametrize("module", MODULES)
def test_python_holds_no_message_words(module: str) -> None:
    found = [(w, t) for t in literals(CORE / module) for w in MOVED if w in t]
    assert found == []


@pytest.fixture
def other_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The built-in pack with different words, as a translator would change them."""
    root = tmp_path / "templates"
    shutil.copytree(paths.pack_dir(), root / "en")
    pack = root / "en" / "pack.toml"
    text = pack.read_text(encoding="utf-8")
    for old, new in [("the hiring manager", "the HIRING LEAD"),
                     ("the signing bonus", "the JOINING BONUS"),
                     ("If they ask for feedback", "WHEN FEEDBACK IS ASKED"),
                     ('"the salary"', '"the PAY"'),
                     ("Read what you signed", "READ THE CONTRACT"),
                     ('locale = "en_GB"', 'locale = "en_US"')]:  # fmt: skip
        assert old in text
        text = text.replace(old, new)
    pack.write_text(text, encoding="utf-8")
    monkeypatch.setattr(paths, "templates_dir", lambda: root)
    clear_pack_cache()
    yield
    clear_pack_cache()
    checklist._steps.cache_clear()  # steps worded from this pack


def test_every_word_comes_from_the_pack(other_pack: None) -> None:
    composer = Composer(today=lambda: TODAY)
    s = Situation(stage=Stage.ACCEPTED, reason=Reason.PERSONAL, channel=Channel.RECRUITER,
                  signing_bonus=Money.PAID, start_date=dt.date(2027, 3, 5),
                  goodwill=tuple(Goodwill), recruiter="Tom Baker")  # fmt: skip
    draft = composer.compose(s, Profile("Riley"))
    assert "the HIRING LEAD" in draft.body_text and "the JOINING BONUS" in draft.body_text
    checklist = " ".join(item.text for item in draft.checklist)
    assert "READ THE CONTRACT" in checklist and "JOINING BONUS" in checklist
    assert "March 5, 2027" in checklist or "December" in checklist  # the pack's locale
    call = composer.compose(
        Situation(stage=Stage.OFFER, reason=Reason.PERSONAL, channel=Channel.PHONE), Profile()
    )
    assert "WHEN FEEDBACK IS ASKED" in dict(call.phone_branches)
    ask = composer.compose(
        Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                  deal_breaker=DealBreaker.PAY, decide_by=dt.date(2027, 3, 5)),
        Profile(),
    )  # fmt: skip
    assert "the PAY" in ask.body_text and "March 5, 2027" in ask.body_text


@pytest.mark.parametrize("channel", list(Channel), ids=lambda c: c.value)
def test_an_empty_optional_phone_or_email_leaves_its_line_out(channel: Channel) -> None:
    composer = Composer(today=lambda: TODAY)
    s = Situation(stage=Stage.ACCEPTED, channel=channel, contact="Jo Lee", role="Analyst",
                  company="Northwind")  # fmt: skip
    bare = composer.compose(s, Profile("Riley Quinn"))
    text = bare.body_text + (bare.phone_script or "")
    assert "[Your email]" not in text and "[Your phone]" not in text
    assert not [f for f in bare.findings if "[Your" in f.message]
    if channel is not Channel.LINKEDIN:
        assert bare.body_text.endswith("Riley Quinn")
        phone_only = composer.compose(s, Profile("Riley Quinn", phone="+1 555 0100"))
        assert phone_only.body_text.endswith("Riley Quinn\n+1 555 0100")
        both = composer.compose(s, Profile("Riley Quinn", "r@example.org", "+1 555 0100"))
        assert both.body_text.endswith("Riley Quinn\nr@example.org\n+1 555 0100")
    if bare.phone_script:
        assert "call me back when you have a moment" in bare.phone_script
    reply = composer.compose_reply(s, Profile("Riley Quinn"), "accepted")
    assert "[Your" not in reply.body_text
