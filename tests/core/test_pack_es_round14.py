"""The Spanish pack against what the native panels of session 10 marked, second and third
seeds (issue 26).

Each test is one kind, checked over every reason, channel, voice, wording and form of
address, with the phone script and its branches and the replies: at the applied stage, a
thanks for a deed nobody may have done yet (interest shown, a profile reviewed, kind
treatment «en todo momento»); the pay reason worded as the user's own finances («Mi
situación económica no me permite dar este paso»); a request to talk after accepting that
names the point itself as what «ha surgido», or a change the facts do not give.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools

import pytest
from rule_corpus import channel_and_texts
from test_pack_es_round10 import rules

from bowout.core import Channel, Composer, Profile, Reason, Situation, Stage
from bowout.core.composer import WRITTEN_AUDIENCE, facts_of_channel, facts_of_reply
from bowout.core.situation import NEGOTIABLE_STAGES, DealBreaker, Kind, Voice, negotiable
from bowout.core.vocabulary import Address
from bowout.core.wording import violations

TODAY = dt.date(2026, 12, 1)
PROFILE = Profile("Riley Quinn", "riley@example.org", "+34 600 123 456")
NAMES = {"role": "Analista de datos", "company": "Fabrikam"}
#: Who reads: a named contact, a contact reached through a recruiter, a team with no name,
#: and a contact with whom the user keeps the door open.
READERS = {
    "plain": {"contact": "Priya Nair"},
    "via-recruiter": {"contact": "Priya Nair", "recruiter": "Tom Baker", "via_recruiter": True},
    "no-contact": {"contact": ""},
    "door": {"contact": "Priya Nair", "keep_door_open": True, "rapport": True},
}
#: Replies written before anyone may have read the application (a follow-up after silence),
#: and two written after they answered.
REPLIES = ("no-reply", "asked-why", "accepted")

Texts = dict[str, tuple[str, dict[str, str]]]


@functools.cache
def composer() -> Composer:
    return Composer(today=lambda: TODAY)


@functools.cache
def texts_at(
    stage: Stage, voice: Voice, reasons: tuple[Reason, ...] = tuple(Reason)
) -> tuple[tuple[str, Texts], ...]:
    """Each draft at ``stage`` in ``voice`` for each of ``reasons`` (subject, body, script
    with its branches) and the replies of :data:`REPLIES` to its first wording, with the
    facts each part was written for, named by where it comes from."""
    out: list[tuple[str, Texts]] = []
    cases = itertools.product(READERS.items(), reasons, Channel, (1, 2, 3), Address)
    for (name, facts), reason, channel, wording, address in cases:
        s = Situation(language="es", stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, address=address, **NAMES, **facts)  # type: ignore[arg-type]  # fmt: skip
        draft = composer().compose(s, PROFILE)
        written = facts_of_channel(s, draft.channel, WRITTEN_AUDIENCE[draft.channel], TODAY)
        texts: Texts = {"subject": (draft.subject, written), "body": (draft.body_text, written)}
        if draft.phone_script:
            spoken = facts_of_channel(s, draft.channel, "spoken", TODAY)
            branches = "\n".join(text for _, text in draft.phone_branches)
            texts["script"] = (f"{draft.phone_script}\n{branches}", spoken)
        where = f"{stage.value}/{name}/{reason.value}/{draft.channel.value}/{voice.value}"
        where += f"/{address.value}/w{wording}"
        out.append((where, texts))
        if wording == 1 and channel is not Channel.PHONE:
            for kind in REPLIES:
                answer = composer().compose_reply(s, PROFILE, kind)
                reply_facts = facts_of_reply(s, draft.channel, kind, TODAY)
                out.append((f"{where}/reply {kind}", {"body": (answer.body_text, reply_facts)}))
    return tuple(out)


def broken(
    rule_ids: tuple[str, ...],
    stage: Stage,
    voice: Voice,
    reasons: tuple[Reason, ...] = tuple(Reason),
) -> list[str]:
    """Where the texts at ``stage`` in ``voice`` for ``reasons`` break the rules of ``rule_ids``."""
    kept = tuple(rules()[rule_id] for rule_id in rule_ids)
    return [f"{where}: {v}" for where, texts in texts_at(stage, voice, reasons)
            for v in violations(kept, texts)]  # fmt: skip


# --- 1. at the applied stage, thanks only for what surely happened --------------------------
@pytest.mark.timeout(600)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_an_application_thanks_for_no_deed(voice: Voice) -> None:
    """No draft, call script (with its branches), confirming email, LinkedIn message or
    follow-up at the applied stage thanks for interest shown, a profile reviewed, time given
    or kind treatment: nobody may have read the application yet."""
    found = broken(("an-application-thanks-for-no-deed",), Stage.APPLIED, voice)
    assert not found, "\n".join(found[:10])


def test_the_applied_rule_reads_the_sentences_the_panels_marked() -> None:
    """The rule knows the sentences the panels quoted (not a rule of nothing)."""
    facts = {"stage": "applied", "reply": "none"}
    for sentence in (
        "Agradezco sinceramente el interés que ha mostrado por mi perfil para el puesto.",
        "Gracias por el interés mostrado en mi perfil.",
        "No tengo ninguna crítica que hacer; el trato ha sido muy amable en todo momento.",
        "Le agradezco que haya revisado mi perfil.",
        "Gracias por dedicar tiempo a revisar mi perfil en Fabrikam.",
        "Ante todo, le agradezco que haya considerado mi perfil.",
        "Gracias por su amabilidad.",
    ):
        rule = rules()["an-application-thanks-for-no-deed"]
        assert violations((rule,), {"body": (sentence, facts)}), sentence
    said = {"stage": "applied", "reply": "none"}
    rule = rules()["an-application-thanks-for-no-deed"]
    assert not violations(
        (rule,), {"body": ("Gracias por la oportunidad de optar al puesto.", said)}
    )


# --- 2. the pay reason is the pay offered, never the user's finances -------------------------
PAY_RULES = ("a-pay-reason-says-the-pay", "a-pay-reason-names-the-pay")


@pytest.mark.timeout(600)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_a_pay_reason_says_the_pay(stage: Stage) -> None:
    """With the pay as the reason, no draft, script or reply (in any voice) names the user's
    own finances, and each withdrawal and answer to «¿por qué?» names the pay."""
    found = [p for voice in Voice
             for p in broken(PAY_RULES, stage, voice, (Reason.COMPENSATION,))]  # fmt: skip
    assert not found, "\n".join(found[:10])


def test_the_pay_rules_read_the_sentence_the_panel_marked() -> None:
    facts = {"reason": "compensation", "kind": "withdraw", "reply": "none", "negotiated": "false"}
    sentence = (
        "Mi situación económica no me permite dar este paso, por lo que retiro mi aceptación."
    )
    for rule_id in PAY_RULES:
        assert violations((rules()[rule_id],), {"body": (sentence, facts)}), rule_id


# --- 3. a request to talk names only the change that is in the facts ------------------------
CHANGE_RULES = (
    "a-request-names-only-a-change-in-the-facts",
    "a-move-has-no-new-date-unless-it-changed",
    "a-request-after-accepting-owns-it",
    "personal-circumstances-only-when-they-are-the-reason",
    "the-move-only-when-it-is-the-reason",
)
#: The facts a request may or may not carry: nothing changed; the move's date changed with
#: a visa petition under way; the move's date changed alone.
CHANGES = ((False, False), (True, True), (False, True))


@pytest.mark.timeout(600)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_request_after_accepting_names_only_a_given_change(voice: Voice) -> None:
    """Every request to talk after accepting (each negotiable reason, deal-breaker, channel,
    wording and form of address; the email, note or message and its talking points) says
    what changed only as the facts give it, and never calls the point «una cuestión que ha
    surgido»."""
    kept = tuple(rules()[rule_id] for rule_id in CHANGE_RULES)
    found = []
    reasons = [r for r in Reason if negotiable(Stage.ACCEPTED, r)]
    cases = itertools.product(reasons, DealBreaker, Channel, (1, 2), Address, CHANGES)
    for reason, breaker, channel, wording, address, (petition, changed) in cases:
        s = Situation(language="es", stage=Stage.ACCEPTED, reason=reason, kind=Kind.NEGOTIATE,
                      deal_breaker=breaker, channel=channel, voice=voice, wording=wording,
                      address=address, visa_petition_started=petition,
                      relocation_timeline_changed=changed, contact="Priya Nair",
                      recruiter="Tom Baker", decide_by=TODAY + dt.timedelta(days=7),
                      **NAMES)  # type: ignore[arg-type]  # fmt: skip
        channel_used, texts = channel_and_texts(composer(), s, PROFILE, subject=False)
        where = f"{reason.value}/{breaker.value}/{channel_used.value}/{address.value}"
        where += f"/w{wording}/changed={changed}"
        found += [f"{where}: {v}" for v in violations(kept, texts)]
    assert not found, "\n".join(found[:10])


def test_a_request_says_the_change_the_facts_give() -> None:
    """With the move's date changed (relocation) or personal reasons given, the request
    after accepting says so (never that the circumstances changed); the panel's sentence is
    caught."""
    said = {
        (Reason.RELOCATION, True): "ha cambiado la fecha de mi mudanza",
        (Reason.PERSONAL, False): "por motivos personales necesito",
    }
    for (reason, changed), words in said.items():
        for address, channel in itertools.product(Address, (Channel.EMAIL, Channel.PHONE)):
            s = Situation(language="es", stage=Stage.ACCEPTED, reason=reason,
                          kind=Kind.NEGOTIATE, deal_breaker=DealBreaker.SPONSORSHIP,
                          channel=channel, address=address, visa_petition_started=changed,
                          relocation_timeline_changed=changed, contact="Priya Nair",
                          **NAMES)  # type: ignore[arg-type]  # fmt: skip
            draft = composer().compose(s, PROFILE)
            assert words in draft.body_text + (draft.phone_script or ""), (reason, address)
    facts = {"kind": "negotiate", "stage": "accepted", "relocation_timeline_changed": "false"}
    panel = ("Tras aceptar la oferta ha surgido una cuestión que necesito aclarar con usted: "
             "la tramitación del visado.")  # fmt: skip
    rule = rules()["a-request-names-only-a-change-in-the-facts"]
    assert violations((rule,), {"body": (panel, facts)})
    rule = rules()["a-move-has-no-new-date-unless-it-changed"]
    assert violations((rule,), {"body": ("La fecha de mi mudanza ha cambiado.", facts)})


# --- 4. the panels' smaller kinds ------------------------------------------------------------
@pytest.mark.timeout(600)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_a_misfit_claims_no_discovery(stage: Stage) -> None:
    """With «not a fit» as the reason, no draft, script or reply says what the user found
    out about the role («Al conocer mejor el puesto»): the user never said."""
    rule_ids = ("a-misfit-claims-no-discovery",)
    found = [p for voice in Voice
             for p in broken(rule_ids, stage, voice, (Reason.NOT_A_FIT,))]  # fmt: skip
    assert not found, "\n".join(found[:10])


@pytest.mark.timeout(600)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_a_petition_says_why_it_is_named(voice: Voice) -> None:
    """With a visa petition under way, each withdrawal at the offer and after accepting that
    names it (letter, call script, confirming email, note, LinkedIn message) says why: so
    that no more work goes into it; never that it must be stopped."""
    kept = tuple(
        rules()[r]
        for r in ("a-petition-says-why-it-is-named", "never-volunteer-to-stop-a-petition")
    )
    found = []
    cases = itertools.product((Stage.OFFER, Stage.ACCEPTED), Reason, Channel, (1, 2, 3), Address)
    for stage, reason, channel, wording, address in cases:
        s = Situation(language="es", stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, address=address, visa_petition_started=True,
                      contact="Priya Nair", **NAMES)  # type: ignore[arg-type]  # fmt: skip
        channel_used, texts = channel_and_texts(composer(), s, PROFILE, subject=False)
        where = f"{stage.value}/{reason.value}/{channel_used.value}/{address.value}/w{wording}"
        found += [f"{where}: {v}" for v in violations(kept, texts)]
        for part, (text, _facts) in texts.items():
            if "solicitud de visado" in text and "para que no se dedique más trabajo" not in text:
                found.append(f"{where} {part}: the petition is named without why")
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize(
    "stage", sorted(NEGOTIABLE_STAGES, key=lambda s: s.order), ids=lambda s: s.value
)
def test_the_remote_point_is_named_once(stage: Stage) -> None:
    """A request to talk about remote work says «en remoto o en formato híbrido» at most once
    across its subject, email and talking points (the panel: the long name said twice)."""
    found = []
    reasons = [r for r in Reason if negotiable(stage, r)]
    for reason, channel, voice, address in itertools.product(reasons, Channel, Voice, Address):
        s = Situation(language="es", stage=stage, reason=reason, kind=Kind.NEGOTIATE,
                      deal_breaker=DealBreaker.REMOTE, channel=channel, voice=voice,
                      address=address, contact="Priya Nair", **NAMES)  # type: ignore[arg-type]  # fmt: skip
        draft = composer().compose(s, PROFILE)
        text = f"{draft.subject}\n{draft.body_text}\n{draft.phone_script or ''}"
        if text.count("en remoto o en formato híbrido") > 1:
            found.append(
                f"{stage.value}/{reason.value}/{channel.value}/{voice.value}: {text[:300]}"
            )
    assert not found, "\n".join(found[:5])


def test_the_small_kinds_read_the_sentences_the_panels_marked() -> None:
    facts = {"visa_petition_started": "true", "kind": "withdraw", "reason": "not-a-fit"}
    for rule_id, sentence in (
        ("a-misfit-claims-no-discovery", "Al conocer mejor el puesto, he llegado a la conclusión."),
        ("a-petition-says-why-it-is-named",
         "Quería avisar cuanto antes porque la solicitud de visado ya está en marcha."),
    ):  # fmt: skip
        assert violations((rules()[rule_id],), {"body": (sentence, facts)}), rule_id


# --- 5. the remaining quotes -----------------------------------------------------------------
#: Reasons with the deal-breaker that says them another way (the talks are the cause).
FITTING_TALKS = (
    (Reason.COMPENSATION, DealBreaker.PAY),
    (Reason.RELOCATION, DealBreaker.RELOCATION),
    (Reason.PERSONAL, DealBreaker.REMOTE),
    (Reason.NOT_A_FIT, DealBreaker.SCOPE),
)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("voice", list(Voice), ids=lambda v: v.value)
def test_no_talks_claimed_through_a_recruiter(voice: Voice) -> None:
    """After talks through a recruiter that found no way, the letter or message to the hiring
    manager says no «como hemos comentado» of a conversation they never had."""
    kept = (rules()["no-talks-claimed-through-a-recruiter"],)
    found = []
    stages = sorted(NEGOTIABLE_STAGES, key=lambda s: s.order)
    cases = itertools.product(stages, FITTING_TALKS, Channel, (1, 2), Address)
    for stage, (reason, breaker), channel, wording, address in cases:
        s = Situation(language="es", stage=stage, reason=reason, channel=channel, voice=voice,
                      wording=wording, address=address, negotiated=True, deal_breaker=breaker,
                      via_recruiter=True, recruiter="Tom Baker", contact="Priya Nair",
                      **NAMES)  # type: ignore[arg-type]  # fmt: skip
        draft = composer().compose(s, PROFILE)
        written = facts_of_channel(s, draft.channel, WRITTEN_AUDIENCE[draft.channel], TODAY)
        where = f"{stage.value}/{reason.value}/{draft.channel.value}/{address.value}/w{wording}"
        found += [f"{where}: {v}" for v in violations(kept, {"body": (draft.body_text, written)})]
    assert not found, "\n".join(found[:10])
