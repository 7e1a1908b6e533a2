"""Reading a file the user names, safely: a regular file only, its size bounded first.

The rule every file the app reads on the user's say-so should follow (a spreadsheet to
import, a history to import, a template): ``/dev/zero`` or ``/dev/urandom`` would be read
for ever, a FIFO (named pipe) would block the window until something writes to it, a
folder cannot be read at all, and a file of gigabytes would fill the memory before any
check runs. Opening without blocking and asking ``fstat`` first answers all four before a
byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bowout.core.errors import InputError

#: Opening flags: never block on a FIFO or a terminal; binary on Windows.
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_regular_file(path: Path, max_bytes: int, *, split_hint: str = "") -> bytes:
    """The bytes of ``path`` when it is a regular file of at most ``max_bytes`` bytes.

    InputError (one line a person can act on) when it cannot be opened, is not a regular
    file (a device such as ``/dev/zero``, a FIFO, a socket, a folder), or is larger than
    ``max_bytes`` (checked from ``fstat`` before reading, and again while reading in case
    the file grows); ``split_hint`` is added to the size message (how to make it smaller).
    """
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(
                    f"{path} is not a regular file (a folder, device or pipe); "
                    "choose a file saved on disk"
                )
            too_big = f"{path.name} is over {max_bytes:,} bytes, the most Bow Out reads" + (
                f"; {split_hint}" if split_hint else ""
            )
            if info.st_size > max_bytes:
                raise InputError(too_big)
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)  # a regular file: reading may wait for the disk
            chunks: list[bytes] = []
            size = 0
            while chunk := handle.read(min(1 << 20, max_bytes + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(too_big)
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return b"".join(chunks)
