"""The composer: from a situation and a profile to a complete :class:`Draft`.

Python selects the sentences (:mod:`bowout.core.wording`: one variant per slot, chosen
against every fact of the situation, for the audience each text is written to); Jinja2
renders them and lays each message out (``email.txt.j2``, ``linkedin.txt.j2``,
``phone_script.txt.j2``, ``email.html.j2``), all in the sandbox and overridable by name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from bowout.core import addressing, checklist, templating, vocabulary
from bowout.core.advice import recommend_channel
from bowout.core.draft import REPLY_KINDS, Draft, Finding, Reply
from bowout.core.errors import InputError, TemplateError
from bowout.core.goodwill import Goodwill
from bowout.core.message_text import (
    OPTIONAL,
    html_context,
    number_steps,
    paid_money,
    paragraphs,
    template_context,
    tidy,
)
from bowout.core.pack import load_pack
from bowout.core.situation import Channel, Kind, Profile, Situation, Stage
from bowout.core.stage_facts import within_stage
from bowout.core.wording import Variant, Wording, facts_of, name_facts, phrasing_count
from bowout.paths import DEFAULT_LANGUAGE

__all__ = [
    "BRANCHES", "OPTIONAL", "PLACEHOLDERS", "WRITTEN_AUDIENCE", "Composer", "facts_of_channel",
    "facts_of_reply", "html_context", "number_steps", "paid_money", "paragraphs",
    "phone_branches", "reply_subject", "sample_situations", "template_context", "tidy",
]  # fmt: skip

#: Visible placeholders for missing names in English (each pack's ``[placeholders]``).
PLACEHOLDERS = addressing.PLACEHOLDERS

#: Who each channel's written message is for; a call adds the spoken script.
WRITTEN_AUDIENCE = {
    Channel.EMAIL: "manager",
    Channel.PHONE: "manager",
    Channel.RECRUITER: "recruiter",
    Channel.LINKEDIN: "linkedin",
}


@dataclasses.dataclass
class _Pack:
    """What the composer renders one language with: its templates and its wording."""

    env: jinja2.Environment
    templates: templating.FallbackRenderer
    wording: Wording
    #: A user folder holds wording for this language (its failure falls back to the pack's).
    custom_wording: bool


class Composer:
    """Renders the message templates (built-in, overridable by name from user folders), in
    the language each situation names (``situation.language``: a pack in ``templates/``)."""

    def __init__(
        self,
        user_template_dirs: Sequence[Path] = (),
        *,
        cache_root: Path | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        """``user_template_dirs``: folders whose templates and ``wording/`` override the
        built-in ones by name; for English the folder itself (or its ``en/``), for another
        language its ``<language>/`` subfolder.

        ``cache_root``: where compiled templates may be kept between runs (optional).

        ``today``: the date lateness is measured from (tests pass a fixed one).
        """
        self.user_template_dirs = tuple(user_template_dirs)
        self._cache_root = cache_root
        self.today = today
        self._packs: dict[str, _Pack] = {}
        self._pack(DEFAULT_LANGUAGE)  # a broken English pack or folder shows at once
        # Choices by situation and by facts (with their wordings): see _choice.
        self._chosen: dict[tuple[object, ...], tuple[dict[str, Mapping[str, Variant]], int]] = {}

    def _pack(self, language: str) -> _Pack:
        """The templates and wording of ``language`` (made on first use, then kept).

        Raises InputError for a language no pack is found for."""
        known = self._packs.get(language)
        if known is not None:
            return known
        load_pack(language)  # the one-line refusal of an unknown language
        dirs = templating.language_dirs(self.user_template_dirs, language)
        cache_root = self._cache_root
        env = templating.make_environment(dirs, cache_root=cache_root, language=language)
        templates = templating.FallbackRenderer(
            env,
            dirs,
            lambda: templating.make_environment(
                cache_root=cache_root, trusted=True, language=language
            ),
        )
        custom = any((d / "wording").is_dir() for d in dirs)
        # The built-in sentences need no guard against a custom file.
        wording_env = env if custom else templates.builtin_environment()
        pack = _Pack(env, templates, Wording(wording_env, language), custom)
        self._packs[language] = pack
        return pack

    @property
    def wording(self) -> Wording:
        """The English wording (``templates check`` reads its voicebooks)."""
        return self._pack(DEFAULT_LANGUAGE).wording

    def wording_of(self, language: str) -> Wording:
        """The wording of ``language``'s messages; InputError for an unknown language."""
        return self._pack(language).wording

    def choose(
        self, situation: Situation, channel: Channel, *, phone_known: bool = True
    ) -> dict[str, Mapping[str, Variant]]:
        """The chosen variant of each slot, per audience this draft writes to.

        ``phone_known``: the profile holds a phone number (a voicemail asks for a call back).
        """
        return self._choice(situation, channel, phone_known)[0]

    def _choice(
        self, situation: Situation, channel: Channel, phone_known: bool
    ) -> tuple[dict[str, Mapping[str, Variant]], int]:
        """:meth:`choose`'s choice, and how many wordings its variants offer."""
        today = self.today()
        key = (situation, channel, today, phone_known)
        known = self._chosen.get(key)
        if known is not None:
            return known
        if len(self._chosen) > 1024:
            self._chosen.clear()
        audiences = [WRITTEN_AUDIENCE[channel]]
        if channel is Channel.PHONE or situation.kind is Kind.NEGOTIATE:
            audiences.append("spoken")  # the call's script, or the talking points
        # The facts are the situation's other fields and the few read from the names: a
        # name typed letter by letter mostly changes none of them.
        by_facts = (
            situation.facts_key, channel, today, phone_known,
            name_facts(situation, audiences[0]),
        )  # fmt: skip
        known = self._chosen.get(by_facts)
        if known is None:
            book = self._pack(situation.language).wording.voicebook(situation.voice.value)
            chosen = {}
            facts = facts_of_channel(situation, channel, audiences[0], today)
            facts["phone_known"] = "true" if phone_known else "false"
            for audience in audiences:  # the same facts, but for who reads them
                facts["audience"] = audience
                chosen[audience] = book.choose(facts)
            known = self._chosen[by_facts] = (chosen, phrasing_count(list(chosen.values())))
        self._chosen[key] = known
        return known

    def compose(
        self,
        situation: Situation,
        profile: Profile,
        *,
        body_template: Path | None = None,
    ) -> Draft:
        """Every output for ``situation``: subject, bodies, scripts, checklist, findings.

        ``body_template`` replaces the email body template for this draft only. Raises
        :class:`TemplateError` when a template or wording file cannot be used. A fact the
        stage cannot have (kept from an older record or an import) is left out of every
        text (:func:`~bowout.core.stage_facts.within_stage`); the draft keeps it as given.
        """
        told, situation = situation, within_stage(situation)
        advice = recommend_channel(situation)
        channel = situation.channel or advice.channel
        negotiate = situation.kind is Kind.NEGOTIATE
        context = template_context(situation, profile, channel, self.today())
        wording, wordings, said = self._sentences(situation, channel, context)
        written = WRITTEN_AUDIENCE[channel]
        say = context["say"] = said[written]
        if body_template is not None:
            env = self._pack(situation.language).env
            template = templating.load_file_template(env, body_template)
            body_source = templating.render_template(template, context, str(body_template))
        else:
            body_source = self._render(situation, _written_layout(situation.kind, channel), context)
        body_text = tidy(body_source)
        blocks = paragraphs(body_text)
        # A LinkedIn message has no subject line, whatever a wording file says (every
        # language: the message box has no field for one).
        subject = "" if channel is Channel.LINKEDIN else say.get("subject", "")
        body_html = self._render(situation, "email.html.j2", html_context(context, blocks))
        phone_script = None
        branches: tuple[tuple[str, str], ...] = ()
        if "spoken" in said:
            spoken = {**context, "addressee": context["spoken_addressee"], "say": said["spoken"]}
            layout = "talking_points.txt.j2" if negotiate else "phone_script.txt.j2"
            phone_script = number_steps(tidy(self._render(situation, layout, spoken)))
            if not negotiate:
                branches = phone_branches(said["spoken"], situation.language)
        signature = "\n".join(blocks[-1]) if blocks else ""
        return Draft(
            situation=told,
            profile=profile,
            channel=channel,
            advice=advice,
            subject=subject,
            body_text=body_text,
            body_html=body_html.strip(),
            phone_script=phone_script,
            follow_up_email=body_text if channel is Channel.PHONE and not negotiate else None,
            recruiter_note=body_text if channel is Channel.RECRUITER else None,
            linkedin_message=body_text if channel is Channel.LINKEDIN else None,
            checklist=checklist.build_checklist(situation, channel, self.today()),
            tone_check=functools.partial(
                _check_tone,
                body_text,
                situation,
                channel,
                subject=subject,
                signature=signature,
            ),
            wording=wording,
            wordings=wordings,
            phone_branches=branches,
            greeting=str(context["recruiter_addressee" if written == "recruiter" else "addressee"]),
        )

    def _sentences(
        self, situation: Situation, channel: Channel, context: Mapping[str, Any]
    ) -> tuple[int, int, dict[str, dict[str, str]]]:
        """The wording used, how many wordings there are, and each audience's sentences.

        A custom wording file that fails is reported once (:meth:`take_template_problems`)
        and the built-in wording is used from then on, as for a broken custom template.
        """
        pack = self._pack(situation.language)
        try:
            return self._render_sentences(situation, channel, context)
        except TemplateError as exc:
            if not pack.custom_wording:
                raise
            pack.templates.note(f"{exc}. Bow Out uses its own wording until it is fixed.")
            pack.wording = Wording(pack.templates.builtin_environment(), situation.language)
            pack.custom_wording = False
            self._chosen.clear()
        return self._render_sentences(situation, channel, context)

    def _render_sentences(
        self, situation: Situation, channel: Channel, context: Mapping[str, Any]
    ) -> tuple[int, int, dict[str, dict[str, str]]]:
        chosen, wordings = self._choice(situation, channel, bool(context["your_phone"]))
        wording = (situation.wording - 1) % wordings + 1
        said = self._pack(situation.language).wording.render_all(chosen, wording, context)
        for say in said.values():
            pair_signoff(say, situation.language)
        return wording, wordings, said

    def compose_reply(
        self, situation: Situation, profile: Profile, reply: str, *, subject: str = ""
    ) -> Reply:
        """A short answer to what they wrote back after the withdrawal.

        ``reply`` is a key of :data:`REPLY_KINDS`; ``subject`` the subject of the message it
        answers ("Re: " is added; the withdrawal's subject when empty). Raises
        :class:`InputError` for an unknown kind, :class:`TemplateError` for a broken file.
        """
        if reply not in REPLY_KINDS:
            raise InputError(f"a reply is one of {', '.join(REPLY_KINDS)}: {reply!r}")
        situation = within_stage(situation)  # as in compose: only what the stage can have
        channel = situation.channel or recommend_channel(situation).channel
        facts = facts_of_reply(situation, channel, reply, self.today())
        wording = self._pack(situation.language).wording
        chosen = wording.voicebook(situation.voice.value).choose(facts)
        context = template_context(situation, profile, channel, self.today())
        # An answer in a thread greets by first name (bowout.core.addressing).
        context["addressee"] = addressing.contact_addressee(situation, reply=True)
        context["recruiter_addressee"] = addressing.recruiter_addressee(situation, reply=True)
        context["say"] = say = pair_signoff(
            wording.render(chosen, situation.wording, context), situation.language
        )
        context["reply"] = reply
        body_text = tidy(self._render(situation, "reply.txt.j2", context))
        body_html = self._render(
            situation, "email.html.j2", html_context(context, paragraphs(body_text))
        )
        original = reply_subject(
            subject or say.get("subject", ""),
            situation.language,
            follows_up=vocabulary.REPLY_KINDS[reply].follows_up,
        )
        if channel is Channel.LINKEDIN:  # an answer in a LinkedIn thread has no subject
            original = ""
        return Reply(reply, original, body_text, body_html.strip())

    def _render(self, situation: Situation, name: str, context: Mapping[str, Any]) -> str:
        return self._pack(situation.language).templates.render(name, context)

    def take_template_problems(self) -> list[str]:
        """Messages about custom templates that failed (each once); the built-in was used."""
        return [p for pack in self._packs.values() for p in pack.templates.take_problems()]

    def environment(self, language: str = DEFAULT_LANGUAGE) -> jinja2.Environment:
        """The sandboxed environment of ``language`` (for ``templates check``)."""
        return self._pack(language).env


#: When a call turns, in the order it tends to: the slots of the phone tab's sections (their
#: titles are the language pack's ``[branches]``).
BRANCHES = ("counter", "reconsider", "where", "feedback", "upset")


def pair_signoff(say: dict[str, str], language: str) -> dict[str, str]:
    """``say`` (slot -> sentence) with its sign-off paired to its greeting by the
    ``language`` pack's ``[closing]`` table (:meth:`bowout.core.pack.Pack.paired_signoff`);
    changed in place and returned. A slot set without a greeting or sign-off is kept."""
    if say.get("signoff") and say.get("greeting"):
        say["signoff"] = load_pack(language).paired_signoff(say["greeting"], say["signoff"])
    return say


def phone_branches(
    say: Mapping[str, str], language: str = DEFAULT_LANGUAGE
) -> tuple[tuple[str, str], ...]:
    """The call's branches as (when, words to say) pairs, in ``language``'s pack (its
    ``[branches]`` titles and quotation marks); a branch with no words is left out."""
    pack = load_pack(language)
    opening, closing = pack.word("marks", "quote_open"), pack.word("marks", "quote_close")
    return tuple(
        (pack.word("branches", slot), f"{opening}{say[slot]}{closing}")
        for slot in BRANCHES
        if say.get(slot)
    )


def reply_subject(
    subject: str, language: str = DEFAULT_LANGUAGE, *, follows_up: bool = False
) -> str:
    """The subject of an answer to ``subject``: the pack's ``reply_prefix`` ("Re: ",
    "AW: "), or its ``followup_prefix`` when ``follows_up`` (a follow-up to the user's own
    unanswered message, which is no answer: German sends it under the same subject, with
    an empty prefix, never "AW:"), added unless a prefix of the pack, or the "Re:" every
    mail client understands, is there already; "" for "". Raises TemplateError when the
    pack lacks either prefix (an empty one is a choice, not a lack)."""
    pack = load_pack(language)
    prefixes = (pack.word("marks", "reply_prefix"), pack.word("marks", "followup_prefix"))
    lowered = subject.casefold()
    known = ("re:", *(p.strip().casefold() for p in prefixes if p.strip()))
    if not subject or lowered.startswith(known):
        return subject
    return f"{prefixes[1] if follows_up else prefixes[0]}{subject}"


def _written_layout(kind: Kind, channel: Channel) -> str:
    """The template that lays out the written message of this kind for this channel."""
    if kind is Kind.NEGOTIATE:
        return "negotiate.txt.j2"
    return "linkedin.txt.j2" if channel is Channel.LINKEDIN else "email.txt.j2"


def facts_of_channel(
    situation: Situation, channel: Channel, audience: str, today: dt.date
) -> dict[str, str]:
    """:func:`facts_of` with the channel actually used (the advice's when none was chosen).

    A request to talk about a deal-breaker is written even when a call will follow, so
    its written message is worded as an email (not as the confirmation of a call).
    """
    facts = facts_of(situation, audience, today)
    if situation.kind is Kind.NEGOTIATE and channel is Channel.PHONE:
        channel = Channel.EMAIL
    facts["channel"] = channel.value
    return facts


def facts_of_reply(
    situation: Situation, channel: Channel, reply: str, today: dt.date
) -> dict[str, str]:
    """The facts of a written answer of kind ``reply`` (a key of :data:`REPLY_KINDS`) to
    what they wrote back: after a call, the answer is an email; its sign-off fits the kind."""
    facts = facts_of(situation, WRITTEN_AUDIENCE[channel], today, reply)
    facts["channel"] = Channel.EMAIL.value if channel is Channel.PHONE else channel.value
    return facts


def sample_situations() -> list[Situation]:
    """One situation per stage and channel, used to test-render custom templates (with every
    goodwill choice, which the rescinding ones use)."""
    return [
        Situation(stage=stage, channel=channel, keep_door_open=True, goodwill=tuple(Goodwill))
        for stage in Stage
        for channel in Channel
    ]


def _check_tone(
    text: str, situation: Situation, channel: Channel, *, subject: str, signature: str
) -> tuple[Finding, ...]:
    """The tone coach's remarks (:func:`bowout.core.tone.check_tone`), its rules loaded on
    the first check: a window's first draft is shown before they are (issue 25)."""
    from bowout.core import tone

    return tone.check_tone(text, situation, channel, subject=subject, signature=signature)
