"""Limits inside the template sandbox: time, size of every intermediate value, and output.

Jinja2's sandbox stops templates from reaching Python internals, but not from asking for a
gigabyte (``'a' * 10**9``, ``'%999999999d' % 1``, ``'x'|center(10**9)``) or from looping
for hours (nested ``range`` loops). :class:`LimitedEnvironment` checks the size a value
*will* have before the operations that can blow it up (repetition, powers, padding and
format widths, replace, join), checks every other result after it is made, counts all
text a render produces, and :func:`render_limited` stops a render that runs too long.
The limits and the checks made before an operation are in :mod:`bowout.core.sandbox_limits`.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import Template
from jinja2.nodes import Concat, Expr, For, Node
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from bowout.core.sandbox_limits import (
    FILTER_CHECKS,
    FORMAT_DIGITS,
    WIDTH_METHODS,
    LimitExceeded,
    Limits,
    check_chars,
    check_int_args,
    check_percent,
    check_repeat,
    check_replace,
    joinable,
    lipsum_check,
    parse_format,
)

__all__ = [
    "CODE_VERSION", "DataSandbox", "LimitExceeded", "LimitedEnvironment", "Limits",
    "RenderTimeout", "render_limited", "render_limited_all",
]  # fmt: skip

#: Bump when the generated code changes, so compiled templates in the cache are not reused.
CODE_VERSION = "limited-2"


class RenderTimeout(Exception):
    """A render ran past its time limit."""


_state = threading.local()


def _tick() -> None:
    """Raise RenderTimeout once the render's deadline has passed."""
    deadline: float | None = getattr(_state, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise RenderTimeout


def _budget() -> list[int]:
    budget: list[int] | None = getattr(_state, "budget", None)
    if budget is None:
        budget = _state.budget = [Limits().produced]
    return budget


class _LimitedCodeGenerator(CodeGenerator):
    """Generated code routes output, ``~`` and every loop through the limits."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_iters: set[int] = set()

    def visit(self, node: Node, *args: Any, **kwargs: Any) -> Any:
        """Wrap the iterable of each ``for`` (however the loop is compiled) in a timed one."""
        if id(node) not in self._loop_iters:
            return super().visit(node, *args, **kwargs)
        self.write("environment.timed_iter(")
        result = super().visit(node, *args, **kwargs)
        self.write(")")
        return result

    def visit_For(self, node: For, frame: Frame) -> None:
        self._loop_iters.add(id(node.iter))
        super().visit_For(node, frame)

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: Any) -> None:
        self.write("environment.counted(")
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: Expr, frame: Frame, finalize: Any) -> None:
        super()._output_child_post(node, frame, finalize)
        self.write(")")

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.checked(")
        super().visit_Concat(node, frame)
        self.write(")")


class DataSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, reading a plain dict's items before its attributes.

    A message template reads its values from dicts (``say.greeting``, 30 or so per draft,
    at every keystroke). Jinja2 looks ``a.b`` up as an attribute first, and on a dict that
    always fails, raising and catching an AttributeError each time: about a tenth of a
    draft's time. A plain dict's attributes are its methods, which no message reads by
    ``a.b`` except ``a.get``-style calls; those still resolve when no item has that name.
    Items are data, so reading them is always safe; everything else (and a missing item)
    goes through the sandbox's own checks, so ``say.__class__`` stays refused.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj[attribute]`` for a plain dict holding it, else the sandbox's lookup."""
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class LimitedEnvironment(DataSandbox):
    """The immutable sandbox with :class:`Limits` on time, sizes and output."""

    code_generator_class = _LimitedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, limits: Limits | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits or Limits()
        self.globals["range"] = self._range
        self.globals["lipsum"] = self._wrap(generate_lorem_ipsum, lipsum_check)
        for name, check in FILTER_CHECKS.items():
            self.filters[name] = self._wrap(self.filters[name], check)

    # -- the checks ------------------------------------------------------------------------
    @staticmethod
    def timed_iter(items: Iterable[Any]) -> Iterator[Any]:
        """``items``, stopping the render at its deadline (every loop goes through this)."""
        for item in items:
            _tick()
            yield item

    def too_big(self, what: str) -> LimitExceeded:
        """The error for a value over the limits (``what`` says which)."""
        return LimitExceeded(f"{what} is over the template limits")

    def checked(self, value: Any) -> Any:
        """``value`` if it is within the size limits (it counts towards the render's text)."""
        limits = self.limits
        if isinstance(value, (str, bytes)):
            if len(value) > limits.chars:
                raise self.too_big(f"a text of {len(value):,} characters")
            self.counted(value)
        elif isinstance(value, (list, tuple, dict, set, frozenset)):
            if len(value) > limits.items:
                raise self.too_big(f"a list of {len(value):,} items")
        elif isinstance(value, int) and value.bit_length() > limits.int_bits:
            raise self.too_big("a number")
        return value

    def counted(self, value: Any) -> Any:
        """Charge the text ``value`` to the render's budget of produced characters.

        Runs for every output expression, so it stays small: the deadline is checked by
        the loops, calls and operators that output sits in.
        """
        if not isinstance(value, str):
            return value
        budget = _budget()
        budget[0] -= len(value)
        if budget[0] < 0:
            raise self.too_big(f"the text produced ({self.limits.produced:,} characters)")
        return value

    def check_chars(self, size: int, what: str) -> None:
        """Refuse an operation whose result would have ``size`` characters or items."""
        check_chars(self, size, what)

    def _range(self, *args: int) -> range:
        rng = range(*args)
        if len(rng) > self.limits.items:
            raise self.too_big(f"a range of {len(rng):,} numbers")
        return rng

    def _wrap(self, func: Callable[..., Any], check: Callable[..., None]) -> Callable[..., Any]:
        @functools.wraps(func)
        def limited(*args: Any, **kwargs: Any) -> Any:
            check(self, *args, **kwargs)
            return self.checked(func(*args, **kwargs))

        return limited

    # -- sandbox hooks ---------------------------------------------------------------------
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Check repetition, powers and %-formatting before they run, the result after."""
        _tick()
        if operator == "*":
            check_repeat(self, left, right)
            check_repeat(self, right, left)
        elif operator == "**":
            ints = isinstance(left, int) and isinstance(right, int) and right > 0
            if ints and abs(left) > 1 and right * abs(left).bit_length() > self.limits.int_bits:
                raise self.too_big("a power")
        elif operator == "%" and isinstance(left, str):
            check_percent(self, left, right)
        return self.checked(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Check calls that pad, replace or join before they run; every result after."""
        _tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            name = getattr(__obj, "__name__", "")
            if name in WIDTH_METHODS:
                check_int_args(__self, [*args, *kwargs.values()])
            elif name == "expandtabs":
                size = (owner.count("\t") + 1) * max([8, *args, *kwargs.values()]) + len(owner)
                __self.check_chars(size, "expanded tabs")
            elif name == "replace" and len(args) >= 2:
                check_replace(__self, owner, *args)
            elif name == "join" and args:
                args = (joinable(__self, owner, args[0]), *args[1:])
        return __self.checked(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format``: refuse widths and precisions beyond the limits, then format."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt: str = value.__self__
        specs = [spec or "" for _, _, spec, _ in parse_format(fmt)]

        def limited(*args: Any, **kwargs: Any) -> str:
            for spec in specs:
                for digits in FORMAT_DIGITS.findall(spec):
                    self.check_chars(int(digits), f"a format width of {int(digits):,}")
                if "{" in spec:  # a width given as an argument
                    mapping = args[0] if value.__name__ == "format_map" and args else kwargs
                    values = mapping.values() if isinstance(mapping, dict) else ()
                    check_int_args(self, [*args, *values])
            text: str = self.checked(wrapped(*args, **kwargs))
            return text

        return limited


def render_limited(template: Template, context: Mapping[str, Any], limits: Limits) -> str:
    """Render ``template`` within ``limits``.

    Raises :class:`LimitExceeded` (a size limit), :class:`RenderTimeout` (the time limit,
    checked at every loop step, call, operator and output)
    or whatever the template raised; the caller turns them into one clear message.
    """
    return render_limited_all((template,), context, limits)[0]


def render_limited_all(
    templates: Sequence[Template], context: Mapping[str, Any], limits: Limits
) -> list[str]:
    """Each of ``templates`` (one environment's) rendered in turn in one context, within
    ``limits`` shared by all of them as if they were one template: one deadline, one size
    budget, one output limit. Raises as :func:`render_limited` does."""
    if not templates:
        return []
    _state.budget = [limits.produced]
    _state.deadline = time.monotonic() + limits.seconds
    texts: list[str] = []
    total = 0
    too_long = False
    try:
        shared = templates[0].new_context(dict(context))
        for template in templates:
            # root_render_func directly (what Template.generate wraps): one generator less
            # per piece, and the same traceback rewriting to template lines on errors.
            pieces: list[str] = []
            for piece in template.root_render_func(shared):
                total += len(piece)
                if total > limits.output:
                    too_long = True
                    break
                pieces.append(piece)
            if too_long:
                break
            texts.append("".join(pieces))
    except Exception:
        templates[0].environment.handle_exception()
    finally:
        _state.deadline = None
    if too_long:
        raise LimitExceeded(f"the output is over {limits.output:,} characters (the limit)")
    return texts
