"""The Bow Out window (the only package that imports PySide6)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bowout.gui.window.shell import MainWindow


def build_window(data_dir: Path) -> MainWindow:
    """The fully wired main window on ``data_dir``, not yet shown (needs a QApplication)."""
    from bowout.gui.context import AppContext
    from bowout.gui.window.shell import MainWindow

    return MainWindow(AppContext.load(data_dir))


__all__ = ["build_window"]
