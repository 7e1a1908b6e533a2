"""Handing a message to the user's mail app (a mailto: link) or the clipboard, and knowing
whether a mail app answered.

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
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QApplication, QWidget

logger = logging.getLogger(__name__)

#: What the window says when no mail app took the mailto: link.
NO_MAIL_APP = (
    "No mail app opened the message: none is set up to answer mail links. "
    "Copy the message, or save it as an .eml file your mail app opens as a draft."
)

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


def copy_rich(body_html: str, body_text: str) -> None:
    """Put a message on the clipboard as rich text and plain text together."""
    from PySide6.QtCore import QMimeData  # Qt classes used here wait for first use

    mime = QMimeData()
    mime.setHtml(body_html)
    mime.setText(body_text)
    QApplication.clipboard().setMimeData(mime)


def hand_to_mail_app(
    subject: str,
    body_text: str,
    body_html: str,
    to: str,
    opener: Callable[[str], bool] | None = None,
) -> tuple[bool, str]:
    """Open the mail app on a new message through a mailto: link: (opened, what to tell
    the user; NO_MAIL_APP when no mail app answered). A link longer than mail apps accept
    (exports.MAILTO_MAX_CHARS) carries the subject only, and the body goes on the clipboard
    (rich and plain); the message says so. ``opener``: hands the URL over, False when no
    app answered (default :func:`open_mail_link`).
    """
    from bowout.core import exports

    url = exports.mailto_url(subject, body_text, to)
    message = "Opened in your mail app."
    if not exports.mailto_fits(url):
        url = exports.mailto_url(subject, "", to)
        if not exports.mailto_fits(url):
            return False, "This subject is too long for a mail link; export as .eml."
        copy_rich(body_html, body_text)
        message = (
            "The message is too long for a mail link: your mail app opens with the "
            "subject, and the body is on the clipboard; paste it in (Ctrl+V)."
        )
    if not (opener or open_mail_link)(url):
        return False, NO_MAIL_APP
    return True, message


def offer_eml(parent: QWidget) -> bool:
    """Ask, once no mail app answered a mailto: link, whether to save the message as an
    .eml file instead (True: save it). The draft headers make Outlook, Thunderbird and
    Apple Mail open it as a message ready to send (see :func:`bowout.core.exports.to_eml`).
    """
    from PySide6.QtWidgets import QMessageBox

    from bowout.gui.dialogs.message_box import use_app_icons

    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Send by mail",
        "No mail app opened the message: none is set up to answer mail links.",
        parent=parent,
    )
    box.setObjectName("no_mail_app_box")
    box.setInformativeText(
        "Save it as an .eml file instead? Outlook, Thunderbird and Apple Mail open it "
        "as a draft ready to send."
    )
    save = box.addButton("Save as .&eml…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    use_app_icons(box).exec()
    return box.clickedButton() is save
