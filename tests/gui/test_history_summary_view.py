"""The history summary: bars by stage or reason, in words too, one dismissible observation."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import bowout
from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.situation import Reason
from bowout.gui import build_window
from bowout.gui.theme import apply_theme
from bowout.gui.views.history_summary import HistorySummary
from bowout.gui.widgets.summary_chart import COLOURS
from bowout.gui.window.shell import MainWindow
from bowout.settings import load_settings
from bowout.storage import History, Record
from conftest import close_quietly

TODAY = dt.date(2026, 11, 29)
PLAN = [  # (company, stage, reason, sent)
    ("Northwind", Stage.FINAL, Reason.OTHER_OFFER, "2026-11-02"),
    ("Contoso", Stage.FINAL, Reason.COMPENSATION, "2026-10-14"),
    ("Fabrikam", Stage.FINAL, Reason.OTHER_OFFER, "2026-06-20"),
    ("Litware", Stage.SCREENING, Reason.NOT_A_FIT, "2026-06-03"),
]


def fill(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        for company, stage, reason, sent in PLAN:
            situation = Situation(stage=stage, reason=reason, company=company)
            record = history.add(Record.from_draft(Composer().compose(situation, Profile("M"))))
            when = dt.datetime.fromisoformat(sent + "T10:00:00+00:00")
            history.lifecycle.mark_sent(record.id, when)
        history.add(Record.from_draft(Composer().compose(  # a draft: not a withdrawal yet
            Situation(stage=Stage.FINAL, company="Adatum"), Profile("M"))))  # fmt: skip


def open_summary(qtbot: QtBot, data_dir: Path) -> tuple[MainWindow, HistorySummary]:
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    summary = win.history_view.findChild(HistorySummary, "history_summary")
    summary.today = lambda: TODAY  # type: ignore[method-assign]
    win.actions_.view_history.trigger()
    qtbot.waitUntil(lambda: summary.isVisible() and summary.chart.width() > 0)
    return win, summary


def test_summary_counts_sent_withdrawals_and_says_so_in_words(qtbot: QtBot, data_dir: Path) -> None:
    fill(data_dir)
    win, summary = open_summary(qtbot, data_dir)
    words = summary.chart.accessibleDescription()
    assert words.startswith("4 sent withdrawals from December 2025 to November 2026.")
    assert "By stage: Screening 1, Final interview 3." in words
    assert "Final interview" in summary.legend_label.text()
    assert "Pay" not in summary.legend_label.text()
    summary.by_combo.setCurrentIndex(summary.by_combo.findData("reason"))
    assert "Pay" in summary.legend_label.text() and "Final interview" not in (
        summary.legend_label.text()
    )
    qtbot.mouseClick(summary.text_button, Qt.MouseButton.LeftButton)
    assert summary.text_label.isVisible() and not summary.chart.isVisible()
    assert summary.text_label.text() == words
    close_quietly(win)


def test_the_observation_is_dismissed_for_good(qtbot: QtBot, data_dir: Path) -> None:
    fill(data_dir)
    win, summary = open_summary(qtbot, data_dir)
    assert summary.observation_label.isVisible()
    assert summary.observation_label.text().startswith(
        "Several of your withdrawals came after the final interview"
    )
    qtbot.mouseClick(summary.dismiss_button, Qt.MouseButton.LeftButton)
    assert not summary.observation_frame.isVisible()
    assert load_settings(data_dir).dismissed_observations == ("after-final",)
    close_quietly(win)
    win, summary = open_summary(qtbot, data_dir)
    assert summary.isVisible() and not summary.observation_frame.isVisible()
    close_quietly(win)


def test_no_summary_before_anything_was_sent(qtbot: QtBot, data_dir: Path) -> None:
    win = build_window(data_dir)
    qtbot.addWidget(win)
    win.show()
    win.actions_.view_history.trigger()
    summary = win.history_view.findChild(HistorySummary, "history_summary")
    assert win.history_view.isVisible() and not summary.isVisible()
    close_quietly(win)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_bars_and_text_are_drawn_in_either_theme(
    qtbot: QtBot, data_dir: Path, qapp: QApplication, theme: str
) -> None:
    fill(data_dir)
    apply_theme(qapp, theme)
    try:
        win, summary = open_summary(qtbot, data_dir)
        image = summary.chart.grab().toImage()
        seen = {image.pixelColor(x, y).name() for x in range(image.width())
                for y in range(image.height())}  # fmt: skip
        final = COLOURS[list(Stage).index(Stage.FINAL)].lower()
        assert final in seen  # the bars
        text = summary.chart.palette().color(summary.chart.foregroundRole())
        background = summary.chart.palette().color(summary.chart.backgroundRole())
        assert abs(QColor(text).lightness() - QColor(background).lightness()) > 100
        assert text.name() in seen  # the month letters, in the theme's text colour
        close_quietly(win)
    finally:
        apply_theme(qapp, "system")


def test_a_withdrawal_counts_in_the_month_of_the_users_own_day() -> None:
    """23:30 UTC on 30 November is 1 December in Tokyo: December's bar counts it there.
    The time zone is the child process's own (``TZ``)."""
    code = (
        "import json, types\n"
        "from bowout.gui.views.history_summary import withdrawals\n"
        "r = types.SimpleNamespace(id='r1', status='sent', sent='2026-11-30T23:30:00.000000Z',"
        " stage='final', reason='other-offer')\n"
        "print(json.dumps([w.sent.isoformat() for w in withdrawals([r])]))\n"
    )

    def sent_in(tz: str) -> list[str]:
        source = str(Path(bowout.__file__).parents[1])  # this checkout's code, not another
        env = {**os.environ, "TZ": tz, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": source}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env=env, check=True).stdout  # fmt: skip
        return list(json.loads(out))

    assert sent_in("JST-9") == ["2026-12-01"]
    assert sent_in("UTC0") == ["2026-11-30"]
