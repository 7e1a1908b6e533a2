"""The sandbox, user overrides by name, and ``templates check``."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from bowout import paths
from bowout.core import Composer, Profile, Situation, Stage, TemplateError
from bowout.core.composer import template_context
from bowout.core.sandbox import Limits
from bowout.core.situation import Channel
from bowout.core.templating import TEMPLATE_NAMES, check_templates, make_environment, render


def _contexts() -> list[dict[str, object]]:
    return [template_context(Situation(stage=s), Profile(), Channel.EMAIL) for s in Stage]


def test_builtin_templates_pass_the_checker() -> None:
    problems = [p for p in check_templates(paths.pack_dir(), _contexts())]
    # _parts.j2 is a macro library, not a rendered template name.
    assert [str(p) for p in problems if not p.path.name.startswith("_")] == []
    for name in TEMPLATE_NAMES:
        assert (paths.pack_dir() / name).is_file(), name


def test_user_template_overrides_builtin_by_name(tmp_path: Path) -> None:
    (tmp_path / "email.txt.j2").write_text("Custom: {{ role }}", encoding="utf-8")
    draft = Composer([tmp_path]).compose(Situation(stage=Stage.APPLIED, role="QA"), Profile())
    assert draft.body_text == "Custom: QA"


def _falls_back(folder: Path, name: str, source: str) -> str:
    """Compose with ``source`` as the custom ``name``; the one problem reported, or fail."""
    (folder / name).write_text(source, encoding="utf-8")
    situation = Situation(stage=Stage.APPLIED, role="QA")
    composer = Composer([folder])
    draft = composer.compose(situation, Profile())
    builtin = Composer().compose(situation, Profile())
    assert (draft.subject, draft.body_text) == (builtin.subject, builtin.body_text)
    problems = composer.take_template_problems()
    assert len(problems) == 1, problems
    # Reported once: the next draft uses the built-in without trying the broken one again.
    composer.compose(situation, Profile())
    assert composer.take_template_problems() == []
    return problems[0]


def test_sandbox_blocks_attribute_escapes(tmp_path: Path) -> None:
    problem = _falls_back(
        tmp_path, "email.txt.j2", "{{ role.__class__.__mro__[1].__subclasses__() }}"
    )
    assert "email.txt.j2" in problem and "not allowed" in problem


def test_undefined_variable_is_an_error(tmp_path: Path) -> None:
    assert "salary" in _falls_back(tmp_path, "email.txt.j2", "{{ salary }}")


def test_output_cap(tmp_path: Path) -> None:
    problem = _falls_back(
        tmp_path, "email.txt.j2", "{% for i in range(30) %}{{ 'x' * 1000 }}{% endfor %}"
    )
    assert "20,000 characters" in problem


def test_a_template_that_raises_names_file_and_line_and_falls_back(tmp_path: Path) -> None:
    problem = _falls_back(tmp_path, "email.txt.j2", "Hello\n\n{{ 1/0 }}\n")
    assert f"{tmp_path / 'email.txt.j2'}, line 3: ZeroDivisionError" in problem
    assert "uses its own email.txt.j2" in problem


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ("{{ 'a' * 10**9 }}", "repeated text"),
        ("{{ [0] * 10**9 }}", "repeated list"),
        ("{{ '%999999999d' % 1 }}", "format width"),
        ("{{ '%*d' % (999999999, 1) }}", "width"),
        ("{{ '{:>999999999}'.format(1) }}", "format width"),
        ("{{ '{:>{w}}'.format(1, w=999999999) }}", "width"),
        ("{{ 'x'|center(10**9) }}", "width"),
        ("{{ 'x'|indent(10**9) }}", "indented"),
        ("{{ '%999999999s'|format(1) }}", "format width"),
        ("{{ 'x'.ljust(10**9) }}", "width"),
        ("{{ ('a' * 1000).replace('a', 'b' * 1000) }}", "replaced text"),
        ("{{ (['x' * 50000] * 10000)|join }}", "joined text"),
        ("{{ [1]|batch(10**9, 0)|list }}", "batch"),
        ("{{ (10**5000) ** 10**5 }}", "power"),
        ("{{ range(100000)|list }}", "range"),
        ("{{ lipsum(10**6) }}", "lorem ipsum"),
        ("{% set ns = namespace(s='x' * 50000) %}{% for i in range(40) %}"
         "{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "characters"),
        ("{% set x %}{% for i in range(10000) %}{{ 'y' * 50000 }}{% endfor %}{% endset %}",
         "text produced"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "RecursionError"),
    ],
)  # fmt: skip
def test_size_limits_apply_before_the_value_is_built(tmp_path: Path, source: str, why: str) -> None:
    tracemalloc.start()
    try:
        problem = _falls_back(tmp_path, "email.txt.j2", source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert why in problem and "email.txt.j2, line 1" in problem
    assert peak < 64 * 2**20  # nothing near the gigabyte the template asked for


def test_a_template_that_loops_too_long_is_stopped(tmp_path: Path) -> None:
    (tmp_path / "email.txt.j2").write_text(
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    env = make_environment([tmp_path], limits=Limits(seconds=0.2))
    with pytest.raises(TemplateError, match=r"ran longer than the time limit \(0.2 s\)") as caught:
        render(env, "email.txt.j2", _contexts()[0])
    assert caught.value.line == 1
    # The interrupt never leaks past the render: ordinary work carries on.
    assert sum(range(10**6)) == 499999500000


def test_checker_reports_every_kind_of_failure_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "email.txt.j2").write_text("A\n{{ 1/0 }}", encoding="utf-8")
    (tmp_path / "linkedin.txt.j2").write_text("{{ 'a' * 10**9 }}", encoding="utf-8")
    (tmp_path / "phone_script.txt.j2").write_text(
        "\n\n{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    problems = {p.path.name: p for p in check_templates(tmp_path, _contexts())}
    assert problems["email.txt.j2"].line == 2
    assert "ZeroDivisionError" in problems["email.txt.j2"].message
    assert "repeated text" in problems["linkedin.txt.j2"].message
    assert problems["phone_script.txt.j2"].line == 3
    assert "time limit" in problems["phone_script.txt.j2"].message


def test_a_broken_builtin_is_still_an_error(tmp_path: Path) -> None:
    env = make_environment([])
    with pytest.raises(TemplateError, match="not found"):
        render(env, "missing.txt.j2", {})


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
