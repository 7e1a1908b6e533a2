"""The tone-coach list: one row per finding; activating a row selects its span."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

# The findings' module loads with the first draft, after the first paint.
if TYPE_CHECKING:
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
            item.setToolTip("Click to select the first detail to fill in.")
            self.addItem(item)
        for finding in findings:
            if grouped and is_fill_in(finding):
                continue
            where = "Subject: " if finding.target == "subject" else ""
            item = QListWidgetItem(where + finding.message)
            item.setData(_FINDING_ROLE, finding)
            item.setToolTip("Click to select the words this is about.")
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
