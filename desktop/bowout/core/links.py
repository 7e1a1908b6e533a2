"""Which links may appear in a message, and taking every other one out of exported HTML.

A message goes to another person's mail app: only web, mail and phone links belong in it
(``javascript:``, ``data:``, ``file:`` and relative links do not). The editor asks
:func:`is_safe_link` before inserting a link; every HTML export passes through
:func:`sanitize_html`, so a stored or imported message cannot carry one out either.
"""

from __future__ import annotations

import re
from typing import Any

#: The only link schemes a message may carry.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Browsers ignore tabs, newlines and other controls inside a scheme ("java\tscript:").
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def is_safe_link(url: str) -> bool:
    """True for an absolute http(s) link with a host, or a mailto: or tel: link.

    ``url`` is the address as typed or stored; anything else (javascript:, data:,
    file:, vbscript:, relative or scheme-less) is False. Never raises.
    """
    from urllib.parse import urlsplit

    cleaned = _INVISIBLE.sub("", url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        return False
    if scheme in ("http", "https"):
        return bool(parts.hostname)
    return bool(parts.path)


def _keep(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("href", "src", "cite", "action", "formaction", "background", "poster"):
        return value if is_safe_link(value) else None
    return value


def sanitize_html(fragment: str) -> str:
    """``fragment`` with unsafe links, scripts, event handlers and embedded objects removed.

    Formatting survives (paragraphs, lists, bold, spans with their ``style``); an unsafe
    link keeps its text and loses its address. Uses nh3 (the Rust ammonia sanitiser):
    an HTML parser, not a pattern, decides what a tag is.
    """
    import nh3

    attributes: dict[str, Any] = {"*": {"style"}, "a": {"href", "title"}}
    return nh3.clean(
        fragment,
        tags=nh3.ALLOWED_TAGS - {"img", "map", "area"},
        attributes=attributes,
        url_schemes=set(SAFE_SCHEMES),
        attribute_filter=_keep,
        link_rel=None,
    )
