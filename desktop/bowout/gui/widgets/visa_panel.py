"""The collapsible visa and relocation panel under the scenario picker."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bowout.core.country_notes import countries
from bowout.core.situation import Money
from bowout.gui.widgets.message_line import alarm_colour

logger = logging.getLogger(__name__)


def add_fact_checks(
    facts: dict[str, tuple[str, str]],
    parent: QWidget,
    layout: QBoxLayout | QFormLayout,
    changed: Callable[[], object] | SignalInstance,
) -> dict[str, QCheckBox]:
    """One check box per Situation fact (named ``<fact>_check``), added to ``layout``."""
    boxes: dict[str, QCheckBox] = {}
    for name, (text, accessible) in facts.items():
        box = QCheckBox(text, parent)
        box.setObjectName(f"{name}_check")
        box.setAccessibleName(accessible)
        box.toggled.connect(changed)
        boxes[name] = box
        layout.addWidget(box)
    return boxes


#: Situation field -> check-box text (with mnemonic) and accessible name.
VISA_FACTS = {
    "visa_petition_started": ("Visa &petition already started", "Visa petition started"),
    "sponsorship_required": ("&I need visa sponsorship", "Sponsorship required"),
    "relocation_timeline_changed": (
        "Relocation timeline change&d",
        "Relocation timeline changed",
    ),
}


#: Money facts: Situation field -> label (with mnemonic) and accessible name. Only money
#: received is owed back, so the picker asks what happened rather than offering a tick.
MONEY_FACTS = {
    "signing_bonus": ("Si&gning bonus:", "Signing bonus"),
    "relocation_assistance": ("Relocation &assistance:", "Relocation assistance"),
}


class VisaPanel(QWidget):
    """Visa and relocation facts, and the country of the job, folded away until the user
    opens them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visa_panel")
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("visa_toggle")
        self.toggle.setText("&Visa and relocation")
        self.toggle.setAccessibleName("Show visa and relocation facts")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)

        self.body = QWidget(self)
        self.body.setObjectName("visa_body")
        form = QVBoxLayout(self.body)
        form.setContentsMargins(16, 0, 0, 0)
        self.boxes = add_fact_checks(VISA_FACTS, self.body, form, self.changed)
        self.money_combos = self._money_pickers(form)
        self.start_check = QCheckBox("A start date &was agreed:", self.body)
        self.start_check.setObjectName("start_date_check")
        self.start_check.setAccessibleName("A start date was agreed")
        self.start_edit = QDateEdit(self.body)
        self.start_edit.setObjectName("start_date_edit")
        self.start_edit.setAccessibleName("Agreed start date")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.setDate(QDate.currentDate().addMonths(1))
        # A new draft looks ahead: the date cannot be set in the past (a saved record
        # with a date that has passed lowers the floor to its date, and is marked).
        self.start_edit.setMinimumDate(QDate.currentDate())
        self.start_edit.setEnabled(False)
        self.start_check.toggled.connect(self.start_edit.setEnabled)
        self.start_check.toggled.connect(self._mark_past_date)
        self.start_check.toggled.connect(self.changed)
        self.start_edit.dateChanged.connect(self._date_changed)
        row = QHBoxLayout()
        row.addWidget(self.start_check)
        row.addWidget(self.start_edit, 1)
        form.addLayout(row)

        outer = QFormLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addRow(self.toggle)
        outer.addRow(self.body)
        self.toggle.toggled.connect(self.set_expanded)
        self.set_expanded(False)

    def _money_pickers(self, layout: QVBoxLayout) -> dict[str, QComboBox]:
        """One none/promised/received picker per money fact (named ``<fact>_combo``)."""
        money_form = QFormLayout()
        combos: dict[str, QComboBox] = {}
        for name, (text, accessible) in MONEY_FACTS.items():
            combo = QComboBox(self.body)
            combo.setObjectName(f"{name}_combo")
            combo.setAccessibleName(accessible)
            for money in Money:
                combo.addItem(money.label, money.value)
            combo.currentIndexChanged.connect(self.changed)
            label = QLabel(text, self.body)
            label.setBuddy(combo)
            money_form.addRow(label, combo)
            combos[name] = combo
        self.country_combo = QComboBox(self.body)
        self.country_combo.setObjectName("country_combo")
        self.country_combo.setAccessibleName("Country of the job")
        self.country_combo.setToolTip(
            "Where the job is: rescinding an accepted offer there adds a note on its law to "
            "the checklist (general information, not legal advice)."
        )
        self.country_combo.addItem("Not listed", "")
        for code, name in countries().items():
            self.country_combo.addItem(name, code)
        self.country_combo.currentIndexChanged.connect(self.changed)
        label = QLabel("Country o&f the job:", self.body)
        label.setBuddy(self.country_combo)
        money_form.addRow(label, self.country_combo)
        layout.addLayout(money_form)
        return combos

    @Slot(bool)
    def set_expanded(self, expanded: bool) -> None:
        """Open or fold the panel."""
        self.toggle.setChecked(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def focus_chain(self) -> list[QWidget]:
        """The toggle, then the facts top to bottom (folded ones are skipped by Qt)."""
        return [
            self.toggle, *self.boxes.values(), *self.money_combos.values(),
            self.country_combo, self.start_check, self.start_edit,
        ]  # fmt: skip

    def is_expanded(self) -> bool:
        """Whether the facts are showing."""
        return self.toggle.isChecked()

    @Slot(QDate)
    def _date_changed(self, _date: QDate) -> None:
        self._mark_past_date()
        if self.start_check.isChecked():
            self.changed.emit()

    @Slot()
    def _mark_past_date(self) -> None:
        past = self.start_check.isChecked() and self.start_edit.date() < QDate.currentDate()
        self.start_edit.setProperty("invalid", past)
        self.start_edit.setToolTip(
            "This date has passed: pick the date now planned, or untick the box." if past else ""
        )
        border = alarm_colour(self.palette()).name()
        self.start_edit.setStyleSheet(
            f"QDateEdit {{ border: 2px solid {border}; }}" if past else ""
        )

    def facts(self) -> dict[str, Any]:
        """The Situation keyword arguments this panel sets."""
        values: dict[str, Any] = {name: box.isChecked() for name, box in self.boxes.items()}
        for name, combo in self.money_combos.items():
            values[name] = Money(combo.currentData())
        values["country"] = str(self.country_combo.currentData() or "")
        values["start_date"] = None
        if self.start_check.isChecked():
            values["start_date"] = self.start_edit.date().toPython()
        return values

    def set_facts(self, values: dict[str, Any]) -> None:
        """Show saved facts without emitting ``changed`` for each one."""
        self.blockSignals(True)
        try:
            for name, box in self.boxes.items():
                box.setChecked(bool(values.get(name)))
            for name, combo in self.money_combos.items():
                money = Money.coerce(values.get(name))
                combo.setCurrentIndex(combo.findData(money.value))
            # A country with no note here (a newer Bow Out's) shows as not listed.
            country = self.country_combo.findData(str(values.get("country") or ""))
            self.country_combo.setCurrentIndex(max(country, 0))
            start = values.get("start_date")
            self.start_check.setChecked(isinstance(start, dt.date))
            today = QDate.currentDate()
            if isinstance(start, dt.date):
                date = QDate(start.year, start.month, start.day)
                self.start_edit.setMinimumDate(min(date, today))
                self.start_edit.setDate(date)
            else:
                self.start_edit.setMinimumDate(today)
        finally:
            self.blockSignals(False)
        self._mark_past_date()
        has_money = any(Money.coerce(values.get(name)) is not Money.NONE for name in MONEY_FACTS)
        given = (*VISA_FACTS, "start_date", "country")
        if has_money or any(values.get(name) for name in given):
            self.set_expanded(True)
