"""Tell the others: what the batch is about (why, the offer accepted, the voice, the
language) and the button that drafts the messages."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from bowout.core.situation import Reason, Voice
from bowout.gui.views.batch_items import side_combo
from bowout.gui.widgets.language_picker import LanguagePicker
from bowout.gui.widgets.list_actions import list_button

#: The first choices of "Why": the two batches people send most, then every reason.
HEADLINES = (
    ("I accepted an offer — tell the others", Reason.OTHER_OFFER),
    ("I am pausing my search", Reason.PERSONAL),
)

#: "The offer I accepted" when it is not one of the open applications.
NOT_LISTED = "An offer not in this list"
#: The first choice of the language picker: each message in its application's language.
EACH_OWN_LANGUAGE = "Each application's own"


class BatchChoices(QWidget):
    """Why, Accepted, Voice and Language above "Draft the messages" (whose ``clicked`` is
    the batch view's to connect)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason_combo = side_combo(self, "batch_reason_combo", "Why you are withdrawing")
        for text, reason in HEADLINES:
            self.reason_combo.addItem(text, reason)
        for reason in Reason:
            self.reason_combo.addItem(f"Another reason: {reason.label}", reason)
        self.reason_combo.currentIndexChanged.connect(lambda _i: self._reason_changed())
        self.accepted_combo = side_combo(self, "accepted_combo", "The offer you accepted")
        self.voice_combo = side_combo(self, "batch_voice_combo", "Voice of the messages")
        for voice in Voice:
            self.voice_combo.addItem(voice.label, voice)
        self.voice_combo.setCurrentIndex(self.voice_combo.findData(Voice.WARM))
        # The messages' language (issue 26): by default each application's own.
        self.language_picker = LanguagePicker(self, own_choice=EACH_OWN_LANGUAGE)
        self.draft_button = list_button(
            self,
            "batch_draft_button",
            "&Draft the messages",
            "Draft one for every other application",
        )
        form = QFormLayout()
        form.addRow("&Why:", self.reason_combo)
        form.addRow("&Accepted:", self.accepted_combo)
        form.addRow("&Voice:", self.voice_combo)
        form.addRow("Lan&guage:", self.language_picker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.draft_button)
        self._reason_changed()

    def focus_chain(self) -> list[QWidget]:
        """The choices top to bottom, then the button."""
        picker = self.language_picker
        return [self.reason_combo, self.accepted_combo, self.voice_combo, picker.language_combo,
                picker.address_combo, self.draft_button]  # fmt: skip

    def reason(self) -> Reason:
        """The batch's reason."""
        reason = self.reason_combo.currentData()
        assert isinstance(reason, Reason)
        return reason

    def voice(self) -> Voice:
        """The messages' voice."""
        voice = self.voice_combo.currentData()
        assert isinstance(voice, Voice)
        return voice

    def accepted_id(self) -> str:
        """The id of the open application whose offer was accepted ("" when none is chosen,
        or the reason is not an accepted offer)."""
        chosen = self.accepted_combo.currentData()
        return (chosen or "") if self.reason() is Reason.OTHER_OFFER else ""

    @Slot()
    def _reason_changed(self) -> None:
        offer = self.reason() is Reason.OTHER_OFFER
        self.accepted_combo.setEnabled(offer)
        self.accepted_combo.setToolTip("" if offer else "Only when you accepted an offer")
