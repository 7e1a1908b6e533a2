"""The release pipeline's hardening, read from the workflow files as data.

zizmor and actionlint check the same in .ci/run; these tests name the rule that broke.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses_lines(path: Path) -> list[str]:
    """Each `uses:` value with its trailing comment, as written."""
    return [
        line.split("uses:", 1)[1].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("uses:", "- uses:"))
    ]


def test_there_is_a_release_workflow() -> None:
    assert [p.name for p in WORKFLOWS] == ["release.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_with_the_version_beside_it(path: Path) -> None:
    used = uses_lines(path)
    assert used
    assert [u for u in used if not PINNED.match(u)] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_token_by_default_and_read_only_jobs(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert job.get("permissions") == {"contents": "read"}, name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_cache_and_no_kept_credentials(path: Path) -> None:
    for step in steps(load(path)):
        uses = step.get("uses", "")
        assert "cache" not in step.get("with", {}), uses
        assert "actions/cache" not in uses
        if uses.startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_inside_a_script(path: Path) -> None:
    scripts = [step["run"] for step in steps(load(path)) if "run" in step]
    assert scripts
    assert [s for s in scripts if "${{" in s] == []


def test_signing_runs_only_when_its_secrets_exist() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "release.yml")
    signing = [
        step
        for step in steps(workflow)
        if any(tool in step.get("run", "") for tool in ("signtool", "security import"))
    ]
    assert len(signing) == 3  # the Windows app, the Windows installer, the macOS keychain
    for step in signing:
        assert re.search(r"env\.HAS_(WINDOWS|MACOS)_CERT == 'true'", step["if"]), step["name"]
    build = workflow["jobs"]["build"]
    assert build["env"]["HAS_WINDOWS_CERT"] == "${{ secrets.WINDOWS_CERT_PFX != '' }}"
    assert build["env"]["HAS_MACOS_CERT"] == "${{ secrets.MACOS_CERT_P12 != '' }}"


def test_every_os_builds_self_tests_and_a_checksum_job_covers_them() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "release.yml")
    matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
    assert {entry["name"].split("-")[0] for entry in matrix} == {"linux", "windows", "macos"}
    scripts = "\n".join(step.get("run", "") for step in steps(workflow))
    for command in ("build.py nsis", "build.py dmg", "build.py deb", "verify-reproducible"):
        assert command in scripts
    assert scripts.count("self-test") >= 5  # frozen and installed, on every OS
    checksums = workflow["jobs"]["checksums"]
    assert checksums["needs"] == "build"
    assert any("build.py checksums" in step.get("run", "") for step in checksums["steps"])
