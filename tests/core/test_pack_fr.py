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
from pathlib import Path

import pytest

from bowout import paths
from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.addressing import placeholders
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.draft import Draft
from bowout.core.goodwill import Goodwill
from bowout.core.situation import DealBreaker, Kind, Money, Voice, negotiable
from bowout.core.tone import check_tone, count_words
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
    "doctor-contact": dict(contact="Dr Claire Dupont", rapport=True),
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
EVERY_WORDING = ("plain", "goodwill-all")

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


def _words(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


FORMAL = _words(TONE["address"]["formal"]["patterns"])
INFORMAL = _words(TONE["address"]["informal"]["patterns"])
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
#: French sets a space before the high punctuation (? ! ; :); the pack never omits it, and
#: it is the narrow no-break space (U+202F), so no line of a mail client starts with ":".
#: (Only the "RE : " mail clients write keeps an ordinary space.)
TIGHT = re.compile(r"[^\s«]([?!;:])(?=\s|$)")
BREAKING = re.compile(r"[ \u00a0]([?!;:])(?=\s|$)")
#: The native panel's calques and stock phrases (issue 26, patterns 2-5): none in any draft.
CALQUES = re.compile(
    r"nouvelle difficile|bon moment|passée? avec moi|prendre mon appel|pris mon appel|"
    r"aide sur le poste|parvenions à une réponse|parvenir à une réponse|opportunit|"
    r"mes besoins|ce dont j’ai besoin|autre arrangement|prime de bienvenue|"
    r"merci encore pour le temps",
    re.IGNORECASE,
)
#: A formal letter's formule de politesse, with the civility of its greeting (if any).
FORMULE = re.compile(
    r"^(En vous renouvelant mes excuses, |Avec mes excuses renouvelées, "
    r"|Vous renouvelant mes excuses, )?(Je vous prie d’agréer|Veuillez agréer|Je vous prie de "
    r"recevoir|je vous prie d’agréer|je vous prie de recevoir|je vous prie de croire)"
    r"(, (Madame|Monsieur|Madame, Monsieur),)? .*(salutations distinguées|sincères salutations"
    r"|considération distinguée)\.$"
)
BUDGET = {Voice.BRIEF: 85, Voice.WARM: 150, Voice.FORMAL: 160}
GOODWILL_WORDS = {Voice.BRIEF: 15, Voice.WARM: 30, Voice.FORMAL: 30}
#: A visa petition under way is acknowledged in a sentence of its own (the native panel).
PETITION_WORDS = 8


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
    branches = "\n".join(draft.branch_lines())
    every = "\n".join((draft.subject, text, script, branches))
    # The greeting: "Bonjour X," or a letter's civility alone, then a blank line and a capital.
    lines = text.split("\n")
    greeting = lines[0]
    letter = s.voice is Voice.FORMAL and address is Address.FORMAL
    pattern = (
        r"(Madame|Monsieur|Madame, Monsieur|Bonjour|Bonjour [^,]+(, Monsieur)?),"
        if letter and draft.channel is not Channel.RECRUITER
        else r"(Bonjour|Salut) [^\s,][^,]*(, Monsieur)?,|Madame,|Monsieur,|Madame, Monsieur,"
        r"|Bonjour,"
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
    # The sign-off: a letter's formule (a full stop) only after the civility alone, which
    # it repeats; after "Bonjour X," a short closing with a comma, as French email writes.
    body, signoff = closing_block(text)
    civility = re.fullmatch(r"(Madame|Monsieur|Maître|Madame, Monsieur),", greeting)
    if civility:
        if not FORMULE.match(signoff) or f", {civility.group(1)}," not in signoff:
            found.append(f"formule de politesse {signoff!r} after {greeting!r}")
    elif not signoff.endswith(",") or re.search(r"agréer|prie|salutations|considération", signoff):
        found.append(f"sign-off {signoff!r} after {greeting!r}")
    if not civility and re.search(r"\bEncore\b|renouvel", signoff):
        found.append(f"a closing that renews what was never said: {signoff!r}")
    # The email and the call script name the person the same way; "Docteur" is only ever
    # the user's own word (a "Dr." may be a PhD), and no title is abbreviated.
    if script and draft.channel is not Channel.RECRUITER:
        named = civility.group(1) if civility else re.sub(r"^(Bonjour|Salut) ?", "", greeting)[:-1]
        opening = re.search(r"Ouvrir\u202f: «\u202f(?:Bonjour|Salut),? ?([^,]*),", script)
        if (
            not named.startswith("Madame, Monsieur")
            and s.contact.count("@") == 0
            and (opening is None or not opening.group(1).startswith(named))
        ):
            found.append(f"the script names them otherwise than {greeting!r}")
    if re.search(r"\b(Docteur|Dr|Mme|Pr)\b", every):
        found.append("a title the greeting should not hold")
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
    breaking = BREAKING.search(every.replace("RE :", ""))
    if breaking:
        found.append(f"a breaking space before {breaking.group(1)!r}")
    calque = CALQUES.search(every)
    if calque:
        found.append(f"the panel's calque or stock phrase {calque.group()!r}")
    if s.stage is not Stage.APPLIED and re.search(r"l’intérêt porté|l’attention portée", every):
        found.append("thanks for the interest shown in the file, after a conversation")
    told = [x for x in re.split(r"(?<=[.?!])\s+", text) if x.strip()]
    for said in ("candidature", "processus de recrutement", f"chez {s.company}"):
        if any(said in a and said in b for a, b in itertools.pairwise(told)):
            found.append(f"« {said} » in two sentences in a row")
    chose_contact = s.keep_door_open or Goodwill.STAY_IN_TOUCH in s.goodwill_offered
    if not chose_contact and re.search(r"le contact|restions en contact", body):
        found.append("staying in touch offered though the user did not choose it")
    paid = Money.PAID in (s.signing_bonus, s.relocation_assistance)
    rescinding = s.kind is Kind.WITHDRAW and s.stage is Stage.ACCEPTED
    if paid and rescinding and "selon les conditions de l’offre" not in text:
        found.append("the money received is not asked about under the offer's terms")
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
    budget += PETITION_WORDS if s.visa_petition_started else 0
    if count_words(body) > budget:
        found.append(f"{count_words(body)} words, over the {s.voice.value} budget of {budget}")
    return found


def rules_broken(draft) -> list[str]:  # type: ignore[no-untyped-def]
    s = draft.situation
    written = facts_of_channel(s, draft.channel, WRITTEN_AUDIENCE[draft.channel], TODAY)
    texts = {"subject": (draft.subject, written), "body": (draft.body_text, written)}
    if draft.phone_script:
        spoken = facts_of_channel(s, draft.channel, "spoken", TODAY)
        branches = "\n".join(draft.branch_lines())
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


def reply_conventions(reply, situation: Situation) -> list[str]:  # type: ignore[no-untyped-def]
    """The conventions a reply breaks: greeting, address, sign-off, French, placeholders."""
    found: list[str] = []
    text = reply.body_text
    greeting = text.split("\n", 1)[0]
    # « Bonjour, » alone: a formal follow-up when nobody answered greets as its letter did
    # (round 10; test_pack_fr_round10 holds the two greetings equal).
    if not re.fullmatch(r"(Bonjour [^,]+|Bonjour|Madame|Monsieur|Madame, Monsieur),", greeting):
        found.append(f"greeting {greeting!r}")
    every = f"{reply.subject}\n{text}"
    if situation.address is Address.INFORMAL and FORMAL.search(text):
        found.append(f"vous in a tu reply: {FORMAL.search(text).group()!r}")  # type: ignore[union-attr]
    if situation.address is Address.FORMAL and INFORMAL.search(text):
        found.append(f"tu in a vous reply: {INFORMAL.search(text).group()!r}")  # type: ignore[union-attr]
    if not reply.subject.startswith("RE : "):
        found.append(f"reply subject {reply.subject!r}")
    english = ENGLISH.search(every.replace(PROFILE.email, ""))
    if english:
        found.append(f"an English word: {english.group()!r}")
    for broken, what in (
        ("'" in every, "a straight apostrophe"),
        ("[" in every, "a placeholder although the fields were filled"),
        (bool(GENDERED.search(every)), "gendered"),
        (bool(TIGHT.search(every.replace("RE :", ""))), "no space before ? ! ; :"),
        (bool(BREAKING.search(every.replace("RE :", ""))), "a breaking space before ? ! ; :"),
        (bool(CALQUES.search(every)), "a calque or stock phrase of the panel's"),
        (len(THANKS.findall(text)) > 1, "thanks more than once"),
    ):
        if broken:
            found.append(what)
    return found


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_every_french_reply_answers_in_french_and_keeps_the_rules(
    composer: Composer, voice: Voice, address: Address
) -> None:
    problems: list[str] = []
    for i, (stage, reason, kind) in enumerate(itertools.product(Stage, Reason, REPLY_KINDS)):
        channel = (Channel.EMAIL, Channel.RECRUITER, Channel.PHONE)[i % 3]
        money = (Money.NONE, Money.PROMISED, Money.PAID)[i // 3 % 3]
        s = situation(
            stage, reason, channel, voice, "plain", address=address, wording=1 + i % 3,
            signing_bonus=money, recruiter="Alex Martin",
        )  # fmt: skip
        reply = composer.compose_reply(s, PROFILE, kind)
        facts = facts_of_reply(s, channel, kind, TODAY)
        where = f"{stage.value}/{reason.value}/{channel.value}/{kind}/{money.value}"
        found = [str(v) for v in violations(RULES, {"body": (reply.body_text, facts)})]
        found += reply_conventions(reply, s)
        problems += [f"{where}: {p}" for p in found]
    assert not problems, report(problems)


# -- each convention, shown on one draft ---------------------------------------------------


def compose(composer: Composer, **values: object) -> Draft:
    base = {
        **NAMES, "language": "fr", "stage": Stage.INTERVIEWING, "reason": Reason.NONE,
        "channel": Channel.EMAIL,
    }  # fmt: skip
    return composer.compose(Situation(**{**base, **values}), PROFILE)  # type: ignore[arg-type]


def test_a_letter_greets_by_civility_and_its_formule_repeats_it(composer: Composer) -> None:
    draft = compose(composer, voice=Voice.FORMAL, contact="Mme Claire Dupont", stage=Stage.OFFER)
    first, blank, opening = draft.body_text.split("\n")[:3]
    assert (first, blank) == ("Madame,", "")
    assert opening.startswith("Je vous remercie")
    _, signoff = closing_block(draft.body_text)
    assert signoff == "Je vous prie d’agréer, Madame, l’expression de mes salutations distinguées."
    # Without a civility the letter greets the first name (a full name reads as a mail
    # merge, a bare "Bonjour," to a named contact as a form letter: the native panels,
    # issue 26), and closes as an email does: a paper formule after it would jump registers.
    for wording in (1, 2, 3):
        plain = compose(composer, voice=Voice.FORMAL, stage=Stage.OFFER, wording=wording)
        assert re.match(r"Bonjour [A-Z][a-z]+,\n\n", plain.body_text), plain.body_text
        assert closing_block(plain.body_text)[1] in {"Bien cordialement,", "Cordialement,"}


def test_the_users_own_greeting_is_written_as_french_writes_it(composer: Composer) -> None:
    letter = compose(composer, voice=Voice.FORMAL, greeting="Mme Nair", channel=Channel.PHONE)
    assert letter.body_text.startswith("Madame,\n\n")
    assert ", Madame, " in closing_block(letter.body_text)[1]
    assert "«\u202fBonjour Madame Nair, " in (letter.phone_script or "")
    for voice in (Voice.WARM, Voice.BRIEF):
        for wording in (1, 2, 3):
            draft = compose(composer, voice=voice, greeting="Monsieur Durand", wording=wording)
            assert draft.body_text.startswith("Bonjour Monsieur Durand,\n\n")
            assert closing_block(draft.body_text)[1] in {"Bien à vous,", "Bien cordialement,",
                                                          "Cordialement,"}  # fmt: skip
    # A physician the user greets as one keeps the title; nobody else is made a Docteur.
    doctor = compose(composer, voice=Voice.WARM, greeting="Docteur Okafor")
    assert doctor.body_text.startswith("Bonjour Docteur Okafor,\n\n")


def test_a_doctorate_is_never_turned_into_docteur_and_no_gender_is_guessed(
    composer: Composer,
) -> None:
    for voice in Voice:
        draft = compose(composer, voice=voice, contact="Dr. Amara Okafor", channel=Channel.PHONE)
        every = f"{draft.body_text}\n{draft.phone_script}"
        assert not re.search(r"Docteur|\bDr\b|Madame|Monsieur", every), every
        # The first name in every voice (no bare "Bonjour," to a named contact).
        assert draft.body_text.startswith("Bonjour Amara,\n\n")
        assert "«\u202fBonjour Amara, " in (draft.phone_script or "")


def test_a_recruiter_the_user_works_with_is_greeted_by_first_name(composer: Composer) -> None:
    for voice in Voice:
        draft = compose(
            composer, voice=voice, channel=Channel.RECRUITER, recruiter="Tom Baker",
            stage=Stage.OFFER,
        )  # fmt: skip
        assert draft.body_text.startswith("Bonjour Tom,\n\n")
    titled = compose(
        composer, voice=Voice.FORMAL, channel=Channel.RECRUITER, recruiter="M. Tom Baker"
    )
    assert titled.body_text.startswith("Monsieur,\n\n")


def test_the_email_and_the_script_name_them_the_same_way(composer: Composer) -> None:
    for rapport, name in ((True, " Tomás"), (False, " Tomás")):
        draft = compose(
            composer, voice=Voice.FORMAL, contact="Tomás Herrera", rapport=rapport,
            channel=Channel.PHONE, stage=Stage.INTERVIEWING,
        )  # fmt: skip
        assert draft.body_text.startswith(f"Bonjour{name},\n\n")
        assert f"«\u202fBonjour{name}, " in (draft.phone_script or "")
        assert f"«\u202fBonjour{name}, c’est Maya Okafor" in (draft.phone_script or "")
        assert not re.search(r"agréer|salutations", closing_block(draft.body_text)[1])


def test_a_team_is_greeted_madame_monsieur_and_a_call_says_bonjour(composer: Composer) -> None:
    mailbox = "recrutement@contoso.example"
    letter = compose(composer, voice=Voice.FORMAL, contact=mailbox)
    assert letter.body_text.startswith("Madame, Monsieur,\n\n")
    assert ", Madame, Monsieur, " in closing_block(letter.body_text)[1]
    assert compose(composer, contact=mailbox).body_text.startswith("Bonjour Madame, Monsieur,")
    call = compose(composer, contact=mailbox, channel=Channel.PHONE, stage=Stage.FINAL)
    assert "«\u202fBonjour, Maya Okafor à l’appareil." in (call.phone_script or "")


def test_warm_and_brief_greet_by_first_name_with_vous(composer: Composer) -> None:
    for voice in (Voice.WARM, Voice.BRIEF):
        draft = compose(composer, voice=voice, stage=Stage.OFFER)
        assert draft.body_text.startswith("Bonjour Claire,\n\n")
        assert not INFORMAL.search(draft.body_text)
    assert FORMAL.search(compose(composer, stage=Stage.OFFER).body_text)


def test_tu_is_used_through_the_whole_message_when_chosen(composer: Composer) -> None:
    draft = compose(
        composer, address=Address.INFORMAL, stage=Stage.ACCEPTED, channel=Channel.PHONE,
        reason=Reason.PERSONAL, goodwill=tuple(Goodwill), keep_door_open=True,
    )  # fmt: skip
    every = "\n".join([draft.body_text, draft.phone_script or ""])
    assert not FORMAL.search(every)
    assert re.search(r"\bt’appelle\b", draft.phone_script or "")
    assert re.search(r"\bte mettrai\b|\bte mettre\b", draft.body_text)
    # The apology is said in the body; the closing is the tu voice's own (round 10).
    assert closing_block(draft.body_text)[1] in {"Bien amicalement,", "Bien à toi,", "Amicalement,"}


def test_subjects_say_what_happened_in_french(composer: Composer) -> None:
    assert compose(composer).subject == (
        "Retrait de ma candidature – poste d’Ingénieur logiciel chez Contoso Santé"
    )
    assert "je décline votre offre" in compose(composer, stage=Stage.OFFER).subject
    assert compose(composer, stage=Stage.ACCEPTED).subject.startswith(
        "Désistement après acceptation de l’offre"
    )
    data = compose(composer, role="Data Analyst").subject
    assert "poste de Data Analyst" in data


def test_dates_are_written_as_french_writes_them(composer: Composer) -> None:
    draft = compose(
        composer, stage=Stage.ACCEPTED, reason=Reason.RELOCATION,
        relocation_timeline_changed=True, start_date=dt.date(2027, 3, 5),
    )  # fmt: skip
    assert "commencer le 5 mars 2027." in draft.body_text
    first = compose(
        composer, stage=Stage.ACCEPTED, reason=Reason.RELOCATION,
        relocation_timeline_changed=True, start_date=dt.date(2027, 3, 1),
    )  # fmt: skip
    assert FRENCH_DATE.search(first.body_text)
    assert "mars 2027" in first.body_text and "March" not in first.body_text


def test_a_script_quotes_with_guillemets_and_instructs_in_the_infinitive(
    composer: Composer,
) -> None:
    draft = compose(composer, channel=Channel.PHONE, stage=Stage.OFFER)
    script = draft.phone_script or ""
    assert "1. Ouvrir\u202f: «\u202fBonjour Claire, " in script
    assert script.startswith("Avant l’appel, avoir sous les yeux")
    assert all(
        text.startswith("«\u202f") and text.endswith("\u202f»") for _, text in draft.phone_branches
    )
    assert not re.search(r"\bvous\b", "\n".join(title for title, _ in draft.phone_branches))


def test_a_reply_subject_is_prefixed_as_french_mail_clients_do(composer: Composer) -> None:
    s = Situation(**NAMES, language="fr", stage=Stage.OFFER)  # type: ignore[arg-type]
    reply = composer.compose_reply(s, PROFILE, "accepted")
    assert reply.subject.startswith("RE : ")
    assert "Madame" not in reply.body_text.split("\n")[0]


def test_the_reply_to_can_we_talk_thanks_them_and_says_the_decision_stands(
    composer: Composer,
) -> None:
    for voice in Voice:
        for address in Address:
            s = Situation(**NAMES, language="fr", stage=Stage.ACCEPTED, voice=voice,  # type: ignore[arg-type]
                          address=address, reason=Reason.RED_FLAGS)  # fmt: skip
            text = composer.compose_reply(s, PROFILE, "asked-to-talk").body_text
            assert THANKS.search(text), text
            assert re.search(r"ma décision est (prise|arrêtée)", text), text


def test_the_money_received_is_asked_about_under_the_offer_s_terms(composer: Composer) -> None:
    """The money is settled by the offer's terms, never a contract the user did not name (the
    seed-726 panel read « selon les termes du contrat » after a paid signing bonus as FALSE)."""
    for voice in Voice:
        for wording in (1, 2, 3):
            draft = compose(
                composer, voice=voice, stage=Stage.ACCEPTED, reason=Reason.PERSONAL,
                signing_bonus=Money.PAID, channel=Channel.PHONE, wording=wording,
            )  # fmt: skip
            every = f"{draft.body_text}\n{draft.phone_script}"
            assert "la prime à la signature" in every
            assert "comment procéder selon les conditions de l’offre" in every, every
            assert "contrat" not in every, every
            assert not re.search(r"arrangement|rembours|\bEncore\b", every), every


def test_the_lines_for_when_the_call_turns_set_a_narrow_space_before_the_colon(
    composer: Composer, tmp_path: Path
) -> None:
    draft = compose(composer, channel=Channel.PHONE, stage=Stage.OFFER)
    lines = draft.branch_lines()
    assert lines and all("\u202f: «\u202f" in line for line in lines)
    # The command line prints them so.
    from bowout.cli.draft import render_text

    assert "Si la personne est contrariée\u202f: «" in render_text(draft)
    # English keeps its own colon.
    english = composer.compose(dataclasses.replace(draft.situation, language="en"), PROFILE)
    assert all(": " in line and "\u202f" not in line for line in english.branch_lines())


def test_de_elides_through_the_pack_filter_computed_once_not_in_each_sentence() -> None:
    from bowout.core.pack import load_pack

    pack = load_pack("fr")
    assert pack.elide("Ingénieur logiciel", "de") == "d’Ingénieur logiciel"
    assert pack.elide("Opérations", "de") == "d’Opérations"
    assert pack.elide("Data Analyst", "de") == "de Data Analyst"
    assert pack.elide("Head of Data", "de") == "de Head of Data"  # an English h is aspirated
    assert load_pack("en").elide("Analyst", "de") == "de Analyst"  # no [elision]: whole
    # The wording holds no per-sentence expression for it, nor for spelling titles: each
    # was a sandboxed call in every sentence of every draft (issue 26: 28x a bare render).
    for path in (PACK / "wording").glob("*.toml"):
        source = path.read_text(encoding="utf-8")
        assert "[:1] in" not in source, path.name
        assert ".replace(" not in source, path.name


def test_nothing_received_is_said_plainly_and_nothing_is_promised(composer: Composer) -> None:
    s = Situation(**NAMES, language="fr", stage=Stage.ACCEPTED, signing_bonus=Money.PROMISED)  # type: ignore[arg-type]
    text = composer.compose_reply(s, PROFILE, "repayment").body_text
    assert "je n’ai reçu aucun versement de la part de Contoso Santé" in text
    paid = dataclasses.replace(s, signing_bonus=Money.PAID)
    asked = composer.compose_reply(paid, PROFILE, "repayment").body_text
    assert "au sujet de la prime à la signature" in asked
    assert not re.search(r"rembourserai|préjudice|indemni", asked + text)


# -- the pack's shape: the same files, keys, slots and rules as English ---------------------


def _keys(table: dict, prefix: str = "") -> set[str]:  # type: ignore[type-arg]
    keys = set()
    for key, value in table.items():
        keys.add(prefix + key)
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
    return keys


def test_the_pack_has_every_file_key_slot_and_rule_of_english() -> None:
    english = paths.pack_dir("en")
    # The country notes are advice to the user, read from the English pack only.
    files = {p.relative_to(english) for p in english.rglob("*") if p.is_file()}
    files.discard(Path("country_notes.toml"))
    assert files <= {p.relative_to(PACK) for p in PACK.rglob("*") if p.is_file()}
    read = lambda p: tomllib.loads(p.read_text(encoding="utf-8"))  # noqa: E731
    # [titles] and [greeting] are optional: how English spells and chooses a greeting's
    # name (bowout.core.addressing); a pack without them keeps its own conventions.
    # [civilities] is the French greeting's own table (pack.toml [greeting] "civility"),
    # [elision] its grammar for the `elide` filter.
    # `date_near` writes a date in the coming weeks without its year ("mardi 8 décembre");
    # `date_week` this week's dates by their weekday (a pack without it writes them as its
    # near dates).
    optional = {
        "titles", "greeting", "civilities", "elision", "contractions", "uncontracted", "joining",
        "date_near", "date_week",
    }  # fmt: skip
    en_keys = {k for k in _keys(read(english / "pack.toml")) if k.split(".")[0] not in optional}
    # [marks] colon is optional too: a pack whose colon takes no space leaves it out.
    assert en_keys == {
        k
        for k in _keys(read(PACK / "pack.toml"))
        if k.split(".")[0] not in optional and k != "marks.colon"
    }
    # A slot a voice leaves out falls back to the pack's warm voice (its base); `contract`
    # is a setting of English voices (their contractions), not a slot.
    warm = set(read(PACK / "wording" / "warm.toml"))
    for voice in ("warm", "formal", "brief"):
        en_slots = set(read(english / "wording" / f"{voice}.toml")) - {"contract"}
        assert en_slots <= set(read(PACK / "wording" / f"{voice}.toml")) | warm, voice
    # Rules marked `language = "en"` are the English panel's, in English words (issue 21).
    english_only = {r["id"] for r in read(english / "wording" / "rules.toml")["rule"]
                    if r.get("language") == "en"}  # fmt: skip
    rules = parse_rules((english / "wording" / "rules.toml").read_text())
    shared = [r.id for r in rules if r.id not in english_only]
    # English's rules in its order; the French pack may add its own between them.
    assert [r.id for r in RULES if r.id in shared] == shared
    assert set(TONE) - {"call", "callee"} == {
        "thanks",
        "decision",
        "criticism",
        "absolutes",
        "money",
        "address",
    }


@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_each_voice_has_three_wordings_for_the_common_situations(
    composer: Composer, voice: Voice
) -> None:
    for stage in (Stage.INTERVIEWING, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED):
        s = situation(stage, Reason.OTHER_OFFER, Channel.EMAIL, voice, "plain")
        texts = {
            composer.compose(dataclasses.replace(s, wording=n), PROFILE).body_text
            for n in (1, 2, 3)
        }
        assert len(texts) == 3, (stage.value, voice.value)


# -- the tone coach reads French with the pack's word lists --------------------------------

#: Remarks on the channel chosen, which need no words (the same in every language).
CHANNEL_ADVICE = {"linkedin-late", "email-late", "email-rescind", "recruiter-rescind"}


@pytest.mark.parametrize("address", list(Address), ids=lambda a: a.value)
def test_the_tone_coach_finds_nothing_to_fix_in_a_french_draft(
    composer: Composer, address: Address
) -> None:
    problems = []
    cells = itertools.product(Stage, Reason, Channel, Voice)
    for i, (stage, reason, channel, voice) in enumerate(cells):
        facts = list(FACTS)[i % len(FACTS)]
        if facts == "recruiter-no-contact" or (
            facts.startswith("negotiate") and not negotiable(stage, reason)
        ):
            facts = "plain"
        s = situation(stage, reason, channel, voice, facts, address=address, wording=1 + i % 3)
        s = dataclasses.replace(s, recruiter="Alex Martin")  # every field filled
        draft = composer.compose(s, PROFILE)
        codes = {f.code for f in draft.tone_check()} - CHANNEL_ADVICE
        if codes:
            problems.append(f"{stage.value}/{reason.value}/{channel.value}/{facts}: {codes}")
    assert not problems, "\n".join(problems[:20])


def test_the_tone_coach_finds_what_a_french_draft_should_not_say(composer: Composer) -> None:
    s = situation(Stage.FINAL, Reason.NOT_A_FIT, Channel.EMAIL, Voice.WARM, "plain")
    edited = (
        "Bonjour Claire,\n\nVotre processus était désorganisé, plus jamais ça. Et tu sais "
        "quoi, 60 000 euros ne suffisent pas.\n\nCordialement,\nMaya Okafor"
    )
    codes = [f.code for f in composer.compose(s, PROFILE).tone_check()]
    assert not {"missing-thanks", "unclear-withdrawal"} & set(codes)
    found = {f.code for f in check_tone(edited, s, Channel.EMAIL, signature="Maya Okafor")}
    assert {
        "criticism",
        "absolute",
        "money-figure",
        "missing-thanks",
        "unclear-withdrawal",
    } <= found
    assert "mixed-address" in found


def test_a_tu_draft_with_empty_fields_asks_only_for_them(composer: Composer) -> None:
    s = Situation(language="fr", stage=Stage.OFFER, address=Address.INFORMAL)
    draft = composer.compose(s, Profile())
    codes = {f.code for f in draft.tone_check()} - CHANNEL_ADVICE
    assert codes == {"placeholder"}, codes
    assert not FORMAL.search(draft.body_text)


def test_salut_is_for_a_first_name_never_before_a_title(composer: Composer) -> None:
    for wording in (1, 2, 3):
        titled = compose(
            composer, voice=Voice.BRIEF, address=Address.INFORMAL, channel=Channel.PHONE,
            contact="M. Jean Martin", wording=wording,
        )  # fmt: skip
        assert "Salut" not in (titled.phone_script or "")
        assert "«\u202fBonjour Monsieur Martin, c’est Maya Okafor." in (titled.phone_script or "")
    first = compose(composer, voice=Voice.BRIEF, address=Address.INFORMAL, channel=Channel.PHONE)
    assert "«\u202fSalut Claire, c’est Maya Okafor." in (first.phone_script or "")
