"""The .eml opens as an editable draft in Outlook, Thunderbird and Apple Mail, and its
subject reads back exactly as written, folded by the ``email`` package (RFC 5322)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy

from hypothesis import given, settings
from hypothesis import strategies as st

from bowout.core.exports import DRAFT_HEADERS, subject_line, to_eml
from bowout.core.situation import Profile

PROFILE = Profile("Maya Okafor", "maya@example.com", "555 0100")
WHEN = dt.datetime(2026, 11, 27, 10, tzinfo=dt.timezone.utc)


def eml(subject: str) -> bytes:
    return to_eml(subject, "Dear Jordan,\n\nThank you.", "<p>Dear Jordan,</p>", PROFILE,
                  to="jordan@northwind.example", date=WHEN)  # fmt: skip


def header_block(data: bytes) -> list[bytes]:
    return data.split(b"\r\n\r\n", 1)[0].split(b"\r\n")


def subject_lines(data: bytes) -> list[bytes]:
    lines = header_block(data)
    start = next(i for i, line in enumerate(lines) if line.startswith(b"Subject:"))
    end = start + 1
    while end < len(lines) and lines[end][:1] in (b" ", b"\t"):
        end += 1
    return lines[start:end]


def test_the_draft_headers_of_the_three_mail_apps() -> None:
    msg = email.message_from_bytes(eml("Withdrawing my application"), policy=email.policy.default)
    assert msg["X-Unsent"] == "1"  # Outlook; Thunderbird's openEMLFile too
    assert msg["X-Mozilla-Draft-Info"].startswith("internal/draft;")  # Thunderbird's drafts
    assert msg["X-Uniform-Type-Identifier"] == "com.apple.mail-draft"  # Apple Mail's drafts
    assert [name for name, _ in DRAFT_HEADERS] == [
        "X-Unsent", "X-Mozilla-Draft-Info", "X-Uniform-Type-Identifier",
    ]  # fmt: skip
    assert msg["To"] == "jordan@northwind.example" and msg["From"].addresses[0].username == "maya"
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]


def test_a_long_first_word_is_not_folded_right_after_the_colon() -> None:
    subject = "a" * 75 + " b"  # Python's own folder writes "Subject:" alone on its line
    data = eml(subject)
    lines = subject_lines(data)
    assert lines[0].startswith(b"Subject: ") and len(lines[0]) > len(b"Subject: ")
    assert all(len(line) <= 78 for line in lines)  # RFC 5322 2.1.1
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert msg["Subject"] == subject


def test_spaces_between_encoded_words_survive() -> None:
    subject = "x" * 66 + " é é"  # Python's folder drops the space between "é" and "é"
    msg = email.message_from_bytes(eml(subject), policy=email.policy.default)
    assert msg["Subject"] == subject


def test_a_subject_is_one_line_and_an_empty_one_is_left_out() -> None:
    assert (
        subject_line(" Withdrawal\r\nfrom Northwind\u2028now ") == "Withdrawal from Northwind now"
    )
    msg = email.message_from_bytes(eml(" \n "), policy=email.policy.default)
    assert msg["Subject"] is None and msg["X-Unsent"] == "1"


subjects = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=400),
    st.from_regex(r"[A-Za-z]{50,120}( [a-zé€😀 ]{1,12}){0,8}", fullmatch=True),
    st.lists(st.sampled_from(["Rücknahme", "応募辞退", "हिन्दी", "😀", "Northwind", " ",
                              "=?utf-8?q?x?=", "Re:", "\t"]), max_size=40).map("".join),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(subjects)
def test_every_subject_reads_back_exactly(subject: str) -> None:
    data = eml(subject)
    msg = email.message_from_bytes(data, policy=email.policy.default)
    expected = subject_line(subject)
    assert (msg["Subject"] or "") == expected
    if expected:
        first = subject_lines(data)[0]
        assert first.startswith(b"Subject: ") and first != b"Subject: "
    assert msg["X-Unsent"] == "1" and msg["X-Uniform-Type-Identifier"] == "com.apple.mail-draft"
