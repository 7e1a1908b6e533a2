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
    signing = [step for step in steps(workflow) if "security import" in step.get("run", "")]
    assert len(signing) == 1  # the macOS keychain
    for step in signing:
        assert re.search(r"env\.HAS_MACOS_CERT == 'true'", step["if"]), step["name"]
    build = workflow["jobs"]["build"]
    assert build["env"]["HAS_MACOS_CERT"] == "${{ secrets.MACOS_CERT_P12 != '' }}"
    # Windows: windows_ci.sh signs only when the release gives it the certificate.
    stage = [s for s in workflow["jobs"]["windows"]["steps"] if "windows_ci.sh" in s.get("run", "")]
    assert stage[0]["env"]["WINDOWS_CERT_PFX"] == "${{ secrets.WINDOWS_CERT_PFX }}"
    script = (ROOT / "packaging" / "windows_ci.sh").read_text(encoding="utf-8")
    assert '[ -n "${WINDOWS_CERT_PFX:-}" ] || return 0' in script


def test_every_os_builds_self_tests_and_a_checksum_job_covers_them() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "release.yml")
    matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
    assert {entry["name"].split("-")[0] for entry in matrix} == {"linux", "macos"}
    scripts = "\n".join(step.get("run", "") for step in steps(workflow))
    for command in ("build.py dmg", "build.py deb", "verify-reproducible"):
        assert command in scripts
    assert scripts.count("self-test") >= 4  # frozen and installed, on Linux and macOS
    checksums = workflow["jobs"]["checksums"]
    assert set(checksums["needs"]) == {"build", "windows", "windows-check"}
    assert any("build.py checksums" in step.get("run", "") for step in checksums["steps"])


def test_the_windows_release_runs_the_ci_stage_and_its_checks_on_windows() -> None:
    # No second recipe: the release's Windows job is CI's stage, in CI's Debian.
    jobs = load(ROOT / ".github" / "workflows" / "release.yml")["jobs"]
    windows = jobs["windows"]
    assert windows["container"] == "debian:12"
    runs = [step.get("run", "") for step in windows["steps"]]
    assert "bash packaging/windows_ci.sh" in runs
    assert not any("makensis" in run or "build.py nsis" in run for run in runs)
    checkout = next(s for s in windows["steps"] if s.get("uses", "").startswith("actions/check"))
    assert checkout["with"]["fetch-depth"] == 0  # the previous version is built from history
    check = jobs["windows-check"]
    assert check["runs-on"].startswith("windows") and check["needs"] == "windows"
    runs = "\n".join(step.get("run", "") for step in check["steps"])
    assert "python packaging/windows_check.py installer" in runs
    assert "python -m pytest -q -p no:cacheprovider --ignore=tests/packaging" in runs
