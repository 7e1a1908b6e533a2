"""Where save dialogs start: the folder used last, else the user's Documents folder.

Qt's dialogs start in the process's working directory when given a bare file name (a
launcher's ``/`` or an installer's folder); exports belong with the user's documents. The
last folder chosen is kept in the window's settings (``dialogs/last_folder``), so the next
export (calendar, .eml, .pdf, .txt or .html) starts there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from bowout.gui.window_state import window_settings

#: The settings key of the folder a save dialog last wrote to.
LAST_FOLDER_KEY = "dialogs/last_folder"


def documents_folder() -> Path:
    """The user's Documents folder (QStandardPaths: XDG user dirs on Linux, the known
    folder on Windows and macOS), or the home folder when it does not exist."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder() -> Path:
    """The folder a save dialog opens in: the last one used while it exists, else
    :func:`documents_folder`."""
    last = window_settings().value(LAST_FOLDER_KEY)
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember_folder(folder: Path) -> None:
    """Keep ``folder`` as where the next save dialog starts."""
    settings = window_settings()
    settings.setValue(LAST_FOLDER_KEY, str(folder))
    settings.sync()


def save_file_name(
    parent: QWidget | None, title: str, suggested: str, file_filter: str
) -> Path | None:
    """The native save dialog opened on ``suggested`` (a file name) in :func:`start_folder`;
    the path chosen (its folder remembered), or None when cancelled."""
    start = str(start_folder() / suggested)
    chosen, _ = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    remember_folder(path.parent)
    return path
