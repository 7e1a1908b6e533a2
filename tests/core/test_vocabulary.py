"""Each variable thing declared once (core/vocabulary.py): adding a reason is one table row
plus its sentences, and the wording loader refuses conditions that would leave it out."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_wording_matrix import FACTS, PROFILE, TODAY, check_draft, situation

from bowout import paths
from bowout.cli import main
from bowout.core import Channel, Composer, Reason, Stage
from bowout.core.errors import TemplateError
from bowout.core.history_summary import REASON_NAMES
from bowout.core.situation import Voice
from bowout.core.vocabulary import REASONS, REPLY_KINDS, ReasonInfo
from bowout.core.wording import VOCABULARY, parse_rules
from bowout.core.wording.check import check_wording
from bowout.core.wording.conditions import PRECEDENCE, parse_conditions

NEW = "further-study"
#: The new reason's sentences: one per voice that words reasons itself (formal uses warm's).
SENTENCES = {
    "warm": """
[[reason]]
when = { reason = "further-study" }
say = ["I am returning to full-time study this year.", "I am going back to full-time study."]
""",
    "brief": """
[[reason]]
when = { reason = "further-study" }
unless = { audience = "spoken" }
say = "I am going back to study."
""",
}


@contextlib.contextmanager
def added_reason(value: str, info: ReasonInfo) -> Iterator[Reason]:
    """A reason added the way a release would add one: an enum member and its table row
    (the enum is extended in place, as a new member in the source would be)."""
    name = value.upper().replace("-", "_")
    member = object.__new__(Reason)
    member._name_ = name
    member._value_ = value
    Reason._member_map_[name] = member
    Reason._value2member_map_[value] = member
    Reason._member_names_.append(name)
    REASONS[member] = info
    try:
        yield member
    finally:
        del REASONS[member]
        Reason._member_names_.remove(name)
        del Reason._value2member_map_[value]
        del Reason._member_map_[name]


@pytest.fixture
def further_study(tmp_path: Path) -> Iterator[tuple[Reason, Path]]:
    """The reason ``further-study`` and a template folder whose wording words it."""
    folder = tmp_path / "templates"
    shutil.copytree(paths.pack_dir() / "wording", folder / "wording")
    for voice, sentences in SENTENCES.items():
        with (folder / "wording" / f"{voice}.toml").open("a", encoding="utf-8") as file:
            file.write(sentences)
    info = ReasonInfo("Going back to study", "Study")
    with added_reason(NEW, info) as member:
        yield member, folder


def test_a_new_reason_drafts_correctly_in_every_voice(further_study) -> None:  # type: ignore[no-untyped-def]
    reason, folder = further_study
    composer = Composer([folder], today=lambda: TODAY)
    rules = parse_rules((folder / "wording" / "rules.toml").read_text(encoding="utf-8"))
    problems: list[str] = []
    for stage, channel, voice, facts in itertools.product(Stage, Channel, Voice, FACTS):
        s = situation(stage, reason, channel, voice, facts)
        for wording in (1, 2):
            draft = composer.compose(dataclasses.replace(s, wording=wording), PROFILE)
            where = f"{stage.value}/{channel.value}/{voice.value}/{facts}/w{wording}"
            problems += [f"{where}: {p}" for p in check_draft(draft, rules)]
            if "study" not in draft.body_text and not draft.situation.negotiated:
                problems.append(f"{where}: the reason is not given")
    assert composer.take_template_problems() == []
    assert not problems, "\n".join(problems[:20])


def test_a_new_reason_reaches_the_labels_and_the_command_line(
    further_study, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    reason, folder = further_study
    assert reason.label == "Going back to study" and REASON_NAMES[reason] == "Study"
    assert NEW in VOCABULARY["reason"]
    data = folder.parent  # the folder holds templates/ as a data folder does
    code = main(["--data-dir", str(data), "draft", "--stage", "offer", "--reason", NEW,
                 "--format", "json"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and "full-time study" in json.loads(out)["body_text"]
    assert check_wording(folder) == []


def test_wording_conditions_may_not_list_every_value_but_one() -> None:
    all_but_red_flags = [r.value for r in Reason if r is not Reason.RED_FLAGS]
    with pytest.raises(TemplateError, match=re.escape('unless = { reason = "red-flags" }')):
        parse_conditions({"reason": all_but_red_flags}, "here")
    with pytest.raises(TemplateError, match="every value"):
        parse_conditions({"stage": [s.value for s in Stage]}, "here")
    with pytest.raises(TemplateError, match="cannot be surprise"):
        parse_conditions({"reason": ["surprise"]}, "here")
    with pytest.raises(TemplateError, match="unknown condition"):
        parse_conditions({"mood": "calm"}, "here")
    # A yes/no fact has two values: naming one of them is a plain condition.
    assert parse_conditions({"rapport": True}, "here") == {"rapport": frozenset({"true"})}


def test_a_custom_wording_file_listing_all_but_one_is_reported(tmp_path: Path) -> None:
    (tmp_path / "wording").mkdir()
    reasons = ", ".join(f'"{r.value}"' for r in Reason if r is not Reason.RED_FLAGS)
    (tmp_path / "wording" / "warm.toml").write_text(
        f'base = "warm"\n[[door]]\nwhen = {{ reason = [{reasons}] }}\nsay = "Hi."\n',
        encoding="utf-8",
    )
    problems = check_wording(tmp_path)
    assert len(problems) == 1 and "every value but one" in problems[0]


def test_every_fact_has_a_precedence_and_every_reply_kind_a_sign_off() -> None:
    assert sorted(PRECEDENCE) == sorted(VOCABULARY)
    assert len(set(PRECEDENCE)) == len(PRECEDENCE)
    assert set(VOCABULARY["reply"]) == {"none", *REPLY_KINDS}
    assert all(info.signoff in VOCABULARY["signoff"] for info in REPLY_KINDS.values())
