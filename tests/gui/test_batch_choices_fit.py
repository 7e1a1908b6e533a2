"""Tell the others' choices at 800×600 and 1366×768, at 100 % and 200 % (issue 25): each
choice of Why, Accepted and Voice shows whole in its box, or ends in "…" with the whole
text in the box's tooltip. Before, "I accepted an offer — tell the others" was cut
mid-letter at the arrow ("tell the oth") at 800×600, at either scale.

Each case runs in its own Qt on a virtual screen (as ``test_views_fit`` does)."""

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
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox, QToolTip
from bowout.gui.app import show_window

app = QApplication([])
window = show_window(Path(sys.argv[1]))
window.ask.confirm_discard = lambda title: True
deadline = time.monotonic() + 60  # the views open aside once the window is up
while "batch" not in window.views and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
window.show_view("batch")
for _ in range(30):
    app.processEvents()


def room(combo):
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()


def hover(combo):
    QToolTip.hideText()
    where = QPoint(combo.width() // 3, combo.height() // 2)
    QApplication.sendEvent(combo, QHelpEvent(QEvent.Type.ToolTip, where, combo.mapToGlobal(where)))
    return QToolTip.text() if QToolTip.isVisible() else ""


seen = {"window": window.frameGeometry().getRect(), "combos": {}}
for name in ("batch_reason_combo", "accepted_combo", "batch_voice_combo"):
    combo = window.views["batch"].findChild(QComboBox, name)
    choices = []
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        app.processEvents()
        full = combo.currentText()
        # What the box draws (a plain QComboBox draws its whole text, cut at the arrow).
        shown = combo.shown_text() if hasattr(combo, "shown_text") else full
        choices.append({"full": full, "shown": shown, "tip": hover(combo),
                        "room": room(combo), "needs": combo.fontMetrics().horizontalAdvance(full),
                        "shown_needs": combo.fontMetrics().horizontalAdvance(shown)})
    seen["combos"][name] = choices
print(json.dumps(seen))
window.close()
"""


def fill(data_dir: Path) -> None:
    """Open applications, one with a long company name (the Accepted choices)."""
    from bowout.core.applications import Application
    from bowout.core.situation import Stage
    from bowout.storage import History

    with History.open(data_dir) as history:
        for company, stage in (("Globex", Stage.OFFER), ("Wayne Enterprises International",
                               Stage.OFFER), ("Contoso", Stage.SCREENING)):  # fmt: skip
            history.applications.add(Application(company=company, role="Data Analyst",
                                                stage=stage))  # fmt: skip


def probe(tmp_path: Path, size: tuple[int, int], scale: str) -> dict:
    """The batch view's combos in a child Qt on a ``size`` screen (logical) at ``scale``."""
    factor = float(scale)
    screen = {"name": "probe", "x": 0, "y": 0, "width": round(size[0] * factor),
              "height": round(size[1] * factor), "logicalDpi": 96, "logicalBaseDpi": 96,
              "dpr": 1}  # fmt: skip
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale)
    env["PYTHONPATH"] = str(Path(bowout.__file__).parents[1])  # the Bow Out under test
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data")],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", ["1", "2"], ids=["100%", "200%"])
@pytest.mark.parametrize("size", [(800, 600), (1366, 768)], ids=["800x600", "1366x768"])
def test_every_choice_shows_whole_or_elided_with_a_tooltip(
    tmp_path: Path, size: tuple[int, int], scale: str
) -> None:
    fill(tmp_path / "data")
    seen = probe(tmp_path, size, scale)
    why = seen["combos"]["batch_reason_combo"]
    assert why[0]["full"] == "I accepted an offer — tell the others"
    assert any("Wayne Enterprises International" in c["full"]
               for c in seen["combos"]["accepted_combo"])  # fmt: skip
    for name, choices in seen["combos"].items():
        assert len(choices) >= 2, name
        for choice in choices:
            assert choice["room"] > 0, (name, choice)
            assert choice["shown_needs"] <= choice["room"], (name, choice)  # nothing cut off
            if choice["needs"] <= choice["room"]:
                assert choice["shown"] == choice["full"], (name, choice)
            else:  # too long for the box: "…" in the box, the whole text on hover
                assert choice["shown"].endswith("…"), (name, choice)
                assert choice["full"].startswith(choice["shown"][:-1].rstrip()), (name, choice)
                assert choice["tip"] == choice["full"], (name, choice)
