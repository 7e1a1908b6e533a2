"""Opening the history off the UI thread, so a large one never freezes the window."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QStatusBar

if TYPE_CHECKING:
    from bowout.gui.context import AppContext

logger = logging.getLogger(__name__)


class HistoryLoader(QObject):
    """Runs :meth:`AppContext.open_history` in a worker thread; ``loaded`` fires in the UI
    thread when it is done (successfully or with ``context.history_message`` set).

    While it runs, ``progress`` (a busy bar with the file's size) sits in the status bar.
    """

    loaded = Signal()

    def __init__(self, context: AppContext, status_bar: QStatusBar, parent: QObject) -> None:
        super().__init__(parent)
        self.context = context
        self.status_bar = status_bar
        self.progress = QProgressBar()
        self.progress.setObjectName("history_progress")
        self.progress.setRange(0, 0)  # busy: parsing gives no steps to count
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName("Loading the history")
        self.worker: threading.Thread | None = None
        self.loaded.connect(self._done)

    def start(self) -> None:
        """Show the progress and open the history in the background."""
        from bowout.storage.history import HISTORY_FILE

        try:
            size = (self.context.data_dir / HISTORY_FILE).stat().st_size
        except OSError:
            size = 0
        what = f" ({size / 1e6:,.0f} MB)" if size >= 1_000_000 else ""
        self.status_bar.addPermanentWidget(self.progress)
        self.status_bar.showMessage(f"Loading your history{what}…")
        self.worker = threading.Thread(target=self._run, name="history-loader", daemon=True)
        self.worker.start()

    def _run(self) -> None:
        try:
            self.context.open_history()  # turns user-world problems into history_message
        except BaseException:  # a bug: report it from the UI thread, not lost in this one
            logger.exception("opening the history failed")
            self.context.history_message = (
                "The history could not be opened because of an unexpected error; "
                "the details are in the log file."
            )
        try:
            self.loaded.emit()  # queued into the UI thread
        except RuntimeError:  # the window closed while the history was read
            logger.info("history read after the window closed")

    def _done(self) -> None:
        self.status_bar.removeWidget(self.progress)
        self.progress.deleteLater()
        self.status_bar.clearMessage()
