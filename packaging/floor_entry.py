"""The floor bundle's entry script: a bare QMainWindow, for benchmarks/bench_bundle.py."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("floor")
    if "--check" in sys.argv:
        sys.exit(0)
    window.show()
    sys.exit(app.exec())
