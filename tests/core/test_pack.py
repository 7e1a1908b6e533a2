"""Pack settings read from pack.toml that Python applies: the greeting/closing pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowout import paths
from bowout.core.errors import TemplateError
from bowout.core.pack import clear_pack_cache, load_pack


def test_a_signoff_is_paired_with_its_greeting_by_the_packs_closing_table() -> None:
    """German declares its greeting/closing pairs once, in pack.toml's [closing]; English
    declares none, so any sign-off closes any greeting there."""
    german = load_pack("de")
    assert german.paired_signoff("Liebe Frau Nair,", "Mit freundlichen Grüßen") == "Viele Grüße"
    assert german.paired_signoff("Liebe Frau Nair,", "Herzliche Grüße") == "Herzliche Grüße"
    assert german.paired_signoff("Sehr geehrter Herr Lee,", "Viele Grüße") == (
        "Mit freundlichen Grüßen"
    )
    assert german.paired_signoff("Moin Lee,", "Viele Grüße") == "Viele Grüße"  # no pair named
    assert german.paired_signoff("", "Viele Grüße") == "Viele Grüße"
    assert load_pack("en").paired_signoff("Dear Ms Nair,", "Cheers,") == "Cheers,"


def test_a_closing_table_that_is_not_lists_of_signoffs_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = tmp_path / "xx"
    pack.mkdir()
    (pack / "pack.toml").write_text(
        'locale = "de_DE"\n[closing]\nSehr = "Mit freundlichen Grüßen"\n', encoding="utf-8"
    )
    monkeypatch.setattr(paths, "templates_dir", lambda: tmp_path)
    clear_pack_cache()
    try:
        with pytest.raises(TemplateError, match=r"\[closing\] maps a greeting"):
            load_pack("xx")
    finally:
        clear_pack_cache()
