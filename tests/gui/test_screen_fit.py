"""The window fitted to the screen it opens on (issue 25): its first size and place come from
the screen's available geometry, and a remembered one is clamped to the current screen.

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

PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QRect, QPoint
from PySide6.QtWidgets import QApplication
from bowout.gui.app import show_window

app = QApplication([])
window = show_window(Path(sys.argv[1]))
window.ask.confirm_discard = lambda title: True
for _ in range(30):
    app.processEvents()
if len(sys.argv) > 2:  # a second run: remember a geometry too big for this screen
    window.setGeometry(QRect(int(sys.argv[2]), int(sys.argv[3]), 2400, 1400))
    app.processEvents()
    window.close()
    sys.exit(0)
window.form.visa_panel.set_expanded(False)
for _ in range(10):
    app.processEvents()

def on_screen(widget):
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]

visa = window.form.visa_panel
scroll = window.draft_view.form_scroll
visa_in_view = visa.mapTo(scroll.widget(), QPoint(0, 0)).y() < scroll.viewport().height()
frame = window.frameGeometry()
print(json.dumps({
    "screen": window.screen().availableGeometry().getRect(),
    "frame": frame.getRect(),
    "status_bar": on_screen(window.statusBar()),
    "word_count": on_screen(window.word_label),
    "word_count_visible": window.word_label.isVisible(),
    "form": on_screen(scroll),
    "visa_reachable": visa_in_view or scroll.verticalScrollBar().isVisible(),
    "tone_coach": on_screen(window.tone_list),
    "tone_coach_visible": window.tone_list.isVisible(),
}))
window.close()
"""


def probe(tmp_path: Path, size: tuple[int, int], scale: str, *extra: str) -> dict:
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
        [sys.executable, "-c", PROBE, str(tmp_path / "data"), *extra],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1]) if not extra else {}


def inside(rect: list[int], screen: list[int]) -> bool:
    """Whether ``rect`` (x, y, width, height) lies wholly within ``screen``."""
    x, y, w, h = rect
    sx, sy, sw, sh = screen
    return w > 0 and h > 0 and x >= sx and y >= sy and x + w <= sx + sw and y + h <= sy + sh


@pytest.mark.parametrize("scale", ["1", "2"], ids=["100%", "200%"])
@pytest.mark.parametrize("size", [(1366, 768), (800, 600)], ids=["1366x768", "800x600"])
def test_first_window_fits_the_screen(tmp_path: Path, size: tuple[int, int], scale: str) -> None:
    seen = probe(tmp_path, size, scale)
    screen = seen["screen"]
    assert screen[2:] == list(size)
    assert inside(seen["frame"], screen), seen  # the title bar's buttons are on screen
    for part in ("status_bar", "word_count", "form", "tone_coach"):
        assert inside(seen[part], screen), (part, seen)
    assert seen["word_count_visible"] and seen["tone_coach_visible"]
    assert seen["visa_reachable"]
    # Not a postage stamp either: the window takes most of a small screen.
    assert seen["frame"][2] * seen["frame"][3] >= 0.6 * size[0] * size[1]


def test_remembered_window_is_clamped_to_a_smaller_screen(tmp_path: Path) -> None:
    probe(tmp_path, (2560, 1440), "1", "100", "20")  # last run: a big window on a big screen
    seen = probe(tmp_path, (800, 600), "1")
    assert inside(seen["frame"], seen["screen"]), seen
    assert inside(seen["status_bar"], seen["screen"]), seen
