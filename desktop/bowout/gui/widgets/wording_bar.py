"""The voice picker and "Another wording": how the draft sounds, and which phrasing it uses."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from bowout.core.situation import Voice

logger = logging.getLogger(__name__)

#: What each voice sounds like, shown as the picker's tooltip.
VOICE_HINTS = {
    Voice.BRIEF: "The fewest words that still thank them and say it plainly.",
    Voice.WARM: "Courteous and personal: the usual choice.",
    Voice.FORMAL: "Reads like a letter: full names and “Yours sincerely”.",
}


class WordingBar(QWidget):
    """Voice combo, the "Another wording" button and which wording of how many is shown.

    Emits ``changed`` when the user picks a voice or asks for another wording; the window
    redrafts (an untouched message as one undo step; one with the user's words only once
    they choose, see :mod:`bowout.gui.widgets.redraft_bar`) and reports back with
    :meth:`show_wording`.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wording_bar")
        self._wording = 1
        self._wordings = 1
        self.voice_combo = QComboBox(self)
        self.voice_combo.setObjectName("voice_combo")
        self.voice_combo.setAccessibleName("Voice of the message")
        for voice in Voice:
            self.voice_combo.addItem(voice.label, voice.value)
        self.voice_combo.setCurrentIndex(list(Voice).index(Voice.WARM))
        self._update_hint()
        self.another_button = QPushButton("Another &wording", self)
        self.another_button.setObjectName("another_wording_button")
        self.another_button.setAccessibleName("Another wording")
        self.another_button.setToolTip(
            "Phrase the draft another way. Text you wrote yourself is replaced only if you "
            "choose so above the message."
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("wording_count_label")
        self.count_label.setAccessibleName("Which wording is shown")
        label = QLabel("Voic&e:", self)
        label.setBuddy(self.voice_combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.voice_combo)
        layout.addWidget(self.another_button)
        layout.addWidget(self.count_label)
        layout.addStretch(1)
        self.voice_combo.currentIndexChanged.connect(self._voice_changed)
        self.another_button.clicked.connect(self.next_wording)

    def voice(self) -> Voice:
        """The chosen voice."""
        return Voice(self.voice_combo.currentData())

    def wording(self) -> int:
        """The chosen wording (1-based)."""
        return self._wording

    def set_choice(self, voice: Voice, wording: int) -> None:
        """Show a saved voice and wording without emitting ``changed``."""
        self.blockSignals(True)
        try:
            self.voice_combo.setCurrentIndex(list(Voice).index(voice))
            self._wording = max(1, wording)
        finally:
            self.blockSignals(False)
        self._update_hint()

    @Slot(int, int)
    def show_wording(self, wording: int, wordings: int) -> None:
        """The composer's answer: wording ``wording`` of ``wordings`` is in the editor."""
        self._wording, self._wordings = wording, wordings
        self.count_label.setText(f"{wording} of {wordings}")
        self.another_button.setEnabled(wordings > 1)

    @Slot()
    def next_wording(self) -> None:
        """Ask for the next phrasing (after the last, the first again)."""
        self._wording = self._wording % max(self._wordings, 1) + 1
        self.changed.emit()

    @Slot(int)
    def _voice_changed(self, _index: int) -> None:
        self._update_hint()
        self._wording = 1
        self.changed.emit()

    def _update_hint(self) -> None:
        self.voice_combo.setToolTip(VOICE_HINTS[self.voice()])
