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

__all__ = [
    "ElidedTipDelegate", "FittedColumns", "fit_columns", "is_elided", "level_widths",
]  # fmt: skip

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

    def __init__(self, view: QTableView, *, level: bool = False) -> None:
        """Take over the sizing of ``view``'s header (columns not in Stretch mode). With
        ``level``, columns that are peers (no Stretch one) share the width evenly instead:
        see :func:`level_widths`."""
        super().__init__(view)
        self.view = view
        self.level = level
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
        if self.level:
            widths = level_widths(sizes, spare)
        # Too wide: the widest columns give way first, the last (the date) only at the end.
        order = sorted(sized, key=lambda c: (c == sized[-1], -widths[c]))
        for column in order:
            over = sum(widths.values()) - spare
            if over <= 0 or self.level:
                break
            widths[column] = max(sizes[column][0], widths[column] - over)
        for column, width in widths.items():
            header.resizeSection(column, width)


def level_widths(sizes: dict[int, tuple[int, int]], room: int) -> dict[int, int]:
    """Widths for columns of (least, wanted) ``sizes`` sharing ``room`` pixels: each its
    wanted width when all fit; else every column is held to one common cap (never below its
    least), the largest that fits, so short columns stay whole and the long ones share."""
    if sum(want for _least, want in sizes.values()) <= room:
        return {c: want for c, (_least, want) in sizes.items()}
    low, high = 0, max((want for _least, want in sizes.values()), default=0)
    while low < high:  # the largest cap whose widths still fit
        cap = (low + high + 1) // 2
        if sum(min(want, max(least, cap)) for least, want in sizes.values()) <= room:
            low = cap
        else:
            high = cap - 1
    return {c: min(want, max(least, low)) for c, (least, want) in sizes.items()}


def fit_columns(view: QTableView) -> FittedColumns:
    """Fit the columns of ``view`` (a table of peers, such as a preview) to its width:
    short ones whole, long ones sharing what is left (:func:`level_widths`), the last
    taking any spare; a cut cell ends in "…" with its whole text on hover. Returns the
    object doing it (it lives as long as ``view``)."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return FittedColumns(view, level=True)
