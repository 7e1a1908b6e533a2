"""Autosave of the draft being edited, offered back after a crash."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from bowout import readfile
from bowout.private import make_private_dir
from bowout.storage.atomic import atomic_write_bytes

logger = logging.getLogger(__name__)

AUTOSAVE_FILE = "autosave.json"
#: Typing pauses this long before the draft is written, so disks are not hammered.
AUTOSAVE_DELAY_MS = 2000


class Autosaver(QObject):
    """Writes ``snapshot()`` atomically a moment after the last change."""

    def __init__(
        self, data_dir: Path, snapshot: Callable[[], dict[str, Any]], parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self.path = data_dir / AUTOSAVE_FILE
        self._snapshot = snapshot
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.last_error: str | None = None

    @Slot()
    def schedule(self) -> None:
        """Note a change; the write happens once typing pauses."""
        self.timer.start()

    @Slot()
    def save_now(self) -> None:
        """Write the snapshot now (an unwritable folder is logged and reported, not fatal)."""
        self.timer.stop()
        payload = json.dumps(self._snapshot(), ensure_ascii=False).encode("utf-8")
        try:
            make_private_dir(self.path.parent)
            atomic_write_bytes(self.path, payload)
            self.last_error = None
        except OSError as exc:
            self.last_error = f"Could not autosave the draft to {self.path}: {exc.strerror}."
            logger.warning("%s", self.last_error)

    def pending(self) -> dict[str, Any] | None:
        """The draft left by a session that did not close cleanly, if any."""
        try:
            data = readfile.read_json(self.path, readfile.DATA_LIMIT)
        except FileNotFoundError:
            return None
        except (OSError, readfile.UnreadableFile) as exc:
            logger.warning("autosave file %s unreadable, ignoring it: %s", self.path, exc)
            return None
        return data if isinstance(data, dict) else None

    def discard(self) -> None:
        """Remove the autosave (on a clean close or once the user decided)."""
        self.timer.stop()
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            logger.warning("could not remove autosave %s: %s", self.path, exc)
