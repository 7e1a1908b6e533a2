"""A broken custom template never crashes ``bowout draft`` or ``templates check``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowout.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_draft_with_a_failing_custom_template_warns_once_and_uses_the_builtin(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, builtin, _ = run(capsys, "--data-dir", str(data_dir), "draft", "--stage", "applied")
    assert code == 0
    (data_dir / "templates").mkdir()
    (data_dir / "templates" / "email.txt.j2").write_text("Hi\n{{ 1/0 }}\n", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "draft", "--stage", "applied")
    assert code == 0 and out == builtin
    assert err.count("\n") == 1 and err.startswith("bowout: warning: ")
    assert "email.txt.j2, line 2: ZeroDivisionError" in err


def test_a_failing_template_file_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    template = tmp_path / "mine.j2"
    template.write_text("{{ 'a' * 10**9 }}", encoding="utf-8")
    code, _, err = run(capsys, "draft", "--stage", "applied", "--template", str(template))
    assert code == 2 and err.count("\n") == 1 and "not allowed in a template" in err


def test_templates_check_reports_runtime_errors_and_limits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "email.txt.j2").write_text("{{ 1/0 }}", encoding="utf-8")
    (tmp_path / "linkedin.txt.j2").write_text("{{ '%999999999d' % 1 }}", encoding="utf-8")
    code, out, _ = run(capsys, "templates", "check", str(tmp_path))
    assert code == 1
    assert f"{tmp_path / 'email.txt.j2'}:1: ZeroDivisionError: division by zero" in out
    assert f"{tmp_path / 'linkedin.txt.j2'}:1: not allowed in a template: a format width" in out
    assert "2 template(s) checked, 2 problem(s)" in out
