"""The scenario picker: stage, reason, channel (with advice), relationship facts and names."""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bowout.core.addressing import greeting_name
from bowout.core.advice import call_choice_fits
from bowout.core.errors import InputError
from bowout.core.names import parse_name
from bowout.core.pack import load_pack
from bowout.core.situation import (
    MAX_FIELD_CHARS,
    Channel,
    Reason,
    Situation,
    Stage,
    check_email_address,
)
from bowout.gui.widgets import fact_checks as checks
from bowout.gui.widgets.goodwill_panel import GoodwillPanel
from bowout.gui.widgets.language_picker import LanguagePicker
from bowout.gui.widgets.length_limit import LengthLimit, too_long
from bowout.gui.widgets.message_line import alarm_colour
from bowout.gui.widgets.negotiation_place import NegotiationPlace
from bowout.gui.widgets.visa_panel import VISA_FIELDS, VisaPanel
from bowout.gui.widgets.wording_bar import WordingBar

if TYPE_CHECKING:
    from bowout.core.advice import Advice
    from bowout.gui.widgets.negotiate_panel import NegotiatePanel

logger = logging.getLogger(__name__)

#: Characters a picker shows at its narrowest (it grows with the panel).
COMBO_MIN_CHARS = 14
#: Data value of the channel combo's first entry: follow the recommendation.
RECOMMENDED = ""
#: Typing in a name field redrafts once the typing pauses this long (milliseconds), or
#: when the field is left: one redraft (and one undo step) per name, not one per letter.
TYPING_PAUSE_MS = 500


class ScenarioForm(QWidget):
    """Emits ``situation_changed`` whenever anything the draft depends on changes (for
    typed text, once the typing pauses or the field is left: see :data:`TYPING_PAUSE_MS`)."""

    situation_changed = Signal()
    #: "Resolved: no withdrawal" in the negotiation panel: keep the request with that outcome.
    resolved_requested = Signal()
    #: Typed or pasted text was refused (too long); the sentence that says so.
    input_refused = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, language_names: Mapping[str, str] | None = None
    ) -> None:
        """``language_names``: the language packs named in English, when known already."""
        super().__init__(parent)
        self.setObjectName("scenario_form")
        self._language_names = language_names
        self._advice: Advice | None = None
        self.typing_timer = QTimer(self)
        self.typing_timer.setObjectName("typing_timer")
        self.typing_timer.setSingleShot(True)
        self.typing_timer.setInterval(TYPING_PAUSE_MS)
        self.typing_timer.timeout.connect(self.situation_changed)
        # Shown beside the message by the window, read here with the rest of the situation.
        self.wording_bar = WordingBar()
        self._build_pickers()
        self._build_facts()
        self._build_names()
        self.visa_panel = VisaPanel(self)
        self.visa_panel.follow_stage(self.stage_combo)  # only the facts the stage can have
        self.goodwill_panel = GoodwillPanel(self)
        self.goodwill_panel.changed.connect(self.situation_changed)
        for picker in (self.stage_combo, self.reason_combo):
            changed = picker.currentIndexChanged
            changed.connect(self._offer_negotiation)
            changed.connect(self._offer_goodwill)
        for picker in (self.stage_combo, self.channel_combo):
            picker.currentIndexChanged.connect(self._offer_call)
        self.wording_bar.changed.connect(self.situation_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pickers)
        # "Before you withdraw" goes under the pickers, built the first time it fits.
        self.negotiation = NegotiationPlace(self, layout, 1,
                                            self.language_picker.address_combo,
                                            self._wire_negotiation)  # fmt: skip
        self._offer_negotiation()
        self._offer_goodwill()
        self._offer_call()
        layout.addWidget(self.goodwill_panel)
        layout.addWidget(self.facts_box)
        layout.addWidget(self.names_box)
        layout.addWidget(self.visa_panel)
        layout.addStretch(1)
        self.visa_panel.changed.connect(self.situation_changed)

    # -- building -------------------------------------------------------------------------

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        # Long entries ("Offer accepted (rescinding)") must not widen the whole panel on a
        # small screen; the open list still shows them in full.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MIN_CHARS)
        combo.currentIndexChanged.connect(self.situation_changed)
        return combo

    def _build_pickers(self) -> None:
        self.pickers = QGroupBox("Situation", self)
        self.pickers.setObjectName("situation_group")
        self.stage_combo = self._combo("stage_combo", "Stage of the application")
        for stage in Stage:
            self.stage_combo.addItem(stage.label, stage.value)
        self.reason_combo = self._combo("reason_combo", "Reason for withdrawing")
        for reason in Reason:
            self.reason_combo.addItem(reason.label, reason.value)
        self.reason_combo.setCurrentIndex(list(Reason).index(Reason.NONE))
        self.channel_combo = self._combo("channel_combo", "How to tell them")
        self.channel_combo.addItem("Recommended", RECOMMENDED)
        for channel in Channel:
            self.channel_combo.addItem(channel.label, channel.value)
        self.rationale_label = QLabel(self)
        self.rationale_label.setObjectName("rationale_label")
        self.rationale_label.setWordWrap(True)
        self.rationale_label.setAccessibleName("Why this channel is recommended")
        form = QFormLayout(self.pickers)
        form.addRow(self._label("&Stage:", self.stage_combo), self.stage_combo)
        form.addRow(self._label("&Reason:", self.reason_combo), self.reason_combo)
        form.addRow(self._label("Cha&nnel:", self.channel_combo), self.channel_combo)
        form.addRow(self.rationale_label)
        self.language_picker = LanguagePicker(self, self._language_names)
        self.language_picker.changed.connect(self.situation_changed)
        language = self.language_picker.language_combo
        form.addRow(self._label("Lan&guage:", language), self.language_picker)

    def _build_facts(self) -> None:
        self.facts_box = QGroupBox("Relationship", self)
        self.facts_box.setObjectName("relationship_group")
        layout = QVBoxLayout(self.facts_box)
        self.fact_checks = checks.add_fact_checks(
            checks.RELATIONSHIP_FACTS, self.facts_box, layout, self.situation_changed
        )

    def _build_names(self) -> None:
        self.names_box = QGroupBox("People and role", self)
        self.names_box.setObjectName("names_group")
        form = QFormLayout(self.names_box)
        self.name_edits: dict[str, QLineEdit] = {}
        for object_name, label, field, hint in checks.NAME_FIELDS:
            edit = QLineEdit(self.names_box)
            edit.setObjectName(object_name)
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            edit.setAccessibleDescription(hint)
            edit.setPlaceholderText(hint)
            limit = LengthLimit.attach(edit, MAX_FIELD_CHARS, checks.FIELD_WORDS[field])
            limit.refused.connect(functools.partial(self._refused, checks.FIELD_WORDS[field]))
            edit.textChanged.connect(functools.partial(self._text_changed, edit))
            edit.editingFinished.connect(self.finish_typing)
            self.name_edits[field] = edit
            form.addRow(self._label(label, edit), edit)
        self.contact_edit = self.name_edits["contact"]
        self.role_edit = self.name_edits["role"]
        self.company_edit = self.name_edits["company"]
        self.recruiter_edit = self.name_edits["recruiter"]
        self.greeting_edit = self.name_edits["greeting"]
        self.contact_edit.textChanged.connect(self._suggest_greeting)
        self.wording_bar.changed.connect(self._suggest_greeting)
        self.fact_checks["rapport"].toggled.connect(self._suggest_greeting)
        self.language_picker.changed.connect(self._suggest_greeting)
        self._suggest_greeting()
        self.contact_email_edit = QLineEdit(self.names_box)
        self.contact_email_edit.setObjectName("contact_email_edit")
        self.contact_email_edit.setAccessibleName("Contact email")
        self.contact_email_edit.setAccessibleDescription("Fills To: in the mail app and .eml")
        self.contact_email_edit.setPlaceholderText("For To: in your mail app (optional)")
        limit = LengthLimit.attach(self.contact_email_edit, MAX_FIELD_CHARS, "email address")
        limit.refused.connect(functools.partial(self._refused, "email address"))
        self.contact_email_edit.textChanged.connect(self._email_changed)
        self.contact_email_edit.editingFinished.connect(self.finish_typing)
        form.insertRow(1, self._label("Contact e&mail:", self.contact_email_edit),
                       self.contact_email_edit)  # fmt: skip
        self.email_problem = ""

    def add_clear_buttons(self) -> None:
        """A clear button in each text field, added after the first paint: Qt asks the icon
        theme for its icon, which on X11 can take 40 ms (issue 25)."""
        for edit in (*self.name_edits.values(), self.contact_email_edit):
            edit.setClearButtonEnabled(True)

    def _refused(self, label: str, length: int) -> None:
        self.input_refused.emit(too_long(label, length, MAX_FIELD_CHARS))

    @Slot()
    def _suggest_greeting(self) -> None:
        # Greyed in the greeting field: the first name the draft will use (English), else the
        # pack's hint on how that language greets (German wants the Anrede, "Frau Nair").
        language = self.language_picker.language()
        pack = load_pack(language)
        hint = pack.word("hints", "greeting")
        default = ""
        if pack.words.get("greeting", {}).get("names") == "first-name":
            rapport = self.fact_checks["rapport"].isChecked()
            default = greeting_name(parse_name(self.contact_edit.text()),
                                    self.wording_bar.voice(), familiar=rapport,
                                    language=language)  # fmt: skip
        self.greeting_edit.setPlaceholderText(default or hint)
        self.greeting_edit.setAccessibleDescription(hint)
        self.greeting_edit.setToolTip(hint)

    @Slot(str)
    def _email_changed(self, text: str) -> None:
        try:
            check_email_address(text)
        except InputError as exc:
            self.email_problem = str(exc)
        else:
            self.email_problem = ""
        self.contact_email_edit.setToolTip(self.email_problem)
        self.contact_email_edit.setStyleSheet(
            f"QLineEdit {{ border: 2px solid {alarm_colour(self.palette()).name()}; }}"
            if self.email_problem
            else ""
        )
        self._text_changed(self.contact_email_edit)

    def _text_changed(self, edit: QLineEdit, *_: object) -> None:
        """A letter typed: redraft when the typing pauses. Text set by the program (not
        typed: ``isModified`` is off) redrafts at once."""
        if self.signalsBlocked():  # set_situation emits once at its end
            return
        if edit.isModified():
            self.typing_timer.start()
        else:
            self.typing_timer.stop()
            self.situation_changed.emit()

    @Slot()
    def finish_typing(self) -> None:
        """Redraft now if typed text is still waiting for the pause (the field was left, or
        the window is about to save, send or copy)."""
        if self.typing_timer.isActive():
            self.typing_timer.stop()
            self.situation_changed.emit()

    def typing_pending(self) -> bool:
        """True while typed text waits for the pause before the draft follows it."""
        return self.typing_timer.isActive()

    @property
    def negotiate_panel(self) -> NegotiatePanel:
        """ "Before you withdraw", built the first time it fits, is needed or is asked for."""
        return self.negotiation.panel()

    def show_resolved(self, resolved: bool) -> None:
        """Say whether the kept request to talk was resolved (the window saved that outcome)."""
        self.negotiation.show_resolved(resolved)

    def _wire_negotiation(self, panel: NegotiatePanel) -> None:
        panel.changed.connect(self.situation_changed)
        panel.changed.connect(self._offer_goodwill)
        panel.resolved_requested.connect(self.resolved_requested)
        self._offer_negotiation()

    @Slot()
    def _offer_negotiation(self) -> None:
        stage = Stage(self.stage_combo.currentData())
        self.negotiation.offer(stage, Reason(self.reason_combo.currentData()))

    @Slot()
    def _offer_goodwill(self) -> None:
        stage = Stage(self.stage_combo.currentData())
        reason = Reason(self.reason_combo.currentData())
        kind = self.negotiation.facts(stage, reason)["kind"]
        self.goodwill_panel.offer(stage, reason, kind)

    @Slot()
    def _offer_call(self) -> None:
        # "I'll also call the hiring manager myself" only where it changes the draft: the
        # channel in effect (the user's, or the advice's) and the stage say (issue 21).
        value, stage = self.channel_combo.currentData(), Stage(self.stage_combo.currentData())
        channel = Channel(value) if value else self._advice.channel if self._advice else None
        self.fact_checks["will_call"].setVisible(call_choice_fits(stage, channel))

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    # -- reading and writing --------------------------------------------------------------

    def situation(self) -> Situation:
        """The situation the form describes (the channel is None when following advice)."""
        channel_value = self.channel_combo.currentData()
        facts: dict[str, Any] = {name: box.isChecked() for name, box in self.fact_checks.items()}
        facts.update(self.visa_panel.facts())
        stage = Stage(self.stage_combo.currentData())
        reason = Reason(self.reason_combo.currentData())
        return Situation(
            stage=stage,
            reason=reason,
            channel=Channel(channel_value) if channel_value else None,
            contact=self.contact_edit.text(),
            role=self.role_edit.text(),
            company=self.company_edit.text(),
            recruiter=self.recruiter_edit.text(),
            greeting=self.greeting_edit.text(),
            # An address being typed is not used until it is one (the field is marked).
            contact_email="" if self.email_problem else self.contact_email_edit.text().strip(),
            voice=self.wording_bar.voice(),
            language=self.language_picker.language(),
            address=self.language_picker.address(),
            wording=self.wording_bar.wording(),
            **self.negotiation.facts(stage, reason),
            goodwill=self.goodwill_panel.choices(),
            **facts,
        )

    def set_situation(self, situation: Situation) -> None:
        """Show a saved situation, emitting ``situation_changed`` once at the end."""
        self.blockSignals(True)
        try:
            self.stage_combo.setCurrentIndex(self.stage_combo.findData(situation.stage.value))
            self.reason_combo.setCurrentIndex(self.reason_combo.findData(situation.reason.value))
            channel = situation.channel.value if situation.channel else RECOMMENDED
            self.channel_combo.setCurrentIndex(self.channel_combo.findData(channel))
            for name, box in self.fact_checks.items():
                box.setChecked(bool(getattr(situation, name)))
            edits = [*self.name_edits.items(), ("contact_email", self.contact_email_edit)]
            for field, edit in edits:
                edit.setText(getattr(situation, field))
                edit.setCursorPosition(0)  # a long saved name shows its start, not its end
            self.wording_bar.set_choice(situation.voice, situation.wording)
            self.language_picker.set_choice(situation.language, situation.address)
            self.negotiation.show(situation)
            self.goodwill_panel.set_choices(situation.goodwill)
            self.visa_panel.set_facts({name: getattr(situation, name) for name in VISA_FIELDS})
        finally:
            self.blockSignals(False)
        self.typing_timer.stop()  # what was being typed is replaced by the saved situation
        self._suggest_greeting()  # in the saved message's language
        self._offer_goodwill()
        self.situation_changed.emit()

    def set_advice(self, advice: Advice) -> None:
        """Mark the recommended channel in the combo and show its rationale (which names
        where the application stands, so it changes with the stage)."""
        if advice == self._advice:
            return
        self._advice = advice
        self.channel_combo.setItemText(0, f"Recommended: {advice.channel.label}")
        for index, channel in enumerate(Channel, start=1):
            mark = " (recommended)" if channel is advice.channel else ""
            self.channel_combo.setItemText(index, channel.label + mark)
        self.rationale_label.setText(advice.rationale)
        self._offer_call()

    def focus_chain(self) -> list[QWidget]:
        """Every control in the order the form shows them, top to bottom (for Tab)."""
        return [
            self.stage_combo,
            self.reason_combo,
            self.channel_combo,
            self.language_picker.language_combo,
            self.language_picker.address_combo,
            *self.negotiation.focus_chain(),
            *self.goodwill_panel.focus_chain(),
            *self.fact_checks.values(),
            self.contact_edit,
            self.contact_email_edit,
            *(edit for field, edit in self.name_edits.items() if field != "contact"),
            *self.visa_panel.focus_chain(),
        ]

    def names(self) -> list[str]:
        """The names typed in the form (accepted by the spell checker)."""
        return [edit.text() for edit in self.name_edits.values() if edit.text()]

    def wording_shown(self, wording: int, wordings: int) -> None:
        """Tell the wording bar which phrasing the composer used."""
        self.wording_bar.show_wording(wording, wordings)
