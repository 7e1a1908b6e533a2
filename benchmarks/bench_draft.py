"""Median time of one full compose, as a ratio to a bare Jinja2 render measured in the same run.

Run: .venv/bin/python benchmarks/bench_draft.py   (target: ratio <= 25)
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable

import jinja2

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage


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
    cases = {
        "email, screening": Situation(stage=Stage.SCREENING, reason=Reason.OTHER_OFFER,
                                      contact="Jordan", role="Analyst", company="Northwind"),
        "phone, rescind + visa": Situation(
            stage=Stage.ACCEPTED, reason=Reason.RELOCATION, channel=Channel.PHONE,
            keep_door_open=True, visa_petition_started=True, relocation_assistance=True,
            signing_bonus=True, start_date=dt.date(2027, 1, 12), contact="Jordan",
            role="Analyst", company="Northwind"),
    }  # fmt: skip
    print(f"floor: bare Jinja2 render of a small template: {floor * 1e6:8.1f} µs")
    worst = 0.0
    for label, situation in cases.items():
        t = median_seconds(lambda s=situation: composer.compose(s, profile))  # type: ignore[misc]
        worst = max(worst, t / floor)
        print(f"compose ({label:22}): {t * 1e6:8.1f} µs  ratio {t / floor:5.1f}x")
    print(f"worst ratio: {worst:.1f}x (target <= 25x)")


if __name__ == "__main__":
    main()
