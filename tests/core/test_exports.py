"""Exports: .eml parses back as multipart/alternative; mailto: is correctly encoded."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from urllib.parse import parse_qs, unquote, urlsplit

from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.exports import mailto_url, to_eml, to_html, to_txt

PROFILE = Profile("Zoë Ørsted", "zoe@example.com", "+44 20 7946 0000")


def _draft():  # type: ignore[no-untyped-def]
    situation = Situation(stage=Stage.FINAL, contact="José Núñez", role="R&D Lead", company="A&B")
    return Composer().compose(situation, PROFILE)


def test_eml_round_trip() -> None:
    draft = _draft()
    when = dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone.utc)
    raw = to_eml(
        draft.subject, draft.body_text, draft.body_html, PROFILE, to="jose@example.com", date=when
    )
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    assert msg["Subject"] == draft.subject
    assert msg["To"] == "jose@example.com"
    assert "zoe@example.com" in msg["From"] and "Zoë" in str(msg["From"])
    assert msg["Date"].datetime == when
    plain = msg.get_body(("plain",)).get_content()
    rich = msg.get_body(("html",)).get_content()
    assert plain.replace("\r\n", "\n").strip() == draft.body_text.strip()
    assert "Dear José," in plain and "Zoë Ørsted" in plain
    assert "R&amp;D Lead" in rich and "<p>" in rich


def test_eml_without_recipient_or_sender() -> None:
    raw = to_eml("S", "body", "<p>body</p>", Profile())
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["To"] is None and msg["From"] is None


def test_mailto_encodes_everything() -> None:
    body = "Hi José,\nA&B = 100% ?#\nBye"
    url = mailto_url("Re: R&D?", body, "jose@example.com")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "jose@example.com"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Re: R&D?"]
    assert query["body"] == [body.replace("\n", "\r\n")]
    assert " " not in url and "\n" not in url


def test_txt_and_html() -> None:
    assert to_txt("Subj", "Body\n") == "Subject: Subj\n\nBody\n"
    page = to_html("<Subj>", "<p>x</p>")
    assert "<title>&lt;Subj&gt;</title>" in page and "<p>x</p>" in page
