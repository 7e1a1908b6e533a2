"""What reading a contact's name costs per keystroke, as a ratio to a bare Jinja2 render.

Run: .venv/bin/python benchmarks/bench_names.py

A name is parsed again whenever the name field changes (each keystroke is a new string,
so the cache does not help): a plain name takes the fast path, a name with a title or
a particle goes through nameparser. The floor is the same bare render bench_draft uses.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable

import jinja2

from bowout.core.names import parse_name


def mean_call(fn: Callable[[], object], inner: int) -> float:
    """Mean seconds per call over ``inner`` calls."""
    start = time.perf_counter()
    for _ in range(inner):
        fn()
    return (time.perf_counter() - start) / inner


def median_ratio(fn: Callable[[], object], floor: Callable[[], object]) -> tuple[float, float]:
    """Median seconds per call of ``fn`` and its median ratio to ``floor``, round by round."""
    times, ratios = [], []
    for _ in range(15):
        base = mean_call(floor, 200)
        took = mean_call(fn, 200)
        times.append(took)
        ratios.append(took / base)
    return statistics.median(times), statistics.median(ratios)


def main() -> None:
    env = jinja2.Environment(autoescape=False)
    small = env.from_string("Dear {{ name }},\n\nThank you for the {{ role }} role.\n\n{{ me }}")

    def floor() -> object:
        return small.render(name="Jordan", role="Analyst", me="Maya")

    parse_name("Herr Dr. Müller")  # nameparser imported and its vocabulary built
    cases = {
        "plain (Jordan Lee)": "Jordan Lee{}",
        "Last, First": "Lee{}, Jordan",
        "title + family": "Herr Dr. Müller{}",
        "particles": "Jan van der Berg{}",
    }
    for label, pattern in cases.items():
        # More distinct names than the cache holds: every call is a new keystroke.
        names = itertools.cycle([pattern.format(n) for n in range(3000)])
        seconds, ratio = median_ratio(lambda names=names: parse_name(next(names)), floor)  # type: ignore[misc]
        print(f"{label:20}: {seconds * 1e6:7.1f} µs  ratio {ratio:5.1f}x a bare render")


if __name__ == "__main__":
    main()
