"""A strip under a list that offers Undo after a delete ("Deleted Acme — Analyst.  Undo")."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from bowout.gui.widgets.list_actions import list_button
from bowout.gui.widgets.message_line import plain_label


class UndoBar(QFrame):
    """Hidden until :meth:`offer`; its ``undo_button`` is for the owner to connect."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        """``what``: what Undo takes back, for screen readers ("Undo the delete")."""
        super().__init__(parent)
        self.setObjectName("undo_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_label = plain_label(QLabel(self))  # it quotes a company
        self.undo_label.setObjectName("undo_label")
        self.undo_label.setWordWrap(True)
        self.undo_button = list_button(self, "undo_button", "&Undo", what)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(8, 2, 2, 2)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.hide()

    def offer(self, text: str) -> None:
        """Show ``text`` with the Undo button."""
        self.undo_label.setText(text)
        self.show()

    def withdraw(self) -> None:
        """Hide the offer (it was taken, or can no longer be)."""
        self.hide()
