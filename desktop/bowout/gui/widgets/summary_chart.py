"""A small stacked bar chart of withdrawals per month, drawn with QPainter.

QtCharts is not part of PySide6-Essentials, and a dozen bars need no more than this. The
bars use the Okabe–Ito colours (told apart with the common colour-vision deficiencies,
readable on light and dark backgrounds); axis text uses the palette's text colour, so it
follows the theme. The chart's words (its accessible description) come from the caller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Okabe & Ito (2008), "Color Universal Design": eight colours for categories.
COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#999999")  # fmt: skip
#: Bar area height and the room under it for the month letters (pixels, at 96 dpi).
BAR_HEIGHT = 90
#: The least height of the bars (pixels), on a short screen.
MIN_BAR_HEIGHT = 44
LABEL_ROOM = 18


class SummaryChart(QWidget):
    """Stacked bars: one per month, one segment per category, in the order given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary_chart")
        self.setAccessibleName("Withdrawals per month")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.labels: list[str] = []
        self.stacks: list[list[tuple[Any, int]]] = []
        self.colours: dict[Any, QColor] = {}

    def set_data(
        self,
        labels: Sequence[str],
        counts: Sequence[Mapping[Any, int]],
        order: Sequence[Any],
        description: str,
    ) -> None:
        """``labels``: one short text per bar (a month); ``counts[i]``: the bar's counts by
        category; ``order``: the categories bottom to top (each keeps its colour);
        ``description``: the chart in words, for screen readers and the tooltip."""
        self.labels = list(labels)
        self.colours = {key: QColor(COLOURS[i % len(COLOURS)]) for i, key in enumerate(order)}
        self.stacks = [[(key, c[key]) for key in order if c.get(key)] for c in counts]
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def colour(self, key: object) -> QColor:
        """The colour of a category (for the legend)."""
        return self.colours[key]

    def sizeHint(self) -> QSize:
        """Room for the bars and the month letters under them."""
        return QSize(240, BAR_HEIGHT + LABEL_ROOM)

    def minimumSizeHint(self) -> QSize:
        """Narrow and short bars still read: on a small screen the list below keeps its
        rows and the chart gives way (the bars scale to the height given)."""
        return QSize(120, MIN_BAR_HEIGHT + LABEL_ROOM)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the bars, their month letters and the peak count."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        faint = QColor(text)
        faint.setAlpha(60)
        peak = max((sum(n for _, n in stack) for stack in self.stacks), default=0)
        count = max(len(self.stacks), 1)
        slot = self.width() / count
        bar = max(slot * 0.7, 2.0)
        tall = max(self.height() - LABEL_ROOM, MIN_BAR_HEIGHT)
        base = float(tall)
        painter.setPen(faint)
        painter.drawLine(0, int(base), self.width(), int(base))
        for i, stack in enumerate(self.stacks):
            x = i * slot + (slot - bar) / 2
            y = base
            for key, n in stack:
                h = (tall - 14) * n / peak if peak else 0
                painter.fillRect(QRectF(x, y - h, bar, h), self.colours[key])
                y -= h
        painter.setPen(text)
        font = painter.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
        painter.setFont(font)
        for i, label in enumerate(self.labels):
            rect = QRectF(i * slot, base + 2, slot, LABEL_ROOM - 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        if peak:
            painter.drawText(QRectF(0, 0, self.width(), 14), Qt.AlignmentFlag.AlignRight,
                             f"{peak} at most in a month")  # fmt: skip
        painter.end()
