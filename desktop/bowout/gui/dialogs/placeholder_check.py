"""Nothing goes out half-filled: ask before a message with "[placeholders]" leaves the app.

Sending, copying for sending, .eml, PDF and the mail app first look for the bracketed
placeholders the composer leaves where a name is missing (SPEC, "What a draft is": they
are "flagged until filled"). When some remain, a dialog names them and offers "Fill them
in" (the default: back to the first one) or "Send anyway".
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from bowout.gui.dialogs.message_box import use_app_icons

logger = logging.getLogger(__name__)

#: At most this many placeholders are named in the question; the rest are counted.
NAMED = 5


def unfilled(*texts: str) -> list[str]:
    """The distinct placeholders ("[Your name]") in ``texts``, in order of appearance; the
    pattern is the tone coach's (``bowout.core.tone_findings.PLACEHOLDER_RE``)."""
    from bowout.core.tone_findings import PLACEHOLDER_RE

    found: list[str] = []
    for text in texts:
        for match in PLACEHOLDER_RE.finditer(text):
            if match.group(0) not in found:
                found.append(match.group(0))
    return found


def question(names: list[str], action: str) -> str:
    """The dialog's text: which placeholders remain, before ``action`` ("copy it")."""
    shown = ", ".join(names[:NAMED])
    if len(names) > NAMED:
        shown += f" and {len(names) - NAMED} more"
    them = "it" if len(names) == 1 else "them"
    return (
        f"This message still says {shown}. Fill {them} in before you {action}? "
        "The other side would read the brackets as they are."
    )


class PlaceholderDialog(QMessageBox):
    """ "Fill them in" (default, Esc too) or "Send anyway"."""

    def __init__(self, names: list[str], action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholder_dialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Details to fill in")
        self.setText(question(names, action))
        self.fill_button = self.addButton("&Fill them in", QMessageBox.ButtonRole.RejectRole)
        self.fill_button.setObjectName("fill_in_button")
        self.anyway_button = self.addButton("Send &anyway", QMessageBox.ButtonRole.AcceptRole)
        self.anyway_button.setObjectName("send_anyway_button")
        self.setDefaultButton(self.fill_button)
        self.setEscapeButton(self.fill_button)
        use_app_icons(self)

    @classmethod
    def ask(cls, parent: QWidget | None, names: list[str], action: str) -> bool:
        """True to go on ("Send anyway"), False to fill them in (tests replace this)."""
        dialog = cls(names, action, parent)
        try:
            dialog.exec()
            return dialog.clickedButton() is dialog.anyway_button
        finally:
            dialog.deleteLater()
