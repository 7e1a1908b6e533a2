"""Handing a mailto: link to the user's mail app, and knowing whether one answered.

On Windows and macOS, ``QDesktopServices.openUrl`` returns False when no app is registered
for mailto:. On Linux it starts ``xdg-open`` detached and returns True whatever happens
next, so "no mail app" (xdg-open's exit status 3, "a required tool could not be found", or
4, "the action failed", per xdg-open(1)) went unseen: there Bow Out runs ``xdg-open`` itself
and reads its exit status.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
from collections.abc import Sequence

logger = logging.getLogger(__name__)

#: Seconds to wait for xdg-open's answer. Desktop environments hand the link over and exit
#: at once; plain xdg-open runs the mail app in its own place, so still running after this
#: means a mail app is open.
XDG_OPEN_WAIT = 1.5
#: xdg-open(1)'s exit statuses.
XDG_OPEN_STATUS = {
    1: "error in the command line",
    2: "a file does not exist",
    3: "no application to open it",
    4: "the application failed",
}


def open_mail_link(url: str) -> bool:
    """Open a ``mailto:`` URL (ASCII, percent-encoded) in the mail app; False when none
    answered. On Linux with xdg-open this waits up to XDG_OPEN_WAIT seconds."""
    if sys.platform.startswith("linux"):
        program = shutil.which("xdg-open")
        if program:
            return run_opener([program, url])
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return bool(QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii"))))


def run_opener(command: Sequence[str], wait: float = XDG_OPEN_WAIT) -> bool:
    """Run an opener (``xdg-open URL``) in its own session, so closing Bow Out never closes
    the mail app it started: True when it exits 0 or is still running after ``wait``
    seconds, False when it exits with an error or cannot be started."""
    try:
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        logger.warning("could not start %s: %s", command[0], exc)
        return False
    try:
        status = process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        # It runs the mail app in its own place; reap it whenever that app closes.
        threading.Thread(target=process.wait, name="reap-opener", daemon=True).start()
        return True
    if status:
        logger.warning("%s could not open the mail link: exit %d (%s)", command[0], status,
                       XDG_OPEN_STATUS.get(status, "unknown"))  # fmt: skip
    return status == 0
