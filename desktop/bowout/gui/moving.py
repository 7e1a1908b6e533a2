"""Moving to another computer from the window: export all data, import an export.

The file holds every withdrawal, the applications still in play, the follow-ups' ticks and
settle-by dates and the remembered CSV column mappings (:mod:`bowout.storage.transfer`);
``bowout history export`` and ``import`` write and read the same file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from bowout.core.counting import counted
from bowout.core.errors import BowOutError
from bowout.gui.window_parts import WindowParts

logger = logging.getLogger(__name__)

#: The file dialogs' filter for an export.
EXPORT_FILTER = "Bow Out data (*.json)"


class MovingCommands(WindowParts):
    """Mixed into MainWindow: Export all data…, Import data…."""

    if TYPE_CHECKING:  # provided by MainWindow and the other mixins

        def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None: ...
        def show_error(self, text: str) -> None: ...
        def _history_changed(self) -> None: ...

    def ask_open_path(self, title: str, file_filter: str) -> Path | None:
        """The native open dialog; None when cancelled (tests replace this method)."""
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), file_filter)
        return Path(chosen) if chosen else None

    @Slot()
    def export_all_data(self) -> Path | None:
        """Write everything kept to one file, to take to another computer."""
        history = self.context.history
        if history is None:
            self.show_error(self.context.history_message or "The history is not available.")
            return None
        path = self.ask_save_path("Export all data", "bowout-data.json", EXPORT_FILTER)
        if path is None:
            return None
        try:
            count = history.export_json(path)
        except BowOutError as exc:
            self.show_error(str(exc))
            return None
        self.message_bar.show_message(
            f"Exported all your data ({counted(count, 'withdrawal')}) to {path.name}."
        )
        return path

    @Slot()
    def import_all_data(self) -> bool:
        """Merge an export into this history (nothing here is overwritten by older data)."""
        history = self.context.history
        if history is None:
            self.show_error(self.context.history_message or "The history is not available.")
            return False
        path = self.ask_open_path("Import data", EXPORT_FILTER)
        if path is None:
            return False
        try:
            report = history.import_json(path)
        except BowOutError as exc:
            self.show_error(str(exc))
            return False
        self.banner.show_message(
            f"Imported {path.name}: {counted(report.added, 'withdrawal')} added, "
            f"{report.updated:,} updated, {report.skipped:,} already here; "
            f"{counted(report.applications, 'application')}, "
            f"{counted(report.follow_ups, 'follow-up state')}, "
            f"{counted(report.mappings, 'column mapping')}."
        )
        self._history_changed()  # the lists beside the draft show what came in
        return True
