"""GUI start-up, keystroke latency and memory, as ratios to a floor measured in the same run.

Floors: a bare script that shows an empty QMainWindow (start-up time and peak memory).
Keystroke latency is absolute by nature (one frame is 16 ms) and is measured in-process.
Run: .venv/bin/python benchmarks/bench_gui.py   (targets: start <= 1.5x with 1,000 records,
keystroke p99 <= 16 ms, peak RSS <= 1.6x)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

from bowout.core import Composer, Profile, Reason, Situation, Stage
from bowout.storage import History, Record

RECORDS = 1_000
ROUNDS = 5
KEYSTROKES = 300
TARGETS = {"start": 1.5, "keystroke_p99_ms": 16.0, "rss": 1.6}

# Both children print their peak RSS (KiB) once the first window has been shown.
_BARE = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
_BOWOUT = """
import resource, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from bowout.gui import build_window
from bowout.gui.app import make_application
app = make_application()
window = build_window(Path(sys.argv[1]))
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
window.confirm_discard = lambda title: True
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def populate(data_dir: Path) -> None:
    """A history of RECORDS realistic records."""
    situation = Situation(stage=Stage.FINAL, reason=Reason.OTHER_OFFER, role="Data Analyst",
                          contact="Jordan Lee", company="Northwind", rapport=True)  # fmt: skip
    draft = Composer().compose(situation, Profile("Maya Okafor", "maya@example.com"))
    base = Record.from_draft(draft).to_dict()
    items = [dict(base, company=f"Company {i:05d}") for i in range(RECORDS)]
    export = data_dir.parent / "import.json"
    export.write_bytes(orjson.dumps(items))
    with History.open(data_dir) as history:
        history.import_json(export)


def child(script: str, *args: str) -> tuple[float, int]:
    """Seconds from process start to exit after the first shown window, and peak RSS KiB."""
    env = dict(os.environ)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=True
    )
    took = time.perf_counter() - start
    return took, int(result.stdout.strip().splitlines()[-1])


def keystroke_latencies(data_dir: Path) -> list[float]:
    """Milliseconds from a key press in the company field to the editor showing it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from bowout.gui import build_window
    from bowout.gui.app import make_application

    app = make_application()
    window = build_window(data_dir)
    window.confirm_discard = lambda title: True  # type: ignore[method-assign]
    window.show()
    app.processEvents()
    field = window.form.company_edit
    field.setFocus()
    latencies = []
    for index in range(KEYSTROKES):
        letter = "abcdefghij"[index % 10]
        start = time.perf_counter()
        QTest.keyClick(field, letter)
        app.processEvents()  # includes the repaint of the editor
        latencies.append((time.perf_counter() - start) * 1000)
        assert field.text() in window.editor.toPlainText() + window.subject_edit.text()
        if len(field.text()) > 40:
            QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(field, Qt.Key.Key_Delete)
    window.close()
    return latencies


def main() -> int:
    """Print the ratios; exit 1 when a target is missed."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        populate(data_dir)
        bare: list[tuple[float, int]] = []
        ours: list[tuple[float, int]] = []
        child(_BARE)  # warm the OS file cache for both
        child(_BOWOUT, str(data_dir))
        for _ in range(ROUNDS):
            bare.append(child(_BARE))
            ours.append(child(_BOWOUT, str(data_dir)))
        latencies = keystroke_latencies(data_dir)
    start_ratio = statistics.median(t for t, _ in ours) / statistics.median(t for t, _ in bare)
    rss_ratio = max(r for _, r in ours) / max(r for _, r in bare)
    p99 = statistics.quantiles(latencies, n=100)[98]
    print(f"start-up with {RECORDS} records: {statistics.median(t for t, _ in ours):.3f} s "
          f"vs bare window {statistics.median(t for t, _ in bare):.3f} s -> {start_ratio:.2f}x "
          f"(target <= {TARGETS['start']}x)")  # fmt: skip
    print(f"peak RSS: {max(r for _, r in ours) / 1024:.1f} MiB vs "
          f"{max(r for _, r in bare) / 1024:.1f} MiB -> {rss_ratio:.2f}x "
          f"(target <= {TARGETS['rss']}x)")  # fmt: skip
    frame = TARGETS["keystroke_p99_ms"]
    print(f"keystroke -> editor updated: median {statistics.median(latencies):.2f} ms, "
          f"p99 {p99:.2f} ms over {KEYSTROKES} keys (target <= {frame} ms)")  # fmt: skip
    ok = (
        start_ratio <= TARGETS["start"]
        and rss_ratio <= TARGETS["rss"]
        and p99 <= TARGETS["keystroke_p99_ms"]
    )
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
