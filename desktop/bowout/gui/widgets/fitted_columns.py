"""Columns of a narrow list that share its width: every header stays readable, short columns
(a date) keep their text whole, a long one (a status) gives way to the stretching one (the
company) instead of pushing the columns after it out of sight, and a cell cut short shows its
whole text on hover."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

__all__ = ["ElidedTipDelegate", "FittedColumns", "is_elided"]

_Index = QPersistentModelIndex


def is_elided(view: QTableView, row: int, column: int) -> bool:
    """Whether the cell's display text is wider than the room its column gives it (pixels,
    measured as the view's style draws an item: text margins on both sides)."""
    index = view.model().index(row, column)
    text = str(index.data() or "")
    option = QStyleOptionViewItem()
    option.initFrom(view)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, view) + 1
    return view.fontMetrics().horizontalAdvance(text) + 2 * margin > view.columnWidth(column)


class ElidedTipDelegate(QStyledItemDelegate):
    """Draws as usual; on hover a cell whose text is cut shows all of it (a tooltip the model
    gives, such as the date's "Created …, sent …", wins)."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: _Index,  # type: ignore[override]
    ) -> bool:
        """Show the model's tooltip, else the whole text of a cut cell (else no tooltip)."""
        if event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        cut = isinstance(view, QTableView) and is_elided(view, index.row(), index.column())
        if not tip and cut:
            tip = str(index.data() or "")
        if tip:
            QToolTip.showText(event.globalPos(), str(tip), view.viewport())
            return True
        QToolTip.hideText()
        event.ignore()
        return False


class FittedColumns(QObject):
    """Sizes ``view``'s visible columns to its viewport: the column in Stretch mode takes what
    is left, the others their contents; when that is too wide, the widest non-last columns
    shrink (never below their header) before the stretching one drops below its header."""

    def __init__(self, view: QTableView) -> None:
        """Take over the sizing of ``view``'s header (columns not in Stretch mode)."""
        super().__init__(view)
        self.view = view
        self._fit = QTimer(self)
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)  # after a reset or a resize settles: one pass
        self._fit.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved, model.dataChanged):  # fmt: skip
            signal.connect(self._fit.start)
        view.setItemDelegate(ElidedTipDelegate(view))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A resized viewport fits the columns again."""
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit.start()
        return super().eventFilter(watched, event)

    def wanted(self, column: int) -> tuple[int, int]:
        """(least, wanted) width of ``column`` in pixels: its header's, and its contents'."""
        header = self.view.horizontalHeader()
        least = header.sectionSizeHint(column)
        return least, max(least, self.view.sizeHintForColumn(column))

    @Slot()
    def fit(self) -> None:
        """Share the viewport's width among the visible columns (see the class)."""
        view, header = self.view, self.view.horizontalHeader()
        columns = [c for c in range(header.count()) if not view.isColumnHidden(c)]
        stretch = [
            c for c in columns if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch
        ]
        sized = [c for c in columns if c not in stretch]
        for column in sized:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        sizes = {c: self.wanted(c) for c in sized}
        widths = {c: want for c, (_least, want) in sizes.items()}
        spare = view.viewport().width() - sum(header.sectionSizeHint(c) for c in stretch)
        # Too wide: the widest columns give way first, the last (the date) only at the end.
        order = sorted(sized, key=lambda c: (c == sized[-1], -widths[c]))
        for column in order:
            over = sum(widths.values()) - spare
            if over <= 0:
                break
            widths[column] = max(sizes[column][0], widths[column] - over)
        for column, width in widths.items():
            header.resizeSection(column, width)
