"""``bowout batch``: one draft per open application, each as ``bowout draft`` prints it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run

from bowout.core.applications import Application
from bowout.core.situation import Stage
from bowout.storage import History

#: Five applications at different stages: (application, the draft flags that describe it,
#: the channel its stage calls for). One without a contact greets the company's hiring team.
FIVE = [
    (Application(company="Northwind", role="Data Analyst", stage=Stage.APPLIED),
     ["--stage", "applied", "--greeting", "Northwind hiring team"], "email"),
    (Application(company="Contoso", role="QA Lead", stage=Stage.SCREENING, recruiter="Sam Hill"),
     ["--stage", "screening", "--via-recruiter", "--recruiter", "Sam Hill",
      "--greeting", "Contoso hiring team"], "recruiter"),
    (Application(company="Fabrikam", role="Designer", contact="Ana Ruiz",
                 contact_email="ana@fabrikam.example", stage=Stage.INTERVIEWING),
     ["--stage", "interviewing", "--contact", "Ana Ruiz",
      "--contact-email", "ana@fabrikam.example"], "email"),
    (Application(company="Litware", role="PM", contact="Jordan Lee", stage=Stage.FINAL),
     ["--stage", "final", "--contact", "Jordan Lee"], "email"),
    (Application(company="Tailspin", role="Engineer", contact="Kim Park", stage=Stage.OFFER),
     ["--stage", "offer", "--contact", "Kim Park"], "email"),
]  # fmt: skip


@pytest.fixture
def five(tmp_path: Path) -> Path:
    """A data folder with the five open applications and one already withdrawn."""
    with History.open(tmp_path) as history:
        for application, _, _ in FIVE:
            history.applications.add(application)
        done = history.applications.add(Application(company="Adatum", stage=Stage.OFFER))
        history.applications.set_state(done, "withdrawn")
    return tmp_path


def test_batch_json_is_each_draft_as_bowout_draft_prints_it_plus_company_and_stage(
    capsys: pytest.CaptureFixture[str], five: Path
) -> None:
    code, out, err = run(
        capsys,
        "--data-dir",
        str(five),
        "batch",
        "--reason",
        "other-offer",
        "--tone",
        "formal",
        "--format",
        "json",
    )
    assert (code, err) == (0, "")
    drafts = json.loads(out)
    by_company = {d["company"]: d for d in drafts}
    assert sorted(by_company) == sorted(a.company for a, _, _ in FIVE)  # not the withdrawn one
    for application, flags, channel in FIVE:
        got = by_company[application.company]
        code, single, _ = run(
            capsys,
            "--data-dir",
            str(five),
            "draft",
            *flags,
            "--reason",
            "other-offer",
            "--tone",
            "formal",
            "--company",
            application.company,
            "--role",
            application.role,
            "--format",
            "json",
        )
        assert code == 0
        assert got == {
            **json.loads(single),
            "company": application.company,
            "stage": application.stage.value,
        }
        assert got["stage"] == application.stage.value and got["channel"] == channel
        assert got["tone"] == "formal" and got["reason"] == "other-offer"
        assert application.role in got["subject"] + got["body_text"]


def test_each_stage_gets_its_own_channel_and_wording(
    capsys: pytest.CaptureFixture[str], five: Path
) -> None:
    code, out, _ = run(
        capsys, "--data-dir", str(five), "batch", "--reason", "other-offer", "--format", "json"
    )
    drafts = {d["stage"]: d for d in json.loads(out)}
    assert code == 0 and len(drafts) == 5
    assert drafts["screening"]["recruiter_note"] and "Sam" in drafts["screening"]["recruiter_note"]
    assert "offer" in drafts["offer"]["subject"].lower()
    for stage in ("applied", "screening", "interviewing", "final"):
        assert drafts[stage]["phone_script"] is None
        assert "apolog" not in drafts[stage]["body_text"].lower()
    assert "Ana" in drafts["interviewing"]["body_text"]
    assert "[Hiring manager" not in drafts["final"]["body_text"]  # Jordan, from the application
    texts = {d["body_text"] for d in drafts.values()}
    assert len(texts) == 5  # each worded for its own stage and people


def test_batch_text_and_an_empty_list(
    capsys: pytest.CaptureFixture[str], five: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(five), "batch", "--reason", "personal")
    assert code == 0 and out.count("\n=== ") + out.startswith("=== ") == 5
    assert "=== 5/5: Tailspin — Engineer (" in out
    empty = str(tmp_path / "empty")
    code, out, _ = run(
        capsys, "--data-dir", empty, "batch", "--reason", "personal", "--format", "json"
    )
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, "--data-dir", empty, "batch", "--reason", "personal")
    assert code == 0 and "No open applications" in out
    code, _, err = run(capsys, "--data-dir", empty, "batch", "--reason", "bored")
    assert code == 2 and "invalid choice: 'bored'" in err


def test_save_keeps_each_draft_linked_to_its_application(
    capsys: pytest.CaptureFixture[str], five: Path
) -> None:
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(five),
        "batch",
        "--reason",
        "other-offer",
        "--format",
        "json",
        "--save",
    )
    drafts = json.loads(out)
    assert code == 0 and len(drafts) == 5 and all(len(d["id"]) == 32 for d in drafts)
    with History.open(five) as history:
        by_company = {s.application.company: s for s in history.applications.list("open")}
        for draft in drafts:
            stored = by_company[draft["company"]]
            assert stored.record_ids == (draft["id"],)  # linked, still open until sent
            record = history.get(draft["id"])
            assert (record.company, record.stage, record.subject) == (
                draft["company"],
                draft["stage"],
                draft["subject"],
            )
    code, out, _ = run(capsys, "--data-dir", str(five), "batch", "--reason", "personal", "--save")
    assert code == 0 and out.count("Saved to history: ") == 5
