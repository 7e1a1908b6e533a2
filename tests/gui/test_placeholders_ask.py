"""Issue 20: nothing goes out half-filled. Sending, copying, .eml, PDF and the mail app ask
first while "[placeholders]" remain; "Fill them in" goes back to the first one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_batch_view import open_batch

from bowout.gui.dialogs.placeholder_check import PlaceholderDialog, unfilled
from bowout.gui.window.shell import MainWindow
from bowout.storage import History

#: The real classmethod, before the autouse fixture answers it for every test.
REAL_ASK = PlaceholderDialog.ask


class _Answer:
    """A stand-in for the question: records what was asked, answers ``go_on``."""

    def __init__(self, go_on: bool) -> None:
        self.go_on = go_on
        self.asked: list[tuple[list[str], str]] = []

    def __call__(self, names: list[str], action: str) -> bool:
        self.asked.append((list(names), action))
        return self.go_on


class _MailCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def _answer(window: MainWindow, go_on: bool) -> _Answer:
    answer = _Answer(go_on)
    window.ask.confirm_placeholders = answer  # type: ignore[method-assign]
    return answer


def test_mark_as_sent_asks_and_fill_them_in_selects_the_first(
    window: MainWindow, data_dir: Path
) -> None:
    answer = _answer(window, go_on=False)
    first = unfilled(window.subject_edit.text(), window.editor.message_text())[0]
    window.actions_.mark_sent.trigger()
    names, action = answer.asked[0]
    assert "[Your name]" in names and action == "mark it as sent"
    assert window.session.record is None  # nothing saved, nothing marked
    selected = window.subject_edit.selectedText() or window.editor.textCursor().selectedText()
    assert selected == first
    answer.go_on = True  # "Send anyway"
    window.actions_.mark_sent.trigger()
    assert window.session.record is not None and window.session.record.status == "sent"
    with History.open(data_dir) as history:
        assert history.get(window.session.record.id).status == "sent"


def test_a_filled_message_is_not_asked_about(window: MainWindow) -> None:
    answer = _answer(window, go_on=False)
    window.subject_edit.setText("Withdrawing my application")
    window.editor.replace_text("Dear Priya,\n\nI withdraw my application.\n\nKind regards,\nSam")
    window.actions_.mark_sent.trigger()
    assert answer.asked == [] and window.session.record is not None


def test_copy_asks_first(window: MainWindow) -> None:
    answer = _answer(window, go_on=False)
    QApplication.clipboard().setText("before")
    window.actions_.copy.trigger()
    assert answer.asked and answer.asked[0][1] == "copy it"
    assert QApplication.clipboard().text() == "before"
    answer.go_on = True
    window.actions_.copy.trigger()
    try:
        assert "[Your name]" in QApplication.clipboard().text()
    finally:
        QApplication.clipboard().clear()


@pytest.mark.parametrize("extension", [".eml", ".pdf"])
def test_eml_and_pdf_ask_first(window: MainWindow, tmp_path: Path, extension: str) -> None:
    answer = _answer(window, go_on=False)
    target = tmp_path / f"out{extension}"
    asked_where: list[str] = []

    def where(title: str, suggested: str, flt: str) -> Path:
        asked_where.append(title)
        return target

    window.ask.ask_save_path = where  # type: ignore[method-assign]
    assert window.sending.export_as(extension) is None
    assert answer.asked and asked_where == [] and not target.exists()
    answer.go_on = True
    assert window.sending.export_as(extension) == target and target.exists()


def test_mailto_asks_first(window: MainWindow) -> None:
    answer = _answer(window, go_on=False)
    catcher = _MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    try:
        window.actions_.mail.trigger()
        assert answer.asked and catcher.urls == []
        answer.go_on = True
        window.actions_.mail.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    assert len(catcher.urls) == 1


def test_tell_the_others_asks_before_marking_sent(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []

    def fill_them_in(cls: type, parent: object, names: list[str], action: str) -> bool:
        asked.append(list(names))
        return False

    monkeypatch.setattr(PlaceholderDialog, "ask", classmethod(fill_them_in))
    win, view, _ids = open_batch(qtbot, data_dir)
    view.draft_button.click()
    row = next(i for i, item in enumerate(view.items) if "[" in item.body)
    view.item_list.setCurrentRow(row)
    view.sent_button.click()
    assert asked and not view.items[row].record_id
    assert view.body_edit.textCursor().selectedText() == asked[0][0] or (
        view.subject_edit.selectedText() == asked[0][0])  # fmt: skip
    with History.open(data_dir) as history:
        assert [r for r in history.list() if r.status == "sent"] == []
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    win.close()


def test_the_dialog_names_them_and_defaults_to_filling_in(qtbot: QtBot) -> None:
    dialog = PlaceholderDialog(["[Your name]", "[Company]"], "export it")
    qtbot.addWidget(dialog)
    assert "[Your name], [Company]" in dialog.text() and "export it" in dialog.text()
    assert dialog.defaultButton() is dialog.fill_button
    assert dialog.escapeButton() is dialog.fill_button

    def press(name: str) -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, PlaceholderDialog)
        getattr(shown, name).click()

    QTimer.singleShot(0, lambda: press("anyway_button"))
    assert REAL_ASK(None, ["[Your name]"], "send it") is True
    QTimer.singleShot(0, lambda: press("fill_button"))
    assert REAL_ASK(None, ["[Your name]"], "send it") is False
