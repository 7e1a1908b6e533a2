"""Where the start to the first shown window goes, phase by phase, against the bare floor.

bench_gui.py says how far the first frame is from a bare QMainWindow; this says why. Both
children run alternately in the same session; each phase is the median over the rounds,
in milliseconds and as a share of the floor (the bare QMainWindow's whole start):

- Python start and the PySide6 import (the floor pays the same), the window's Qt-free
  modules before it, as ``bowout`` loads them (``bowout.gui.qt_free``; they bring in
  standard modules, ``enum``, ``re``, ``inspect``..., that PySide6 would load itself, so
  their phase and PySide6's are best read together), with the garbage collector off until
  the first paint, as ``bowout`` starts;
- the Qt namespace: ``from PySide6.QtCore import Qt`` builds Python enum types for all of
  its ~94 enums; any ``Qt.*`` value, and the theme's question whether the system asks for
  dark mode (``styleHints().colorScheme()``), needs it, so the first frame always pays it;
- the rest of the window's imports (our modules, the Qt classes they touch, and PySide's
  import hook, which reads the source of each module imported after PySide);
- QApplication, settings and theme; the window built; shown until the first paint.

Run: .venv/bin/python benchmarks/bench_gui_start.py  (prints what 1.5x would leave for Bow
Out's own phases; no target of its own: bench_gui.py holds the target)

Where the start went (issue 25; offscreen, 9 rounds, medians, as shares of the floor's
117 ms, one run on a shared 2-core machine): Python and PySide6 as the floor (0.91x); the Qt
namespace enums 0.15x; the window's other imports 0.67x, of which PySide's import hook
reading sources 0.13x and, for the rest, mostly the enum types of each Qt class imported by
name (about 100 types: QListWidget's 15, QTextEdit's 12, QFont's 8, ...); QApplication,
settings and theme 0.04x; the window built 0.44x, half of it the situation form (Babel's
CLDR data naming the four language packs was about 0.2x; the scroll area and splitters lay
the form out as they take it); shown to painted 0.11x. Bow Out was 2.3x the floor here and
the editor in that first frame was empty: the draft came after the paint, and composing it
the first time costs more than all of the above (the tone rules' regular expressions,
Jinja2, the voicebooks' 300 expressions), with the window frozen meanwhile.

Since then the first frame holds the draft, kept from the last start
(``bowout.gui.start_cache``; about 0.05x to show), Babel is not loaded, the Qt-free modules
load before PySide6, and the composer and the tone coach load in a worker after the paint.
End to end under X (``bench_start_x11.py``), two runs of 7 and 11 rounds beside main's tip
gave 2.57x vs 2.23x and 2.34x vs 2.51x: the same start within the noise, now with the draft
in it; the 1.6x target is not met. What is left is mostly Qt's own: building, polishing and
laying out some 150 widgets and materialising the enum types of the classes they use.

Second round (one run, load 6-7: every phase about 6x slower than on an idle machine, the
shares hold): Python and PySide6 0.89x, the Qt namespace 0.13x, the window's other imports
0.68x (the import hook 0.10x), QApplication, settings and theme 0.04x, the window built
0.33x (main's tip beside it: 0.36x), shown to painted 0.12x; 2.20x in all against main's
2.24x. The first frame no longer builds the folded visa fields, the negotiation panel, the
redraft bar's changes view or the checklist's rows, nor asks the icon theme for the clear
buttons' icon (``bench_start_x11.py`` has the numbers under X). What is left is the
imports: the Qt-free domain (dataclasses, enums, TOML, orjson) and the Qt classes the first
frame shows, each with its enum types.

Third round (one run, load 6.6-6.9, 9 rounds; this script now starts as ``bowout`` does,
which the rows above did not): Python 0.09x; the Qt-free modules 0.50x and PySide6 0.57x,
1.07x together where the floor's PySide6 is 0.86x; the Qt namespace 0.12x; the window's
other imports 0.39x (the import hook 0.08x, 0.10x at the branch point); QApplication,
settings and theme 0.04x; the window built 0.25x; shown to painted 0.11x: 2.10x against
2.15x at the branch point run the same way. Measured apart (CPU time, min of 5 starts):
the 21 dataclasses of the first frame's modules take about 14 ms to make (``dataclasses``
compiles each generated method), the Qt classes it shows about 15 ms with their enum types,
the Qt namespace 14 ms; the phone script's editor, hidden in the first frame, under 1 ms.

Fourth round (one run each, 9 rounds, load 6.1-7.7): 2.04x against 2.06x at main's tip;
the window's other imports 0.29x against 0.38x, PySide's import hook 0.02x against 0.05x
(it now reads each module's file as bytes: ``bowout.gui.feature_scan``); the other phases
as before within the noise (Qt-free modules 0.50x, PySide6 0.58x, the Qt namespace 0.13x,
QApplication, settings and theme 0.04x, the window built 0.24x, shown to painted 0.11x).
Measured apart in CPU time (min of 5 starts, load about 7): the Qt namespace 15 ms and
the enum types of the first frame's other Qt classes 13 ms; the 20 dataclasses of the
window's modules 12 ms (1.3 ms the largest, the situation's 29 fields); the window built
29 ms, of which the situation form 11 ms (its first three combo boxes 5 ms, each widget
class's first instance paying for its style and internals: filling them costs 0.03 ms) and
the language pack read for the greeting field's hint 1.7 ms; the first draft from the
start cache 2.8 ms. None of these is hidden in the first frame.
"""

from __future__ import annotations

import itertools
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_gui import APPLICATIONS, ENV, TARGETS, populate

ROUNDS = 9

# Each child prints "phase seconds" lines; times are time.time() so the parent can add the
# interpreter's start (launch to the child's first line).
_BARE = """
import time
t0 = time.time()
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
t1 = time.time()

def done():
    print("start", t0); print("pyside", t1); print("painted", time.time())
    app.quit()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
spy = FirstPaint()
window.installEventFilter(spy)
window.show()
app.exec()
"""
# The floor with one line of text: the first text shown loads the fonts, which any real
# window pays and the empty floor does not.
_LABEL = _BARE.replace(
    "import QApplication, QMainWindow", "import QApplication, QLabel, QMainWindow"
)
_LABEL = _LABEL.replace(
    "window.resize(1280, 800)",
    "window.resize(1280, 800)\nwindow.setCentralWidget(QLabel('Bow Out'))",
)
assert _LABEL.count("QLabel") == 2
_BOWOUT = """
import time
t0 = time.time()
import gc, sys
from pathlib import Path
gc.disable()  # as ``bowout`` starts (cli._open_window); show_window turns it back on
import bowout.gui.qt_free  # as ``bowout``: the window's Qt-free modules before PySide6
tq = time.time()
try:  # as ``bowout`` (cli.window_entry): PySide6's import hook reads module files as bytes
    from bowout.gui.feature_scan import use_quick_scan
except ImportError:  # an older checkout, measured beside this one
    pass
else:
    use_quick_scan()
from PySide6.QtWidgets import QApplication
t1 = time.time()
from PySide6.QtCore import Qt  # what the window's first import does anyway, timed apart
t2 = time.time()
scan = [0.0]
try:  # PySide's import hook: reads each new module's source to see if it uses PySide6
    feature = sys.modules["PySide6.support.feature"]
    uses_pyside = feature._mod_uses_pyside
    def timed(module):
        begun = time.time()
        try:
            return uses_pyside(module)
        finally:
            scan[0] += time.time() - begun
    feature._mod_uses_pyside = timed
except (KeyError, AttributeError):
    scan[0] = float("nan")
from bowout.gui.app import setup_logging, show_window
from bowout.gui.window.shell import MainWindow
t3 = time.time()
marks = {}
build = MainWindow.__init__
def timed_build(self, *args, **kwargs):
    marks["build"] = time.time()
    build(self, *args, **kwargs)
    marks["built"] = time.time()
MainWindow.__init__ = timed_build
def painted(self):
    for name, stamp in (("start", t0), ("qt_free", tq), ("pyside", t1), ("qt", t2),
                        ("imports", t3),
                        ("app", marks["build"]), ("built", marks["built"]),
                        ("painted", time.time())):
        print(name, stamp)
    print("scan", scan[0])
    QApplication.instance().quit()
MainWindow.finish_start = painted
setup_logging(Path(sys.argv[1]))
window = show_window(Path(sys.argv[1]))
QApplication.instance().exec()
"""


def child(script: str, *args: str) -> dict[str, float]:
    """Seconds of each phase of one child's start (``python`` is launch to first line)."""
    launched = time.time()
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True, env=ENV
    )
    stamps = dict(line.split() for line in result.stdout.strip().splitlines())
    marks = {name: float(value) for name, value in stamps.items()}
    order = [name for name in marks if name != "scan"]
    phases = {"python": marks["start"] - launched}
    for before, after in itertools.pairwise(order):
        phases[after] = marks[after] - marks[before]
    phases["scan"] = marks.get("scan", 0.0)
    phases["total"] = marks["painted"] - launched
    return phases


def main() -> int:
    """Print each phase's median (ms) and share of the floor."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        ENV.update(BOWOUT_CACHE_DIR=f"{tmp}/cache", BOWOUT_CONFIG_DIR=f"{tmp}/config")
        populate(data_dir, APPLICATIONS)
        child(_BARE)  # warm-up: OS file cache, .pyc files, the template cache
        child(_BOWOUT, str(data_dir))
        bare, label, bowout = [], [], []
        for _ in range(ROUNDS):
            bare.append(child(_BARE))
            label.append(child(_LABEL))
            bowout.append(child(_BOWOUT, str(data_dir)))

    def median(runs: list[dict[str, float]], phase: str) -> float:
        return statistics.median(run[phase] for run in runs)

    floor = median(bare, "total")
    ms = 1000
    print(f"bare QMainWindow shown: {floor * ms:.0f} ms = Python start "
          f"{median(bare, 'python') * ms:.0f} + PySide6 import {median(bare, 'pyside') * ms:.0f}"
          f" + application, window, paint {median(bare, 'painted') * ms:.0f} "
          f"(medians of {ROUNDS})")  # fmt: skip
    text = median(label, "total")
    print(f"the same with one QLabel (the fonts load): {text * ms:.0f} ms -> {text / floor:.2f}x")
    total = median(bowout, "total")
    print(f"Bow Out window shown: {total * ms:.0f} ms -> {total / floor:.2f}x")
    rows = (
        ("python", "Python start (as the floor)"),
        ("qt_free", "the window's Qt-free modules (before PySide6, with their stdlib)"),
        ("pyside", "PySide6 import (the floor's, less the stdlib loaded before)"),
        ("qt", "Qt namespace enums (fixed: Qt.* values, theme's dark-mode query)"),
        ("imports", "the window's other imports"),
        ("scan", "  of which PySide's import hook reading module sources"),
        ("app", "QApplication, settings, theme"),
        ("built", "the window built"),
        ("painted", "shown until the first paint"),
    )
    for phase, label in rows:
        took = median(bowout, phase)
        print(f"  {label:<68} {took * ms:5.1f} ms  {took / floor:.2f}x")
    own = total - median(bowout, "python") - median(bowout, "pyside")
    allowed = TARGETS["start"] * floor - (total - own)
    print(f"Bow Out's own phases: {own * ms:.0f} ms; {TARGETS['start']}x would leave "
          f"{allowed * ms:.0f} ms for them")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
