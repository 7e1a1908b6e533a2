"""A message strip at the top of the window (storage problems, a draft to restore)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from bowout.gui.widgets.message_line import plain_label

logger = logging.getLogger(__name__)


class Banner(QFrame):
    """Text plus optional buttons; hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = plain_label(QLabel(self))  # messages quote companies, file names
        self.label.setObjectName("banner_label")
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Notice")
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.hide()

    def show_message(
        self, text: str, buttons: tuple[tuple[str, str, Callable[[], None]], ...] = ()
    ) -> None:
        """Show ``text`` with (object name, label, callback) buttons; "Dismiss" if none."""
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        self.label.setText(text)
        for name, label, callback in buttons or (("banner_dismiss", "Dismiss", self.dismiss),):
            button = QPushButton(label, self)
            button.setObjectName(name)
            button.setAccessibleName(label.replace("&", ""))
            button.clicked.connect(callback)
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.show()

    @Slot()
    def dismiss(self) -> None:
        """Hide the strip."""
        self.hide()
