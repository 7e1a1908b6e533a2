"""The collapsible visa and relocation panel under the scenario picker.

Folded, it is one button: its fields (:mod:`bowout.gui.widgets.visa_facts`, some 20 widgets
and a list of countries) are built the first time they are needed (the panel opened, a saved
situation with such facts shown, or any of them asked for), not before the window's first
paint (issue 25). Until then the facts are the defaults a new draft starts from.
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QToolButton, QWidget

from bowout.core.situation import Money, Stage
from bowout.gui.widgets.fact_checks import MONEY_FACTS, VISA_FACTS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCheckBox, QComboBox

    from bowout.gui.widgets.dates import DayFirstDateEdit
    from bowout.gui.widgets.visa_facts import VisaFacts

logger = logging.getLogger(__name__)

#: The Situation fields the panel sets.
VISA_FIELDS = (*VISA_FACTS, *MONEY_FACTS, "country", "start_date")


def default_facts() -> dict[str, Any]:
    """The facts of a panel whose fields were never built (what they start at)."""
    values: dict[str, Any] = {name: False for name in VISA_FACTS}
    values.update({name: Money.NONE for name in MONEY_FACTS})
    values.update(country="", start_date=None)
    return values


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
        self._body: VisaFacts | None = None
        #: The stage whose facts the fields offer (:meth:`offer`); applied when built.
        self._stage = Stage.APPLIED
        self._stage_combo: QComboBox | None = None
        self._outer = QFormLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._outer.addRow(self.toggle)
        self.toggle.toggled.connect(self.set_expanded)

    @property
    def body(self) -> VisaFacts:
        """The fields, built (folded or not) on first use."""
        if self._body is None:
            from bowout.gui.widgets.visa_facts import VisaFacts

            self._body = VisaFacts(self)
            self._body.setVisible(self.is_expanded())
            self._body.changed.connect(self.changed)
            self._body.offer(self._stage)
            self._outer.addRow(self._body)
            # Tab walks the fields right after the toggle, wherever the toggle sits.
            chain = [self.toggle, *self._body.focus_chain()]
            for before, after in itertools.pairwise(chain):
                QWidget.setTabOrder(before, after)
        return self._body

    def is_built(self) -> bool:
        """Whether the fields exist yet (they are built on first use)."""
        return self._body is not None

    @property
    def boxes(self) -> dict[str, QCheckBox]:
        """The visa facts' check boxes, by Situation field."""
        return self.body.boxes

    @property
    def money_combos(self) -> dict[str, QComboBox]:
        """The money facts' pickers, by Situation field."""
        return self.body.money_combos

    @property
    def country_combo(self) -> QComboBox:
        """The country of the job."""
        return self.body.country_combo

    @property
    def start_check(self) -> QCheckBox:
        """Whether a start date was agreed."""
        return self.body.start_check

    @property
    def start_edit(self) -> DayFirstDateEdit:
        """The agreed start date."""
        return self.body.start_edit

    def follow_stage(self, combo: QComboBox) -> None:
        """Offer the facts of the stage ``combo`` shows (its data a :class:`Stage` value),
        now and each time it changes (see :meth:`offer`)."""
        self._stage_combo = combo
        combo.currentIndexChanged.connect(self._stage_picked)
        self._stage_picked()

    @Slot()
    def _stage_picked(self) -> None:
        if self._stage_combo is not None:
            self.offer(Stage(self._stage_combo.currentData()))

    def offer(self, stage: Stage) -> None:
        """Enable only the fields of facts ``stage`` can have (see
        :meth:`VisaFacts.offer <bowout.gui.widgets.visa_facts.VisaFacts.offer>`)."""
        self._stage = stage
        if self._body is not None:
            self._body.offer(stage)

    @Slot(bool)
    def set_expanded(self, expanded: bool) -> None:
        """Open (building the fields the first time) or fold the panel."""
        self.toggle.setChecked(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        if expanded or self._body is not None:
            self.body.setVisible(expanded)

    def focus_chain(self) -> list[QWidget]:
        """The toggle, then the facts top to bottom once built (folded ones are skipped by
        Qt)."""
        return [self.toggle, *(self._body.focus_chain() if self._body is not None else ())]

    def is_expanded(self) -> bool:
        """Whether the facts are showing."""
        return self.toggle.isChecked()

    def facts(self) -> dict[str, Any]:
        """The Situation keyword arguments this panel sets."""
        return self._body.facts() if self._body is not None else default_facts()

    def set_facts(self, values: dict[str, Any]) -> None:
        """Show saved facts without emitting ``changed`` (folded, with none of them given:
        the fields are left unbuilt, or set back to the defaults)."""
        has_money = any(Money.coerce(values.get(name)) is not Money.NONE for name in MONEY_FACTS)
        given = has_money or any(values.get(name) for name in (*VISA_FACTS, "start_date",
                                                               "country"))  # fmt: skip
        if given or self._body is not None:
            self.body.set_facts(values)
        if given:
            self.set_expanded(True)
