"""The visa and relocation panel's fields, built the first time the panel is opened or a
saved situation needs them (:class:`~bowout.gui.widgets.visa_panel.VisaPanel`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from bowout.core.country_notes import countries
from bowout.core.situation import Money, Stage
from bowout.core.stage_facts import fact_fits, first_stage_of, why_not_yet
from bowout.gui.widgets.dates import DayFirstDateEdit, mark_past, show_date
from bowout.gui.widgets.fact_checks import MONEY_FACTS, VISA_FACTS, add_fact_checks

#: How far ahead an agreed start date may be set (a saved later one is kept as saved).
START_YEARS_AHEAD = 2
PAST_START = "This date has passed: pick the date now planned, or untick the box."


class VisaFacts(QWidget):
    """Visa facts, money promised or paid, the country of the job and an agreed start date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visa_body")
        form = QVBoxLayout(self)
        form.setContentsMargins(16, 0, 0, 0)
        self.boxes = add_fact_checks(VISA_FACTS, self, form, self.changed)
        self.money_combos = self._money_pickers(form)
        self.start_check = QCheckBox("A start date &was agreed:", self)
        self.start_check.setObjectName("start_date_check")
        self.start_check.setAccessibleName("A start date was agreed")
        self.start_edit = DayFirstDateEdit(self)
        self.start_edit.setObjectName("start_date_edit")
        self.start_edit.setAccessibleName("Agreed start date")
        # A new draft looks ahead: the date cannot be set in the past (a saved record
        # with a date that has passed lowers the floor to its date, and is marked).
        self._show_start(QDate.currentDate().addMonths(1))
        self.start_edit.setEnabled(False)
        self.start_check.toggled.connect(self._start_toggled)
        self.start_check.toggled.connect(self._mark_past_date)
        self.start_check.toggled.connect(self.changed)
        self.start_edit.dateChanged.connect(self._date_changed)
        row = QHBoxLayout()
        row.addWidget(self.start_check)
        row.addWidget(self.start_edit, 1)
        form.addLayout(row)

    def _money_pickers(self, layout: QVBoxLayout) -> dict[str, QComboBox]:
        """One none/promised/received picker per money fact (named ``<fact>_combo``)."""
        money_form = QFormLayout()
        combos: dict[str, QComboBox] = {}
        for name, (text, accessible) in MONEY_FACTS.items():
            combo = QComboBox(self)
            combo.setObjectName(f"{name}_combo")
            combo.setAccessibleName(accessible)
            for money in Money:
                combo.addItem(money.label, money.value)
            combo.currentIndexChanged.connect(self.changed)
            label = QLabel(text, self)
            label.setBuddy(combo)
            money_form.addRow(label, combo)
            combos[name] = combo
        self.country_combo = QComboBox(self)
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
        label = QLabel("Country o&f the job:", self)
        label.setBuddy(self.country_combo)
        money_form.addRow(label, self.country_combo)
        layout.addLayout(money_form)
        return combos

    def offer(self, stage: Stage) -> None:
        """Enable only the facts ``stage`` can have (issue 21: nothing is promised before an
        offer, paid or petitioned before it is accepted); the others are disabled with a
        tooltip saying why, and keep their values for a later stage (the draft leaves
        them out meanwhile: :func:`bowout.core.stage_facts.within_stage`)."""
        petition = self.boxes["visa_petition_started"]
        _allow(petition, stage, "visa_petition_started", True)
        for name, combo in self.money_combos.items():
            _allow(combo, stage, name, Money.PROMISED)
            model = combo.model()
            if isinstance(model, QStandardItemModel):  # a combo's own model: items can be off
                item = model.item(combo.findData(Money.PAID.value))
                fits = fact_fits(stage, name, Money.PAID)
                item.setEnabled(fits)
                tip = None if fits else _why_not(name, Money.PAID)
                item.setData(tip, Qt.ItemDataRole.ToolTipRole)
        _allow(self.start_check, stage, "start_date", "given")
        self.start_edit.setEnabled(self.start_check.isEnabled() and self.start_check.isChecked())
        self._mark_past_date()  # its own tooltip (a date passed), or why it is off

    def focus_chain(self) -> list[QWidget]:
        """The facts top to bottom."""
        return [*self.boxes.values(), *self.money_combos.values(), self.country_combo,
                self.start_check, self.start_edit]  # fmt: skip

    def _show_start(self, date: QDate) -> None:
        """Show ``date`` in a range from today to :data:`START_YEARS_AHEAD` years on."""
        today = QDate.currentDate()
        show_date(self.start_edit, date, today, today.addYears(START_YEARS_AHEAD))

    @Slot(bool)
    def _start_toggled(self, checked: bool) -> None:
        self.start_edit.setEnabled(checked and self.start_check.isEnabled())

    @Slot(QDate)
    def _date_changed(self, _date: QDate) -> None:
        self._mark_past_date()
        if self.start_check.isChecked():
            self.changed.emit()

    @Slot()
    def _mark_past_date(self) -> None:
        # Unticked, nothing is marked: no date is before the field's own floor.
        edit = self.start_edit
        today = QDate.currentDate() if self.start_check.isChecked() else edit.minimumDate()
        mark_past(edit, today, PAST_START)
        if not self.start_check.isEnabled():  # the stage cannot have a start date
            edit.setToolTip(self.start_check.toolTip())

    def facts(self) -> dict[str, Any]:
        """The Situation keyword arguments these fields set."""
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
            if isinstance(start, dt.date):
                self._show_start(QDate(start.year, start.month, start.day))
            else:
                self._show_start(max(self.start_edit.date(), QDate.currentDate()))
        finally:
            self.blockSignals(False)
        self._mark_past_date()


def _why_not(name: str, value: object) -> str:
    """The tooltip of a fact the chosen stage cannot have: why, and from when."""
    first = first_stage_of(name, value)
    why = why_not_yet(name, value)
    return (
        f"{why[0].upper()}{why[1:]}: choose the stage \u201c{first.label}\u201d to use this. "
        "What is set here is kept for then; the draft leaves it out meanwhile."
    )


def _allow(widget: QWidget, stage: Stage, name: str, value: object) -> None:
    """Enable ``widget`` when ``stage`` can have ``name`` with ``value``; else disable it
    and say why in its tooltip."""
    fits = fact_fits(stage, name, value)
    widget.setEnabled(fits)
    widget.setToolTip("" if fits else _why_not(name, value))
