"""A combo box in a narrow column: a choice too long for the box ends in "…" and the box's
tooltip holds it whole, instead of the text being cut mid-letter at the arrow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
)

__all__ = ["ElidingCombo"]


class ElidingCombo(QComboBox):
    """A :class:`QComboBox` that elides its current text to the room its box has (pixels of
    the style's edit field, less the icon); hovering a cut choice shows it whole."""

    def text_room(self) -> int:
        """The width (pixels) the style gives the current text inside the box."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        room = field.width()
        if not option.currentIcon.isNull():
            room -= option.iconSize.width() + 4  # the style's gap after an icon
        return max(0, room)

    def shown_text(self) -> str:
        """The current text as the box draws it: whole, or cut with "…" to fit."""
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, self.text_room()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the box as the style does, with :meth:`shown_text` as its label."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def event(self, event: QEvent) -> bool:
        """On hover a cut choice shows whole (else the box's own tooltip, if any)."""
        if event.type() == QEvent.Type.ToolTip and self.shown_text() != self.currentText():
            assert isinstance(event, QHelpEvent)
            QToolTip.showText(event.globalPos(), self.currentText(), self)
            return True
        return super().event(event)
