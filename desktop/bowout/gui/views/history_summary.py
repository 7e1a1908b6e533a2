"""The summary above the history list: sent withdrawals per month by stage or reason, the
same in words, and one observation when a pattern shows (dismissible, remembered)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowout.core import history_summary as core
from bowout.core.reminders import local_day
from bowout.core.situation import Reason, Stage
from bowout.core.ui_dates import month_initial
from bowout.gui.widgets.message_line import plain_label
from bowout.gui.widgets.summary_chart import SummaryChart

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QAbstractButton, QLayout, QLineEdit

    from bowout.gui.context import AppContext
    from bowout.gui.views.history_ops import HistoryLike

logger = logging.getLogger(__name__)

#: What the bars can be split by: (combo text, the summary's counts, the legend names).
DIMENSIONS = ("stage", "reason")


def withdrawals(records: Iterable[Any]) -> list[core.Withdrawal]:
    """The sent withdrawals among history records (drafts and damaged values left out)."""
    found = []
    for record in records:
        if record.status != "sent" or not record.sent:
            continue
        try:
            sent = local_day(record.sent)  # the user's day, so the user's month
            found.append(core.Withdrawal(sent, Stage(record.stage), Reason(record.reason)))
        except ValueError:
            logger.error("summary: skipping record %r with unreadable values", record.id)
    return found


class HistorySummary(QFrame):
    """Bars per month, a legend, the chart in words, and an observation with "Dismiss"."""

    #: The user dismissed the observation with this key.
    dismissed = Signal(str)

    def __init__(
        self,
        records: Callable[[], Sequence[Any]],
        dismissed_keys: Callable[[], Iterable[str]],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        """``records``: the history's records (read at each refresh); ``dismissed_keys``:
        the observations the user dismissed; ``today``: the clock."""
        super().__init__(parent)
        self.setObjectName("history_summary")
        self.setAccessibleName("History summary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.records = records
        self.dismissed_keys = dismissed_keys
        self.today = today
        self.items: list[core.Withdrawal] = []
        self.summary = core.summarize((), today())
        self.current: core.Observation | None = None
        self._build()

    def _build(self) -> None:
        self.title_label = QLabel("<b>What your history says</b>", self)
        self.by_combo = QComboBox(self)
        self.by_combo.setObjectName("summary_by_combo")
        self.by_combo.setAccessibleName("Split the bars by")
        self.by_combo.addItem("By stage", "stage")
        self.by_combo.addItem("By reason", "reason")
        self.by_combo.currentIndexChanged.connect(lambda _i: self._draw())
        self.chart = SummaryChart(self)
        self.legend_label = QLabel(self)
        self.legend_label.setObjectName("summary_legend")
        self.legend_label.setWordWrap(True)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("summary_text")
        self.text_label.setAccessibleName("History summary in words")
        self.text_label.setWordWrap(True)
        self.text_button = QPushButton("As te&xt", self)
        self.text_button.setObjectName("summary_text_button")
        self.text_button.setAccessibleName("Show the summary in words")
        self.text_button.setCheckable(True)
        self.text_button.setAutoDefault(False)
        self.text_button.toggled.connect(self._show_text)
        self.observation_label = plain_label(QLabel(self))
        self.observation_label.setObjectName("observation_label")
        self.observation_label.setAccessibleName("Observation")
        self.observation_label.setWordWrap(True)
        self.dismiss_button = QPushButton("D&ismiss", self)
        self.dismiss_button.setObjectName("dismiss_observation_button")
        self.dismiss_button.setAccessibleName("Dismiss this observation for good")
        self.dismiss_button.setAutoDefault(False)
        self.dismiss_button.clicked.connect(self._dismiss)
        self.observation_frame = QFrame(self)
        self.observation_frame.setObjectName("observation_frame")
        row = QHBoxLayout(self.observation_frame)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(self.observation_label, 1)
        row.addWidget(self.dismiss_button)
        top = QHBoxLayout()
        top.addWidget(self.by_combo)
        top.addWidget(self.text_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title_label)
        layout.addLayout(top)
        layout.addWidget(self.chart)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.text_label)
        layout.addWidget(self.observation_frame)
        self.text_label.hide()

    def focus_chain(self) -> list[QWidget]:
        """Tab order: the split, the words, dismiss."""
        return [self.by_combo, self.text_button, self.dismiss_button]

    @Slot()
    def refresh(self) -> None:
        """Recount from the records; hidden while nothing has been sent."""
        self.items = withdrawals(self.records())
        self.summary = core.summarize(self.items, self.today())
        self.setHidden(not self.items)
        self._draw()
        self.current = core.observation(self.items, self.dismissed_keys())
        self.observation_frame.setHidden(self.current is None)
        self.observation_label.setText(self.current.text if self.current else "")

    def _draw(self) -> None:
        by_stage = self.by_combo.currentData() == "stage"
        names: dict[Any, str] = dict(core.STAGE_NAMES if by_stage else core.REASON_NAMES)
        counts = self.summary.by_stage if by_stage else self.summary.by_reason
        labels = [month_initial(m) for m in self.summary.months]
        words = core.describe(self.summary)
        self.chart.set_data(labels, counts, list(names), words)
        self.text_label.setText(words)
        present = [key for key in names if any(c.get(key) for c in counts)]
        self.legend_label.setText(
            " &nbsp; ".join(
                f'<span style="color:{self.chart.colour(key).name()}">■</span>&nbsp;'
                f"{html.escape(names[key])}"
                for key in present
            )
        )

    @Slot(bool)
    def _show_text(self, on: bool) -> None:
        self.text_label.setVisible(on)
        self.chart.setHidden(on)
        self.legend_label.setHidden(on)
        self.text_button.setText("As &chart" if on else "As te&xt")

    @Slot()
    def _dismiss(self) -> None:
        if self.current is None:
            return
        key = self.current.key
        self.dismissed.emit(key)
        self.refresh()


class SummaryHost(Protocol):
    """What the summary needs of the history view it sits in
    (:class:`bowout.gui.views.history.HistoryView`)."""

    @property
    def history(self) -> HistoryLike: ...
    @property
    def search_edit(self) -> QLineEdit: ...
    @property
    def trash_button(self) -> QAbstractButton: ...
    @property
    def model(self) -> QAbstractItemModel: ...

    def show_message(self, text: str, *, error: bool = False) -> None: ...
    def layout(self) -> QLayout | None: ...


def attach_summary(view: SummaryHost, context: AppContext) -> HistorySummary:
    """Put the summary above the history list; it follows the list's refreshes (unfiltered
    ones: a search narrows the list, not the history) and remembers dismissals in the
    settings."""
    from bowout.settings import save_settings

    summary = HistorySummary(view.history.list, lambda: context.settings.dismissed_observations)

    @Slot(str)
    def remember(key: str) -> None:
        settings = context.settings
        context.settings = dataclasses.replace(
            settings, dismissed_observations=(*settings.dismissed_observations, key)
        )
        try:
            save_settings(context.data_dir, context.settings)
        except OSError as exc:  # dismissed for this run; said, not silently forgotten
            logger.warning("could not save the dismissed observation: %s", exc)
            view.show_message(
                f"Could not remember the dismissal: {exc.strerror or exc}.", error=True
            )

    def follow() -> None:
        if not view.search_edit.text().strip() and not view.trash_button.isChecked():
            summary.refresh()

    summary.dismissed.connect(remember)
    view.model.modelReset.connect(follow)
    layout = view.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(1, summary)
    summary.hide()
    return summary
