"""The About box and the Help page (stages and channels explained in Bow Out's own words)."""

from __future__ import annotations

import html
import logging
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bowout import __version__
from bowout.core.situation import Channel, Stage
from bowout.gui.help_texts import CHANNEL_HELP, STAGE_HELP
from bowout.gui.screen_fit import fit_dialog

logger = logging.getLogger(__name__)

_PRINCIPLES = (
    "Decide, then tell them without delay: waiting costs everyone.",
    "Thank them, say plainly that you are withdrawing, and stop there.",
    "One neutral sentence of reason at most, or none at all. No complaints, no venting.",
    "Keep the door open only if you mean it.",
    "Keep a record of what you sent and when; Bow Out's history does this for you.",
)


def help_html() -> str:
    """The Help page as HTML (built from our texts; enum labels keep it in step with the app)."""
    parts = ["<h2>Using Bow Out</h2>"]
    parts.append(
        "<p>Pick where you are in the process, why you are leaving and how you want to tell "
        "them. Bow Out drafts the message, suggests a channel and says why, points out "
        "wording that could cause trouble, and lists the loose ends to tie up.</p>"
    )
    parts.append("<h3>Good habits</h3><ul>")
    parts += [f"<li>{html.escape(line)}</li>" for line in _PRINCIPLES]
    parts.append("</ul><h3>Stages</h3><dl>")
    for stage in Stage:
        parts.append(
            f"<dt><b>{html.escape(stage.label)}</b></dt>"
            f"<dd style='margin-bottom:6px'>{html.escape(STAGE_HELP[stage])}</dd>"
        )
    parts.append("</dl><h3>Channels</h3><dl>")
    for channel in Channel:
        parts.append(
            f"<dt><b>{html.escape(channel.label)}</b></dt>"
            f"<dd style='margin-bottom:6px'>{html.escape(CHANNEL_HELP[channel])}</dd>"
        )
    parts.append(
        "</dl><h3>Moving countries?</h3><p>Open the visa and relocation panel. A changed "
        "timeline becomes a short practical reason, and the checklist reminds you of "
        "petitions, relocation advances and bonuses to settle.</p>"
    )
    return "".join(parts)


def about_html() -> str:
    """The About text: version, what the app does, and the privacy promise."""
    return (
        f"<h2>Bow Out {html.escape(__version__)}</h2>"
        "<p>Drafts courteous messages for withdrawing from a job application, or taking back "
        "an accepted offer, without burning bridges.</p>"
        "<p><b>Offline and private.</b> Bow Out never connects to the internet. Your drafts "
        "and history stay in a folder on this computer, readable only by you. Nothing leaves "
        "the machine unless you copy, export or open your mail app.</p>"
        f"<p><small>Python {html.escape(platform.python_version())}, "
        f"Qt for Python {html.escape(pyside_version)}. MIT licence.</small></p>"
    )


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.setObjectName("close_buttons")
    buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("close_button")
    buttons.rejected.connect(dialog.reject)
    return buttons


def build_about_dialog(parent: QWidget | None = None) -> QDialog:
    """The About dialog, not yet shown."""
    dialog = QDialog(parent)
    dialog.setObjectName("about_dialog")
    dialog.setWindowTitle("About Bow Out")
    text = QLabel(about_html(), dialog)
    text.setObjectName("about_text")
    text.setAccessibleName("About Bow Out")
    text.setWordWrap(True)
    text.setMinimumWidth(380)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(_close_buttons(dialog))
    return dialog


def build_help_dialog(parent: QWidget | None = None) -> QDialog:
    """The Help dialog, not yet shown."""
    dialog = QDialog(parent)
    dialog.setObjectName("help_dialog")
    dialog.setWindowTitle("Bow Out Help")
    browser = QTextBrowser(dialog)
    browser.setObjectName("help_browser")
    browser.setAccessibleName("Help text")
    browser.setOpenLinks(False)  # nothing in Help should ever leave the app
    browser.setHtml(help_html())
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(_close_buttons(dialog))
    fit_dialog(dialog, QSize(560, 620))
    return dialog


def show_about(parent: QWidget | None = None) -> None:
    """Show the About dialog modally."""
    dialog = build_about_dialog(parent)
    dialog.exec()
    dialog.deleteLater()


def show_help(parent: QWidget | None = None) -> None:
    """Show the Help dialog modally."""
    dialog = build_help_dialog(parent)
    dialog.exec()
    dialog.deleteLater()
