"""The tone coach beside the message: re-reads the text as the user types, counts its words,
and selects the words a remark is about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from bowout.gui.utf16 import to_qt_span

if TYPE_CHECKING:
    from bowout.core.draft import Draft, Finding
    from bowout.gui.views.draft import DraftView

#: The tone coach re-reads the user's text this long after typing pauses.
TONE_DELAY_MS = 300


class ToneCoach(QObject):
    """The remarks in the draft view's tone list, for the message as the user edited it."""

    #: The message's word count as the status bar shows it ("147 words").
    words_counted = Signal(str)

    def __init__(self, view: DraftView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        #: Started by each edit; its timeout is the time to re-read (the owner connects it).
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TONE_DELAY_MS)

    def recheck(self, draft: Draft | None) -> None:
        """Run the tone coach on the editor's text for ``draft``'s situation (None: no
        draft yet, nothing to say)."""
        if draft is None:
            return
        # Imported here, not at the top: Jinja2 and the tone rules load after the first show.
        from bowout.core import tone
        from bowout.core.composer import paragraphs

        self.timer.stop()
        text = self.view.editor.message_text()
        blocks = paragraphs(text)
        findings = tone.check_tone(
            text,
            draft.situation,
            draft.channel,
            subject=self.view.subject_edit.text(),
            signature="\n".join(blocks[-1]) if blocks else "",
        )
        self.view.tone_list.set_findings(findings)
        self.count_words(text)

    def count_words(self, text: str | None = None) -> None:
        """Count the email's words (``text``: already read from the editor), as
        :func:`~bowout.gui.widgets.tone_panel.word_count_text` says them."""
        from bowout.gui.widgets.tone_panel import word_count_text

        shown = self.view.editor.message_text() if text is None else text
        self.words_counted.emit(word_count_text(shown))

    @Slot(object)
    def select_finding(self, finding: Finding) -> None:
        """Select the words a tone remark is about."""
        v = self.view
        if finding.target == "subject":
            v.subject_edit.setFocus()
            subject = v.subject_edit.text()
            v.subject_edit.setSelection(*to_qt_span(subject, finding.start, finding.end))
            return
        v.tabs.setCurrentWidget(v.editor)
        v.editor.select_span(finding.start, finding.end)
