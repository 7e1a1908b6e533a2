"""When no mail app answers a mailto: link the window says so, and offers the .eml."""

from __future__ import annotations

import email
import email.policy
import sys
from pathlib import Path

import pytest
from gui_helpers import email_text
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from bowout.gui import mail_link
from bowout.gui.mail_link import NO_MAIL_APP
from bowout.gui.window.shell import MainWindow


def fill(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.form.company_edit, "Northwind")
    qtbot.keyClicks(window.form.contact_email_edit, "priya@northwind.example")


@pytest.mark.parametrize("save", [True, False])
def test_no_mail_app_is_said_plainly_and_the_eml_offered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, save: bool
) -> None:
    fill(qtbot, window)
    asked: list[str] = []
    target = tmp_path / "withdrawal.eml"
    window.ask.launch_mail_link = lambda url: asked.append(url) or False  # type: ignore[method-assign]
    window.ask.ask_save_eml = lambda: save  # type: ignore[method-assign]
    window.ask.ask_save_path = lambda *args: target  # type: ignore[method-assign]
    window.actions_.mail.trigger()
    assert len(asked) == 1 and asked[0].startswith("mailto:priya@northwind.example?")
    assert NO_MAIL_APP in window.banner.label.text() and "Opened" not in window.banner.label.text()
    assert target.exists() is save
    if save:
        draft = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
        assert draft["X-Unsent"] == "1" and draft["To"] == "priya@northwind.example"
        assert window.statusBar().currentMessage() == "Exported withdrawal.eml."


def test_a_mail_app_that_answers_opens_the_message(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    window.ask.launch_mail_link = lambda url: True  # type: ignore[method-assign]
    window.ask.ask_save_eml = lambda: pytest.fail("no offer when the mail app answered")  # type: ignore[method-assign]
    window.actions_.mail.trigger()
    assert window.statusBar().currentMessage() == "Opened in your mail app."
    assert email_text(window)  # the draft is still there


def test_xdg_open_exit_status_is_the_answer() -> None:
    exit_with = [sys.executable, "-c", "import sys; sys.exit(int(sys.argv[1]))"]
    assert mail_link.run_opener([*exit_with, "0"]) is True
    assert mail_link.run_opener([*exit_with, "3"]) is False  # no application to open it
    assert mail_link.run_opener([*exit_with, "4"]) is False  # the application failed
    still = [sys.executable, "-c", "import time; time.sleep(5)"]
    assert mail_link.run_opener(still, wait=0.2) is True  # the mail app runs in its place
    assert mail_link.run_opener([str(Path(sys.executable).parent / "no-such-opener")]) is False


def test_linux_asks_xdg_open_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(mail_link.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(mail_link, "run_opener", lambda command: ran.append(command) or False)
    assert mail_link.open_mail_link("mailto:a@b.example?subject=x") is False
    assert ran == [["/usr/bin/xdg-open", "mailto:a@b.example?subject=x"]]


@pytest.mark.parametrize("press_save", [True, False])
def test_the_offer_asks_with_save_as_the_default(window: MainWindow, press_save: bool) -> None:
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "no_mail_app_box"
        seen.append(box.text() + " " + box.informativeText())
        default = box.defaultButton()
        if press_save:
            default.click()
        else:
            box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    assert window.ask.ask_save_eml() is press_save
    assert "No mail app opened the message" in seen[0] and "Apple Mail" in seen[0]
