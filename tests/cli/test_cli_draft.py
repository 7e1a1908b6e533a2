"""``bowout draft`` and ``bowout templates check`` as a user runs them."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run

from bowout.cli import main
from bowout.core import Profile
from bowout.settings import Settings, save_settings


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "draft", "--stage", "accepted", "--reason", "relocation", "--signing-bonus",
        "--start-date", "2027-01-12", "--relocation-timeline-changed", "--contact", "Jordan",
        "--role", "Analyst",
        "--company", "Northwind", "--your-name", "Maya", "--your-email", "maya@example.com",
        "--your-phone", "555", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["stage"] == "accepted" and data["reason"] == "relocation"
    assert data["channel"] == "phone" == data["recommended_channel"]
    assert data["phone_script"] and data["follow_up_email"] == data["body_text"]
    # The move's timing is the reason; the start date is no cause the user gave (round 10).
    assert "signing bonus" in data["body_text"] and "2027" not in data["body_text"]
    assert isinstance(data["checklist"], list) and data["checklist"]
    assert data["warnings"] == []
    assert "id" not in data


def test_text_output_shows_advice_when_overridden(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "draft", "--stage", "accepted", "--channel", "email")
    assert code == 0
    assert out.startswith("Subject: ")
    assert "Recommended instead: Phone call, then email." in out
    assert "--- Tone coach ---" in out  # email when rescinding, placeholders


def test_eml_output_parses(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["draft", "--stage", "screening", "--your-name", "Maya",
                 "--your-email", "maya@example.com", "--format", "eml",
                 "--with-placeholders"])  # fmt: skip
    assert code == 0


def test_eml_bytes_in_subprocess(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bowout", "draft", "--stage", "screening", "--your-email",
         "maya@example.com", "--format", "eml", "--with-placeholders"],
        capture_output=True,
        env={"BOWOUT_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    msg = email.message_from_bytes(result.stdout, policy=email.policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    assert "maya@example.com" in msg["From"]


def test_html_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "draft", "--stage", "final", "--company", "<A&B>", "--format", "html"
    )
    assert code == 0 and "&lt;A&amp;B&gt;" in out and "<A&B>" not in out


def test_profile_defaults_come_from_settings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    save_settings(tmp_path, Settings(profile=Profile("Aiko Tanaka", "aiko@example.com", "123")))
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "draft", "--stage", "offer")
    assert code == 0 and "Aiko Tanaka" in out and "aiko@example.com" in out
    code, out, _ = run(
        capsys, "--data-dir", str(tmp_path), "draft", "--stage", "offer", "--your-name", "A. T."
    )
    assert "A. T." in out and "aiko@example.com" in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["draft", "--stage", "hired"], "invalid choice"),
        (["draft"], "--stage"),
        (["draft", "--stage", "offer", "--start-date", "12/01/2027"], "YYYY-MM-DD"),
        (["draft", "--stage", "offer", "--template", "/nonexistent/t.j2"], "cannot read template"),
        (["draft", "--stage", "offer", "--company", "x" * 5000], "limit"),
        (["draft", "--stage", "offer", "--your-email", "not-an-address"], "email"),
        (["draft", "--stage", "offer", "--reason", "because"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in err


def test_custom_template_flag(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    template = tmp_path / "mine.j2"
    template.write_text("Dear {{ contact }},\n\nI withdraw. Thanks!\n\n{{ your_name }}")
    code, out, _ = run(capsys, "draft", "--stage", "applied", "--contact", "{{ 7*7 }}",
                       "--template", str(template))  # fmt: skip
    assert code == 0 and "Dear {{ 7*7 }}," in out


def test_broken_custom_template_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    template = tmp_path / "bad.j2"
    template.write_text("line one\n{% for %}\n")
    code, _, err = run(capsys, "draft", "--stage", "applied", "--template", str(template))
    assert code == 2 and "line 2" in err and len(err.strip().splitlines()) == 1


def test_templates_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "linkedin.txt.j2").write_text("Leaving: {{ role }} {{ say.decision }}")
    code, out, _ = run(capsys, "templates", "check", str(tmp_path))
    assert code == 0 and "1 template(s) checked, 0 problem(s)" in out
    (tmp_path / "email.txt.j2").write_text("{{ salary }}")
    code, out, _ = run(capsys, "templates", "check", str(tmp_path))
    assert code == 1 and "salary" in out
    code, _, err = run(capsys, "templates", "check", str(tmp_path / "missing"))
    assert code == 2 and "no template folder" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("bowout ")
