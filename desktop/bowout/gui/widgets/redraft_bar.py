"""Above the editor when the form and the message part ways: keep my text, or the new draft.

A change in the form never silently replaces text the user typed (issue 20, "Edits are the
user's"). When the message holds the user's own words and the form changes, the window
keeps the message and shows this bar with the decision: "Keep my text" or "Use the new
draft", and on request the paragraphs that would change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowout.core.situation import Situation

if TYPE_CHECKING:
    from bowout.core.draft import Draft

#: Situation field -> the words the form shows for it (others: the field name in words).
FIELD_LABELS = {
    "stage": "stage",
    "reason": "reason",
    "channel": "channel",
    "rapport": "rapport",
    "via_recruiter": "came in through a recruiter",
    "linkedin_main": "LinkedIn as main channel",
    "keep_door_open": "keep the door open",
    "will_call": "call the hiring manager too",
    "contact": "contact name",
    "contact_email": "contact email",
    "greeting": "how to address them",
    "kind": "try to resolve it first",
    "deal_breaker": "deal-breaker",
    "decide_by": "decision date",
    "negotiated": "not resolved",
    "goodwill": "goodwill offered",
}
#: At most this many changed fields are named; the rest are counted.
NAMED_CHANGES = 3


def changed_fields(before: Situation, after: Situation) -> list[str]:
    """The form's fields that differ between two situations, in the form's words."""
    old, new = before.to_dict(), after.to_dict()
    return [FIELD_LABELS.get(key, key.replace("_", " ")) for key in new if old.get(key) != new[key]]


def describe_changes(before: Situation, after: Situation) -> str:
    """ "keep the door open, contact name and 2 more" ("" when the situations agree)."""
    names = changed_fields(before, after)
    if len(names) > NAMED_CHANGES:
        shown = names[:NAMED_CHANGES]
        return f"{', '.join(shown)} and {len(names) - NAMED_CHANGES} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return names[0] if names else ""


def paragraph_changes(mine: str, new: str) -> str:
    """What "Use the new draft" would do, paragraph by paragraph: "− " for a paragraph of
    the current message that would go, "+ " for one of the new draft that would come."""
    import difflib  # first needed when a form change meets the user's words, not at start

    ours = [p.strip() for p in mine.split("\n\n") if p.strip()]
    theirs = [p.strip() for p in new.split("\n\n") if p.strip()]
    lines = []
    for line in difflib.ndiff(ours, theirs):
        if line.startswith("- "):
            lines.append("\u2212 " + line[2:].replace("\n", " / "))
        elif line.startswith("+ "):
            lines.append("+ " + line[2:].replace("\n", " / "))
    return "\n".join(lines) or "Only the subject or the phone script would change."


class RedraftBar(QFrame):
    """The decision, in the window: which text the message keeps after a form change."""

    keep_requested = Signal()
    use_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redraft_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setObjectName("redraft_label")
        self.label.setWordWrap(True)
        self.keep_button = self._button("keep_text_button", "&Keep my text",
                                        "Keep my text: the message stays as it is")  # fmt: skip
        self.use_button = self._button("use_draft_button", "&Use the new draft",
                                       "Use the new draft: replace the message")  # fmt: skip
        self.changes_button = self._button("show_changes_button", "Show &changes",
                                           "Show what the new draft would change")  # fmt: skip
        self.changes_button.setCheckable(True)
        # The paragraphs that would change: a text view built when first asked for.
        self._changes_view: QPlainTextEdit | None = None
        self._changes = ""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        for button in (self.changes_button, self.keep_button, self.use_button):
            row.addWidget(button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.addLayout(row)
        self.keep_button.clicked.connect(self.keep_requested)
        self.use_button.clicked.connect(self.use_requested)
        self.changes_button.toggled.connect(self._show_changes)
        self.setVisible(False)

    @property
    def changes_view(self) -> QPlainTextEdit:
        """What "Use the new draft" would change, paragraph by paragraph (built on first
        use: hidden until "Show changes", and not part of the window's first frame)."""
        if self._changes_view is None:
            view = self._changes_view = QPlainTextEdit(self)
            view.setObjectName("redraft_changes")
            view.setAccessibleName("What the new draft would change")
            view.setReadOnly(True)
            view.setMaximumHeight(120)
            view.setVisible(False)
            view.setPlainText(self._changes)
            self._layout.addWidget(view)
            QWidget.setTabOrder(self.use_button, view)
        return self._changes_view

    @Slot(bool)
    def _show_changes(self, shown: bool) -> None:
        if shown or self._changes_view is not None:
            self.changes_view.setVisible(shown)

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        return button

    def offer(self, basis: Draft, draft: Draft, message_text: str, *, own: bool = True) -> None:
        """Show the decision: the message was written for ``basis`` (a Draft), the form now
        composes ``draft``; ``message_text`` is what the editor holds; ``own``: it holds
        the user's words (else an earlier draft, after an undo)."""
        what = describe_changes(basis.situation, draft.situation)
        because = f" ({what})" if what else ""
        held = "your own words" if own else "the draft from before that change"
        self.label.setText(
            f"The form changed{because}; the message holds {held}, so it was left as it "
            "is. Keep this text, or use the new draft (one Ctrl+Z brings this text back)."
        )
        self.label.setAccessibleName(self.label.text())
        self._changes = paragraph_changes(message_text, draft.body_text)
        if self._changes_view is not None:
            self._changes_view.setPlainText(self._changes)
        self.setVisible(True)

    @Slot()
    def withdraw(self) -> None:
        """Nothing to decide: hide the bar (and the changes)."""
        self.changes_button.setChecked(False)
        self.setVisible(False)
