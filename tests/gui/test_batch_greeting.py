"""Tell the others: an application without a contact greets the company's hiring team."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from bowout.core.applications import Application
from bowout.core.situation import Stage
from bowout.gui import build_window
from bowout.gui.views.batch import BatchView
from bowout.storage import History
from conftest import close_quietly


def test_nobody_named_is_greeted_as_the_hiring_team(qtbot: QtBot, data_dir: Path) -> None:
    with History.open(data_dir) as history:
        history.applications.add(Application(company="Northwind", role="Data Analyst"))
        muller = Application(company="Litware", role="PM", contact="Herr Dr. Müller",
                             stage=Stage.SCREENING)  # fmt: skip
        history.applications.add(muller)
    win = build_window(data_dir)
    qtbot.addWidget(win)
    view = win.views["batch"]
    assert isinstance(view, BatchView)
    win.show_view("batch")
    view.reason_combo.setCurrentIndex(view.reason_combo.findText("I am pausing my search"))
    view.draft_all()
    shown = {}
    for row in range(view.item_list.count()):
        view.item_list.setCurrentRow(row)
        company = view.current().stored.application.company  # type: ignore[union-attr]
        shown[company] = view.body_edit.toPlainText().split("\n", 1)[0]
    assert shown == {"Northwind": "Dear Northwind hiring team,", "Litware": "Dear Dr Müller,"}
    close_quietly(win)
