"""``bowout draft`` and ``reply`` refuse a fact the stage cannot have (issue 21): money
received, a visa petition or a start date before there is an offer to have them."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run

from bowout.storage import History

#: (stage, flags) a situation cannot have: nothing promised, paid or filed before an offer.
BEYOND = [
    ("applied", ["--relocation-assistance"]),  # the reported case: paid, before any answer
    ("screening", ["--signing-bonus", "promised"]),
    ("final", ["--start-date", "2099-01-04"]),
    ("interviewing", ["--visa-petition-started"]),
    ("offer", ["--signing-bonus", "paid"]),
    ("offer", ["--visa-petition-started"]),
]


@pytest.mark.parametrize(("stage", "flags"), BEYOND)
def test_draft_refuses_a_fact_the_stage_cannot_have(
    capsys: pytest.CaptureFixture[str], data_dir: Path, stage: str, flags: list[str]
) -> None:
    code, out, err = run(
        capsys, "--data-dir", str(data_dir), "draft", "--stage", stage, "--language", "de",
        "--company", "Nordwind", "--save", *flags,
    )  # fmt: skip
    assert code == 2
    assert not out
    assert err.count("\n") == 1 and flags[0] in err and f"--stage {stage}" in err
    assert "Traceback" not in err
    with History.open(data_dir) as history:  # nothing was written
        assert not history.list()


#: What each refused flag's message says is the reason, in the words of that fact alone.
WHY = {
    "--relocation-assistance": "relocation assistance is paid only once",
    "--signing-bonus": "only an offer promises a signing bonus",
    "--start-date": "only an offer names a start date",
    "--visa-petition-started": "files a visa petition only once",
}


@pytest.mark.parametrize(("stage", "flags"), BEYOND[:4])
def test_the_refusal_says_why_for_that_fact(
    capsys: pytest.CaptureFixture[str], data_dir: Path, stage: str, flags: list[str]
) -> None:
    """A refused petition speaks of the petition, not of money (one reason per fact)."""
    _, _, err = run(capsys, "--data-dir", str(data_dir), "draft", "--stage", stage, *flags)
    assert WHY[flags[0]] in err, err
    assert ("money" in err) is False, err


@pytest.mark.parametrize(("stage", "flags"), BEYOND[:2])
def test_reply_refuses_it_too(
    capsys: pytest.CaptureFixture[str], stage: str, flags: list[str]
) -> None:
    code, out, err = run(capsys, "reply", "--kind", "repayment", "--stage", stage, *flags)
    assert code == 2 and not out and flags[0] in err


@pytest.mark.parametrize(
    ("stage", "flags"),
    [
        ("offer", ["--signing-bonus", "promised", "--start-date", "2099-01-04"]),
        ("offer", ["--relocation-assistance", "promised"]),
        ("accepted", ["--signing-bonus", "--visa-petition-started"]),
        ("applied", ["--sponsorship-required", "--relocation-timeline-changed"]),
    ],
)
def test_facts_the_stage_can_have_are_drafted(
    capsys: pytest.CaptureFixture[str], stage: str, flags: list[str]
) -> None:
    code, out, err = run(capsys, "draft", "--stage", stage, *flags)
    assert code == 0, err
    assert out
