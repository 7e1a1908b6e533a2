"""Batch drafting ("tell the others"), per message, as a ratio to a bare Jinja2 render.

Run: .venv/bin/python benchmarks/bench_batch.py   (target: per message <= 25x)

The floor is bench_draft's: a small template rendered by a bare Jinja2 environment,
timed in the same rounds (paired, so drift on a shared machine moves both). A batch is 50
open applications at every stage, a third through a recruiter; each batch has new names,
so nothing keyed on a whole situation is reused between batches. Two figures: the drafts
as ``core.batch.draft_batch`` yields them (what the window's batch view asks for; the
target applies here, as bench_draft's does to its compose), and the same plus the JSON
objects ``bowout batch --format json`` prints, whose ``warnings`` run the tone coach on
every message (reported, like bench_draft's "with tone coach").
"""

from __future__ import annotations

import itertools
import json
import sys

import jinja2
from bench_draft import median_ratio

from bowout.cli.batch import batch_json
from bowout.core import Composer, Profile, Reason, Stage
from bowout.core.applications import Application
from bowout.core.batch import draft_batch

BATCH = 50
TARGET = 25.0


def applications(round_no: int) -> list[Application]:
    """BATCH applications at mixed stages, with names unique to ``round_no``."""
    stages = itertools.cycle(Stage)
    return [
        Application(
            company=f"Company {round_no}-{n}",
            role=("Data Analyst", "QA Lead", "Designer", "Engineer")[n % 4],
            contact=f"Jordan Lee {round_no}-{n}" if n % 5 else "",
            contact_email=f"jordan{n}@example.com" if n % 2 else "",
            recruiter=f"Sam Hill {n}" if n % 3 == 0 else "",
            stage=next(stages),
        )
        for n in range(BATCH)
    ]


def main() -> int:
    """Print the per-message ratios; exit 1 when the target is missed."""
    env = jinja2.Environment(autoescape=False)
    small = env.from_string("Dear {{ name }},\n\nThank you for the {{ role }} role.\n\n{{ me }}")

    def floor() -> object:
        return small.render(name="Jordan", role="Analyst", me="Maya")

    composer = Composer()
    profile = Profile("Maya Okafor", "maya@example.com", "+1 555 0100")
    batches = itertools.cycle([applications(n) for n in range(400)])  # built before timing

    def drafts() -> object:
        return list(draft_batch(composer, profile, next(batches), Reason.OTHER_OFFER))

    def as_json() -> object:
        pairs = draft_batch(composer, profile, next(batches), Reason.OTHER_OFFER)
        return json.dumps([batch_json(a, d) for a, d in pairs], ensure_ascii=False)

    print(f"batch of {BATCH} open applications at mixed stages, reason other-offer")
    worst = 0.0
    for label, fn in (("drafts", drafts), ("drafts + JSON", as_json)):
        seconds, ratio = median_ratio(fn, floor, rounds=15, inner=3)
        # The floor is one render; the batch is BATCH messages.
        per_message = ratio / BATCH
        target = f"target <= {TARGET:.0f}x" if fn is drafts else "with the tone coach; reported"
        worst = max(worst, per_message) if fn is drafts else worst
        print(f"{label:14}: {seconds * 1e3:7.1f} ms per batch, {seconds / BATCH * 1e6:7.1f} µs "
              f"per message -> {per_message:5.1f}x a bare render ({target})")  # fmt: skip
    print("OK" if worst <= TARGET else "TARGET MISSED")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
