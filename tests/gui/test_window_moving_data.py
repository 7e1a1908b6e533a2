"""Export all data and Import data in the window (issue 23): the applications, follow-up
ticks and column mappings come along with the withdrawals."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from bowout.core.applications import Application
from bowout.gui import app as gui_app
from bowout.storage import History, ImportMapping
from conftest import close_quietly


def test_export_all_and_import_in_another_window(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    old = tmp_path / "old"
    with History.open(old) as history:
        history.applications.add(Application(company="Contoso", role="Analyst"))
        history.applications.remember_mapping(ImportMapping(("Employer",), {"Employer": "company"}))
    first = gui_app.show_window(old)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.ready, timeout=20000):
        pass
    target = tmp_path / "bowout-data.json"
    first.ask.ask_save_path = lambda title, suggested, flt: target  # type: ignore[method-assign]
    first.actions_.export_all.trigger()
    assert target.is_file() and "Exported all your data" in first.statusBar().currentMessage()
    close_quietly(first)

    second = gui_app.show_window(data_dir)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.ready, timeout=20000):
        pass
    second.ask.ask_open_path = lambda title, flt: target  # type: ignore[method-assign]
    second.show_view("applications")
    second.actions_.import_all.trigger()
    assert "1 application," in second.banner.label.text()
    assert "1 column mapping." in second.banner.label.text()
    view = second.views["applications"]
    assert view.model.rowCount() == 1
    assert second.context.history is not None
    assert second.context.history.applications.mapping(["Employer"]) is not None
    close_quietly(second)
