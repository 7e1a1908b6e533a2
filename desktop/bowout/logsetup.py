"""The log file: ``<data folder>/logs/bowout.log``, private, rotated once per start."""

from __future__ import annotations

import logging
from pathlib import Path

from bowout import paths
from bowout.private import make_private_dir, make_private_file

logger = logging.getLogger(__name__)

LOG_FILE = "bowout.log"
#: A log this big is moved aside at the next start; this many old logs are kept.
LOG_MAX_BYTES = 1_000_000
LOG_KEEP = 3

#: The handler setup_logging installed last (replaced, not stacked, when called again).
_installed: list[logging.Handler] = []


def quiet_stderr() -> None:
    """Keep log records off stderr (Python prints them there when no handler is set up).

    The command line says what the user needs in its own one-line messages; the details
    belong in the log file, if there is one.
    """
    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())


def rotate_logs(path: Path, max_bytes: int = LOG_MAX_BYTES, keep: int = LOG_KEEP) -> None:
    """Start a new log when the last one is full: bowout.log -> bowout.log.1 -> ... .N.

    Done once per start instead of by ``logging.handlers.RotatingFileHandler``, whose
    module (with socket and pickle) costs about 10 ms of every start.
    """
    try:
        if path.stat().st_size < max_bytes:
            return
    except OSError:
        return  # no log yet
    for index in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{index}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{index + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def setup_logging(data_dir: Path) -> Path | None:
    """Log INFO and above to a private file in the data folder's logs/; its path.

    The folders are created 0700 and the file 0600 (it names companies). Returns None,
    after a warning, when the file cannot be made; nothing then reaches stderr raw.
    """
    folder = paths.log_dir(data_dir)
    log_file = folder / LOG_FILE
    try:
        make_private_dir(folder)
        rotate_logs(log_file)
        make_private_file(log_file)
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError as exc:
        logger.warning("no log file in %s: %s", folder, exc)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    while _installed:  # set up again (another data folder, or a test): one file
        old = _installed.pop()
        root.removeHandler(old)
        old.close()
    _installed.append(handler)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return log_file
