"""What the window works with: data folder, settings, history (or why it is missing), composer."""

from __future__ import annotations

import builtins
import dataclasses
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bowout import paths
from bowout.core.errors import BowOutError
from bowout.settings import Settings, read_settings

if TYPE_CHECKING:
    from bowout.core.composer import Composer
    from bowout.storage import History
    from bowout.storage.records import Record

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class AppContext:
    """Built once at start-up and handed to the main window (no globals).

    The composer (Jinja2, the tone coach) and the history (the file lock, every record)
    are the slow parts of a start; both are made on first use, so the window can show
    before either exists (see :meth:`MainWindow.finish_start`).
    """

    data_dir: Path
    settings: Settings
    _composer: Composer | None = None
    history: History | None = None
    #: Why the history is unavailable, or what was recovered; shown in the window.
    history_message: str | None = None
    #: Whether :meth:`open_history` has run (the history may still be None: unusable).
    history_tried: bool = False
    #: What was wrong with the settings file (each field fell back to its default).
    settings_notices: tuple[str, ...] = ()
    #: The composer may be made in a worker after the first paint (``first_draft``) while
    #: the window asks for it: one of them makes it, the other waits.
    _composer_lock: threading.Lock = dataclasses.field(
        default_factory=threading.Lock, repr=False, compare=False
    )

    @classmethod
    def load(cls, data_dir: Path, *, open_history: bool = True) -> AppContext:
        """Read settings and (unless told not to yet) open the history."""
        settings, notices = read_settings(data_dir)
        for notice in notices:
            logger.warning("%s", notice)
        context = cls(data_dir=data_dir, settings=settings, settings_notices=tuple(notices))
        if open_history:
            context.open_history()
        return context

    @property
    def composer(self) -> Composer:
        """The composer for the current settings, made on first use."""
        with self._composer_lock:
            if self._composer is None:
                self._composer = make_composer(self.data_dir, self.settings)
            return self._composer

    @composer.setter
    def composer(self, composer: Composer) -> None:
        with self._composer_lock:
            self._composer = composer

    def template_dirs(self) -> list[Path]:
        """The user's template folders the composer looks in, first match wins."""
        return template_dirs(self.data_dir, self.settings)

    def open_history(self) -> None:
        """Open the history once; a storage problem leaves drafting usable."""
        if self.history_tried:
            return
        self.history_tried = True
        from bowout.storage import History

        try:
            paths.check_data_dir(self.data_dir)  # a message about the folder names the folder
            self.history = History.open(self.data_dir)
            self.history_message = self.history.recovery_message
        except BowOutError as exc:
            logger.warning("history unavailable: %s", exc)
            self.history_message = str(exc)

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

    def restore(self, record_id: str) -> Record:
        """Bring a record back from the trash."""
        return self.history.restore(record_id)

    def empty_trash(self) -> int:
        """Delete the trash for good."""
        return self.history.empty_trash()


def make_composer(data_dir: Path, settings: Settings) -> Composer:
    """A composer that looks in <data folder>/templates and the user's templates folder."""
    from bowout.core.composer import Composer

    return Composer(template_dirs(data_dir, settings), cache_root=paths.cache_dir())


def template_dirs(data_dir: Path, settings: Settings) -> list[Path]:
    """<data folder>/templates and the user's templates folder, those that exist (the
    folder named in Settings first)."""
    dirs = [data_dir / "templates"]
    if settings.templates_dir:
        dirs.insert(0, Path(settings.templates_dir).expanduser())
    return [d for d in dirs if d.is_dir()]
