"""Save dialogs start in the user's Documents folder, then in the folder used last."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from bowout.core import Composer, Profile, Situation, Stage
from bowout.gui import build_window
from bowout.gui.dialogs.file_dialogs import documents_folder
from bowout.gui.views.coming_up import ComingUpView
from bowout.gui.window.shell import MainWindow
from bowout.storage import History, Record
from conftest import close_quietly


class DialogStub:
    """Stands in for the native save dialog: notes where it opened, answers ``answer``."""

    def __init__(self) -> None:
        self.opened_at: list[Path] = []
        self.answer = ""

    def __call__(self, parent: object, title: str, start: str, file_filter: str) -> tuple:
        self.opened_at.append(Path(start))
        return self.answer, file_filter


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with a Documents folder, as a desktop session has."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    found = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    if home in found.parents:
        found.mkdir(parents=True)
    return found if found.is_dir() else Path.home()


@pytest.fixture
def dialog(monkeypatch: pytest.MonkeyPatch) -> DialogStub:
    stub = DialogStub()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", stub)
    return stub


def test_documents_then_the_last_folder_for_message_exports(
    qtbot: QtBot, window: MainWindow, documents: Path, dialog: DialogStub, tmp_path: Path
) -> None:
    assert documents_folder() == documents
    qtbot.keyClicks(window.form.company_edit, "Northwind")
    elsewhere = tmp_path / "applications"
    elsewhere.mkdir()
    dialog.answer = str(elsewhere / "northwind.eml")
    assert window.sending.export_as(".eml") == elsewhere / "northwind.eml"
    assert dialog.opened_at[0] == documents / "withdrawal-Northwind.eml"
    dialog.answer = str(elsewhere / "northwind.pdf")
    assert window.sending.export_as(".pdf") == elsewhere / "northwind.pdf"
    assert dialog.opened_at[1] == elsewhere / "withdrawal-Northwind.pdf"  # remembered
    dialog.answer = ""  # cancelled: nothing written, the folder stays
    assert window.sending.export_as(".txt") is None
    assert dialog.opened_at[2].parent == elsewhere
    elsewhere.rename(tmp_path / "moved")  # a folder gone since: back to Documents
    assert window.sending.export_as(".html") is None
    assert dialog.opened_at[3] == documents / "withdrawal-Northwind.html"


def test_the_calendar_export_starts_in_documents_not_the_working_directory(
    qtbot: QtBot, data_dir: Path, documents: Path, dialog: DialogStub
) -> None:
    with History.open(data_dir) as history:
        draft = Composer().compose(Situation(stage=Stage.FINAL, company="Contoso"), Profile())
        record = history.add(Record.from_draft(draft))
        history.lifecycle.mark_sent(
            record.id, dt.datetime(2026, 11, 27, 10, tzinfo=dt.timezone.utc)
        )
    win = build_window(data_dir)
    qtbot.addWidget(win)
    view = win.views["coming_up"]
    assert isinstance(view, ComingUpView)
    view.refresh()
    dialog.answer = str(documents / "follow-ups.ics")
    assert view.export(selected=False) == documents / "follow-ups.ics"
    assert dialog.opened_at == [documents / "bowout-follow-ups.ics"]
    assert (documents / "follow-ups.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    close_quietly(win)
