"""The window at 100 %, 150 % and 200 % (issue 13): a screen of 1366×768 logical pixels,
the window at 800×600 and 1366×768 in it; each run in its own Qt (QT_SCALE_FACTOR is read
once per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QToolButton
from bowout.gui import build_window

app = QApplication([])
width, height = int(sys.argv[2]), int(sys.argv[3])
window = build_window(Path(sys.argv[1]))
window.ask.confirm_discard = lambda title: True
window.resize(width, height)
window.show()
for _ in range(20):
    app.processEvents()
bar = window.main_toolbar
hidden = [a.iconText() for a in bar.actions()
          if not a.isSeparator() and not bar.widgetForAction(a).isVisible()]
overflow = bar.findChild(QToolButton, "qt_toolbar_ext_button")
icon = window.actions_.save.icon().pixmap(QSize(20, 20), window.devicePixelRatio())
print(json.dumps({
    "size": [window.width(), window.height()],
    "dpr": window.devicePixelRatio(),
    "hidden": hidden,
    "overflow": bool(overflow and overflow.isVisible()),
    "editor": [window.editor.width(), window.editor.height()],
    "icon_px": icon.width(),
    "form_scrolls_sideways": window.draft_view.form_scroll.horizontalScrollBar().isVisible(),
}))
window.close()
"""


@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
@pytest.mark.parametrize("size", [(800, 600), (1366, 768)], ids=["800x600", "1366x768"])
def test_window_fits_at_each_scale(tmp_path: Path, scale: str, size: tuple[int, int]) -> None:
    factor = float(scale)
    screens = {
        "screens": [
            {
                "name": "probe",
                "x": 0,
                "y": 0,
                "width": round(1366 * factor),
                "height": round(768 * factor),
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        ]
    }
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale)
    env["BOWOUT_DATA_DIR"] = str(tmp_path / "data")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data"), *map(str, size)],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    )  # fmt: skip
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["dpr"] == factor
    assert seen["size"] == list(size)  # the window fits; nothing forces it wider
    assert seen["hidden"] == [] and not seen["overflow"]
    assert seen["icon_px"] == round(20 * factor)  # drawn for the screen, not scaled up
    # The form gives way (it scrolls) before the message: the editor keeps a page's room.
    assert seen["editor"][0] >= (250 if size[0] == 800 else 500)
    assert seen["editor"][1] >= 250
    assert not seen["form_scrolls_sideways"]
