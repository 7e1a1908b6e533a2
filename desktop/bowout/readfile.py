"""One rule for every file Bow Out reads: a regular file, a size bound, one-line errors.

Settings, the data-folder pointer, custom templates and wording, the history, its backups,
exports and import files all come through here, so a folder, a device, a named pipe or a
loop of links named where a file belongs gives one sentence instead of a hang (a FIFO
blocks ``open()`` until a writer comes), a MemoryError (``/dev/zero`` never ends) or a
traceback (``resolve()`` on a loop). Callers decide the fallback: the defaults for the
settings, the built-in wording for a custom file, a backup for the history.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

import orjson

from bowout.core.errors import BowOutError

#: Size bounds (bytes), chosen far above any real file: a settings file is a few hundred
#: bytes, a wording file tens of kilobytes, a history of 10,000 records about 60 MB.
SMALL_LIMIT = 1 << 20  # settings, the data-folder pointer
TEXT_LIMIT = 4 << 20  # templates and wording files
DATA_LIMIT = 1 << 30  # the history, its backups, exports and import files

#: open() flags: never wait for a writer on a FIFO, never take a terminal as ours.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
)


class UnreadableFile(BowOutError):
    """A file that is not what Bow Out can read; ``str()`` is one sentence naming it.

    ``why`` is the reason alone ("it is a named pipe (FIFO), not a file"), for messages
    that name the file their own way.
    """

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = path
        self.why = why


def describe(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words ("a folder", "a device")."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def kind_of(path: Path) -> str | None:
    """What ``path`` is when it is not a readable regular file (following links), in words;
    None for a regular file or a missing one (a link to nothing is "missing" to callers)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links"
        return None
    return None if stat.S_ISREG(mode) else describe(mode)


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (links followed), at most ``limit`` of them.

    Raises FileNotFoundError when nothing is there (callers often have a default for
    that), :class:`UnreadableFile` for a folder, device, FIFO, socket, loop of links or a
    file over ``limit``, and OSError for other failures (permissions, I/O).
    """
    return read_with_stat(path, limit)[0]


def read_with_stat(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """:func:`read_bytes`, with the ``fstat`` of the very file read (which version it was)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile(path, "it is a loop of symbolic links, not a file") from None
        if exc.errno in (errno.EISDIR, errno.ENXIO):  # ENXIO: a socket, or a FIFO on some OS
            raise UnreadableFile(path, f"it is {kind_of(path) or 'not a file'}") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableFile(path, f"it is {describe(st.st_mode)}, not a file")
        if st.st_size > limit:
            raise UnreadableFile(
                path, f"it is too large ({_size(st.st_size)}; at most {_size(limit)})"
            )
        # A regular file within the bound: one read sized by fstat (as Path.read_bytes
        # does), not a copy of chunks: the history can be tens of megabytes.
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read()
        if len(data) > limit:  # it grew while being read
            raise UnreadableFile(path, f"it is too large (over {_size(limit)})")
        return data, st
    finally:
        os.close(fd)


def decode_text(raw: bytes, path: Path) -> str:
    """UTF-8 text, a byte-order mark removed; :class:`UnreadableFile` names UTF-16 (what
    Notepad calls "Unicode") and says where a stray byte is."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableFile(
            path, 'it is saved as UTF-16 (Notepad\'s "Unicode"); save it again as UTF-8'
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise UnreadableFile(
            path, f"it is not UTF-8 text (a byte that is not UTF-8 on line {line})"
        ) from None


def read_text(path: Path, limit: int = TEXT_LIMIT) -> str:
    """:func:`read_bytes` then :func:`decode_text`; raises as they do."""
    return decode_text(read_bytes(path, limit), path)


def parse_json(raw: bytes, path: Path) -> object:
    """JSON from ``raw`` (a UTF-8 byte-order mark allowed, as editors save one).

    orjson refuses nesting deeper than 1,024 levels, so a hostile file cannot exhaust the
    stack. Raises :class:`UnreadableFile` for anything that is not JSON.
    """
    try:
        return orjson.loads(raw.removeprefix(codecs.BOM_UTF8))
    except orjson.JSONDecodeError as exc:
        detail = "nested too deeply" if "depth" in str(exc) else "not valid JSON"
        raise UnreadableFile(path, f"it is {detail}") from None


def read_json(path: Path, limit: int = SMALL_LIMIT) -> object:
    """:func:`read_bytes` then :func:`parse_json`; raises as they do."""
    return parse_json(read_bytes(path, limit), path)


def read_named_file(path: Path, limit: int, *, hint: str = "") -> bytes:
    """:func:`read_bytes` for a file the user named (an import): every failure, a missing
    file included, is one :class:`~bowout.core.errors.InputError` line, the size refusal
    followed by ``hint`` (how to make the file smaller)."""
    from bowout.core.errors import InputError

    try:
        return read_bytes(path, limit)
    except UnreadableFile as exc:
        message = str(exc)
        if hint and exc.why.startswith("it is too large"):
            message = f"{message}; {hint}"
        raise InputError(message) from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _size(count: int) -> str:
    if count >= 1 << 20:
        return f"{count / (1 << 20):.0f} MB"
    return f"{count / 1024:.0f} KB"
