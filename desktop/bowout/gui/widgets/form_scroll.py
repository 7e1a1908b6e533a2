"""The scroll area the situation form sits in, on the left of the draft."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Slot
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


class FormScrollArea(QScrollArea):
    """The left panel: scrolls up and down, never sideways, and is never narrower than the
    form needs (also while the visa panel is open), so a small screen squeezes the message
    side instead of hiding half a check box."""

    def __init__(self, form: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenario_scroll")
        # Tab goes to the fields, and the area scrolls to show the one with focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(form)
        # Focus arriving from outside (Tab from the navigation, a mnemonic) scrolls too:
        # QScrollArea only follows Tab pressed inside it.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        form = self.widget()
        if new is not None and form is not None and form.isAncestorOf(new):
            self.ensureWidgetVisible(new)

    def minimumSizeHint(self) -> QSize:
        """The form's own minimum width plus the vertical scroll bar and the frame."""
        hint = super().minimumSizeHint()
        form = self.widget()
        if form is None:
            return hint
        scrollbar = self.verticalScrollBar().sizeHint().width()
        width = form.minimumSizeHint().width() + scrollbar + 2 * self.frameWidth()
        return QSize(width, hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A new form layout (the visa panel opened) may change the minimum width."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)
