"""Median time of one full compose, as a ratio to a bare Jinja2 render measured in the same run.

Run: .venv/bin/python benchmarks/bench_draft.py   (target: worst compose ratio <= 25)

Three figures per case: the compose as a window or ``bowout draft`` asks for it; the same
while the user types (each call a different contact name, so nothing keyed on the whole
situation is reused); and compose plus the tone coach's findings (read by the CLI's JSON
and text output; the window checks the edited text itself instead).
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
import time
from collections.abc import Callable

import jinja2

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.situation import Money


def median_seconds(fn: Callable[[], object], rounds: int = 15, inner: int = 200) -> float:
    """Median over rounds of the mean time per call (inner calls per round)."""
    fn()  # warm caches (template compilation, regexes)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - start) / inner)
    return statistics.median(samples)


def main() -> None:
    env = jinja2.Environment(autoescape=False)
    small = env.from_string("Dear {{ name }},\n\nThank you for the {{ role }} role.\n\n{{ me }}")
    floor = median_seconds(lambda: small.render(name="Jordan", role="Analyst", me="Maya"))

    composer = Composer()
    profile = Profile("Maya Okafor", "maya@example.com", "+1 555 0100")
    start = dt.date.today() + dt.timedelta(days=20)
    cases = {
        "email, screening": Situation(stage=Stage.SCREENING, reason=Reason.OTHER_OFFER,
                                      contact="Jordan", role="Analyst", company="Northwind"),
        "phone, rescind + visa": Situation(
            stage=Stage.ACCEPTED, reason=Reason.RELOCATION, channel=Channel.PHONE,
            keep_door_open=True, visa_petition_started=True, relocation_assistance=Money.PAID,
            signing_bonus=Money.PAID, start_date=start, contact="Jordan",
            role="Analyst", company="Northwind"),
    }  # fmt: skip
    print(f"floor: bare Jinja2 render of a small template: {floor * 1e6:8.1f} µs")
    worst = 0.0
    for label, situation in cases.items():
        # More distinct situations than any cache holds, built before the clock starts.
        typed = itertools.cycle(
            [Situation(**{**situation.__dict__, "contact": f"Jordan {n}"}) for n in range(3000)]
        )

        def typing(typed: itertools.cycle[Situation] = typed) -> object:
            return composer.compose(next(typed), profile)

        figures = {
            "compose": lambda s=situation: composer.compose(s, profile),  # type: ignore[misc]
            "while typing": typing,
            "with tone coach": lambda s=situation: composer.compose(s, profile).findings,  # type: ignore[misc]
        }
        for kind, fn in figures.items():
            t = median_seconds(fn)
            if kind != "with tone coach":
                worst = max(worst, t / floor)
            print(f"{kind:16} ({label:22}): {t * 1e6:8.1f} µs  ratio {t / floor:5.1f}x")
    print(f"worst compose ratio: {worst:.1f}x (target <= 25x)")


if __name__ == "__main__":
    main()
