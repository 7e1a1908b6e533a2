"""``bowout draft`` goodwill flags after rescinding, and the negotiate kind in --help."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex

import pytest
from cli_helpers import run

from bowout.cli.draft import EPILOG
from bowout.core.situation import DealBreaker, Kind

RESCIND = ("draft", "--stage", "accepted", "--reason", "other-offer", "--contact", "Jordan Lee",
           "--role", "Analyst", "--company", "Northwind", "--your-name", "Aiko")  # fmt: skip
FLAGS = {
    "--offer-referral": ("referral", r"put you in touch", "goodwill.referral"),
    "--offer-handover": ("handover", r"restart the search", "goodwill.handover"),
    "--stay-in-touch": ("stay-in-touch", r"value staying in touch", "goodwill.stay-in-touch"),
}


@pytest.mark.parametrize("flag", list(FLAGS))
def test_each_flag_adds_its_offer_and_a_dated_step(
    capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    choice, words, key = FLAGS[flag]
    code, out, err = run(capsys, *RESCIND, flag, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["goodwill"] == [choice]
    assert re.search(words, data["body_text"]) and re.search(words, data["phone_script"])
    step = next(item for item in data["checklist"] if item["key"] == key)
    assert re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}", step["text"]), "the step is dated"
    others = [w for f, (_, w, _) in FLAGS.items() if f != flag]
    assert not any(re.search(w, data["body_text"]) for w in others)


def test_all_three_together_and_none_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *RESCIND, *FLAGS, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["goodwill"] == ["referral", "handover", "stay-in-touch"]
    code, out, _ = run(capsys, *RESCIND, "--format", "json")
    data = json.loads(out)
    assert data["goodwill"] == [] and not re.search(r"put you in touch", data["body_text"])


@pytest.mark.parametrize("flag", list(FLAGS))
def test_red_flags_refuse_goodwill_in_one_line(
    capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    argv = [a if a != "other-offer" else "red-flags" for a in RESCIND]
    code, out, err = run(capsys, *argv, flag)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and flag in err and "red-flags" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("stage", ["applied", "final", "offer"])
def test_goodwill_before_rescinding_is_refused(
    capsys: pytest.CaptureFixture[str], stage: str
) -> None:
    code, _, err = run(capsys, "draft", "--stage", stage, "--offer-handover")
    assert code == 2 and "--offer-handover" in err and "--stage accepted" in err
    code, _, err = run(
        capsys, "draft", "--stage", "accepted", "--reason", "compensation", "--kind",
        "negotiate", "--deal-breaker", "pay", "--stay-in-touch",
    )  # fmt: skip
    assert code == 2 and "--kind withdraw" in err


def test_help_lists_the_kinds_deal_breakers_and_goodwill_flags(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "draft", "--help")
    assert code == 0
    text = " ".join(out.split())
    for kind in Kind:
        assert f"{kind.value} " in text.split("kinds (--kind):")[1]
    listed = text.split("deal-breakers (--deal-breaker):")[1]
    for breaker in DealBreaker:
        assert breaker.value in listed
    assert "--decide-by 20" in text and "talking points" in text
    for flag in FLAGS:
        assert flag in text


def test_every_help_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """Each example in --help works as written (its date moved a month ahead of today)."""
    ahead = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    commands = re.findall(r"^\s+bowout (draft .*?)(?<!\\)$", EPILOG.replace("\\\n", "\\ "), re.M)
    assert len(commands) == 5
    for command in commands:
        argv = shlex.split(re.sub(r"\d{4}-\d{2}-\d{2}", ahead, command).replace("\\ ", " "))
        code, out, err = run(capsys, *argv, "--format", "json")
        assert code == 0, (command, err)
        assert json.loads(out)["subject"] or json.loads(out)["body_text"]
