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
from bowout.gui.exporting import export_message, missing_glyphs
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


# -- emoji, and what Qt's PDF writer gives back when text is copied out of the page --------
EMOJI = "Thank you 🙏 and good luck 🎉✅"


def fonts_of(path: Path) -> set[str]:
    page = read(path).pages[0]
    fonts = page["/Resources"]["/Font"]  # type: ignore[index]
    return {str(fonts[name].get_object()["/BaseFont"]) for name in fonts}  # type: ignore[index]


def test_emoji_print_with_the_shipped_emoji_font_not_as_boxes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """This machine has DejaVu only (no emoji): the shipped Noto Emoji draws them."""
    window.editor.replace_text(EMOJI)
    target = tmp_path / "emoji.pdf"
    window.ask.ask_save_path = lambda *args: target  # type: ignore[method-assign]
    assert window.sending.export_as(".pdf") == target
    assert "empty boxes" not in window.banner.label.text()
    assert window.statusBar().currentMessage() == "Exported emoji.pdf."
    assert any("NotoEmoji" in name for name in fonts_of(target))  # embedded, so it prints
    assert missing_glyphs(EMOJI) == []


def test_the_emoji_font_ships_with_its_licence() -> None:
    from bowout.gui.exporting import EMOJI_FONT
    from bowout.paths import resources_dir

    font = resources_dir() / EMOJI_FONT
    licence = (font.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Google LLC" in licence
    assert font.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType font, outlines
    assert font.stat().st_size < 1_000_000


def test_latin_words_copy_out_of_the_pdf_exactly(tmp_path: Path) -> None:
    target = tmp_path / "office.pdf"
    text = "The office staff were efficient and fluent."
    export_message(target, "Offer", text, f"<p>{text}</p>", profile=Profile())
    copied = " ".join(read(target).pages[0].extract_text().split())
    assert text in copied  # no "oﬃce": the optional ligatures are off in the PDF


def test_qt_maps_each_glyph_back_to_one_character_of_the_font(tmp_path: Path) -> None:
    """Why copying Hindi out of a PDF loses conjuncts, shown with a glyph every machine has:
    with ligatures on, Qt's writer draws "ffi" as one glyph and its ToUnicode table gives
    that glyph the one character the font maps to it (U+FB03). A Devanagari conjunct
    (क्ष) is one glyph for three characters with no character of its own, so it copies out
    as nothing. That is Qt's PDF writer, not Bow Out: the exact text is attached instead
    (test_the_exact_text_travels_with_the_pdf)."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QFont, QPdfWriter, QTextDocument

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans"))  # ligatures on, as Qt draws by default
    doc.setPlainText("office")
    doc.print_(writer)
    del writer
    copied = pypdf.PdfReader(io.BytesIO(bytes(buffer.data().data()))).pages[0].extract_text()
    assert copied.split()[0] == "o\ufb03ce"  # three characters drawn as one come back as one
