"""The texts a pack rule is held to for one situation: its draft and every reply (tests).

Shared by the tests that check rules over the matrix (``test_english_kinds_everywhere``,
``test_call_only_when_chosen``, ``test_pack_fr_round10``), so each builds its corpus the same way.
"""

from __future__ import annotations

from bowout.core import Channel, Composer, Profile, Situation
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.vocabulary import REPLY_KINDS

#: A part of a message ("subject", "body", "script") -> (its text, the facts it was written for).
Texts = dict[str, tuple[str, dict[str, str]]]


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
    out: list[tuple[str, Texts]] = [(f"{place}/{draft.channel.value}/w{situation.wording}", texts)]
    if situation.wording == 1 and situation.channel is not Channel.PHONE:
        for kind in REPLY_KINDS:
            answer = composer.compose_reply(situation, profile, kind)
            facts = facts_of_reply(situation, draft.channel, kind, today)
            out.append((f"{place}/reply {kind}", {"body": (answer.body_text, facts)}))
    return out
