"""Application start-up: QApplication, logging to a rotating file, excepthook, main window."""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from bowout import __version__, paths
from bowout.gui.window.shell import MainWindow
from bowout.logsetup import rotate_logs, setup_logging

logger = logging.getLogger(__name__)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A bug: log the traceback and tell the user where it is, never a silent pass."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    logger.error("unexpected error:\n%s", text)
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    from PySide6.QtWidgets import QMessageBox  # only on a bug: not a cost of every start

    box = QMessageBox(QMessageBox.Icon.Critical, "Bow Out: unexpected error",
                      "Something went wrong inside Bow Out. Your draft is autosaved; the "
                      "details are in the log file.")  # fmt: skip
    box.setObjectName("error_dialog")
    box.setDetailedText(text)
    from bowout.gui.dialogs.message_box import use_app_icons

    use_app_icons(box).exec()


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Bow Out's names and icon (reused if one exists)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(paths.APP_NAME)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("Bow Out")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("bowout")
    icon = paths.resources_dir() / "icons" / "bowout.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


class AfterFirstPaint(QObject):
    """Calls ``then`` once the window has painted its first frame (or after a fallback).

    A zero timer alone is not enough: on a real display the window's first paint waits for
    the window system, and the start's remaining work would run before anything is seen.
    """

    FALLBACK_MS = 1000

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self._fire)  # e.g. started minimised
        self.fired = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first paint, let it reach the screen, then run ``then``."""
        if event.type() == QEvent.Type.Paint and not self.fired:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    @Slot()
    def _fire(self) -> None:
        if not self.fired:
            self.fired = True
            self.then()


def show_window(data_dir: Path, *, welcome: bool = False) -> MainWindow:
    """Build the window, put it on screen, then finish the start once it has painted.

    ``welcome``: at the end of the start, offer the first-run welcome (until done once);
    only ``bowout`` itself asks for it, never the self-test or the benchmarks.

    The draft (Jinja2, the tone coach) and the history (the lock, every record) come a
    moment after the window is visible, so a long history never delays the first frame.
    """
    from bowout.gui.context import AppContext
    from bowout.gui.theme import apply_theme

    app = make_application()
    context = AppContext.load(data_dir, open_history=False)
    apply_theme(app, context.settings.theme)  # before the widgets exist: one polish, not two
    window = MainWindow(context, defer_start=True, welcome=welcome)
    AfterFirstPaint(window, lambda: _after_first_paint(window))
    window.show()
    return window


def _after_first_paint(window: MainWindow) -> None:
    """Collect garbage again, then finish the start.

    ``bowout`` starts with the collector off (``cli._open_window``). What the start made
    (modules, classes, the widgets) lives as long as the window, so it is frozen first: the
    collector's first pass then does not walk some 10^5 objects, a pause of tens of
    milliseconds just after the first frame, only to find them all alive.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
    window.finish_start()


def run_app(data_dir: Path) -> int:
    """Open the window on ``data_dir`` and run until it closes; the exit status."""
    setup_logging(data_dir)
    app = make_application()
    sys.excepthook = excepthook
    show_window(data_dir, welcome=True)
    logger.info("Bow Out %s started on %s", __version__, data_dir)
    return app.exec()


__all__ = [
    "MainWindow",
    "excepthook",
    "make_application",
    "rotate_logs",
    "run_app",
    "setup_logging",
    "show_window",
]
