"""Where "Before you withdraw" goes in the situation form, and the panel once it is built.

The panel (:class:`~bowout.gui.widgets.negotiate_panel.NegotiatePanel`) fits only some
stages and reasons, so it is built the first time it fits, a saved request to talk needs it
or someone asks for it: not before the window's first paint (issue 25). Until then its facts
are those of a plain withdrawal.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QBoxLayout, QWidget

from bowout.core.situation import Kind, Reason, Situation, Stage, negotiable

if TYPE_CHECKING:
    from bowout.gui.widgets.negotiate_panel import NegotiatePanel

#: The negotiation facts of a form whose panel was never built: a withdrawal.
WITHDRAWAL = {"kind": Kind.WITHDRAW, "deal_breaker": None, "decide_by": None, "negotiated": False}


class NegotiationPlace:
    """The panel's place: ``index`` in ``layout`` of ``form``, after ``before`` for Tab;
    ``wire`` connects a panel once built (its signals to the form's)."""

    def __init__(
        self,
        form: QWidget,
        layout: QBoxLayout,
        index: int,
        before: QWidget,
        wire: Callable[[NegotiatePanel], None],
    ) -> None:
        self.form, self.layout, self.index, self.before = form, layout, index, before
        self.wire = wire
        self.built: NegotiatePanel | None = None

    def panel(self) -> NegotiatePanel:
        """The panel, built (hidden until offered) the first time it is asked for."""
        if self.built is None:
            from bowout.gui.widgets.negotiate_panel import NegotiatePanel

            panel = self.built = NegotiatePanel(self.form)
            panel.setVisible(False)
            self.layout.insertWidget(self.index, panel)
            # Tab walks it right after ``before``, wherever that sits in the window's chain.
            for one, other in itertools.pairwise([self.before, *panel.focus_chain()]):
                QWidget.setTabOrder(one, other)
            self.wire(panel)
        return self.built

    def offer(self, stage: Stage, reason: Reason) -> None:
        """Show the panel where a conversation fits (building it the first time)."""
        if self.built is not None or negotiable(stage, reason):
            self.panel().offer(stage, reason)

    def facts(self, stage: Stage, reason: Reason) -> dict[str, Any]:
        """The Situation keyword arguments the panel sets (a withdrawal until built)."""
        return dict(WITHDRAWAL) if self.built is None else self.built.facts(stage, reason)

    def show(self, situation: Situation) -> None:
        """Show a saved situation's negotiation facts (a plain withdrawal needs no panel)."""
        if situation.kind is Kind.NEGOTIATE or situation.negotiated or self.built is not None:
            self.panel().set_facts(
                situation.kind, situation.deal_breaker, situation.decide_by, situation.negotiated
            )

    def show_resolved(self, resolved: bool) -> None:
        """Say whether the kept request was resolved."""
        if resolved or self.built is not None:
            self.panel().show_resolved(resolved)

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls once built."""
        return self.built.focus_chain() if self.built is not None else []
