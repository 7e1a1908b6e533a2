"""A large history loads off the UI thread: the window drafts and responds meanwhile."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QProgressBar
from pytestqt.qtbot import QtBot

from bowout.core import Composer, Profile, Situation, Stage
from bowout.gui import app as gui_app
from bowout.storage import History, Record
from conftest import close_quietly


def test_the_window_works_while_the_history_loads(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = Composer().compose(Situation(stage=Stage.FINAL, company="Northwind"), Profile())
    with History.open(data_dir) as history:
        history.add(Record.from_draft(draft))
    release = threading.Event()
    loading_thread: list[str] = []
    real_open = History.open.__func__  # type: ignore[attr-defined]

    def slow_open(cls: type[History], *args: object, **kwargs: object) -> History:
        loading_thread.append(threading.current_thread().name)
        release.wait(10)  # a 472 MB file takes this long to parse
        return real_open(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(History, "open", classmethod(slow_open))
    window = gui_app.show_window(data_dir)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    assert window.editor.toPlainText().strip()  # the first frame held the draft
    # The history is read once the composer is warm (after the paint): wait for it to start.
    qtbot.waitUntil(
        lambda: window.statusBar().findChild(QProgressBar, "history_progress") is not None,
        timeout=10000,
    )
    # The UI thread is free: the draft is there, events run, the progress shows.
    assert window.context.history is None
    bar = window.statusBar().findChild(QProgressBar, "history_progress")
    assert bar is not None and bar.isVisible()
    assert "Loading your history" in window.statusBar().currentMessage()
    assert not window.actions_.save.isEnabled()  # nothing to save into yet
    qtbot.keyClicks(window.form.company_edit, "Contoso")  # typing is handled at once
    QApplication.processEvents()
    assert window.form.company_edit.text() == "Contoso"
    with qtbot.waitSignal(window.ready, timeout=10000):
        release.set()
    assert loading_thread == ["history-loader"]
    assert window.context.history is not None and "history" in window.views
    assert window.actions_.save.isEnabled()
    assert (
        window.statusBar().findChild(QProgressBar, "history_progress") is None
        or not bar.isVisible()
    )
    assert [r.company for r in window.context.history.list()] == ["Northwind"]
    close_quietly(window)
