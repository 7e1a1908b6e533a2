"""The texts a pack rule is held to for one situation: its draft and every reply (tests).

Shared by the tests that check rules over the matrix (``test_english_kinds_everywhere``,
``test_call_only_when_chosen``, the rounds of each pack), so each builds its corpus, loads its
pack's rules and reports what breaks them the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence

from bowout import paths
from bowout.core import Channel, Composer, Profile, Situation
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.vocabulary import REPLY_KINDS
from bowout.core.wording import Rule, parse_rules, violations

#: A part of a message ("subject", "body", "script") -> (its text, the facts it was written for).
Texts = dict[str, tuple[str, dict[str, str]]]


@functools.cache
def pack_rules(language: str) -> dict[str, Rule]:
    """The rules of ``language``'s ``wording/rules.toml`` (the built-in pack), by id."""
    text = (paths.pack_dir(language) / "wording" / "rules.toml").read_text(encoding="utf-8")
    return {rule.id: rule for rule in parse_rules(text)}


def quoted(
    by_rule: Mapping[str, Sequence[tuple[str, str]]],
) -> list[tuple[str, str, str]]:
    """What a panel quoted, flat: ``(rule id, part, text)`` for each ``(part, text)`` listed
    under its rule id (a round's parametrized check that each rule reads its quotes)."""
    return [(rule_id, *quote) for rule_id, quotes in by_rule.items() for quote in quotes]


def rules_named(language: str, ids: Iterable[str]) -> tuple[Rule, ...]:
    """The rules ``ids`` of ``language``'s pack, in that order; KeyError naming the first
    that the pack lacks (a test of a round then says which rule went missing)."""
    rules = pack_rules(language)
    return tuple(rules[rule_id] for rule_id in ids)


def draft_texts(
    composer: Composer, situation: Situation, profile: Profile, *, subject: bool = True
) -> Texts:
    """``situation``'s draft alone: its body, its subject when ``subject``, and its phone
    script with the words of its branches, each with the facts it was written for."""
    return channel_and_texts(composer, situation, profile, subject)[1]


def channel_and_texts(
    composer: Composer, situation: Situation, profile: Profile, subject: bool = True
) -> tuple[Channel, Texts]:
    """:func:`draft_texts` with the channel the draft was written for (the advice's when
    ``situation`` names none)."""
    today = composer.today()
    draft = composer.compose(situation, profile)
    written = facts_of_channel(situation, draft.channel, WRITTEN_AUDIENCE[draft.channel], today)
    texts: Texts = {"body": (draft.body_text, written)}
    if subject:
        texts["subject"] = (draft.subject, written)
    if draft.phone_script:
        spoken = facts_of_channel(situation, draft.channel, "spoken", today)
        branches = "\n".join(text for _, text in draft.phone_branches)
        texts["script"] = (f"{draft.phone_script}\n{branches}", spoken)
    return draft.channel, texts


def drafts_of(
    composer: Composer,
    cases: Iterable[Situation],
    profile: Profile,
    label: Callable[[Situation], str],
) -> tuple[tuple[str, Texts], ...]:
    """Each of ``cases``' drafts alone (subject, body, phone script with its branches; no
    replies: a request to talk has none of its own), named by ``label`` plus channel and
    wording, in the order of ``cases``."""
    return tuple(texts_of(composer, s, profile, label(s), subject=True)[0] for s in cases)


def request_label(s: Situation) -> str:
    """Where a request to talk comes from: stage, reason, voice, form of address,
    deal-breaker and the facts that change what it says (a changed move, a petition)."""
    point = s.deal_breaker.value if s.deal_breaker else ""
    return (
        f"{s.stage.value}/{s.reason.value}/{s.voice.value}/{s.address.value}/{point}"
        f"/moved={s.relocation_timeline_changed}/petition={s.visa_petition_started}"
    )


def breaks(rules: Sequence[Rule], corpus: Iterable[tuple[str, Texts]]) -> list[str]:
    """Each break of ``rules`` in ``corpus`` (place, texts: as :func:`texts_of` gives
    them), as "place: what broke"; [] when every text keeps every rule."""
    return [f"{where}: {v}" for where, texts in corpus for v in violations(rules, texts)]


def broken(
    composer: Composer,
    cases: Iterable[Situation],
    profile: Profile,
    rules: Sequence[Rule],
    label: Callable[[Situation], str],
) -> list[str]:
    """Each break of ``rules`` in the drafts of ``cases`` and their answers (as
    :func:`texts_of` gives them), once each, as "place: what broke" with the place from
    ``label``; [] when every text keeps every rule."""
    found: dict[str, None] = {}
    for s in cases:
        for place, texts in texts_of(composer, s, profile, label(s), subject=True):
            found.update(dict.fromkeys(f"{place}: {v}" for v in violations(rules, texts)))
    return list(found)


def texts_of(
    composer: Composer,
    situation: Situation,
    profile: Profile,
    place: str,
    *,
    subject: bool = False,
) -> list[tuple[str, Texts]]:
    """``situation``'s draft (its body, its subject when ``subject``, and its phone script with
    the branches) and, for its first wording on a written channel, each reply kind's answer,
    each named ``place`` plus where it comes from. ``composer.today`` dates the facts."""
    channel, texts = channel_and_texts(composer, situation, profile, subject)
    out: list[tuple[str, Texts]] = [(f"{place}/{channel.value}/w{situation.wording}", texts)]
    if situation.wording == 1 and situation.channel is not Channel.PHONE:
        for kind in REPLY_KINDS:
            answer = composer.compose_reply(situation, profile, kind)
            facts = facts_of_reply(situation, channel, kind, composer.today())
            out.append((f"{place}/reply {kind}", {"body": (answer.body_text, facts)}))
    return out
