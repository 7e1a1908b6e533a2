"""The tone-coach list: one row per finding; activating a row selects its span."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QWidget,
)

# The findings' module loads with the first draft, after the first paint; the item view's
# option and index types (nine enum types) with the first remark sized.
if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem

    from bowout.core.draft import Finding

logger = logging.getLogger(__name__)

_FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
_GROUP_ROLE = Qt.ItemDataRole.UserRole + 2


def is_fill_in(finding: Finding) -> bool:
    """A "fill in [...] before you send" remark (``core.tone``'s placeholder findings)."""
    return finding.code == "placeholder" or finding.code.startswith("fill")


def fill_in_summary(count: int) -> str:
    """The one line that stands for ``count`` fill-in remarks."""
    return f"{count} details to fill in, shown in [brackets]. Click to go to the first."


def word_count_text(text: str) -> str:
    """The status bar's count of ``text`` (the message as sent): every word, and when the
    signature changes it, the body's count the length remark uses ("147 words · 136 before
    the signature"), so the two numbers on screen never disagree without a reason."""
    from bowout.core import tone
    from bowout.core.composer import paragraphs

    total = tone.count_words(text)
    blocks = paragraphs(text)
    body = tone.body_word_count(text, "\n".join(blocks[-1]) if len(blocks) > 1 else "")
    said = f"{total} words" if total != 1 else "1 word"
    return said if body == total else f"{said} · {body} before the signature"


def hover_text(remark: str, hint: str) -> str:
    """A row's tooltip: the whole remark, then what a click does."""
    return f"{remark}\n\n{hint}"


class WholeRowDelegate(QStyledItemDelegate):
    """Rows as wide as the list and as tall as their wrapped text: a remark is never cut at
    a line count or elided, whatever width the list had when the rows were made."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The viewport's width (less the spacing) by the text's height wrapped at that width
        (the style's own measure: it wraps at ``option.rect``'s width when one is given)."""
        from PySide6.QtCore import QRect
        from PySide6.QtWidgets import QStyleOptionViewItem

        view = self.view
        width = max(1, view.viewport().width() - 2 * view.spacing())
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, width, 100_000)
        return QSize(width, super().sizeHint(sized, index).height())


class TonePanel(QListWidget):
    """Shows the tone coach's remarks on the current text."""

    finding_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tone_list")
        self.setAccessibleName("Tone coach remarks")
        self.setWordWrap(True)
        # Rows wrap again whenever the strip narrows, so no remark is cut off sideways.
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(False)
        self.setSpacing(3)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(WholeRowDelegate(self))
        self._findings: tuple[Finding, ...] = ()
        #: While True, every fill-in remark shows as one line (a fresh draft's first sight).
        self.grouping = False
        self._fill_ins_at_start = -1
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def group_fill_ins(self) -> None:
        """Show the fill-in remarks as one line until the user fills the first of them."""
        self.grouping = True
        self._fill_ins_at_start = -1
        self._show(self._findings)

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Replace the rows (cheap when nothing changed, which is the common case)."""
        findings = tuple(findings)
        if findings == self._findings:
            return
        fill_ins = sum(1 for f in findings if is_fill_in(f))
        if self.grouping:
            if self._fill_ins_at_start < 0:
                self._fill_ins_at_start = fill_ins
            elif fill_ins < self._fill_ins_at_start:
                self.grouping = False  # the user started filling: list them one by one
        self._findings = findings
        self._show(findings)

    def _show(self, findings: tuple[Finding, ...]) -> None:
        self.clear()
        if not findings:
            item = QListWidgetItem("No remarks: the tone reads well.")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
            return
        fill_ins = [f for f in findings if is_fill_in(f)]
        grouped = self.grouping and len(fill_ins) > 1
        if grouped:
            item = QListWidgetItem(fill_in_summary(len(fill_ins)))
            item.setData(_FINDING_ROLE, fill_ins[0])
            item.setData(_GROUP_ROLE, True)
            item.setToolTip(hover_text(item.text(), "Click to select the first detail to fill in."))
            self.addItem(item)
        for finding in findings:
            if grouped and is_fill_in(finding):
                continue
            where = "Subject: " if finding.target == "subject" else ""
            item = QListWidgetItem(where + finding.message)
            item.setData(_FINDING_ROLE, finding)
            item.setToolTip(hover_text(item.text(), "Click to select the words this is about."))
            self.addItem(item)

    def findings(self) -> tuple[Finding, ...]:
        """The findings shown."""
        return self._findings

    def rows(self) -> list[str]:
        """The texts of the rows, top to bottom (what the user reads)."""
        return [self.item(row).text() for row in range(self.count())]

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        from bowout.core.draft import Finding

        finding = item.data(_FINDING_ROLE)
        if item.data(_GROUP_ROLE):
            self.grouping = False  # asked for them: list them one by one from now on
            # After this click's signals: rebuilding now would delete the clicked item.
            QTimer.singleShot(0, lambda: self._show(self._findings))
        if isinstance(finding, Finding):
            self.finding_activated.emit(finding)
