"""The window's layout: the banner and the message bar on top; the navigation, a list view,
and the draft.

How the parts share a narrow window (icons-only navigation, the form giving way to a list)
is decided here, from the window's width and the screen's.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bowout.gui.views import MessageView
from bowout.gui.views.draft import DraftView
from bowout.gui.widgets.banner import Banner
from bowout.gui.widgets.message_bar import MessageBar
from bowout.gui.widgets.navigation import Navigation
from bowout.gui.window.action_table import VIEWS

#: A window (or screen) narrower than this (pixels) shows the navigation as icons only.
COMPACT_NAV_WIDTH = 1000
#: Narrower than this (pixels), a list view beside the draft hides the situation form
#: (back with the draft alone): the list and the message keep room to be read.
FORM_BESIDE_LIST_WIDTH = 1100
#: The widest a list view beside the draft gets (half of it on a narrow window).
LIST_MAX_WIDTH = 560
#: Qt's "no maximum" for a widget's size.
QWIDGETSIZE_MAX = (1 << 24) - 1


class ShellLayout(QWidget):
    """The central widget: banner, message bar | navigation, list view (``side_stack``),
    draft."""

    def __init__(
        self, draft_view: DraftView, message_bar: MessageBar, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.draft_view = draft_view
        self.nav = Navigation(VIEWS)
        self.side_stack = QStackedWidget()
        self.side_stack.setObjectName("side_stack")
        self.side_stack.hide()
        self.shell_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.shell_splitter.setObjectName("shell_splitter")
        self.shell_splitter.addWidget(self.side_stack)
        self.shell_splitter.addWidget(draft_view)
        self.shell_splitter.setStretchFactor(1, 1)
        self.shell_splitter.setChildrenCollapsible(False)
        self.banner = Banner()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.shell_splitter, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(message_bar)
        layout.addLayout(row, 1)

    def minimumSizeHint(self) -> QSize:
        """The least size of the narrow layout (icons-only navigation), whatever the width
        now: :meth:`fit` narrows the parts only once a resize is granted, so a window must not
        be held to the wide layout's least size (a resize from 1366 to 640 pixels once stopped
        at 767)."""
        hint = super().minimumSizeHint()
        return QSize(hint.width() - self.nav.compact_saving(), hint.height())

    def add_list(self, view: QWidget) -> None:
        """A list view that can be shown beside the draft."""
        self.side_stack.addWidget(view)

    def show_list(self, view: QWidget | None) -> None:
        """Show ``view`` beside the draft (None: the draft alone); a view with messages of
        its own (:class:`~bowout.gui.views.MessageView`) takes the draft's place."""
        self.side_stack.setHidden(view is None)
        self.draft_view.setHidden(isinstance(view, MessageView))
        if view is not None:
            self.side_stack.setCurrentWidget(view)
        # A stack is as wide and tall as its biggest page: the pages out of sight ignore
        # their sizes, so the one showing decides (Coming up must not narrow History).
        for index in range(self.side_stack.count()):
            page = self.side_stack.widget(index)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is view else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)

    def fit(self, width: int, screen_width: int) -> None:
        """Lay the parts out for a window ``width`` pixels wide on a screen
        ``screen_width`` wide: icons-only navigation below :data:`COMPACT_NAV_WIDTH`; beside
        a list, the form hides below :data:`FORM_BESIDE_LIST_WIDTH`."""
        self.nav.set_compact(min(width, screen_width) < COMPACT_NAV_WIDTH)
        beside_list = not self.side_stack.isHidden()
        form = self.draft_view.form_scroll
        form.setHidden(beside_list and width < FORM_BESIDE_LIST_WIDTH)
        # Beside a list the form must not hold the window wide: it hides below the
        # threshold instead (0 restores its own minimum, the form's widest row).
        form.setMinimumWidth(1 if beside_list else 0)
        narrow = width < FORM_BESIDE_LIST_WIDTH
        shown = self.side_stack.currentWidget()
        needed = shown.minimumSizeHint().width() if beside_list and shown else 0
        widest = LIST_MAX_WIDTH // 2 if narrow else LIST_MAX_WIDTH
        if self.draft_view.isHidden():  # a view in the draft's place takes the width
            widest = QWIDGETSIZE_MAX
        self.side_stack.setMaximumWidth(max(needed, widest))  # a list's least width wins
        # The window's least size follows now, not at the next layout pass: a resize asked
        # for meanwhile (a drag, the window manager) must not be held to the old, wider one
        # (the splitters learn their children's new least sizes from posted layout requests).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        top = self.window().layout()
        if top is not None:
            top.activate()

    def link_tab_order(self, views: Iterable[QWidget]) -> None:
        """Tab follows the eye: navigation, the list views (``views``), then the draft."""
        lists = [w for view in views for w in getattr(view, "focus_chain", list)()]
        chain = [self.nav, *lists, *self.draft_view.focus_chain()]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
