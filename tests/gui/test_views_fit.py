"""Every list view fits the screen the window opens on (issue 25): at 800×600 and
1366×768, at 100 % and 200 %, each view's least size fits the screen's available geometry,
the window stays on it, and each view's list shows several rows.

Each case runs in its own Qt (a virtual screen of the size asked for; QT_SCALE_FACTOR is read
once per process), with a history of a dozen withdrawals, applications and follow-ups."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bowout

PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from bowout.gui.app import show_window
from bowout.gui.window.action_table import VIEWS

app = QApplication([])
window = show_window(Path(sys.argv[1]))
window.ask.confirm_discard = lambda title: True
import time
deadline = time.monotonic() + 60  # the history opens aside once the window is up
while "batch" not in window.views and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
for _ in range(30):
    app.processEvents()
LISTS = {"history": "history_view", "applications": "applications_table",
         "coming_up": "coming_up_table", "batch": "batch_list"}
views = window.views
if "batch" in views:
    views["batch"].draft_all()

def on_screen(widget):
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]

seen = {"screen": window.screen().availableGeometry().getRect(), "views": {}}
for spec in VIEWS:
    if spec.key not in LISTS:
        continue
    window.show_view(spec.key)
    for _ in range(20):
        app.processEvents()
    view = views[spec.key]
    from PySide6.QtWidgets import QWidget
    listed = view.findChild(QWidget, LISTS[spec.key])
    rows = listed.model().rowCount()
    shown = 0
    viewport = listed.viewport().rect()
    for row in range(rows):
        rect = listed.visualRect(listed.model().index(row, 0))
        if rect.isValid() and viewport.contains(rect.topLeft()) and viewport.contains(
                rect.bottomLeft()):
            shown += 1
    hint = view.minimumSizeHint()
    seen["views"][spec.key] = {
        "hint": [hint.width(), hint.height()],
        "window_hint": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "frame": window.frameGeometry().getRect(),
        "view": on_screen(view),
        "list": on_screen(listed),
        "rows": rows,
        "rows_shown": shown,
        "status_bar": on_screen(window.statusBar()),
    }
print(json.dumps(seen))
window.close()
"""


def fill(data_dir: Path) -> None:
    """A dozen sent withdrawals (with their follow-ups) and a dozen open applications."""
    from bowout.core.applications import Application
    from bowout.core.situation import Stage
    from bowout.services import records
    from bowout.storage import History, Record

    with History.open(data_dir) as history:
        for n in range(12):
            company = f"Company {n:02d}"
            record = history.add(Record(company=company, role="Analyst", stage="interviewing",
                                        subject=f"Withdrawing — {company}",
                                        body_html="<p>Thank you.</p>"))  # fmt: skip
            records.mark_sent(history, record.id)
            history.applications.add(Application(company=f"Open {n:02d}", role="Engineer",
                                                stage=Stage.SCREENING))  # fmt: skip


def probe(tmp_path: Path, size: tuple[int, int], scale: str) -> dict:
    """Run the window in a child Qt on a ``size`` screen (logical pixels) at ``scale``."""
    factor = float(scale)
    width, height = round(size[0] * factor), round(size[1] * factor)
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale)
    env["PYTHONPATH"] = str(Path(bowout.__file__).parents[1])  # the Bow Out under test
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data")],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def inside(rect: list[int], screen: list[int]) -> bool:
    """Whether ``rect`` (x, y, width, height) lies wholly within ``screen``."""
    x, y, w, h = rect
    sx, sy, sw, sh = screen
    return w > 0 and h > 0 and x >= sx and y >= sy and x + w <= sx + sw and y + h <= sy + sh


@pytest.mark.parametrize("scale", ["1", "2"], ids=["100%", "200%"])
@pytest.mark.parametrize("size", [(1366, 768), (800, 600)], ids=["1366x768", "800x600"])
def test_every_list_view_fits_the_screen(tmp_path: Path, size: tuple[int, int], scale: str) -> None:
    fill(tmp_path / "data")
    seen = probe(tmp_path, size, scale)
    screen = seen["screen"]
    assert screen[2:] == list(size)
    assert set(seen["views"]) == {"history", "applications", "coming_up", "batch"}
    for key, view in seen["views"].items():
        width, height = view["window_hint"]
        assert width <= screen[2] and height <= screen[3], (key, view)  # it can shrink to fit
        assert view["hint"][0] <= screen[2] and view["hint"][1] <= screen[3], (key, view)
        for part in ("frame", "view", "list", "status_bar"):
            assert inside(view[part], screen), (key, part, view)
        assert view["rows"] >= 4, (key, view)
        assert view["rows_shown"] >= 4, (key, view)  # a few rows, not one behind the rest
