"""A table beside the draft that stays readable: one column of prose ("What to do") keeps
room for a phrase a line, short columns take what their text needs (a long one capped), and
rows re-wrap whenever the prose column's width changes (no refresh needed)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QHeaderView, QStyle, QTableWidget

__all__ = ["ReadableColumns"]

#: The prose column is readable at this many average characters a line: a short phrase, not
#: one word a line (about what a phone's narrow column shows).
READABLE_CHARS = 20


class ReadableColumns(QObject):
    """Sizes ``table``'s columns: ``prose`` stretches and never drops below
    :data:`READABLE_CHARS`; the others fit their contents, ``capped`` ones (column → most
    characters) no wider than that, their text elided with the whole kept in a tooltip."""

    def __init__(self, table: QTableWidget, prose: int, capped: Mapping[int, int]) -> None:
        """Take over ``table``'s header sizing; ``prose`` and ``capped`` are column indexes."""
        super().__init__(table)
        self.table = table
        self.prose = prose
        self.capped = dict(capped)
        header = table.horizontalHeader()
        header.setMinimumSectionSize(table.fontMetrics().averageCharWidth() * 3)
        for column in range(table.columnCount()):
            mode = QHeaderView.ResizeMode
            fixed = mode.Interactive if column in self.capped else mode.ResizeToContents
            header.setSectionResizeMode(column, mode.Stretch if column == prose else fixed)
        self._rewrap = QTimer(self)
        self._rewrap.setSingleShot(True)
        self._rewrap.setInterval(0)  # once the resize settles: one pass for a drag
        self._rewrap.timeout.connect(table.resizeRowsToContents)
        header.sectionResized.connect(self._section_resized)

    def prose_width(self) -> int:
        """The prose column's least width (pixels): :data:`READABLE_CHARS` average characters."""
        metrics = self.table.fontMetrics()
        return READABLE_CHARS * metrics.averageCharWidth()

    def needed_width(self) -> int:
        """The width (pixels) the table needs: every short column, the prose at its least,
        the frame and a vertical scroll bar."""
        table = self.table
        width = self.prose_width()
        for column in range(table.columnCount()):
            if column != self.prose and not table.isColumnHidden(column):
                width += max(table.columnWidth(column), self._column_want(column))
        scrollbar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return width + scrollbar + 2 * table.frameWidth()

    def contents_changed(self) -> None:
        """After a fill: capped columns take their (capped) contents width, rows re-wrap."""
        for column in self.capped:
            self.table.setColumnWidth(column, self._column_want(column))
        self._rewrap.start()

    def _column_want(self, column: int) -> int:
        table = self.table
        header_width = table.horizontalHeader().sectionSizeHint(column)
        want = max(header_width, table.sizeHintForColumn(column))
        cap = self.capped.get(column)
        if cap is not None:
            want = min(want, cap * table.fontMetrics().averageCharWidth() + header_width // 2)
        return max(want, header_width)

    @Slot(int, int, int)
    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == self.prose:
            self._rewrap.start()
