"""The two shortcuts on a draft's hot path keep their results exactly: ``tidy``'s pass over
lines that need no change, and the sandbox reading a dict's items before its methods."""

from __future__ import annotations

import re

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2.exceptions import SecurityError

from bowout.core.composer import tidy
from bowout.core.sandbox import DataSandbox, LimitedEnvironment


def reference_tidy(text: str) -> str:
    """The rule as first written: every line's whitespace collapsed, but for the no-break
    spaces a wording chose (U+00A0, U+202F: French typography), kept inside a line."""
    out: list[str] = []
    blank = True
    for raw in text.split("\n"):
        line = re.sub(r"[^\S\u00a0\u202f]+", " ", raw).strip()
        if line:
            out.append(line)
            blank = False
        elif not blank:
            out.append("")
            blank = True
    if out and not out[-1]:
        out.pop()
    return "\n".join(out)


SPACES = (
    " \t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"
)


@given(st.text(alphabet=st.sampled_from(SPACES + "\nab.,Ü") | st.characters(), max_size=200))
def test_tidy_gives_what_collapsing_every_line_gives(text: str) -> None:
    assert tidy(text) == reference_tidy(text)


@pytest.mark.parametrize(
    "text",
    ["Dear Jordan,\n\n\n\nThank you.  Bye", "a\u00a0b\n c \n", "x\tY\n\n", "Käthe\u3000Ito"],
)
def test_tidy_collapses_every_kind_of_space(text: str) -> None:
    assert tidy(text) == reference_tidy(text)


@pytest.mark.parametrize("env_class", [DataSandbox, LimitedEnvironment])
def test_dict_items_come_first_and_methods_still_resolve(env_class: type) -> None:
    env = env_class(undefined=jinja2.StrictUndefined)
    say = {"greeting": "Dear Jordan,", "items": "an item named like a method"}
    out = env.from_string("{{ say.greeting }}|{{ say.items }}|{{ say.get('greeting') }}")
    assert out.render(say=say) == "Dear Jordan,|an item named like a method|Dear Jordan,"


@pytest.mark.parametrize("env_class", [DataSandbox, LimitedEnvironment])
def test_the_sandbox_still_refuses_what_it_refused(env_class: type) -> None:
    env = env_class(undefined=jinja2.StrictUndefined)
    with pytest.raises(SecurityError):
        env.from_string("{{ say.update({'x': 1}) }}").render(say={"a": "b"})
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ say.missing }}").render(say={"a": "b"})
    with pytest.raises(SecurityError):
        env.from_string("{{ say.__class__ }}").render(say={"a": "b"})
