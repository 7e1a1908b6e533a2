"""Saving, history, copy, mail, export and settings, driven through the window's actions."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from gui_helpers import email_text, pick, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from bowout.core.situation import Profile, Stage
from bowout.gui.dialogs.settings_dialog import SettingsDialog
from bowout.gui.window.shell import MainWindow
from bowout.settings import Settings, load_settings


def fill(qtbot: QtBot, window: MainWindow, company: str = "Northwind") -> None:
    pick(window.stage_combo, Stage.INTERVIEWING.value)
    type_into(qtbot, window.form.contact_edit, "Priya Raman")
    type_into(qtbot, window.form.role_edit, "Data Analyst")
    type_into(qtbot, window.form.company_edit, company)


def test_save_find_in_history_and_reopen(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window, "Contoso")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " Kind regards to the team.")
    window.actions_.save.trigger()
    assert not window.drafting.dirty
    assert window.session.record is not None and window.session.record.id
    fill(qtbot, window, "")  # a second, different draft
    window.actions_.new.trigger()
    assert window.form.company_edit.text() == ""
    window.actions_.find.trigger()
    search = window.findChild(QLineEdit, "history_search")
    view = window.findChild(QTableView, "history_view")
    qtbot.keyClicks(search, "contoso")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=3000)
    view.selectRow(0)
    with qtbot.waitSignal(window.history_view.open_requested, timeout=3000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.form.company_edit.text() == "Contoso"
    assert "Kind regards to the team." in email_text(window)
    assert not window.drafting.dirty


def test_mark_as_sent_stamps_the_record(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    window.actions_.mark_sent.trigger()
    assert window.session.record is not None
    assert window.session.record.status == "sent"
    assert window.session.record.sent
    assert window.context.history is not None
    assert window.context.history.get(window.session.record.id).status == "sent"


def test_duplicate_starts_an_unsaved_copy(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    window.actions_.save.trigger()
    original = window.session.record
    window.session.duplicate_record(original)
    assert window.session.record is None
    assert window.drafting.dirty
    assert window.form.company_edit.text() == "Northwind"


def test_copy_puts_html_and_text_on_the_clipboard(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    window.actions_.copy.trigger()
    mime = QApplication.clipboard().mimeData()
    try:
        assert mime.hasHtml() and mime.hasText()
        assert "Dear Priya," in mime.text()
        assert "<p" in mime.html()
    finally:
        QApplication.clipboard().clear()  # offscreen Qt crashes at exit holding our data


def test_mailto_carries_subject_and_body(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    urls: list[str] = []
    window.ask.launch_mail_link = lambda url: urls.append(url) or True  # type: ignore[method-assign]
    window.actions_.mail.trigger()
    assert len(urls) == 1
    query = parse_qs(urlsplit(urls[0]).query)
    assert query["subject"] == [window.subject_edit.text()]
    assert "Dear Priya," in query["body"][0]
    assert query["body"][0].replace("\r\n", "\n") == window.editor.message_text()


def test_export_eml_parses_back(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    fill(qtbot, window)
    target = tmp_path / "out.eml"
    window.ask.ask_save_path = lambda title, suggested, flt: target  # type: ignore[method-assign]
    assert window.sending.export_as(".eml") == target
    message = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
    assert message["Subject"] == window.subject_edit.text()
    plain = message.get_body(("plain",))
    rich = message.get_body(("html",))
    assert plain is not None and rich is not None
    assert "Dear Priya," in plain.get_content()
    assert "Dear Priya," in rich.get_content()


@pytest.mark.parametrize("extension", [".txt", ".html", ".pdf"])
def test_other_exports(qtbot: QtBot, window: MainWindow, tmp_path: Path, extension: str) -> None:
    fill(qtbot, window)
    target = tmp_path / "letter"  # no extension: the window adds it
    window.ask.ask_save_path = lambda title, suggested, flt: target  # type: ignore[method-assign]
    written = window.sending.export_as(extension)
    assert written == tmp_path / f"letter{extension}"
    data = written.read_bytes()
    if extension == ".pdf":
        assert data.startswith(b"%PDF")
    else:
        assert "Dear Priya," in data.decode("utf-8")


def test_cancelled_export_writes_nothing(window: MainWindow, tmp_path: Path) -> None:
    window.ask.ask_save_path = lambda title, suggested, flt: None  # type: ignore[method-assign]
    assert window.sending.export_as(".txt") is None
    assert list(tmp_path.glob("*.txt")) == []


def test_export_failure_is_shown(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "x.txt"
    window.ask.ask_save_path = lambda title, suggested, flt: target  # type: ignore[method-assign]
    assert window.sending.export_as(".txt") is None
    assert "Could not export" in window.message_bar.text()  # in the window, as an error
    assert window.message_bar.error


def test_settings_round_trip(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = Settings(profile=Profile(name="Sam Lee", email="sam@example.org"), theme="dark")

    def fake_ask(
        parent: object, settings: Settings, data_dir: Path
    ) -> tuple[Settings, Path] | None:
        assert settings == window.context.settings
        return chosen, data_dir

    monkeypatch.setattr(SettingsDialog, "ask", staticmethod(fake_ask))
    window.actions_.settings.trigger()
    assert load_settings(window.context.data_dir) == chosen
    assert "Sam Lee" in email_text(window)
    QApplication.instance().setPalette(QApplication.style().standardPalette())  # type: ignore[union-attr]


def test_new_asks_before_dropping_edits(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    asked: list[str] = []
    window.ask.confirm_discard = lambda title: asked.append(title) or False  # type: ignore[method-assign]
    window.actions_.new.trigger()
    assert asked == ["New withdrawal"]
    assert window.form.company_edit.text() == "Northwind"
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    window.actions_.new.trigger()
    assert window.form.company_edit.text() == ""
    assert not window.drafting.dirty


def test_close_asks_before_dropping_edits(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    fill(qtbot, window)
    window.ask.confirm_discard = lambda title: False  # type: ignore[method-assign]
    assert not window.close()
    assert window.isVisible()
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    assert window.close()


def test_history_view_lists_nothing_until_first_shown(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    window.actions_.save.trigger()
    view = window.findChild(QTableView, "history_view")
    window.history_view.refresh()
    assert view.model().rowCount() == 0  # start-up stays fast: no listing yet
    window.actions_.view_history.trigger()
    assert view.model().rowCount() == 1


def test_private_notes_are_saved_reopened_and_cleared(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window, "Fabrikam")
    window.tabs.setCurrentWidget(window.notes_edit)
    window.actions_.save.trigger()
    assert not window.drafting.dirty
    qtbot.keyClicks(window.notes_edit, "Spoke to Priya on Tuesday; she took it well.")
    assert window.drafting.dirty  # a note is an unsaved change like any other
    window.actions_.save.trigger()
    assert window.session.record is not None
    assert window.context.history is not None
    kept = window.context.history.get(window.session.record.id)
    assert kept.notes == "Spoke to Priya on Tuesday; she took it well."
    assert "Priya on Tuesday" not in window.editor.message_text()  # never in the message
    window.actions_.new.trigger()
    assert window.notes_edit.toPlainText() == ""
    assert not window.drafting.dirty
    window.session.open_record(kept)
    assert window.notes_edit.toPlainText() == kept.notes
    assert not window.drafting.dirty
    # A regeneration rewrites the message, never the notes.
    pick(window.stage_combo, Stage.OFFER.value)
    assert window.notes_edit.toPlainText() == kept.notes


def test_window_title_names_the_withdrawal_and_marks_changes(
    qtbot: QtBot, window: MainWindow, qtlog: Any
) -> None:
    window.show()  # Qt checks the title for "[*]" only on a created (shown) window
    qtbot.waitExposed(window)
    assert window.windowTitle() == "New withdrawal[*]"
    assert not window.isWindowModified()
    fill(qtbot, window, "Tailspin")
    assert window.isWindowModified()
    window.actions_.save.trigger()
    assert window.windowTitle() == "Withdrawal to Tailspin[*]"
    assert not window.isWindowModified()
    window.actions_.new.trigger()
    assert window.windowTitle() == "New withdrawal[*]"
    assert not window.isWindowModified()
    assert not [r.message for r in qtlog.records if "[*]" in r.message]


def test_a_save_over_another_windows_change_keeps_both(qtbot: QtBot, window: MainWindow) -> None:
    from bowout.storage import History

    fill(qtbot, window, "Contoso")
    window.actions_.save.trigger()
    assert window.session.record is not None and window.context.history is not None
    first_id = window.session.record.id
    with History.open(window.context.history.data_dir) as other_window:
        changed = other_window.get(first_id)
        changed.notes = "Written in the other window."
        other_window.update(changed)
    qtbot.keyClicks(window.notes_edit, "Written here.")
    shown: list[str] = []
    window.banner.show_message = shown.append  # type: ignore[method-assign]
    window.actions_.save.trigger()
    assert len(shown) == 1 and "changed elsewhere" in shown[0]
    history = window.context.history
    assert history.get(first_id).notes == "Written in the other window."
    assert window.session.record.id != first_id
    assert history.get(window.session.record.id).notes == "Written here."
    assert not window.drafting.dirty
