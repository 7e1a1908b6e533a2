"""Hypothesis over hostile template expressions: every render ends with output or one error."""

from __future__ import annotations

import tracemalloc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bowout.core import TemplateError
from bowout.core.sandbox import Limits
from bowout.core.templating import make_environment, render_template

_LIMITS = Limits(seconds=0.2)
_ENV = make_environment([], limits=_LIMITS)

_numbers = st.sampled_from(["0", "1", "7", "99999", "10**6", "10**9", "10**100", "-5", "2**64"])
_texts = st.sampled_from(["'a'", "'ab%s'", "'{:>9}'", "'x\\ty'", "role", "''"])


def _expression(depth: int) -> st.SearchStrategy[str]:
    leaf = st.one_of(_numbers, _texts, st.just("range(" + "99999" + ")|list"))
    if depth == 0:
        return leaf
    inner = _expression(depth - 1)
    return st.one_of(
        leaf,
        st.builds(lambda a, b: f"({a} * {b})", inner, inner),
        st.builds(lambda a, b: f"({a} ** {b})", inner, inner),
        st.builds(lambda a, b: f"({a} % {b})", inner, inner),
        st.builds(lambda a, b: f"({a} ~ {b})", inner, inner),
        st.builds(lambda a, b: f"({a} + {b})", inner, inner),
        st.builds(lambda a, b: f"range({a})|join({b})", _numbers, inner),
        st.builds(lambda a, n: f"{a}|center({n})", inner, _numbers),
        st.builds(lambda a, n: f"{a}|indent({n})", inner, _numbers),
        st.builds(lambda a, n: f"'{{:>{{0}}}}'.format({n}, {a})", inner, _numbers),
        st.builds(lambda a, n: f"'%*s' % ({n}, {a})", inner, _numbers),
        st.builds(lambda a, b: f"({a}|string).replace('a', {b}|string)", inner, inner),
        st.builds(lambda a, n: f"[{a}] * {n}", inner, _numbers),
    )


_templates = st.one_of(
    _expression(3).map(lambda e: "{{ " + e + " }}"),
    st.builds(
        lambda n, m, e: (
            f"{{% for i in range({n}) %}}{{% for j in range({m}) %}}{{{{ {e} }}}}"
            "{% endfor %}{% endfor %}"
        ),
        _numbers,
        _numbers,
        _expression(1),
    ),
    st.builds(
        lambda e: "{% macro f(x) %}{{ f(x ~ x) }}{% endmacro %}{{ f(" + e + ") }}",
        _expression(1),
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=_templates)
def test_every_render_ends_with_output_or_one_clear_error(source: str) -> None:
    template = _ENV.from_string(source)
    tracemalloc.start()
    try:
        try:
            text = render_template(template, {"role": "QA"}, "fuzz.txt.j2")
        except TemplateError as exc:
            assert str(exc).startswith("fuzz.txt.j2")
            assert "\n" not in str(exc)  # one line
        else:
            assert len(text) <= _LIMITS.output
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20
