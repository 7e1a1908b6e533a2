"""Only http(s), mailto: and tel: links go into a message, in the editor and in exports."""

from __future__ import annotations

import email
import email.policy

import pytest

from bowout.core.exports import to_eml, to_html
from bowout.core.links import is_safe_link, sanitize_html
from bowout.core.situation import Profile


@pytest.mark.parametrize(
    "url",
    ["https://example.org/jobs?id=1", "http://example.org", "HTTPS://EXAMPLE.ORG",
     "mailto:jordan@example.com", "tel:+1-555-0100"],
)  # fmt: skip
def test_safe_links(url: str) -> None:
    assert is_safe_link(url)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
     "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
     "file:///etc/passwd", "//evil.example/x", "/relative", "example.org", "http://", "https:///x",
     "mailto:", "", "http://[::1"],
)  # fmt: skip
def test_unsafe_links(url: str) -> None:
    assert not is_safe_link(url)


_STORED = (
    '<p style=" margin-top:0px;">Hello <a href="javascript:alert(1)"><span style=" '
    'text-decoration: underline;">click</span></a> and <a href="https://example.org">portfolio'
    '</a><img src="x" onerror="alert(2)"><script>alert(3)</script>'
    '<span onclick="alert(4)">!</span></p><ul><li><b>bold</b></li></ul>'
)


def test_sanitize_keeps_formatting_and_safe_links_only() -> None:
    clean = sanitize_html(_STORED)
    for gone in ("javascript", "alert", "onerror", "onclick", "<script", "<img"):
        assert gone not in clean
    assert '<a href="https://example.org">portfolio</a>' in clean
    assert "click" in clean and "<b>bold</b>" in clean and "<li>" in clean
    assert 'style=" margin-top:0px;"' in clean


def test_html_and_eml_exports_of_a_stored_message_carry_no_unsafe_link() -> None:
    page = to_html("Withdrawing", _STORED)
    assert "javascript" not in page and "https://example.org" in page
    raw = to_eml("Withdrawing", "Hello", _STORED, Profile("Maya", "maya@example.com"))
    message = email.message_from_bytes(raw, policy=email.policy.default)
    html_part = message.get_body(preferencelist=("html",))
    assert html_part is not None
    html = html_part.get_content()
    assert "javascript" not in html and "alert" not in html and "https://example.org" in html
