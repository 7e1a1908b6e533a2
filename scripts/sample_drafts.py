"""Write docs/sample-drafts.md: 30 random situations and the drafts Bow Out writes for them.

Run: .venv/bin/python scripts/sample_drafts.py [--seed N] [--count N] [--out PATH]
     [--language xx] [--address formal|informal]

``--language`` writes the same situations in another language pack's words, to
docs/sample-drafts-<language>.md unless ``--out`` says where (issue 26).

The situations are drawn (with a fixed seed, so the file changes only when the wording
does) across stages x reasons x channels x voices x wordings x facts, with a reply kind for
some; a reader checks each draft as its addressee would (docs/RUBRIC-style: a hiring
manager receiving it, a career coach signing it). The tests regenerate the file in memory
and compare, so a wording change that forgets to regenerate it is noticed.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage  # noqa: E402
from bowout.core.goodwill import Goodwill, goodwill_fits  # noqa: E402
from bowout.core.situation import (  # noqa: E402
    DealBreaker,
    Kind,
    Money,
    Voice,
    negotiable,
)
from bowout.core.stage_facts import within_stage  # noqa: E402
from bowout.core.vocabulary import REPLY_KINDS, Address  # noqa: E402
from bowout.paths import available_languages  # noqa: E402

#: The date the samples are written on (fixed, so the start dates' nearness is too).
TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley.quinn@example.org", "+44 20 7946 0321")
CONTACTS = ["Jordan Lee", "Dr. Amara Okafor", "Sam Whitfield", "Priya Nair", "Tomás Herrera"]
ROLES = ["Data Analyst", "Product Designer", "Senior Backend Engineer", "Operations Lead"]
COMPANIES = ["Northwind Traders", "Tailspin Toys, Inc.", "Fabrikam", "Contoso Health"]
RECRUITERS = ["Tom Baker", "Alex Morgan"]
#: How a user fills "How to address them" for each contact when writing in a language that
#: greets by a courtesy title (a German letter: "Sehr geehrte Frau Nair,"); the recruiter's
#: title is typed with the name. Only the user knows it: the app never guesses it.
ANREDEN = {
    "de": {
        "Jordan Lee": "Herr Lee", "Dr. Amara Okafor": "Frau Dr. Okafor",
        "Sam Whitfield": "Frau Whitfield", "Priya Nair": "Frau Nair",
        "Tomás Herrera": "Herr Herrera", "Tom Baker": "Herr Tom Baker",
        "Alex Morgan": "Herr Alex Morgan",
    },
}  # fmt: skip


def draw(rng: random.Random) -> tuple[Situation, str]:
    """One random situation, and the reply kind to answer ("none": the withdrawal itself)."""
    stage = rng.choice(list(Stage))
    reason = rng.choice(list(Reason))
    facts: dict[str, object] = {
        "stage": stage, "reason": reason,
        "channel": rng.choice([None, *Channel]),
        "voice": rng.choice(list(Voice)),
        "wording": rng.randint(1, 3),
        "contact": rng.choice(CONTACTS), "role": rng.choice(ROLES),
        "company": rng.choice(COMPANIES),
        "rapport": rng.random() < 0.4, "keep_door_open": rng.random() < 0.5,
        "via_recruiter": rng.random() < 0.2, "linkedin_main": rng.random() < 0.15,
    }  # fmt: skip
    if facts["via_recruiter"] or facts["channel"] is Channel.RECRUITER:
        facts["recruiter"] = rng.choice(RECRUITERS)
    if reason is Reason.RELOCATION or rng.random() < 0.2:
        facts["visa_petition_started"] = rng.random() < 0.4
        facts["sponsorship_required"] = rng.random() < 0.5
        facts["relocation_timeline_changed"] = rng.random() < 0.5
    if stage in (Stage.OFFER, Stage.ACCEPTED):
        facts["start_date"] = TODAY + dt.timedelta(days=rng.choice([10, 45, 120]))
        if stage is Stage.ACCEPTED:
            facts["signing_bonus"] = rng.choice(list(Money))
            facts["relocation_assistance"] = rng.choice(list(Money))
            chosen = tuple(g for g in Goodwill if rng.random() < 0.35)
            # Only what the window and the CLI let the user choose (none with red flags).
            facts["goodwill"] = chosen if goodwill_fits(stage, reason, Kind.WITHDRAW) else ()
            # Calling the hiring manager too is the user's choice (issue 21): here the one
            # who built rapport makes it (no draw of its own, so other samples stay as were).
            facts["will_call"] = facts["rapport"]
    if negotiable(stage, reason) and rng.random() < 0.3:
        facts["deal_breaker"] = rng.choice(list(DealBreaker))
        if rng.random() < 0.5:
            facts["kind"] = Kind.NEGOTIATE
            facts["decide_by"] = TODAY + dt.timedelta(days=7)
        else:
            facts["negotiated"] = True
    # Only what the stage can have (issue 21: a petition waits for an accepted offer).
    situation = within_stage(Situation(**facts))  # type: ignore[arg-type]
    reply = "none"
    if situation.kind is Kind.WITHDRAW and rng.random() < 0.25:
        reply = rng.choice(list(REPLY_KINDS))
    return situation, reply


def describe(s: Situation, reply: str) -> str:
    """The situation in one line of facts."""
    facts = [f"stage {s.stage.value}", f"reason {s.reason.value}",
             f"channel {s.channel.value if s.channel else 'recommended'}",
             f"voice {s.voice.value}", f"wording {s.wording}"]  # fmt: skip
    for name in ("rapport", "keep_door_open", "will_call", "via_recruiter", "linkedin_main",
                 "visa_petition_started", "sponsorship_required",
                 "relocation_timeline_changed", "negotiated"):  # fmt: skip
        if getattr(s, name):
            facts.append(name.replace("_", " "))
    for name in ("signing_bonus", "relocation_assistance"):
        if getattr(s, name) is not Money.NONE:
            facts.append(f"{name.replace('_', ' ')} {getattr(s, name).value}")
    if s.start_date:
        facts.append(f"start {s.start_date.isoformat()}")
    if s.kind is Kind.NEGOTIATE:
        facts.append("kind negotiate")
    if s.decide_by:  # a date the user set: the request may name it
        facts.append(f"decide by {s.decide_by.isoformat()}")
    if s.deal_breaker:
        facts.append(f"deal-breaker {s.deal_breaker.value}")
    if s.goodwill:
        facts.append("goodwill " + "+".join(g.value for g in s.goodwill))
    if s.contact:
        facts.append(f"contact {s.contact}")
    if s.recruiter and (s.via_recruiter or s.channel is Channel.RECRUITER):
        facts.append(f"recruiter {s.recruiter}")
    if s.greeting:
        facts.append(f"addressed as {s.greeting}")
    if reply != "none":
        facts.append(f"answering: {reply}")
    return "; ".join(facts)


def render(
    count: int = 30, seed: int = 21, language: str = "en", address: Address = Address.FORMAL
) -> str:
    """The whole Markdown file for ``count`` situations drawn with ``seed``, written in
    ``language`` with the form of ``address`` (the same situations in every language)."""
    rng = random.Random(seed)
    composer = Composer(today=lambda: TODAY)
    title = "# Sample drafts"
    if language != "en":
        title += f" ({language}, {address.value})"
    parts = [
        title,
        "",
        f"{count} situations drawn at random (seed {seed}) across stages, reasons, channels,",
        "voices, wordings and facts, and the drafts Bow Out writes for them on "
        f"{TODAY.isoformat()}.",
        "Generated by `scripts/sample_drafts.py`; do not edit by hand (the tests compare).",
        "Read each one as the person receiving it would.",
    ]
    for number in range(1, count + 1):
        situation, reply = draw(rng)
        if language != "en":
            anreden = ANREDEN.get(language, {})
            situation = dataclasses.replace(
                situation, language=language, address=address,
                greeting=anreden.get(situation.contact, ""),
                recruiter=anreden.get(situation.recruiter, situation.recruiter),
            )  # fmt: skip
        parts += ["", f"## {number}. {describe(situation, reply)}", ""]
        if reply != "none":
            answer = composer.compose_reply(situation, PROFILE, reply)
            if answer.subject:
                parts += [f"**Subject:** {answer.subject}", ""]
            parts += ["```text", answer.body_text, "```"]
            continue
        draft = composer.compose(situation, PROFILE)
        if draft.subject:
            parts += [f"**Subject:** {draft.subject}", ""]
        parts += ["```text", draft.body_text, "```"]
        if draft.phone_script:
            title = "Talking points" if situation.kind is Kind.NEGOTIATE else "Phone script"
            parts += ["", f"**{title}:**", "", "```text", draft.script_with_branches()]
            parts += ["```"]
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--out", type=Path, help="default: docs/sample-drafts[-LANGUAGE].md")
    parser.add_argument("--language", default="en", choices=available_languages())
    parser.add_argument(
        "--address", default="formal", choices=[a.value for a in Address],
        help="the form of address, in a language that has two",
    )  # fmt: skip
    args = parser.parse_args(argv)
    suffix = "" if args.language == "en" else f"-{args.language}"
    out = args.out or ROOT / "docs" / f"sample-drafts{suffix}.md"
    text = render(args.count, args.seed, args.language, Address(args.address))
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["ANREDEN", "dataclasses", "draw", "main", "render"]
