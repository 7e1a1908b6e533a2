"""The history list's columns share its width at 800×600 and 1366×768 (issue 25): every
column in sight, none over another, each header whole, each cell whole or cut with its whole
text on hover. Before, a long status ("Resolved — stayed in the process") pushed the Date
column out of the list at 800×600 and cut the Status header.

Each case runs in its own Qt on a virtual screen of that size (as ``test_views_fit`` does)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bowout

PROBE = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from bowout.gui.app import show_window
from bowout.gui.widgets.fitted_columns import is_elided

app = QApplication([])
window = show_window(Path(sys.argv[1]))
deadline = time.monotonic() + 60  # the history opens aside once the window is up
while "history" not in window.views and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
window.show_view("history")
for _ in range(30):
    app.processEvents()
view = window.views["history"].view
header, model = view.horizontalHeader(), view.model()


def hover(row, column):
    QToolTip.hideText()
    where = view.visualRect(model.index(row, column)).center()
    view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, where, view.viewport().mapToGlobal(where)))
    return QToolTip.text() if QToolTip.isVisible() else ""


columns = []
for column in range(model.columnCount()):
    if view.isColumnHidden(column):
        continue
    columns.append({
        "title": model.headerData(column, Qt.Orientation.Horizontal),
        "at": header.sectionViewportPosition(column),
        "width": header.sectionSize(column),
        "header_needs": header.sectionSizeHint(column),
        "cells": [[model.index(row, column).data(), is_elided(view, row, column),
                   hover(row, column)] for row in range(model.rowCount())],
    })
print(json.dumps({"viewport": view.viewport().width(), "columns": columns}))
window.close()
"""

#: Companies short and long, one status as long as any the list shows.
COMPANIES = ("Contoso", "Wayne Enterprises International", "Margie's Travel", "Fabrikam",
             "Northwind Traders")  # fmt: skip


def fill(data_dir: Path) -> None:
    """Drafts, sent withdrawals and one conversation that resolved the deal-breaker."""
    from bowout.services import records
    from bowout.storage import History, Record

    talk = {"kind": "negotiate", "deal_breaker": "salary", "decide_by": None,
            "negotiated": False, "outcome": None}  # fmt: skip
    with History.open(data_dir) as history:
        for n, company in enumerate(COMPANIES):
            extra = {"negotiation": talk} if n == 2 else {}
            record = history.add(Record(company=company, role="Analyst", stage="interviewing",
                                        subject="Withdrawing", body_html="<p>Thanks.</p>",
                                        **extra))  # fmt: skip
            if n == 2:
                records.mark_resolved(history, record.id)
            elif n % 2:
                records.mark_sent(history, record.id)


def probe(tmp_path: Path, size: tuple[int, int]) -> dict:
    """The history list's columns in a child Qt on a ``size`` screen."""
    screen = {"name": "probe", "x": 0, "y": 0, "width": size[0], "height": size[1],
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR="1")
    env["PYTHONPATH"] = str(Path(bowout.__file__).parents[1])  # the Bow Out under test
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data")],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("size", [(800, 600), (1366, 768)], ids=["800x600", "1366x768"])
def test_every_history_column_is_readable(tmp_path: Path, size: tuple[int, int]) -> None:
    fill(tmp_path / "data")
    seen = probe(tmp_path, size)
    columns = seen["columns"]
    assert [c["title"] for c in columns] == ["Company", "Status", "Date"]
    edge = 0
    for column in columns:
        assert column["at"] >= edge, (column["title"], seen)  # none over the one before
        edge = column["at"] + column["width"]
        assert edge <= seen["viewport"], (column["title"], seen)  # in sight, not scrolled off
        assert column["width"] >= column["header_needs"], (column["title"], seen)
        assert len(column["cells"]) == len(COMPANIES)
        for text, cut, tip in column["cells"]:
            assert text, column
            if cut:  # cut short: the hover shows it whole
                assert text in tip, (column["title"], text, tip)
    dates = next(c for c in columns if c["title"] == "Date")
    assert not any(cut for _text, cut, _tip in dates["cells"])  # the day is never cut
    assert all(tip.startswith("Created ") for _text, _cut, tip in dates["cells"])
