"""When the call turns: one foldable section per branch, under the phone script."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from bowout.gui.widgets.message_line import plain_label


class CallBranches(QWidget):
    """A title and, folded away until asked for, the words to say for each branch.

    Shown while the phone script is: each branch is a button (keyboard reachable, with an
    accessible name) that opens its words, so the script is not a wall of text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("call_branches")
        self.setAccessibleName("What to say when the call turns")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 0)
        self._layout.setSpacing(2)
        self.title = QLabel("<b>When the call turns</b>", self)
        self._layout.addWidget(self.title)
        self.toggles: list[QToolButton] = []
        self.answers: list[QLabel] = []
        self._branches: tuple[tuple[str, str], ...] = ()

    def set_branches(self, branches: Sequence[tuple[str, str]]) -> None:
        """Show ``branches`` ((when, words) pairs), all folded; none hides the widget."""
        branches = tuple(branches)
        if branches == self._branches:
            return
        self._branches = branches
        for widget in (*self.toggles, *self.answers):
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self.toggles, self.answers = [], []
        for index, (when, words) in enumerate(branches):
            toggle = QToolButton(self)
            toggle.setObjectName(f"branch_toggle_{index}")
            toggle.setText(when)
            toggle.setAccessibleName(when)
            toggle.setCheckable(True)
            toggle.setAutoRaise(True)
            toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            toggle.setArrowType(Qt.ArrowType.RightArrow)
            answer = plain_label(QLabel(words, self))  # the words name the company
            answer.setObjectName(f"branch_words_{index}")
            answer.setWordWrap(True)
            answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            answer.setContentsMargins(22, 0, 0, 4)
            answer.setVisible(False)
            toggle.toggled.connect(self._fold)
            self._layout.addWidget(toggle)
            self._layout.addWidget(answer)
            self.toggles.append(toggle)
            self.answers.append(answer)
        self.setVisible(bool(branches))

    @Slot(bool)
    def _fold(self, _checked: bool) -> None:
        for toggle, answer in zip(self.toggles, self.answers, strict=True):
            answer.setVisible(toggle.isChecked())
            toggle.setArrowType(
                Qt.ArrowType.DownArrow if toggle.isChecked() else Qt.ArrowType.RightArrow
            )
