"""The tone-coach list: one row per finding; activating a row selects its span."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from bowout.core.draft import Finding

logger = logging.getLogger(__name__)

_FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Replace the rows (cheap when nothing changed, which is the common case)."""
        findings = tuple(findings)
        if findings == self._findings:
            return
        self._findings = findings
        self.clear()
        if not findings:
            item = QListWidgetItem("No remarks: the tone reads well.")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
            return
        for finding in findings:
            where = "Subject: " if finding.target == "subject" else ""
            item = QListWidgetItem(where + finding.message)
            item.setData(_FINDING_ROLE, finding)
            item.setToolTip("Click to select the words this is about.")
            self.addItem(item)

    def findings(self) -> tuple[Finding, ...]:
        """The findings shown."""
        return self._findings

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(_FINDING_ROLE)
        if isinstance(finding, Finding):
            self.finding_activated.emit(finding)
