"""The composer: from a situation and a profile to a complete :class:`Draft`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from bowout.core import checklist, templating, tone
from bowout.core.advice import recommend_channel
from bowout.core.draft import Draft
from bowout.core.situation import Channel, Profile, Situation, Stage

#: Visible placeholders for missing names; the tone coach flags them until filled.
PLACEHOLDERS = {
    "contact": "[Hiring manager's name]",
    "role": "[Role]",
    "company": "[Company]",
    "recruiter": "[Recruiter's name]",
    "your_name": "[Your name]",
    "your_email": "[Your email]",
    "your_phone": "[Your phone]",
}

_BLANK_LINES = re.compile(r"\n{3,}")
_STEP = re.compile(r"^#\.", re.MULTILINE)


def tidy(text: str) -> str:
    """Collapse the spacing left by optional template parts: single spaces, one blank line."""
    lines = "\n".join([" ".join(line.split()) for line in text.split("\n")])
    return _BLANK_LINES.sub("\n\n", lines).strip()


def number_steps(text: str) -> str:
    """Replace each leading "#." with 1., 2., ... so optional steps never leave gaps."""
    counter = iter(range(1, 100))
    return _STEP.sub(lambda _m: f"{next(counter)}.", text)


def paragraphs(text: str) -> list[list[str]]:
    """Split tidy text into paragraphs of lines (for the HTML version)."""
    return [block.split("\n") for block in text.split("\n\n") if block]


#: The keys of phrases.txt.j2, each starting a line ("key: sentence").
PHRASE_KEYS = (
    "thanks", "statement", "confirmation", "reason", "apology", "logistics", "door", "goodwill",
)  # fmt: skip


def parse_phrases(text: str) -> dict[str, str]:
    """Read the "key: sentence" lines of phrases.txt.j2 (continuation lines are joined)."""
    found: dict[str, list[str]] = {key: [] for key in PHRASE_KEYS}
    current: list[str] | None = None
    for line in text.split("\n"):
        key, sep, rest = line.partition(":")
        if sep and key in found:
            current = found[key]
            current.append(rest)
        elif current is not None:
            current.append(line)
    return {key: " ".join(" ".join(parts).split()) for key, parts in found.items()}


def template_context(situation: Situation, profile: Profile, channel: Channel) -> dict[str, Any]:
    """The values templates see. Every value is data: nothing here is ever template source."""
    given = {
        "contact": situation.contact,
        "role": situation.role,
        "company": situation.company,
        "recruiter": situation.recruiter,
        "your_name": profile.name.strip(),
        "your_email": profile.email.strip(),
        "your_phone": profile.phone.strip(),
    }
    context: dict[str, Any] = {key: value or PLACEHOLDERS[key] for key, value in given.items()}
    for key in ("contact", "role", "company", "recruiter"):
        context[f"{key}_given"] = bool(given[key])
    context.update(
        stage=situation.stage.value,
        reason=situation.reason.value,
        channel=channel.value,
        is_late=situation.stage.is_late,
        rapport=situation.rapport,
        via_recruiter=situation.via_recruiter,
        linkedin_main=situation.linkedin_main,
        keep_door_open=situation.keep_door_open,
        visa_petition_started=situation.visa_petition_started,
        sponsorship_required=situation.sponsorship_required,
        relocation_assistance=situation.relocation_assistance,
        signing_bonus=situation.signing_bonus,
        start_date=templating.long_date(situation.start_date) if situation.start_date else "",
        relocation_timeline_changed=situation.relocation_timeline_changed,
        signature_extra=profile.signature.strip(),
        paragraphs=[],
        say=dict.fromkeys(PHRASE_KEYS, ""),
        br=Markup("<br>"),
    )
    return context


class Composer:
    """Renders the message templates (built-in, overridable by name from user folders)."""

    def __init__(
        self, user_template_dirs: Sequence[Path] = (), *, cache_root: Path | None = None
    ) -> None:
        """``cache_root``: where compiled templates may be kept between runs (optional)."""
        self.user_template_dirs = tuple(user_template_dirs)
        self._env = templating.make_environment(self.user_template_dirs, cache_root=cache_root)
        self._templates = templating.FallbackRenderer(
            self._env,
            self.user_template_dirs,
            lambda: templating.make_environment(cache_root=cache_root),
        )

    def compose(
        self,
        situation: Situation,
        profile: Profile,
        *,
        body_template: Path | None = None,
    ) -> Draft:
        """Every output for ``situation``: subject, bodies, scripts, checklist, findings.

        ``body_template`` replaces the email body template for this draft only.
        """
        advice = recommend_channel(situation)
        channel = situation.channel or advice.channel
        context = template_context(situation, profile, channel)
        context["say"] = parse_phrases(self._render("phrases.txt.j2", context))
        if body_template is not None:
            template = templating.load_file_template(self._env, body_template)
            body_source = templating.render_template(template, context, str(body_template))
        else:
            name = "linkedin.txt.j2" if channel is Channel.LINKEDIN else "email.txt.j2"
            body_source = self._render(name, context)
        body_text = tidy(body_source)
        blocks = paragraphs(body_text)
        subject = " ".join(self._render("subject.txt.j2", context).split())
        body_html = self._render("email.html.j2", {**context, "paragraphs": blocks})
        phone_script = None
        if channel is Channel.PHONE:
            phone_script = number_steps(tidy(self._render("phone_script.txt.j2", context)))
        findings = tone.check_tone(
            body_text,
            situation,
            channel,
            subject=subject,
            signature="\n".join(blocks[-1]) if blocks else "",
        )
        return Draft(
            situation=situation,
            profile=profile,
            channel=channel,
            advice=advice,
            subject=subject,
            body_text=body_text,
            body_html=body_html.strip(),
            phone_script=phone_script,
            follow_up_email=body_text if channel is Channel.PHONE else None,
            recruiter_note=body_text if channel is Channel.RECRUITER else None,
            linkedin_message=body_text if channel is Channel.LINKEDIN else None,
            checklist=checklist.build_checklist(situation, channel),
            findings=findings,
        )

    def _render(self, name: str, context: dict[str, Any]) -> str:
        return self._templates.render(name, context)

    def take_template_problems(self) -> list[str]:
        """Messages about custom templates that failed (each once); the built-in was used."""
        return self._templates.take_problems()

    def environment(self) -> jinja2.Environment:
        """The sandboxed environment (for ``templates check``)."""
        return self._env


def sample_situations() -> list[Situation]:
    """One situation per stage and channel, used to test-render custom templates."""
    return [
        Situation(stage=stage, channel=channel, keep_door_open=True)
        for stage in Stage
        for channel in Channel
    ]
