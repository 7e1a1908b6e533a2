"""Try to resolve it first: ask for a conversation about one deal-breaker before withdrawing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from bowout.core.negotiation import LIKELY
from bowout.core.situation import DealBreaker, Kind, Reason, Stage, negotiable
from bowout.gui.widgets.dates import DayFirstDateEdit, show_date

#: How far ahead a decide-by date may be set (a saved later one is kept as saved).
DECIDE_MONTHS_AHEAD = 6


class NegotiatePanel(QGroupBox):
    """Offered (never forced) for reasons a conversation can change, from the interviewing
    stage on: the deal-breaker, a decision date, and the way on when it was not resolved."""

    changed = Signal()
    #: "Resolved: no withdrawal": the window keeps the request with that outcome.
    resolved_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Before you withdraw", parent)
        self.setObjectName("negotiate_panel")
        self.negotiate_check = QCheckBox("Try to resolve it first", self)
        self.negotiate_check.setObjectName("negotiate_check")
        self.negotiate_check.setAccessibleName("Try to resolve it first")
        self.negotiate_check.setToolTip(
            "Ask for a conversation about the one point that decides it, before withdrawing."
        )
        self.breaker_combo = QComboBox(self)
        self.breaker_combo.setObjectName("deal_breaker_combo")
        self.breaker_combo.setAccessibleName("The deal-breaker to talk about")
        for breaker in DealBreaker:
            self.breaker_combo.addItem(breaker.label, breaker.value)
        self.decide_check = QCheckBox("Decide by:", self)
        self.decide_check.setObjectName("decide_by_check")
        self.decide_check.setAccessibleName("Set a decision date")
        self.decide_edit = DayFirstDateEdit(self)
        self.decide_edit.setObjectName("decide_by_edit")
        self.decide_edit.setAccessibleName("Decision date")
        self._show_decide(QDate.currentDate().addDays(7))
        self.not_resolved_button = QPushButton("Not resolved: withdraw now", self)
        self.not_resolved_button.setObjectName("not_resolved_button")
        self.not_resolved_button.setAccessibleName("Not resolved: draft the withdrawal")
        self.not_resolved_button.setToolTip(
            "Turn this into the withdrawal, every fact kept; it says neutrally that the "
            "conversation found no way."
        )
        self.resolved_button = QPushButton("Resolved: no withdrawal", self)
        self.resolved_button.setObjectName("resolved_button")
        self.resolved_button.setAccessibleName("Resolved: keep it, no withdrawal")
        self.resolved_button.setToolTip(
            "The conversation resolved it: keep this in your history as resolved; "
            "nothing is withdrawn."
        )
        self.negotiated = False
        self.resolved = False
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.negotiate_check)
        form.addRow(QLabel("The point:", self), self.breaker_combo)
        form.addRow(self.decide_check, self.decide_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.not_resolved_button)
        buttons.addWidget(self.resolved_button)
        form.addRow(buttons)
        form.addRow(self.hint)
        self.negotiate_check.toggled.connect(self._negotiate_toggled)
        self.breaker_combo.currentIndexChanged.connect(self.changed)
        self.decide_check.toggled.connect(self.decide_edit.setEnabled)
        self.decide_check.toggled.connect(self.changed)
        self.decide_edit.dateChanged.connect(self.changed)
        self.not_resolved_button.clicked.connect(self.not_resolved)
        self.resolved_button.clicked.connect(self.resolved_requested)
        self._sync()

    def offer(self, stage: Stage, reason: Reason) -> None:
        """Show the panel only where a conversation can change things; propose the likely
        deal-breaker for the reason while the user has not chosen one."""
        fits = negotiable(stage, reason)
        self.setVisible(fits)
        if fits and not self.negotiate_check.isChecked() and not self.negotiated:
            self.blockSignals(True)
            self.breaker_combo.setCurrentIndex(self.breaker_combo.findData(LIKELY[reason].value))
            self.blockSignals(False)

    def facts(self, stage: Stage, reason: Reason) -> dict[str, Any]:
        """The Situation keyword arguments this panel sets (withdraw when it does not fit)."""
        fits = negotiable(stage, reason)
        asking = fits and self.negotiate_check.isChecked()
        breaker = DealBreaker(self.breaker_combo.currentData())
        decide = self.decide_edit.date().toPython() if self.decide_check.isChecked() else None
        return {
            "kind": Kind.NEGOTIATE if asking else Kind.WITHDRAW,
            "deal_breaker": breaker if asking or (fits and self.negotiated) else None,
            "decide_by": decide if asking else None,
            "negotiated": fits and self.negotiated and not asking,
        }

    def set_facts(self, kind: Kind, breaker: DealBreaker | None, decide: dt.date | None,
                  negotiated: bool) -> None:  # fmt: skip
        """Show saved facts without emitting ``changed``."""
        self.blockSignals(True)
        try:
            self.negotiated = negotiated
            self.negotiate_check.setChecked(kind is Kind.NEGOTIATE)
            if breaker is not None:
                self.breaker_combo.setCurrentIndex(self.breaker_combo.findData(breaker.value))
            self.decide_check.setChecked(decide is not None)
            if decide is not None:
                self._show_decide(QDate(decide.year, decide.month, decide.day))
        finally:
            self.blockSignals(False)
        self._sync()

    def _show_decide(self, date: QDate) -> None:
        """Show ``date`` in a range from today to :data:`DECIDE_MONTHS_AHEAD` months on."""
        today = QDate.currentDate()
        show_date(self.decide_edit, date, today, today.addMonths(DECIDE_MONTHS_AHEAD))

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls top to bottom (hidden ones are skipped by Qt)."""
        return [
            self.negotiate_check, self.breaker_combo, self.decide_check, self.decide_edit,
            self.not_resolved_button, self.resolved_button,
        ]  # fmt: skip

    @Slot()
    def not_resolved(self) -> None:
        """The conversation found no way: back to the withdrawal, which says so."""
        self.negotiated = True
        self.resolved = False
        self.negotiate_check.setChecked(False)  # emits changed through _negotiate_toggled

    def show_resolved(self, resolved: bool) -> None:
        """Say whether the kept request was resolved (the window saved that outcome)."""
        self.resolved = resolved
        self._sync()

    @Slot(bool)
    def _negotiate_toggled(self, _on: bool) -> None:
        self._sync()
        self.changed.emit()

    def _sync(self) -> None:
        asking = self.negotiate_check.isChecked()
        self.decide_check.setEnabled(asking)
        self.decide_edit.setEnabled(asking and self.decide_check.isChecked())
        self.not_resolved_button.setVisible(asking)
        self.resolved_button.setVisible(asking)
        self.resolved_button.setEnabled(not self.resolved)
        if asking and self.resolved:
            self.hint.setText("Resolved: you stayed in the process; nothing is withdrawn.")
        elif asking:
            self.hint.setText("The draft asks for a conversation; nothing is withdrawn yet.")
        elif self.negotiated:
            self.hint.setText("The withdrawal says the conversation found no way.")
        else:
            self.hint.setText("")
