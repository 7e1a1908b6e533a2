"""Exports of a message: .eml (multipart text + html), mailto: URL, .txt and .html."""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import html
import re
import unicodedata
from email.message import EmailMessage
from urllib.parse import quote

from bowout.core.links import sanitize_html
from bowout.core.situation import Profile, check_email_address

#: Several common mail apps cut or refuse mailto: URLs longer than about 2,000 characters
#: (older Outlook and Internet Explorer handlers, some webmail handlers); longer messages go
#: by the clipboard instead (see :func:`mailto_fits`).
MAILTO_MAX_CHARS = 2000
#: Longest file-name stem suggested (characters), well inside every file system's limit.
FILE_STEM_MAX_CHARS = 60
#: The longest file name in bytes on ext4 and APFS (NAME_MAX).
NAME_MAX_BYTES = 255
_SEPARATORS = re.compile(r"-{2,}")


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
        msg["To"] = check_email_address(to)
    msg["Date"] = email.utils.format_datetime(date or dt.datetime.now(dt.timezone.utc))
    msg["X-Unsent"] = "1"  # Outlook and others open it as a draft ready to send
    msg.set_content(body_text)
    msg.add_alternative(to_html(subject, body_html), subtype="html")
    return msg.as_bytes()


def mailto_url(subject: str, body_text: str, to: str = "") -> str:
    """A ``mailto:`` URL with subject and plain body, percent-encoded (RFC 6068).

    An empty ``body_text`` leaves the body out (the link then carries subject and recipient
    only, what :func:`mailto_fits` allows for any message).
    """
    query = f"subject={quote(subject, safe='')}"
    if body_text:
        body = body_text.replace("\r\n", "\n").replace("\n", "\r\n")
        query += f"&body={quote(body, safe='')}"
    return f"mailto:{quote(check_email_address(to), safe='@')}?{query}"


def mailto_fits(url: str) -> bool:
    """True when a ``mailto:`` URL is short enough for every common mail app."""
    return len(url) <= MAILTO_MAX_CHARS


def file_stem(text: str, fallback: str = "draft", *, max_bytes: int = NAME_MAX_BYTES) -> str:
    """A file-name stem from free text (a company name), safe on every OS.

    Letters, marks and digits of every script are kept (``株式会社サクラ``, ``हिन्दी``),
    spaces and punctuation become one ``-``, symbols and emoji are dropped, and separators
    never lead or trail. At most FILE_STEM_MAX_CHARS characters and ``max_bytes`` bytes
    of UTF-8 (a whole name may have 255 on ext4 and APFS: NAME_MAX), cut between
    characters; ``fallback`` when nothing is left.
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        kind = unicodedata.category(char)[0]
        if kind in "LMN":
            out.append(char)
        elif kind in "PZC":  # punctuation, spaces, controls separate words
            out.append("-")
        # symbols (S*: emoji, currency, math) are dropped
    stem = _SEPARATORS.sub("-", "".join(out)).strip("-")
    stem = stem[:FILE_STEM_MAX_CHARS]
    while len(stem.encode("utf-8")) > max_bytes:
        stem = stem[:-1]
    return stem.rstrip("-") or fallback


def file_name(prefix: str, text: str, extension: str, fallback: str = "draft") -> str:
    """``prefix`` + :func:`file_stem` of ``text`` + ``extension``, within NAME_MAX (255
    bytes of UTF-8 on ext4 and APFS; Windows allows 255 UTF-16 units, which is more)."""
    budget = NAME_MAX_BYTES - len(prefix.encode("utf-8")) - len(extension.encode("utf-8"))
    return f"{prefix}{file_stem(text, fallback, max_bytes=budget)}{extension}"


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
