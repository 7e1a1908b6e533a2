"""After rescinding: goodwill the user may offer (a referral, a handover call, staying in touch)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from bowout.core.goodwill import Goodwill
from bowout.core.situation import Kind, Reason, Stage

#: Shown, and the choices disabled, when the reason is concerns about the process.
RED_FLAGS_HINT = (
    "With concerns about the process the message stays neutral: nothing more is offered."
)
#: Object names of the check boxes, by choice.
CHECK_NAMES = {
    Goodwill.REFERRAL: "referral_check",
    Goodwill.HANDOVER: "handover_check",
    Goodwill.STAY_IN_TOUCH: "stay_in_touch_check",
}


class GoodwillPanel(QGroupBox):
    """Three independent choices, shown only when rescinding an accepted offer; disabled,
    with a one-line reason, when the reason is red flags. Ticks are kept as they are while
    hidden or disabled (nothing the user chose is lost); the draft uses them where they fit
    (:func:`bowout.core.goodwill.goodwill_fits`)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("After rescinding", parent)
        self.setObjectName("goodwill_group")
        self.setAccessibleName("After rescinding: goodwill to offer")
        layout = QVBoxLayout(self)
        self.checks: dict[Goodwill, QCheckBox] = {}
        for choice in Goodwill:
            box = QCheckBox(choice.label, self)
            box.setObjectName(CHECK_NAMES[choice])
            box.setAccessibleName(choice.label)
            box.setAccessibleDescription(choice.hint)
            box.setToolTip(choice.hint)
            box.toggled.connect(self.changed)
            layout.addWidget(box)
            self.checks[choice] = box
        self.hint = QLabel(self)
        self.hint.setObjectName("goodwill_hint")
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("Why goodwill is not offered")
        self.hint.hide()
        layout.addWidget(self.hint)

    def offer(self, stage: Stage, reason: Reason, kind: Kind) -> None:
        """Show the choices when rescinding (stage accepted, withdrawing); disable them with
        a short explanation when the reason is red flags."""
        self.setVisible(stage is Stage.ACCEPTED and kind is Kind.WITHDRAW)
        red_flags = not reason.info.warm  # a neutral message offers nothing more
        for box in self.checks.values():
            box.setEnabled(not red_flags)
        self.hint.setText(RED_FLAGS_HINT if red_flags else "")
        self.hint.setVisible(red_flags)

    def choices(self) -> tuple[Goodwill, ...]:
        """The ticked choices, in :class:`Goodwill` order (kept even where they do not fit)."""
        return tuple(choice for choice, box in self.checks.items() if box.isChecked())

    def set_choices(self, chosen: tuple[Goodwill, ...]) -> None:
        """Tick exactly ``chosen``, without emitting ``changed``."""
        self.blockSignals(True)
        try:
            for choice, box in self.checks.items():
                box.blockSignals(True)
                box.setChecked(choice in chosen)
                box.blockSignals(False)
        finally:
            self.blockSignals(False)

    def focus_chain(self) -> list[QWidget]:
        """The check boxes top to bottom (hidden or disabled ones are skipped by Qt)."""
        return list(self.checks.values())
