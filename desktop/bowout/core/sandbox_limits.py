"""What one render in the template sandbox may use (:class:`Limits`), and the checks made
before an operation that can make a value much bigger than its input: repetition, padding
and format widths, %-formatting, replace, join, and the filters that do the same
(:data:`FILTER_CHECKS`). :class:`bowout.core.sandbox.LimitedEnvironment` runs them; each
check takes that environment (a :class:`SizeGuard`) and raises :class:`LimitExceeded`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import string
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from jinja2.exceptions import SecurityError


@dataclasses.dataclass(frozen=True)
class Limits:
    """What one render may use. Units: seconds, items, characters, bits."""

    seconds: float = 1.0
    #: Items in a range, list, tuple, dict or set.
    items: int = 10_000
    #: Characters in any one intermediate string.
    chars: int = 100_000
    #: Characters of all text one render produces (output, macros, blocks, joins).
    produced: int = 1_000_000
    #: Characters of the final output.
    output: int = 20_000
    #: Bits in any integer (a 30,000-digit number is already absurd in a letter).
    int_bits: int = 100_000


class LimitExceeded(SecurityError):
    """A template asked for more than :class:`Limits` allows; ``str()`` says what."""


class SizeGuard(Protocol):
    """What a check asks of the environment: its limits, and the error naming a value over
    them."""

    limits: Limits

    def too_big(self, what: str) -> LimitExceeded:
        """The error for a value over the limits (``what`` says which)."""
        ...


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?")
#: The digits of a width or precision in a ``str.format`` spec.
FORMAT_DIGITS = re.compile(r"\d+")
#: The ``str`` methods that pad to a width given as an argument.
WIDTH_METHODS = frozenset({"ljust", "rjust", "center", "zfill"})


def check_chars(env: SizeGuard, size: int, what: str) -> None:
    """Refuse an operation whose result would have ``size`` characters or items."""
    if size > env.limits.chars:
        raise env.too_big(what)


def check_int_args(env: SizeGuard, args: Iterable[Any]) -> None:
    """Refuse a width (any integer argument) beyond the characters a text may have."""
    for arg in args:
        if isinstance(arg, int) and abs(arg) > env.limits.chars:
            raise env.too_big(f"a width of {arg:,}")


def check_repeat(env: SizeGuard, seq: Any, times: Any) -> None:
    """Refuse ``seq * times`` when the result would be over the limits."""
    if not isinstance(times, int):
        return
    if isinstance(seq, (str, bytes)):
        check_chars(env, len(seq) * times, "a repeated text")
    elif isinstance(seq, (list, tuple)):
        if len(seq) * times > env.limits.items:
            raise env.too_big("a repeated list")
    elif isinstance(seq, int) and seq.bit_length() + times.bit_length() > env.limits.int_bits:
        raise env.too_big("a product")


def check_percent(env: SizeGuard, fmt: str, values: Any) -> None:
    """Refuse ``fmt % values`` when a width or precision in ``fmt`` (or a ``*`` one taken
    from ``values``) is beyond the limits."""
    args = values if isinstance(values, tuple) else (values,)
    for star_or_width in _PERCENT_SPEC.findall(fmt):
        for part in star_or_width:
            if part == "*":
                check_int_args(env, args)
            elif part:
                check_chars(env, int(part), f"a format width of {int(part):,}")


def joinable(env: SizeGuard, separator: str, items: Any) -> list[Any]:
    """``items`` as a list, when joining them with ``separator`` stays within the limits."""
    listed = list(itertools.islice(iter(items), env.limits.items + 1))
    if len(listed) > env.limits.items:
        raise env.too_big("a joined list")
    size = sum(len(str(item)) for item in listed) + len(separator) * len(listed)
    check_chars(env, size, "a joined text")
    return listed


def parse_format(fmt: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """The fields of a ``str.format`` string; none when it is malformed (``str.format``
    itself reports that)."""
    try:
        return list(string.Formatter().parse(fmt))
    except ValueError:
        return []


def check_replace(env: SizeGuard, text: str, old: Any, new: Any, *rest: Any) -> None:
    """Refuse ``text.replace(old, new[, count])`` when the result would be too long."""
    if not isinstance(old, str) or not isinstance(new, str):
        return
    count = text.count(old) if old else len(text) + 1
    if rest and isinstance(rest[0], int) and rest[0] >= 0:
        count = min(count, rest[0])
    check_chars(env, len(text) + count * len(new), "a replaced text")


# -- filters that can make a value much bigger than their input ---------------------------
def _center_check(env: SizeGuard, value: Any, width: Any = 80) -> None:
    check_int_args(env, [width])


def _indent_check(env: SizeGuard, s: Any, width: Any = 4, *args: Any, **kw: Any) -> None:
    pad = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    check_chars(env, (str(s).count("\n") + 1) * pad + len(str(s)), "an indented text")


def _format_check(env: SizeGuard, value: Any, *args: Any, **kwargs: Any) -> None:
    if isinstance(value, str):
        check_percent(env, value, args or kwargs)


def _replace_check(env: SizeGuard, eval_ctx: Any, s: Any, *args: Any) -> None:
    if len(args) >= 2:
        check_replace(env, str(s), str(args[0]), str(args[1]), *args[2:])


def _join_check(env: SizeGuard, eval_ctx: Any, value: Any, d: Any = "",
                attribute: Any = None) -> None:  # fmt: skip
    if isinstance(value, (list, tuple)) and attribute is None:
        joinable(env, str(d), value)
    elif isinstance(value, (list, tuple)) and len(value) > env.limits.items:
        raise env.too_big("a joined list")


def _batch_check(env: SizeGuard, value: Any, linecount: Any, *args: Any) -> None:
    if isinstance(linecount, int) and linecount > env.limits.items:
        raise env.too_big(f"a batch of {linecount:,}")


def _wordwrap_check(env: SizeGuard, eval_ctx: Any, s: Any, *args: Any, **kw: Any) -> None:
    wrapstring = kw.get("wrapstring", args[2] if len(args) > 2 else None)
    if isinstance(wrapstring, str):
        check_chars(env, len(str(s)) * (len(wrapstring) + 1), "a wrapped text")


def _tojson_check(env: SizeGuard, eval_ctx: Any, value: Any, indent: Any = None) -> None:
    if isinstance(indent, int) and indent > 16:
        raise env.too_big(f"a JSON indent of {indent:,}")


def lipsum_check(env: SizeGuard, n: Any = 5, html: Any = True, min: Any = 20,
                 max: Any = 100) -> None:  # fmt: skip
    """Refuse a ``lipsum()`` call asking for more words than a list may have items."""
    if isinstance(n, int) and isinstance(max, int) and n * max > env.limits.items:
        raise env.too_big("lorem ipsum")


#: The check run before each filter that can blow a value up, by the filter's name.
FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "center": _center_check,
    "indent": _indent_check,
    "format": _format_check,
    "replace": _replace_check,
    "join": _join_check,
    "batch": _batch_check,
    "wordwrap": _wordwrap_check,
    "tojson": _tojson_check,
}
