"""The sandbox, user overrides by name, and ``templates check``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowout import paths
from bowout.core import Composer, Profile, Situation, Stage, TemplateError
from bowout.core.composer import template_context
from bowout.core.situation import Channel
from bowout.core.templating import TEMPLATE_NAMES, check_templates


def _contexts() -> list[dict[str, object]]:
    return [template_context(Situation(stage=s), Profile(), Channel.EMAIL) for s in Stage]


def test_builtin_templates_pass_the_checker() -> None:
    problems = [p for p in check_templates(paths.templates_dir(), _contexts())]
    # _parts.j2 is a macro library, not a rendered template name.
    assert [str(p) for p in problems if not p.path.name.startswith("_")] == []
    for name in TEMPLATE_NAMES:
        assert (paths.templates_dir() / name).is_file(), name


def test_user_template_overrides_builtin_by_name(tmp_path: Path) -> None:
    (tmp_path / "email.txt.j2").write_text("Custom: {{ role }}", encoding="utf-8")
    draft = Composer([tmp_path]).compose(Situation(stage=Stage.APPLIED, role="QA"), Profile())
    assert draft.body_text == "Custom: QA"


def test_sandbox_blocks_attribute_escapes(tmp_path: Path) -> None:
    (tmp_path / "email.txt.j2").write_text(
        "{{ role.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8"
    )
    with pytest.raises(TemplateError, match=r"email\.txt\.j2"):
        Composer([tmp_path]).compose(Situation(stage=Stage.APPLIED), Profile())


def test_undefined_variable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "email.txt.j2").write_text("{{ salary }}", encoding="utf-8")
    with pytest.raises(TemplateError, match="salary"):
        Composer([tmp_path]).compose(Situation(stage=Stage.APPLIED), Profile())


def test_output_cap(tmp_path: Path) -> None:
    (tmp_path / "email.txt.j2").write_text("{{ 'x' * 1000000 }}", encoding="utf-8")
    with pytest.raises(TemplateError, match="limit"):
        Composer([tmp_path]).compose(Situation(stage=Stage.APPLIED), Profile())


def test_checker_reports_syntax_with_line_unknown_names_and_unused(tmp_path: Path) -> None:
    (tmp_path / "email.txt.j2").write_text("Hello\n{% if %}\n", encoding="utf-8")
    (tmp_path / "linkedin.txt.j2").write_text("{{ salary }}", encoding="utf-8")
    (tmp_path / "misc.j2").write_text("{{ role }}", encoding="utf-8")
    problems = {p.path.name: p for p in check_templates(tmp_path, _contexts())}
    assert problems["email.txt.j2"].line == 2 and "syntax" in problems["email.txt.j2"].message
    assert "salary" in problems["linkedin.txt.j2"].message
    assert "not used" in problems["misc.j2"].message
    assert "email.txt.j2:2" in str(problems["email.txt.j2"])


def test_user_values_are_never_template_source() -> None:
    draft = Composer().compose(
        Situation(stage=Stage.SCREENING, company="{{ 7 * 7 }}", role="{% raw %}"), Profile()
    )
    assert "{{ 7 * 7 }}" in draft.body_text and "49" not in draft.body_text
