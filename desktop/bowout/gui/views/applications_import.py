"""Importing a table in the applications view: reading off the UI thread, one undo.

The file is read by a :class:`~bowout.gui.background.BackgroundJob` (the bytes with
:func:`~bowout.readfile.read_named_file`, the table with
:func:`~bowout.core.tabular.read_table`), with a progress bar and a Cancel button in the
view; the window keeps answering. What the person then confirms in the
:class:`~bowout.gui.dialogs.import_dialog.ImportDialog` is stored by one
:class:`ImportCommand`: Ctrl+Z takes the whole import back in one save, Ctrl+Shift+Z puts
it back with the same ids.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from bowout.core.applications import Application
from bowout.core.counting import counted
from bowout.core.errors import BowOutError
from bowout.core.tabular import MAX_BYTES, SPLIT_HINT, Progress, Table, read_table
from bowout.gui.background import BackgroundJob
from bowout.gui.dialogs.import_dialog import SKIPPED_SHOWN, ImportChoice
from bowout.readfile import read_named_file
from bowout.storage.applications import ApplicationImport, StoredApplication

if TYPE_CHECKING:
    from bowout.storage import History

logger = logging.getLogger(__name__)

#: Steps of the progress bar (a fraction of the file read).
PROGRESS_STEPS = 1000


def _plural(count: int, word: str = "application") -> str:
    return counted(count, word)


class ApplicationsList(Protocol):
    """What an import needs of the applications view
    (:class:`bowout.gui.views.applications.ApplicationsView`)."""

    @property
    def history(self) -> History: ...

    def run_storage(self, call: Callable[[], object]) -> bool: ...
    def show_message(self, text: str, *, error: bool = False) -> None: ...
    def refresh(self, select_id: str | None = None) -> None: ...


class ImportCommand(QUndoCommand):
    """Store an import; undo removes every application it added (one save), redo puts
    them back with their ids."""

    def __init__(self, view: ApplicationsList, name: str, choice: ImportChoice) -> None:
        super().__init__(f"Import {name}")
        self._view = view
        self._name = name
        self._choice = choice
        self.added: tuple[str, ...] = ()
        self._removed: list[StoredApplication] | None = None

    def redo(self) -> None:
        """Store the import (first push), or put it back (redo after undo)."""
        view, history = self._view, self._view.history
        if self._removed is None:
            reports: list[ApplicationImport] = []
            if not view.run_storage(
                lambda: reports.append(
                    history.applications.import_many(
                        self._choice.applications, self._choice.mapping, self._choice.states
                    )
                )
            ):
                self.setObsolete(True)
                return
            report = reports[0]
            self.added = report.added
            view.show_message(self._report(report.duplicates))
            if not self.added:
                self.setObsolete(True)  # nothing to take back
        else:
            removed = self._removed
            if view.run_storage(lambda: history.applications.restore_many(removed)):
                view.show_message(f"Imported {_plural(len(removed))} from {self._name} again.")
        view.refresh(select_id=self.added[0] if self.added else None)

    def undo(self) -> None:
        """Remove every application the import added, in one save."""
        removed: list[StoredApplication] = []
        if self._view.run_storage(
            lambda: removed.extend(self._view.history.applications.remove_many(self.added))
        ):
            self._removed = removed
            self._view.show_message(
                f"Took back the import from {self._name}: {_plural(len(removed))} removed."
            )
        self._view.refresh()

    def _report(self, duplicates: tuple[Application, ...]) -> str:
        choice = self._choice
        skipped = [f"line {n}: {why}" for n, why in choice.skipped]
        skipped += [f"{a.company}: already listed" for a in duplicates]
        for line in skipped:
            logger.info("import of %s skipped %s", self._name, line)
        for number, what in choice.notes:
            logger.info("import of %s: line %s: %s", self._name, number, what)
        text = f"Imported {_plural(len(self.added))} from {self._name}."
        saved = choice.states.count("saved")
        if saved:
            text += f" {saved:,} saved, not applied to yet."
        if skipped:
            more = len(skipped) - SKIPPED_SHOWN
            text += " Skipped " + "; ".join(skipped[:SKIPPED_SHOWN])
            text += f"; and {more:,} more (listed in the log)." if more > 0 else "."
        if choice.notes:
            text += f" {_plural(len(choice.notes), 'row')} kept without an unreadable date."
        if self.added:
            text += " Ctrl+Z takes the whole import back."
        return text


class TableReading(QWidget):
    """The progress bar and Cancel button shown while a file is read; starts the job."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_progress")
        self.progress.setAccessibleName("Reading the file to import")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancel_import_button")
        self.cancel_button.setAccessibleName("Cancel reading the file")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.job: BackgroundJob | None = None
        self.hide()

    @property
    def running(self) -> bool:
        """Is a file being read?"""
        return self.job is not None

    def start(
        self,
        path: Path,
        succeeded: Callable[[Table], None],
        failed: Callable[[BowOutError], None],
        ended: Callable[[], None],
    ) -> BackgroundJob:
        """Read ``path`` into a table in a worker thread: ``succeeded`` gets the table,
        ``failed`` a user-world problem; ``ended`` runs last, in any case (a cancel too,
        which is said in the view by the caller's ``ended``)."""

        def work(progress: Progress) -> Table:
            data = read_named_file(path, MAX_BYTES, hint=SPLIT_HINT)
            return read_table(data, progress)

        job = BackgroundJob(work, "import-reader", self)
        # Connected before the thread starts: a small file is read before start() returns.
        job.succeeded.connect(succeeded)
        job.failed.connect(failed)
        job.progressed.connect(self._progressed)
        job.finished.connect(ended)
        job.finished.connect(self._ended)  # last: ``running`` is False once all is done
        self.cancel_button.clicked.connect(job.cancel)
        self.progress.setValue(0)
        self.progress.setFormat(f"Reading {path.name}… %p%")
        self.job = job
        self.show()
        job.start()
        return job

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(PROGRESS_STEPS * done / total) if total else 0)

    def _ended(self) -> None:
        if self.job is not None:
            self.cancel_button.clicked.disconnect(self.job.cancel)
        self.job = None
        self.hide()
