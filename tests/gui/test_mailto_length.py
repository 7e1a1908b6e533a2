"""A message too long for a mail link still reaches the mail app (issue 11, case 5)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from PySide6.QtWidgets import QApplication

from bowout.core.exports import MAILTO_MAX_CHARS, mailto_fits, mailto_url
from bowout.gui.window.shell import MainWindow

CYRILLIC = "Спасибо за предложение, но я решил отказаться. " * 9  # ~430 characters


def open_mail(window: MainWindow) -> list[str]:
    urls: list[str] = []
    window.ask.launch_mail_link = lambda url: urls.append(url) or True  # type: ignore[method-assign]
    window.sending.open_in_mail()
    return urls


def test_the_limit_is_what_common_mail_apps_accept() -> None:
    url = mailto_url("Отказ", CYRILLIC)
    assert len(url) > 2000  # each Cyrillic letter is six characters once encoded
    assert MAILTO_MAX_CHARS <= 2000 and not mailto_fits(url)
    assert "body=" not in mailto_url("Отказ", "")


def test_long_message_opens_with_subject_and_puts_body_on_clipboard(window: MainWindow) -> None:
    window.editor.replace_text(CYRILLIC)
    window.subject_edit.setText("Отказ от предложения")
    urls = open_mail(window)
    try:
        assert len(urls) == 1 and len(urls[0]) <= MAILTO_MAX_CHARS
        query = parse_qs(urlsplit(urls[0]).query)
        assert query == {"subject": ["Отказ от предложения"]}
        mime = QApplication.clipboard().mimeData()
        assert mime.text() == window.editor.message_text()
        assert mime.hasHtml() and "Спасибо" in mime.html()
    finally:
        QApplication.clipboard().clear()  # offscreen Qt crashes at exit holding our data
    assert "clipboard" in window.statusBar().currentMessage()


def test_short_message_goes_whole(window: MainWindow) -> None:
    window.editor.replace_text("Thank you; I withdraw.")
    urls = open_mail(window)
    body = parse_qs(urlsplit(urls[0]).query)["body"][0]
    assert body == "Thank you; I withdraw."
    assert window.statusBar().currentMessage() == "Opened in your mail app."
