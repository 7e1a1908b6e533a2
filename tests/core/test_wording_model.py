"""Wording files: load-time checks of slots and conditions, overrides, extension, the check."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowout.core import Composer, Profile, Reason, Situation, Stage
from bowout.core.errors import TemplateError
from bowout.core.wording import VOCABULARY, parse_rules
from bowout.core.wording.check import check_wording
from bowout.core.wording.voicefile import base_of, parse_voicebook


def voice_file(folder: Path, text: str, voice: str = "warm") -> Path:
    (folder / "wording").mkdir(exist_ok=True)
    path = folder / "wording" / f"{voice}.toml"
    path.write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[farewell]]\nsay = "Bye."', "unknown slot 'farewell'"),
        ('[[reason]]\nwhen = { mood = "sad" }\nsay = "x"', "unknown condition 'mood'"),
        ('[[reason]]\nwhen = { stage = "hired" }\nsay = "x"', "stage cannot be hired"),
        ('[[reason]]\nwhen = { stage = [] }\nsay = "x"', "stage cannot be empty"),
        ("[[reason]]\nsay = 3", "say must be text"),
        ('[[reason]]\nsaid = "x"', "unknown key(s) said"),
        ("[[reason]\n", "not valid TOML"),
        ('reason = "x"', "write each variant of reason as [[reason]]"),
    ],
)
def test_a_writers_mistake_is_named_at_load_time(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace("[", r"\[").replace("]", r"\]")):  # fmt: skip
        parse_voicebook(text, "wording/warm.toml")


def test_template_syntax_in_a_phrasing_names_the_variant(tmp_path: Path) -> None:
    voice_file(tmp_path, 'base = "warm"\n[[reason]]\nsay = "{{ role "\n')
    composer = Composer([tmp_path])
    with pytest.raises(TemplateError, match="reason variant 1"):
        composer.wording.voicebook("warm")
    composer.compose(Situation(stage=Stage.APPLIED), Profile())  # falls back to the built-in
    assert "reason variant 1" in composer.take_template_problems()[0]


def test_a_base_loop_is_refused(tmp_path: Path) -> None:
    voice_file(tmp_path, 'base = "formal"\n', "brief")
    voice_file(tmp_path, 'base = "brief"\n', "formal")
    with pytest.raises(TemplateError, match="leads back"):
        Composer([tmp_path]).wording.voicebook("brief")


def test_a_user_file_based_on_its_own_voice_extends_the_built_in_one(tmp_path: Path) -> None:
    voice_file(tmp_path, 'base = "warm"\n[[reason]]\nwhen = { reason = "personal" }\n'
                         'say = "Family matters need me at home."\n')  # fmt: skip
    draft = Composer([tmp_path]).compose(
        Situation(stage=Stage.SCREENING, reason=Reason.PERSONAL, contact="Jo Lee"), Profile()
    )
    # The English layout may join it to the decision ("…, as family matters need me at home.").
    assert "family matters need me at home." in draft.body_text.lower()
    assert draft.body_text.startswith(("Dear Jo,", "Hello Jo,")), "the rest is built in"
    assert base_of('# a comment\nbase = "warm"\n[[x]]') == "warm"
    assert base_of("[[reason]]\nbase = 'no'") is None


def test_templates_check_applies_the_rules_to_custom_wording(tmp_path: Path) -> None:
    voice_file(tmp_path, 'base = "warm"\n[[reason]]\nwhen = { reason = "compensation" }\n'
                         'say = "We are too far apart on pay."\n')  # fmt: skip
    problems = check_wording(tmp_path)
    # After accepting it is a pay gap; earlier, talks that never happened (round 9's rule).
    gap = [p for p in problems if "no-pay-gap-after-accepting" in p]
    assert gap and all("accepted/compensation" in p for p in gap)
    rules = ("no-pay-gap-after-accepting", "no-pay-talks-that-never-happened")
    assert all(any(rule in p for rule in rules) for p in problems)
    assert check_wording(tmp_path / "nothing-here") == []


def test_the_rules_file_uses_the_vocabulary() -> None:
    from bowout import paths

    rules = parse_rules((paths.pack_dir() / "wording" / "rules.toml").read_text("utf-8"))
    assert len(rules) >= 10
    for rule in rules:
        assert set(rule.when) <= set(VOCABULARY) and rule.why
        assert rule.never or rule.always
    with pytest.raises(TemplateError, match="bad pattern"):
        parse_rules("[[rule]]\nid = 'x'\nnever = ['(']\n")


def test_a_broken_custom_wording_file_is_reported_once_and_the_built_in_one_used(
    tmp_path: Path,
) -> None:
    voice_file(tmp_path, '[[reason]]\nwhen = { mood = "sad" }\nsay = "x"\n')
    composer = Composer([tmp_path])
    situation = Situation(stage=Stage.SCREENING, contact="Jo Lee", role="R", company="C")
    draft = composer.compose(situation, Profile())
    assert draft.body_text == Composer().compose(situation, Profile()).body_text
    problems = composer.take_template_problems()
    assert len(problems) == 1 and "unknown condition 'mood'" in problems[0]
    assert "uses its own wording" in problems[0]
    composer.compose(situation, Profile())
    assert composer.take_template_problems() == []
