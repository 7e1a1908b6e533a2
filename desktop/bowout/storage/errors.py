"""Storage errors the user can act on, and the translation of OS errors into them."""

from __future__ import annotations

import errno
from pathlib import Path

from bowout.core.errors import BowOutError


class HistoryError(BowOutError):
    """The history cannot be read or saved for a reason in the user's world."""


def os_error(exc: OSError, action: str, path: Path) -> HistoryError:
    """One actionable sentence for an OS error met while ``action`` (e.g. "save the history")."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return HistoryError(
            f"Could not {action}: the disk holding {path.parent} is full; "
            "free some space and try again."
        )
    if code == errno.EBUSY or getattr(exc, "winerror", None) in (32, 33):
        also = (
            " If this keeps happening, check that the folder is yours and not read-only."
            if getattr(exc, "maybe_denied", False)
            else ""
        )
        return HistoryError(
            f"Could not {action}: another program has {path.name} open (perhaps an antivirus "
            f"scan, a search indexer or a sync tool); wait a moment, or close it, and try "
            f"again.{also}"
        )
    if code == errno.EROFS or isinstance(exc, PermissionError) or code == errno.EACCES:
        return HistoryError(
            f"Could not {action}: the folder {path.parent} is read-only or not yours; "
            "choose another data folder with --data-dir or in Settings."
        )
    reason = exc.strerror or exc.__class__.__name__
    return HistoryError(f"Could not {action} at {path}: {reason}; check the folder and try again.")
