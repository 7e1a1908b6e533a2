"""The PDF names its date and recipient, carries the exact text, and says which characters
print as empty boxes because no installed font has them."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf
from pytestqt.qtbot import QtBot

from bowout.core.checklist import format_date
from bowout.core.situation import Profile
from bowout.gui.window.exporting import export_message, missing_glyphs
from bowout.gui.window.shell import MainWindow

NO_FONT = "\U0010fffd"  # a private-use character: no font draws it
HINDI = "मैं अपना आवेदन वापस लेना चाहता हूँ। धन्यवाद, क्षमा करें।"


def read(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(path.read_bytes()))


def test_the_pdf_has_the_date_and_the_recipient(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    qtbot.keyClicks(window.form.company_edit, "Northwind")
    qtbot.keyClicks(window.form.contact_edit, "Priya Shah")
    qtbot.keyClicks(window.form.contact_email_edit, "priya@northwind.example")
    target = tmp_path / "withdrawal.pdf"
    window.ask.ask_save_path = lambda *args: target  # type: ignore[method-assign]
    before = dt.date.today()
    assert window.sending.export_as(".pdf") == target
    text = " ".join(read(target).pages[0].extract_text().split())  # words, one space apart
    assert "To: Priya Shah <priya@northwind.example>" in text
    assert any(f"Date: {format_date(day)}" in text for day in (before, dt.date.today()))
    assert f"Subject: {' '.join(window.subject_edit.text().split())}" in text
    assert window.statusBar().currentMessage() == "Exported withdrawal.pdf."


def test_the_exact_text_travels_with_the_pdf(tmp_path: Path) -> None:
    target = tmp_path / "hindi.pdf"
    export_message(target, "आवेदन वापस", HINDI, f"<p>{HINDI}</p>", profile=Profile(),
                   recipient="Priya", date=dt.date(2026, 12, 5))  # fmt: skip
    attached = read(target).attachments["message.txt"][0].decode("utf-8")
    assert attached == (
        f"To: Priya\nDate: 5 December 2026\nSubject: आवेदन वापस\n\n{HINDI}\n"
    )  # conjuncts (क्ष) and all, whatever copying from the page gives


def test_characters_no_font_has_are_named(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.editor.replace_text(f"Thank you {NO_FONT} for everything.")
    window.ask.ask_save_path = lambda *args: tmp_path / "boxes.pdf"  # type: ignore[method-assign]
    assert window.sending.export_as(".pdf") == tmp_path / "boxes.pdf"
    shown = window.banner.label.text()
    assert "print as empty boxes" in shown and NO_FONT in shown and "fonts-noto" in shown
    assert (tmp_path / "boxes.pdf").read_bytes().startswith(b"%PDF")


def test_missing_glyphs_leaves_out_what_draws_nothing() -> None:
    assert missing_glyphs("Thank you, Priya.") == []
    assert missing_glyphs(f"a{NO_FONT}b{NO_FONT}") == [NO_FONT]
    assert missing_glyphs("\u200d\ufe0f \u0301\t") == []  # joiner, selector, mark, space
