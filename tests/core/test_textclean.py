"""The edit boundary's rules for pasted text (bowout.core.textclean)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bowout.core.situation import single_line
from bowout.core.textclean import clean_line, clean_text
from bowout.storage.schema import check_text


def test_line_breaks_from_other_programs_become_line_feeds() -> None:
    assert clean_text("a\x0bb\x0cc\r\nd\re\x85f\u2028g\u2029h") == "a\nb\nc\nd\ne\nf\ng\nh"


def test_controls_and_bidi_overrides_go_tabs_and_joiners_stay() -> None:
    assert clean_text("a\x00b\x1bc\x7fd\x9ee\tf\u202eg\u2066h\u200ci\u200dj") == (
        "abcde\tfgh\u200ci\u200dj"
    )


def test_one_line_fields_keep_zwnj_and_zwj() -> None:
    assert clean_line("می\u200cخواهم") == "می\u200cخواهم"
    assert single_line("क्\u200dष \u202eabc\x0b def") == "क्\u200dष abc def"


@given(st.text())
def test_cleaned_text_always_passes_the_history_checks(value: str) -> None:
    check_text(clean_text(value), "notes", 10**9, multiline=True)
    check_text(clean_line(value), "company", 10**9, multiline=False)
