"""A message in another language is drafted in it (issue 26).

A German situation loaded the German dictionary and re-underlined the message; Qt's
rehighlight() marked the document as modified, so the window took the English draft for
the user's own words, kept it, and offered "Use the new draft" instead of writing German.
"""

from __future__ import annotations

from gui_helpers import email_text, pick
from pytestqt.qtbot import QtBot

from bowout.core.situation import Reason, Situation, Stage
from bowout.gui.window.shell import MainWindow

GERMAN = Situation(
    stage=Stage.OFFER, reason=Reason.PERSONAL, role="Analyst", company="Northwind",
    contact="Frau Anna Schäfer", language="de",
)  # fmt: skip


def test_a_german_situation_is_drafted_in_german(qtbot: QtBot, window: MainWindow) -> None:
    window.session.new_draft()
    window.form.set_situation(GERMAN)
    qtbot.waitUntil(lambda: email_text(window).startswith("Liebe Frau Schäfer"))
    qtbot.wait(400)  # the German dictionary loads, and the message is underlined again
    assert not window.editor.document().isModified()
    assert not window.draft_view.redraft_bar.isVisibleTo(window)
    with qtbot.waitSignal(window.form.situation_changed, timeout=5000):
        pick(window.form.language_picker.language_combo, "en")
    qtbot.waitUntil(lambda: email_text(window).startswith("Dear"))
    assert not window.draft_view.redraft_bar.isVisibleTo(window)
