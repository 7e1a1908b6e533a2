"""A field's length limit that refuses, and says so, instead of cutting: QLineEdit's
maxLength quietly keeps the first N characters of a paste, mid-word. The CLI refuses the
same input with one line (``core.situation``'s limit); the window does the same."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QToolTip

__all__ = ["LengthLimit", "too_long"]


def too_long(label: str, length: int, limit: int) -> str:
    """What the user reads when ``length`` characters were typed or pasted into ``label``."""
    return (
        f"Not pasted: that {label} is {length:,} characters long; the limit is {limit:,}. "
        "Shorten it, then paste again."
    )


class LengthLimit(QValidator):
    """Accepts text up to ``limit`` characters; a longer edit is refused whole (the field
    keeps what it had) and :attr:`refused` carries the length that was tried."""

    refused = Signal(int)

    def __init__(self, limit: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit = limit

    def validate(self, text: str, pos: int) -> QValidator.State:
        """Acceptable up to the limit; Invalid (the edit is undone) beyond it."""
        if len(text) <= self.limit:
            return QValidator.State.Acceptable
        self.refused.emit(len(text))
        return QValidator.State.Invalid

    @classmethod
    def attach(cls, edit: QLineEdit, limit: int, label: str) -> LengthLimit:
        """Put the limit on ``edit`` (lifting maxLength, which would cut first); a refusal
        shows as a tooltip at the field. Returns the validator (connect :attr:`refused`
        to say it elsewhere too)."""
        edit.setMaxLength(32767)  # Qt's default: the validator decides, whole
        validator = cls(limit, edit)
        edit.setValidator(validator)

        def say(length: int) -> None:
            where = edit.mapToGlobal(edit.rect().bottomLeft())
            QToolTip.showText(where, too_long(label, length, limit), edit)

        validator.refused.connect(say)
        return validator
