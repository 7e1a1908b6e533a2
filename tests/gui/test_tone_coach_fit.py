"""The tone coach read whole (issue 25): no remark cut at any line, the hover says the remark,
and the word count in the status bar agrees with the length remark or says why not."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from bowout.gui.window.shell import MainWindow

SORRY = "I am so sorry, I am really so very sorry about this. "
LONG_BODY = "Hi Dana,\n\n" + SORRY * 3 + " ".join(["word"] * 150) + ".\n\nBest,\nMaya Lee"


def shown_with_long_text(qtbot: QtBot, window: MainWindow, width: int) -> None:
    window.resize(width, 768)
    window.show()
    qtbot.waitExposed(window)
    window.editor.setPlainText(LONG_BODY)
    window.drafting.recheck_tone()
    qtbot.wait(50)


@pytest.mark.parametrize("width", [1366, 900, 800])
@pytest.mark.parametrize("first", [None, 1900, 800], ids=["as-opened", "narrowed", "widened"])
def test_no_remark_is_cut(qtbot: QtBot, window: MainWindow, width: int, first: int | None) -> None:
    shown_with_long_text(qtbot, window, first or width)
    if first:  # the remarks were laid out at another width first
        window.resize(width, 768)
        qtbot.waitUntil(lambda: window.width() == width)
        qtbot.wait(50)
    panel = window.tone_list
    assert panel.count() >= 4
    margin = panel.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, panel) + 1
    metrics = panel.fontMetrics()
    for row in range(panel.count()):
        item = panel.item(row)
        rect = panel.visualItemRect(item)
        # The text rectangle the style draws in: the row less its text margins.
        room = QRect(0, 0, rect.width() - 2 * margin, 10_000)
        needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, item.text()).height()
        assert rect.height() >= needed, (width, item.text(), rect, needed)
        assert rect.width() >= panel.viewport().width() - 2 * panel.spacing() - 2


def test_hover_says_the_remark(qtbot: QtBot, window: MainWindow) -> None:
    shown_with_long_text(qtbot, window, 1366)
    panel = window.tone_list
    for row in range(panel.count()):
        item = panel.item(row)
        assert item.toolTip().startswith(item.text()), item.toolTip()


def test_word_counts_agree_or_say_why(qtbot: QtBot, window: MainWindow) -> None:
    shown_with_long_text(qtbot, window, 1366)
    too_long = next(f for f in window.tone_list.findings() if f.code == "too-long")
    said = re.search(r"(\d+) words", too_long.message)
    assert said is not None
    label = window.word_label.text()
    counts = [int(n) for n in re.findall(r"\d+", label)]
    assert int(said.group(1)) in counts, label  # the remark's number is on screen too
    if counts[0] != int(said.group(1)):
        assert "signature" in label  # and why the two differ
