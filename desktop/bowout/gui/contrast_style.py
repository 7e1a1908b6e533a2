"""Fusion for the dark palette, with outlines a user can find on a dark window.

Fusion draws check boxes, radio buttons and text fields with an outline a shade darker
than the window; on a dark window that outline is nearly invisible (about 1.2:1). This
style draws the same widgets, then traces their outline in a colour halfway between the
text and the window, which keeps at least 3:1 against the window (WCAG 1.4.11).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

_PE = QStyle.PrimitiveElement
_ROUND = frozenset({_PE.PE_IndicatorRadioButton})
_OUTLINED = _ROUND | {
    _PE.PE_IndicatorCheckBox,
    _PE.PE_IndicatorItemViewItemCheck,
    _PE.PE_FrameLineEdit,
}


def outline_colour(palette: QPalette) -> QColor:
    """Halfway between the text and the window colour."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return QColor(
        (text.red() + window.red()) // 2,
        (text.green() + window.green()) // 2,
        (text.blue() + window.blue()) // 2,
    )


class ContrastStyle(QProxyStyle):
    """Fusion with visible outlines on indicators and text fields."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Fusion's drawing, then the outline where Fusion's is too faint."""
        super().drawPrimitive(element, option, painter, widget)
        if element not in _OUTLINED:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(outline_colour(option.palette))
        pen.setWidthF(1.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element in _ROUND:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2.0, 2.0)
        painter.restore()
