"""Exports of a message: .eml (multipart text + html), mailto: URL, .txt and .html."""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import html
import re
import unicodedata
from email.header import Header
from email.message import EmailMessage
from typing import Any
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


#: The headers that make each common mail app open an .eml as an editable draft, not a
#: received message to read:
#: - ``X-Unsent: 1``: Outlook (Windows and Mac) opens the file in its compose window (the
#:   header stands for MAPI's mfUnsent flag, "still being composed and is treated as a Draft
#:   Message object", [MS-OXCMSG] 2.2.1.6 PidTagMessageFlags). Thunderbird reads it too:
#:   ``MailUtils.openEMLFile`` (comm-central, mail/modules/MailUtils.sys.mjs) opens an .eml
#:   whose X-Unsent is "1" with ``nsIMsgCompType.Draft`` (its test:
#:   mail/test/browser/composition/browser_xUnsent.js).
#: - ``X-Mozilla-Draft-Info``: what Thunderbird writes on the drafts it saves (its compose
#:   options: no vCard, no receipt, no DSN, delivery format automatic); with it a file moved
#:   into a Drafts folder is edited as Thunderbird's own draft.
#: - ``X-Uniform-Type-Identifier: com.apple.mail-draft``: what Apple Mail writes on the drafts
#:   it saves (Apple does not document it; it is in every draft Mail saves, next to
#:   ``X-Mailer: Apple Mail``), and what makes Mail open an .eml in a compose window.
DRAFT_HEADERS = (
    ("X-Unsent", "1"),
    ("X-Mozilla-Draft-Info",
     "internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0; attachmentreminder=0; "
     "deliveryformat=0"),
    ("X-Uniform-Type-Identifier", "com.apple.mail-draft"),
)  # fmt: skip
#: What str.splitlines() (and so the email package) takes for a line break.
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


class _DraftPolicy(email.policy.EmailPolicy):
    """RFC 5322 folding by the ``email`` package at 78 characters, CRLF; but the Subject is
    written as RFC 2047 encoded words from the first line on (``email.header.Header``) when
    Python's folder would break the line right after "Subject:" (a first word too long for
    the first line; some mail apps then show no subject) or when what it wrote does not
    read back as the same text (it drops the space between two encoded words: "é é" reads
    back "éé"). The Subject is kept as the text given (the email package would decode
    anything in it that looks like an encoded word, ``=?utf-8?q?x?=``, when it is set)."""

    def header_store_parse(self, name: str, value: object) -> tuple[str, Any]:
        if name.lower() == "subject" and isinstance(value, str):
            if _LINE_BREAKS.search(value):
                raise ValueError("a subject is one line: use subject_line()")
            return name, value
        return super().header_store_parse(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        if name.lower() != "subject":
            return super().fold_binary(name, value)
        text = str(value)
        folded = super().fold_binary(name, self.header_factory(name, text))
        after = folded[len(name) + 1 :]
        if after.startswith((b"\r\n", b"\n")) or _read_back(name, folded) != text:
            header = Header(str(value), "utf-8", self.max_line_length, header_name=name)
            folded = f"{name}: {header.encode(linesep=self.linesep)}{self.linesep}".encode("ascii")
        return folded


DRAFT_POLICY = _DraftPolicy(linesep="\r\n", max_line_length=78)


def _read_back(name: str, folded: bytes) -> str:
    """A header as a mail app decodes it (the ``email`` package's modern parser)."""
    parsed = email.message_from_bytes(folded + b"\r\n", policy=email.policy.default)
    return str(parsed[name] or "")


def subject_line(subject: str) -> str:
    """The subject as one header line: line breaks become spaces, outer spaces go (a header
    cannot hold a line break, and the space after "Subject:" is not part of it, RFC 5322
    2.2.3 and 3.6.5). What a mail app shows for the .eml is exactly this."""
    return _LINE_BREAKS.sub(" ", subject).strip()


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
    language: str = "en",
) -> bytes:
    """An RFC 5322 message, multipart/alternative (plain text first, then HTML), that
    Outlook, Thunderbird and Apple Mail open as an editable draft (:data:`DRAFT_HEADERS`).

    ``subject`` is written as :func:`subject_line` gives it (none when empty); ``to``: one
    address for To: (InputError when it is not one); ``date``: the Date: header (default
    now, UTC); ``language``: the message's language tag, as ``Content-Language`` (RFC
    3282) and the HTML part's ``lang``. Headers are folded by :data:`DRAFT_POLICY`.
    """
    msg = EmailMessage(policy=DRAFT_POLICY)
    line = subject_line(subject)
    if line:
        msg["Subject"] = line
    sender = _address(profile.name, profile.email)
    if sender:
        msg["From"] = sender
    if to:
        msg["To"] = check_email_address(to)
    msg["Date"] = email.utils.format_datetime(date or dt.datetime.now(dt.timezone.utc))
    for name, value in DRAFT_HEADERS:
        msg[name] = value
    msg.set_content(body_text)
    msg.add_alternative(to_html(line, body_html, language), subtype="html")
    # After the content: setting it clears every Content-* header.
    msg["Content-Language"] = language_tag(language)
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


def language_tag(language: str) -> str:
    """A pack's name as a BCP 47 language tag (RFC 5646), for ``Content-Language`` and
    HTML's ``lang``: "de", "pt-BR" for "pt_BR"; "en" for anything that is not one."""
    tag = language.replace("_", "-")
    return tag if _LANGUAGE_TAG.fullmatch(tag) else "en"


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def to_html(subject: str, body_html: str, language: str = "en") -> str:
    """A standalone HTML document around the body (also the HTML part of :func:`to_eml`),
    its ``lang`` the message's ``language`` (:func:`language_tag`).

    The body is sanitised on the way out (:func:`~bowout.core.links.sanitize_html`): only
    http(s), mailto: and tel: links, no scripts or event handlers, whatever was stored.
    """
    title = html.escape(subject)
    body = sanitize_html(body_html)
    return (
        f'<!DOCTYPE html>\n<html lang="{language_tag(language)}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head>\n<body>\n{body}\n</body></html>\n"
    )
