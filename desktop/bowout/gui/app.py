"""Application start-up: QApplication, logging to a rotating file, excepthook, main window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from bowout import __version__, paths
from bowout.gui.main_window import MainWindow

logger = logging.getLogger(__name__)

LOG_FILE = "bowout.log"


def setup_logging(data_dir: Path) -> Path | None:
    """A rotating log file in the data folder's logs/ (none if it cannot be created)."""
    folder = paths.log_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        logger.warning("no log file in %s: %s", folder, exc)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return folder / LOG_FILE


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A bug: log the traceback and tell the user where it is, never a silent pass."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    logger.error("unexpected error:\n%s", text)
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "Bow Out: unexpected error",
                      "Something went wrong inside Bow Out. Your draft is autosaved; the "
                      "details are in the log file.")  # fmt: skip
    box.setObjectName("error_dialog")
    box.setDetailedText(text)
    box.exec()


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


def run_app(data_dir: Path) -> int:
    """Open the window on ``data_dir`` and run until it closes; the exit status."""
    setup_logging(data_dir)
    app = make_application()
    sys.excepthook = excepthook
    from bowout.gui import build_window
    from bowout.gui.theme import apply_theme

    window = build_window(data_dir)
    apply_theme(app, window.context.settings.theme)
    window.show()
    logger.info("Bow Out %s started on %s", __version__, data_dir)
    return app.exec()


__all__ = ["MainWindow", "excepthook", "make_application", "run_app", "setup_logging"]
