"""The import dialog's preview fits the dialog (issue 25): at its default size it scrolled
sideways (nine columns sized to their contents, 2,227 pixels in a 736-pixel view) and the
dialog itself was taller than an 800×600 screen. Columns now share the width, short ones
whole and long ones cut with "…" and their whole text on hover. The other dialogs taller
than such a screen (They replied, Help) are held to it too.

Each case runs in its own Qt (a virtual screen of the size asked for; QT_SCALE_FACTOR is read
once per process), at 100 % and 200 %."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bowout
from bowout.gui.widgets.fitted_columns import level_widths

PROBE = r"""
import json, sys, time
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from bowout.core.tabular import read_table
from bowout.gui.dialogs.import_dialog import ImportDialog

app = QApplication([])
head = "Company,Role,Contact,Contact email,Recruiter,Status,Applied,Notes,Language\n"
row = ("Northwind Traders International Holdings,Senior Data Analyst (Business Intelligence),"
       "Alexandra Montgomery-Featherstonehaugh,alexandra.montgomery@northwind-traders.example,"
       "Samantha Hill of Hill and Partners Recruiting,Interview,2026-11-02,"
       "Met the whole team twice; they asked for references and a take-home exercise,en\n")
dialog = ImportDialog(read_table((head + row * 5).encode()), "applications.csv")
dialog.show()
deadline = time.monotonic() + 30
while not dialog.ready and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
for _ in range(30):
    app.processEvents()
view = dialog.preview
model = view.model()


def hover(column):
    QToolTip.hideText()
    where = view.visualRect(model.index(0, column)).center()
    view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, where, view.viewport().mapToGlobal(where)))
    return QToolTip.text() if QToolTip.isVisible() else ""


bar = view.horizontalScrollBar()
print(json.dumps({
    "screen": dialog.screen().availableGeometry().getRect(),
    "frame": dialog.frameGeometry().getRect(),
    "sideways": bar.isVisible() and bar.maximum() > 0,
    "columns": sum(view.columnWidth(c) for c in range(model.columnCount())),
    "viewport": view.viewport().width(),
    "company": [view.item(0, 0).text(), hover(0)],
    "company_cut": view.fontMetrics().horizontalAdvance(view.item(0, 0).text())
    > view.columnWidth(0),
    "header_room": [
        view.columnWidth(c) >= view.horizontalHeader().sectionSizeHint(c)
        for c in range(model.columnCount())
    ],
}))
"""


#: The other dialogs asking for more height than an 800×600 screen has (560×620).
TALL_DIALOGS = r"""
import datetime as dt, json
from PySide6.QtWidgets import QApplication
from bowout.core.draft import Reply
from bowout.gui.dialogs.about import build_help_dialog
from bowout.gui.dialogs.reply_dialog import ReplyDialog

app = QApplication([])
answer = lambda kind: Reply(kind, "Re: Analyst", "Thank you.", "<p>Thank you.</p>")
reply = ReplyDialog(answer, channel="email", sent=dt.date(2026, 11, 2), today=dt.date(2026, 12, 1))
seen = {"screen": reply.screen().availableGeometry().getRect()}
for name, dialog in (("reply", reply), ("help", build_help_dialog(None))):
    dialog.show()
    for _ in range(20):
        app.processEvents()
    seen[name] = dialog.frameGeometry().getRect()
print(json.dumps(seen))
"""


def probe(tmp_path: Path, size: tuple[int, int], scale: str, script: str = PROBE) -> dict:
    """Run the dialog in a child Qt on a ``size`` screen (logical pixels) at ``scale``."""
    factor = float(scale)
    width, height = round(size[0] * factor), round(size[1] * factor)
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale)
    env["PYTHONPATH"] = str(Path(bowout.__file__).parents[1])  # the Bow Out under test
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True,
        timeout=120,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", ["1", "2"], ids=["100%", "200%"])
@pytest.mark.parametrize("size", [(1366, 768), (800, 600)], ids=["1366x768", "800x600"])
def test_the_preview_fits_the_dialog_on_the_screen(
    tmp_path: Path, size: tuple[int, int], scale: str
) -> None:
    seen = probe(tmp_path, size, scale)
    sx, sy, sw, sh = seen["screen"]
    assert [sw, sh] == list(size)
    x, y, w, h = seen["frame"]
    assert x >= sx and y >= sy and x + w <= sx + sw and y + h <= sy + sh, seen
    assert not seen["sideways"] and seen["columns"] <= seen["viewport"], seen
    assert all(seen["header_room"]), seen  # every header readable
    shown, tip = seen["company"]
    assert seen["company_cut"], seen
    assert tip == shown == "Northwind Traders International Holdings"  # cut, and said on hover


@pytest.mark.parametrize("scale", ["1", "2"], ids=["100%", "200%"])
def test_tall_dialogs_fit_an_800x600_screen(tmp_path: Path, scale: str) -> None:
    seen = probe(tmp_path, (800, 600), scale, TALL_DIALOGS)
    sx, sy, sw, sh = seen.pop("screen")
    for name, (x, y, w, h) in seen.items():
        assert x >= sx and y >= sy and x + w <= sx + sw and y + h <= sy + sh, (name, seen)


def test_level_widths_keeps_short_columns_whole_and_shares_the_rest() -> None:
    sizes = {0: (60, 400), 1: (40, 50), 2: (50, 300), 3: (90, 90)}
    assert level_widths(sizes, 1000) == {0: 400, 1: 50, 2: 300, 3: 90}
    widths = level_widths(sizes, 400)
    assert widths[1] == 50 and widths[3] == 90  # short ones whole
    assert widths[0] == widths[2] and sum(widths.values()) <= 400  # long ones share
    assert level_widths(sizes, 100) == {0: 60, 1: 40, 2: 50, 3: 90}  # never below a header
