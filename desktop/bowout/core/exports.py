"""Exports of a message: .eml (multipart text + html), mailto: URL, .txt and .html."""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import html
from email.message import EmailMessage
from urllib.parse import quote

from bowout.core.links import sanitize_html
from bowout.core.situation import Profile

#: Mail apps truncate or refuse very long mailto: URLs; beyond this, copy/export instead.
MAILTO_MAX_CHARS = 8000


def _address(name: str, addr: str) -> str:
    return email.utils.formataddr((name, addr)) if addr else ""


def to_eml(
    subject: str,
    body_text: str,
    body_html: str,
    profile: Profile,
    *,
    to: str = "",
    date: dt.datetime | None = None,
) -> bytes:
    """An RFC 5322 message, multipart/alternative (plain text first, then HTML)."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["Subject"] = subject
    sender = _address(profile.name, profile.email)
    if sender:
        msg["From"] = sender
    if to:
        msg["To"] = to
    msg["Date"] = email.utils.format_datetime(date or dt.datetime.now(dt.timezone.utc))
    msg["X-Unsent"] = "1"  # Outlook and others open it as a draft ready to send
    msg.set_content(body_text)
    msg.add_alternative(to_html(subject, body_html), subtype="html")
    return msg.as_bytes()


def mailto_url(subject: str, body_text: str, to: str = "") -> str:
    """A ``mailto:`` URL with subject and plain body, percent-encoded (RFC 6068)."""
    body = body_text.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(to, safe='@')}?{query}"


def to_txt(subject: str, body_text: str) -> str:
    """Plain text with the subject on top, as people paste it into webmail."""
    return f"Subject: {subject}\n\n{body_text.rstrip()}\n"


def to_html(subject: str, body_html: str) -> str:
    """A standalone HTML document around the body (also the HTML part of :func:`to_eml`).

    The body is sanitised on the way out (:func:`~bowout.core.links.sanitize_html`): only
    http(s), mailto: and tel: links, no scripts or event handlers, whatever was stored.
    """
    title = html.escape(subject)
    body = sanitize_html(body_html)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{title}</title></head>\n<body>\n{body}\n</body></html>\n"
    )
