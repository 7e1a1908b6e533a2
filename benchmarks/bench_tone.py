"""Median tone-check times as ratios to floors measured in the same run.

Typical case: check_tone on generated drafts (~700 characters), against a bare Jinja2 render
of a small template (the floor of bench_draft.py). Large case: check_tone on 100 kB texts,
against counting the words of the same text with ``len(re.findall(r"\\w+", text))``.
Run: .venv/bin/python benchmarks/bench_tone.py   (targets: typical <= 4.5x, i.e. about 40 µs
when the floor is ~9 µs; large: linear, about 10-20x the word count)
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import time
from collections.abc import Callable

import jinja2

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.tone import check_tone

TYPICAL_TARGET = 4.5
WORD_RE = re.compile(r"\w+")


def paired(
    fn: Callable[[], object], floor: Callable[[], object], rounds: int, inner: int
) -> tuple[float, float]:
    """Median per-call times of ``fn`` and ``floor``, measured alternately so that load from
    other programs on the machine affects both alike (after one warm-up call of each)."""
    fn()
    floor()
    took, base = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        took.append((time.perf_counter() - start) / inner)
        start = time.perf_counter()
        for _ in range(inner):
            floor()
        base.append((time.perf_counter() - start) / inner)
    return statistics.median(took), statistics.median(base)


def typical_drafts() -> dict[str, tuple[str, Situation, Channel, str, str]]:
    """A few generated drafts: (text, situation, channel, subject, signature) by label."""
    composer = Composer()
    profile = Profile("Maya Okafor", "maya@example.com", "+1 555 0100")
    names = {"contact": "Jordan", "role": "Analyst", "company": "Northwind"}
    named = dataclasses.replace
    bare = {
        "phone, rescind + visa": Situation(
            stage=Stage.ACCEPTED, reason=Reason.RELOCATION, channel=Channel.PHONE,
            keep_door_open=True, visa_petition_started=True, relocation_assistance=True,
            signing_bonus=True),
        "email, screening": Situation(stage=Stage.SCREENING, reason=Reason.OTHER_OFFER),
        "recruiter, offer": Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION,
                                      channel=Channel.RECRUITER),
        "linkedin, applied": Situation(stage=Stage.APPLIED, reason=Reason.NOT_A_FIT,
                                       channel=Channel.LINKEDIN),
    }  # fmt: skip
    situations = {label: named(s, **names) for label, s in bare.items()}
    situations["email, no names"] = Situation(stage=Stage.FINAL, reason=Reason.PERSONAL)
    drafts = {}
    for label, situation in situations.items():
        draft = composer.compose(situation, profile)
        signature = draft.body_text.rsplit("\n\n", 1)[-1]
        drafts[label] = (draft.body_text, situation, draft.channel, draft.subject, signature)
    return drafts


def large_texts(draft: str) -> dict[str, str]:
    """100 kB texts: pasted letters, prose with remarks to find, and adversarial runs."""
    remarks = (
        "Frankly the process was chaotic and I accepted an offer from Globex for $90,000. "
        "I was really frustrated, the salary of 120000 was a joke!! I will NEVER apply again. "
    )
    prose = (
        "Thank you for your time. I have decided to withdraw my application, as the position "
        "is not the right fit. I wish you and the team every success with the search. "
    )
    complaints = (
        "Nobody replied for weeks, the manager was late and uninterested, and I would never "
        "work for a company like yours. Sorry again, and sorry for the [Role] mix-up. "
    )
    texts = {
        "drafts pasted": (draft + "\n\n") * (100_000 // (len(draft) + 2) + 1),
        "clean prose": prose * (100_000 // len(prose) + 1),
        "prose + remarks": (prose + remarks) * (100_000 // len(prose + remarks) + 1),
        "prose + complaints": (prose + complaints) * (100_000 // len(prose + complaints) + 1),
        "exclamations": "!" * 100_000,
        "caps words": "ACME " * 20_000,
        "spaced digits": "1 " * 50_000,
        "criticism everywhere": "disorganised " * 8_000,
        "leads everywhere": "accepted an offer from " * 4_500,
        "negations": "not " * 25_000 + "withdraw",
        "mixed noise": "a!b?c.d,e[f]g$1k İ " * 5_000,
    }
    return {label: text[:100_000] for label, text in texts.items()}


def main() -> None:
    env = jinja2.Environment(autoescape=False)
    small = env.from_string("Dear {{ name }},\n\nThank you for the {{ role }} role.\n\n{{ me }}")

    def render_floor() -> object:
        return small.render(name="Jordan", role="Analyst", me="Maya")

    drafts = typical_drafts()
    worst = 0.0
    print("typical drafts: check_tone vs a bare Jinja2 render of a small template")
    for label, (text, situation, channel, subject, signature) in drafts.items():

        def check(
            t: str = text,
            s: Situation = situation,
            c: Channel = channel,
            j: str = subject,
            g: str = signature,
        ) -> object:
            return check_tone(t, s, c, subject=j, signature=g)

        took, floor = paired(check, render_floor, rounds=15, inner=200)
        worst = max(worst, took / floor)
        print(
            f"  {label:24} {len(text):5d} chars {took * 1e6:7.1f} µs "
            f"(floor {floor * 1e6:5.1f} µs)  ratio {took / floor:5.2f}x"
        )
    print(f"  worst ratio: {worst:.2f}x (target <= {TYPICAL_TARGET}x)")

    first = next(iter(drafts.values()))
    print("100 kB texts: check_tone vs len(re.findall(r'\\w+', text)) on the same text")
    situation, channel = first[1], first[2]
    for label, text in large_texts(first[0]).items():

        def check_large(t: str = text) -> object:
            return check_tone(t, situation, channel, subject=t[:5_000], signature=t[-50:])

        def words_floor(t: str = text) -> object:
            return len(WORD_RE.findall(t))

        took, floor = paired(check_large, words_floor, rounds=5, inner=2)
        print(
            f"  {label:24} {took * 1e3:7.2f} ms (floor {floor * 1e3:5.2f} ms)  "
            f"ratio {took / floor:6.1f}x"
        )


if __name__ == "__main__":
    main()
