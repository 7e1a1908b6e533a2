"""What the window works with: data folder, settings, history (or why it is missing), composer."""

from __future__ import annotations

import builtins
import dataclasses
import logging
from pathlib import Path
from typing import Any

from bowout.core.composer import Composer
from bowout.core.errors import BowOutError
from bowout.settings import Settings, load_settings
from bowout.storage import History

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class AppContext:
    """Built once at start-up and handed to the main window (no globals)."""

    data_dir: Path
    settings: Settings
    composer: Composer
    history: History | None = None
    #: Why the history is unavailable, or what was recovered; shown in the window.
    history_message: str | None = None

    @classmethod
    def load(cls, data_dir: Path) -> AppContext:
        """Read settings and open the history; a storage problem leaves drafting usable."""
        settings = load_settings(data_dir)
        history: History | None = None
        message: str | None = None
        try:
            history = History.open(data_dir)
            message = history.recovery_message
        except BowOutError as exc:
            logger.warning("history unavailable: %s", exc)
            message = str(exc)
        return cls(
            data_dir=data_dir,
            settings=settings,
            composer=make_composer(data_dir, settings),
            history=history,
            history_message=message,
        )

    def close(self) -> None:
        """Let go of the history file."""
        if self.history is not None:
            self.history.close()


class DeferredHistory:
    """The history as the History dialog sees it: empty until the dialog is first shown.

    The dialog lists every record when it is built; doing that for 1,000 records before
    the window appears would slow every start for a list nobody has asked for yet.
    """

    def __init__(self, history: History) -> None:
        self.history = history
        self.ready = False

    def list(self) -> list[Any]:
        """All records once ready; nothing before."""
        return self.history.list() if self.ready else []

    def search(self, query: str) -> builtins.list[Any]:
        """Records matching ``query`` once ready."""
        return self.history.search(query) if self.ready else []

    def trash(self) -> builtins.list[Any]:
        """Deleted records once ready."""
        return self.history.trash() if self.ready else []

    def delete(self, record_id: str) -> None:
        """Move a record to the trash."""
        self.history.delete(record_id)

    def restore(self, record_id: str) -> Any:
        """Bring a record back from the trash."""
        return self.history.restore(record_id)

    def empty_trash(self) -> int:
        """Delete the trash for good."""
        return self.history.empty_trash()


def make_composer(data_dir: Path, settings: Settings) -> Composer:
    """A composer that looks in <data folder>/templates and the user's templates folder."""
    dirs = [data_dir / "templates"]
    if settings.templates_dir:
        dirs.insert(0, Path(settings.templates_dir).expanduser())
    return Composer([d for d in dirs if d.is_dir()])
