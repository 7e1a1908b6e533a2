"""What the window opens with, kept between runs so the first frame need not make it again.

Two things on the path to the first frame are slow to make and rarely change: the first
draft (Jinja2, the wording's voicebooks and the composer's modules: about three times the
rest of the window) and the language picker's names (Babel's CLDR data). Each is kept in
the user's cache folder beside the compiled templates, with the inputs it was made from; a
value is used only when those inputs are equal again (the situation, the profile, the day,
and every template, wording and domain-code file by path, size and modification time).

A cache, never a store: a missing, stale, unreadable or corrupt file is ignored (and
rewritten), and nothing in it is needed to work. It is a pickle in the user's own cache
folder, trusted as the compiled templates and ``.pyc`` files beside it are.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from bowout import __version__, paths

if TYPE_CHECKING:
    from bowout.core.situation import Profile, Situation

logger = logging.getLogger(__name__)

#: The file in the cache folder.
CACHE_FILE = "start.pickle"
#: Changes whenever what is kept changes shape; a file of another format is ignored.
FORMAT = (1, __version__)

Stamp = tuple[str, int, int]
T = TypeVar("T")


def stamps(folders: Iterable[Path]) -> tuple[Stamp, ...]:
    """Every file under ``folders`` (recursively) as (path, size, mtime in ns), sorted; a
    missing folder adds nothing. A change to any file, or one added or removed, changes it.
    About 0.1 ms for a hundred files."""
    found: list[Stamp] = []
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = [name for name in dirs if name != "__pycache__"]  # made from the rest
            for name in files:
                path = os.path.join(root, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                found.append((path, info.st_size, info.st_mtime_ns))
    return tuple(sorted(found))


class StartCache:
    """Values by name, each kept with the key (any picklable value compared with ``==``)
    it was made for; read once when made, written by :meth:`save`."""

    def __init__(self, folder: Path | None) -> None:
        """``folder``: the user's cache folder (None: keep nothing, e.g. a read-only one)."""
        self.path = folder / CACHE_FILE if folder is not None else None
        self._entries = self._read()
        self._changed = False

    def _read(self) -> dict[str, tuple[object, object]]:
        if self.path is None:
            return {}
        try:
            with self.path.open("rb") as file:
                data = pickle.load(file)
        except FileNotFoundError:
            return {}
        except Exception as exc:
            logger.info("start cache %s ignored: %s", self.path, exc)
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, name: str, key: Hashable) -> object | None:
        """The value kept as ``name`` when it was made for ``key``; None otherwise."""
        entry = self._entries.get(name)
        if not isinstance(entry, tuple) or len(entry) != 2:
            return None
        kept_key, value = entry
        try:
            same = bool(kept_key == key)
        except Exception:
            return None
        return value if same else None

    def put(self, name: str, key: Hashable, value: object) -> None:
        """Keep ``value`` as ``name`` for ``key`` (written by :meth:`save`)."""
        self._entries[name] = (key, value)
        self._changed = True

    def remembered(self, name: str, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept as ``name`` for ``key``; else ``make()``, kept for next time."""
        value = self.get(name, key)
        if value is None:
            value = make()
            self.put(name, key, value)
        return cast("T", value)

    def save(self) -> None:
        """Write what changed (a temporary file, then a rename: a reader never sees half a
        file). A cache that cannot be written is logged and left alone."""
        if self.path is None or not self._changed:
            return
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            data = pickle.dumps({"format": FORMAT, "entries": self._entries})
            handle, temporary = tempfile.mkstemp(prefix=".start-", dir=self.path.parent)
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(data)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
            logger.info("start cache not written to %s: %s", self.path, exc)
            return
        self._changed = False


def first_draft_key(
    situation: Situation, profile: Profile, user_template_dirs: Sequence[Path]
) -> tuple[object, ...]:
    """What the first draft is made from: the situation, the profile, today (lateness and
    dates), the built-in and the user's templates and wording, and the domain code (an
    edited source checkout; a frozen bundle has none to stamp and changes with its version).
    """
    code = Path(__file__).resolve().parents[1] / "core"
    return (
        situation,
        profile,
        dt.date.today(),
        stamps([paths.templates_dir(), *user_template_dirs, code]),
    )
