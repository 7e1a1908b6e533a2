"""The French pack (issue 26): every draft in French, over the matrix, written as French
letters are written and as true as the English ones.

Each convention is a test over stages x reasons x channels x voices x wordings x facts x
forms of address (and reply kinds): the greeting ("Bonjour Claire," / "Madame,") and the
blank line and capital after it, one form of address through the whole message (vous, or tu
when the user chose it), subject lines, the formule de politesse, dates as French writes
them ("le 5 mars 2027"), French typography, no English word, no placeholder when the
fields are filled, no sentence repeated, and every rule of templates/fr/wording/rules.toml.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import sys
from collections.abc import Iterator

import pytest

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.addressing import placeholders
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.draft import Draft
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice, negotiable
from bowout.core.tone import count_words
from bowout.core.vocabulary import REPLY_KINDS, Address
from bowout.core.wording import parse_rules, violations

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TODAY = dt.date(2026, 11, 29)
PACK = paths.pack_dir("fr")
PROFILE = Profile("Maya Okafor", "maya.okafor@example.org", "+33 6 12 34 56 78")
#: A role that starts with a vowel ("le poste d’Ingénieur…") and one that does not.
NAMES = {"contact": "Claire Dupont", "role": "Ingénieur logiciel", "company": "Contoso Santé"}
RULES = parse_rules((PACK / "wording" / "rules.toml").read_text(encoding="utf-8"))

#: Fact combinations that between them reach every condition the French wording names.
FACTS = {
    "plain": {},
    "everything-paid": dict(
        signing_bonus=Money.PAID, relocation_assistance=Money.PAID, visa_petition_started=True,
        sponsorship_required=True, start_date=TODAY + dt.timedelta(days=10),
        keep_door_open=True, rapport=True,
    ),
    "promised-far": dict(
        signing_bonus=Money.PROMISED, relocation_assistance=Money.PROMISED,
        start_date=TODAY + dt.timedelta(days=150), relocation_timeline_changed=True,
    ),
    "recruiter-no-contact": dict(via_recruiter=True, recruiter="Alex Martin", contact=""),
    "titled-contact": dict(contact="Mme Claire Dupont", keep_door_open=True),
    "mailbox": dict(contact="recrutement@contoso.example", keep_door_open=True),
    "after-talking-pay": dict(negotiated=True, deal_breaker=DealBreaker.PAY, keep_door_open=True),
    "goodwill-all": dict(
        goodwill=tuple(Goodwill), keep_door_open=True, signing_bonus=Money.PAID,
        start_date=TODAY + dt.timedelta(days=10), rapport=True, recruiter="Alex Martin",
    ),
    "negotiate-remote": dict(
        kind=Kind.NEGOTIATE, deal_breaker=DealBreaker.REMOTE, decide_by=TODAY + dt.timedelta(7)
    ),
    "negotiate-other": dict(kind=Kind.NEGOTIATE, deal_breaker=DealBreaker.OTHER),
}  # fmt: skip
#: Fact combinations read in all three wordings; the others in one, turning with the cell.
EVERY_WORDING = ("plain", "everything-paid", "goodwill-all", "titled-contact")

#: Words an English message is made of, which no French draft may hold (the names the
#: user typed are French here).
ENGLISH = re.compile(
    r"\b(the|and|you|your|thank|thanks|please|with|for|of|to|regards|dear|hi|hello|best|"
    r"sincerely|offer|application|role|withdraw\w*|decline|sorry|team|call|would|could|"
    r"i|my|we|our|is|are|this|that|it|be|have|will)\b",
    re.IGNORECASE,
)
#: Words of each form of address (the pack's tone.toml lists them for the tone coach too).
TONE = tomllib.loads((PACK / "tone.toml").read_text(encoding="utf-8"))
FORMAL = re.compile(r"\b(?:%s)\b" % "|".join(TONE["address"]["formal"]["patterns"]), re.I)
INFORMAL = re.compile(r"\b(?:%s)\b" % "|".join(TONE["address"]["informal"]["patterns"]), re.I)
#: The writer's and the reader's gender are unknown: nothing agrees with either.
GENDERED = re.compile(
    r"\bje (suis|serais|serai|reste|resterai) (\w+ )?(désolée?|ravie?|heureu(x|se)|navrée?|"
    r"prête?|contente?|reconnaissante?|certaine?|sûre?|convaincue?|intéressée?|motivée?|"
    r"enchantée?|disposée?|attachée?|engagée?|contrainte?)\b|\b(cher|chère)\s",
    re.IGNORECASE,
)
THANKS = re.compile(r"\bmerci\b|\b(vous|te) remercie\b", re.IGNORECASE)
APOLOGY = re.compile(r"excus|pardon", re.IGNORECASE)
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
FRENCH_DATE = re.compile(
    r"\ble (1er|[1-9]|[12]\d|3[01]) (janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre) \d{4}\b"
)
#: French sets a space before the high punctuation (? ! ; :); the pack never omits it.
TIGHT = re.compile(r"[^\s«]([?!;:])(?=\s|$)")
#: A formal letter's formule de politesse, with the civility of its greeting (if any).
FORMULE = re.compile(
    r"^(En vous renouvelant mes excuses, |Avec mes excuses renouvelées pour ce contretemps, "
    r"|Vous renouvelant mes excuses, )?(Je vous prie d’agréer|Veuillez agréer|Je vous prie de "
    r"recevoir|je vous prie d’agréer|je vous prie de recevoir|je vous prie de croire)"
    r"(, (Madame|Monsieur|Madame, Monsieur),)? .*(salutations distinguées|sincères salutations"
    r"|considération distinguée)\.$"
)
BUDGET = {Voice.BRIEF: 85, Voice.WARM: 150, Voice.FORMAL: 160}
GOODWILL_WORDS = {Voice.BRIEF: 15, Voice.WARM: 30, Voice.FORMAL: 30}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


def situation(
    stage: Stage, reason: Reason, channel: Channel, voice: Voice, facts: str, **more: object
) -> Situation:
    values = {**NAMES, "recruiter": "", **FACTS[facts], **more}
    return Situation(
        stage=stage, reason=reason, channel=channel, voice=voice, language="fr", **values
    )  # type: ignore[arg-type]


def drafts(
    composer: Composer, voice: Voice, address: Address, facts: str
) -> Iterator[tuple[str, Draft]]:
    """Every cell of stage x reason x channel for these facts, voice and address, with its
    place in the matrix (one wording per cell, turning, except for :data:`EVERY_WORDING`)."""
    cells = itertools.product(Stage, Reason, Channel)
    for i, (stage, reason, channel) in enumerate(cells):
        if facts.startswith("negotiate") and not negotiable(stage, reason):
            continue
        for wording in (1, 2, 3) if facts in EVERY_WORDING else (1 + i % 3,):
            s = situation(stage, reason, channel, voice, facts, address=address, wording=wording)
            where = "/".join(
                (stage.value, reason.value, channel.value, voice.value, address.value, facts)
            )
            yield f"{where}/w{wording}", composer.compose(s, PROFILE)


def closing_block(text: str) -> tuple[str, str]:
    """The message before its sign-off, and the sign-off line (the line before the name)."""
    lines = text.split("\n")
    index = lines.index(PROFILE.name)
    return "\n".join(lines[: index - 1]).rstrip(), lines[index - 1]


def conventions(draft, address: Address) -> list[str]:  # type: ignore[no-untyped-def]
    """Every French convention a written draft breaks (one line each)."""
    s = draft.situation
    found: list[str] = []
    text = draft.body_text
    script = draft.phone_script or ""
    branches = "\n".join(f"{w} : {t}" for w, t in draft.phone_branches)
    every = "\n".join((draft.subject, text, script, branches))
    # The greeting: "Bonjour X," or a letter's civility alone, then a blank line and a capital.
    lines = text.split("\n")
    greeting = lines[0]
    letter = s.voice is Voice.FORMAL and address is Address.FORMAL
    pattern = (
        r"(Madame|Monsieur|Madame, Monsieur|Bonjour [^,]+(, Monsieur)?),"
        if letter and draft.channel is not Channel.RECRUITER
        else r"(Bonjour|Salut) [^\s,][^,]*(, Monsieur)?,|Madame,|Monsieur,|Madame, Monsieur,"
    )
    if not re.fullmatch(pattern, greeting):
        found.append(f"greeting {greeting!r}")
    if lines[1] != "" or not lines[2][:1].isupper():
        found.append("no blank line and capital after the greeting")
    # One form of address through the whole message and script.
    if address is Address.INFORMAL:
        if FORMAL.search(every):
            found.append(f"vous in a tu message: {FORMAL.search(every).group()!r}")  # type: ignore[union-attr]
    elif INFORMAL.search(every):
        found.append(f"tu in a vous message: {INFORMAL.search(every).group()!r}")  # type: ignore[union-attr]
    # The subject: written messages have one, capitalised, saying what happened.
    if draft.channel is Channel.LINKEDIN:
        if draft.subject:
            found.append("a LinkedIn message has a subject")
    else:
        subject = draft.subject
        if not subject[:1].isupper() or subject.endswith((".", ",", ":")):
            found.append(f"subject {subject!r}")
        if s.kind is Kind.WITHDRAW:
            said = {
                Stage.ACCEPTED: r"désistement|acceptation",
                Stage.OFFER: r"décline|refus",
            }.get(s.stage, r"retrait de ma candidature")
            if not re.search(said, subject, re.IGNORECASE):
                found.append(f"subject does not say it: {subject!r}")
    # The sign-off: a comma after a short formula, a full stop after a letter's formule.
    body, signoff = closing_block(text)
    if letter and draft.channel in (Channel.EMAIL, Channel.PHONE, Channel.RECRUITER):
        if not FORMULE.match(signoff):
            found.append(f"formule de politesse {signoff!r}")
        civility = re.fullmatch(r"(Madame|Monsieur|Madame, Monsieur),", greeting)
        if civility and f", {civility.group(1)}," not in signoff:
            found.append("the formule does not repeat the greeting's civility")
    elif not signoff.endswith(",") or "agréer" in signoff:
        found.append(f"sign-off {signoff!r}")
    if address is Address.INFORMAL and re.search(r"vous|agréer|distingu", signoff):
        found.append(f"a vous sign-off in a tu message: {signoff!r}")
    # Dates as French writes them.
    if ENGLISH_MONTHS.search(every) or re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", every):
        found.append("a date not written in French")
    # French, typed as French is.
    english = ENGLISH.search(every.replace(PROFILE.email, "").replace("LinkedIn", ""))
    if english:
        found.append(f"an English word: {english.group()!r}")
    if "'" in every:
        found.append("a straight apostrophe")
    tight = TIGHT.search(every.replace("RE :", ""))
    if tight:
        found.append(f"no space before {tight.group(1)!r}")
    if GENDERED.search(every):
        found.append(f"gendered: {GENDERED.search(every).group()!r}")  # type: ignore[union-attr]
    # Filled fields leave no placeholder; a sentence is said once; one thanks, one apology.
    marks = placeholders("fr")
    if not s.recruiter:
        every = every.replace(marks["recruiter"], "")
    if not s.contact:
        every = every.replace(marks["contact"], "")
    if "[" in every:
        found.append("a placeholder although the fields were filled")
    sentences = [x.strip().lower() for x in re.split(r"(?<=[.?!])\s+", body) if x.strip()]
    if len(sentences) != len(set(sentences)):
        found.append("a sentence is repeated")
    if len(THANKS.findall(body)) > 1:
        found.append("thanks more than once")
    if len(APOLOGY.findall(body)) > 1:
        found.append("apologises more than once")
    if len(re.findall(r"j’ai décidé", body)) > 1:
        found.append("« j’ai décidé » twice")
    budget = BUDGET[s.voice] + GOODWILL_WORDS[s.voice] * len(s.goodwill_offered)
    if count_words(body) > budget:
        found.append(f"{count_words(body)} words, over the {s.voice.value} budget of {budget}")
    return found


def rules_broken(draft) -> list[str]:  # type: ignore[no-untyped-def]
    s = draft.situation
    written = facts_of_channel(s, draft.channel, WRITTEN_AUDIENCE[draft.channel], TODAY)
    texts = {"subject": (draft.subject, written), "body": (draft.body_text, written)}
    if draft.phone_script:
        spoken = facts_of_channel(s, draft.channel, "spoken", TODAY)
        branches = "\n".join(f"{w} : {t}" for w, t in draft.phone_branches)
        texts["script"] = (f"{draft.phone_script}\n{branches}", spoken)
    return [str(v) for v in violations(RULES, texts)]


def report(problems: list[str]) -> str:
    kinds = sorted({p.split(": ", 1)[1] for p in problems})
    return f"{len(problems)} problems of {len(kinds)} kinds:\n" + "\n".join(
        next(p for p in problems if p.endswith(kind)) for kind in kinds[:40]
    )


@pytest.mark.parametrize("facts", list(FACTS))
@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_every_french_draft_keeps_the_rules_and_conventions(
    composer: Composer, voice: Voice, address: Address, facts: str
) -> None:
    problems: list[str] = []
    for where, draft in drafts(composer, voice, address, facts):
        problems += [f"{where}: {p}" for p in rules_broken(draft)]
        problems += [f"{where}: {p}" for p in conventions(draft, address)]
    assert not problems, report(problems)
