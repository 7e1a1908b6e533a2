"""Exported files: private like the history, the PDF shows its subject, clean names (case 12)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from bowout.core.exports import file_stem
from bowout.gui.exporting import pdf_document, suggested_name
from bowout.gui.window.shell import MainWindow


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
@pytest.mark.parametrize("extension", [".eml", ".pdf", ".txt", ".html"])
def test_every_export_is_private(window: MainWindow, tmp_path: Path, extension: str) -> None:
    target = tmp_path / f"letter{extension}"
    window.ask.ask_save_path = lambda title, suggested, flt: target  # type: ignore[method-assign]
    assert window.sending.export_as(extension) == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    if extension == ".pdf":
        assert target.read_bytes().startswith(b"%PDF")


def test_pdf_shows_the_subject_above_the_body() -> None:
    body = QTextDocument()
    body.setHtml("<ul><li>Return the laptop</li></ul><p>Thanks</p>")
    doc = pdf_document("Withdrawing 🌸 my application", "", body)
    first = doc.begin()
    assert first.text() == "Subject: Withdrawing 🌸 my application"
    assert first.textList() is None and first.next().textList() is not None
    assert first.next().text() == "Return the laptop"
    assert body.toPlainText() == "Return the laptop\nThanks"  # the editor's stays as it was
    plain = pdf_document("Leaving", "<p>Hello</p>", None)
    assert plain.toPlainText() == "Subject: Leaving\nHello"


@pytest.mark.parametrize(
    ("company", "name"),
    [
        ("株式会社サクラ 🌸", "withdrawal-株式会社サクラ.eml"),
        ("Acme & Sons, Inc.", "withdrawal-Acme-Sons-Inc.eml"),
        ("Café Zürich", "withdrawal-Café-Zürich.eml"),
        ("हिन्दी समाचार", "withdrawal-हिन्दी-समाचार.eml"),
        ("../../etc/passwd", "withdrawal-etc-passwd.eml"),
        ("🌸🌸", "withdrawal-draft.eml"),
        ("", "withdrawal-draft.eml"),
        ("A" * 80 + " B", "withdrawal-" + "A" * 60 + ".eml"),
    ],
)
def test_suggested_file_names_are_clean(company: str, name: str) -> None:
    assert suggested_name(company, ".eml") == name


def test_file_stem_never_leads_or_trails_with_a_separator() -> None:
    assert file_stem(" -Acme- ") == "Acme"
    assert file_stem("A" * 59 + " B") == "A" * 59
    assert file_stem("x", fallback="f") == "x" and file_stem("", fallback="f") == "f"
