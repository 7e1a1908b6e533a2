""" "Coming up" beside the form (issue 25): "What to do" gets the width it needs to be read, or
the form steps aside; rows re-wrap when the window widens; ticking keeps the rows in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from test_coming_up import open_view, sent

from bowout.core.situation import Money, Reason
from bowout.gui.views.coming_up import DONE_COLUMN, TITLE_COLUMN
from bowout.gui.widgets.readable_table import READABLE_CHARS
from conftest import close_quietly


@pytest.mark.parametrize("size", [(1366, 768), (1100, 700), (800, 600)])
def test_what_to_do_gets_room_to_be_read(
    qtbot: QtBot, data_dir: Path, size: tuple[int, int]
) -> None:
    sent(data_dir, "Northwind", reason=Reason.RELOCATION, signing_bonus=Money.PAID)
    win, view = open_view(qtbot, data_dir)
    win.resize(*size)
    qtbot.waitUntil(lambda: win.width() == size[0])  # nothing holds the window wider
    qtbot.wait(50)
    table = view.table
    needed = READABLE_CHARS * table.fontMetrics().averageCharWidth()
    assert table.columnWidth(TITLE_COLUMN) >= needed
    assert not table.horizontalScrollBar().isVisible()
    # The list stays inside the window (not pushed past its right edge).
    right = view.mapTo(win, QPoint(view.width(), 0)).x()
    assert right <= win.width()
    close_quietly(win)


def test_rows_re_wrap_when_the_window_widens(qtbot: QtBot, data_dir: Path) -> None:
    sent(data_dir, "Northwind", reason=Reason.RELOCATION, signing_bonus=Money.PAID)
    win, view = open_view(qtbot, data_dir)
    win.resize(1100, 700)
    qtbot.wait(50)
    table = view.table
    tallest = max(table.rowHeight(r) for r in range(table.rowCount()))
    win.resize(1900, 900)
    qtbot.waitUntil(lambda: win.width() == 1900)
    # Each row as tall as its text now needs: no refresh asked for.
    least = table.verticalHeader().minimumSectionSize()

    def fitted() -> bool:
        return all(
            table.rowHeight(r) == max(table.sizeHintForRow(r), least)
            for r in range(table.rowCount())
        )

    qtbot.waitUntil(fitted)
    assert max(table.rowHeight(r) for r in range(table.rowCount())) <= tallest
    close_quietly(win)


def test_ticking_keeps_the_rows_under_the_pointer(qtbot: QtBot, data_dir: Path) -> None:
    sent(data_dir, "Northwind", reason=Reason.RELOCATION)
    win, view = open_view(qtbot, data_dir)
    view.show_done_check.setChecked(True)  # ticked rows stay listed
    table = view.table
    first_rows = [table.visualRect(table.model().index(r, 0)).top() for r in range(3)]
    top = table.mapTo(win, QPoint(0, 0)).y()
    table.setFocus()
    table.setCurrentCell(0, DONE_COLUMN)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert table.item(0, DONE_COLUMN).checkState() == Qt.CheckState.Checked
    assert view.message_label.isVisible()  # the tick was said
    qtbot.wait(20)
    assert table.mapTo(win, QPoint(0, 0)).y() == top
    assert [table.visualRect(table.model().index(r, 0)).top() for r in range(3)] == first_rows
    close_quietly(win)


def test_the_least_size_follows_a_view_change_at_once(qtbot: QtBot, data_dir: Path) -> None:
    """Showing a list changes how narrow the window may get; a resize asked for right after
    (a drag, the window manager, a busy machine's late events) is held to the new least size,
    not to one left from before (it once held an 800-wide window at 1003 pixels)."""
    sent(data_dir, "Northwind", reason=Reason.RELOCATION)
    win, _view = open_view(qtbot, data_dir)
    for key in ("draft", "coming_up", "history", "coming_up"):
        win.show_view(key)  # no events processed in between
        assert win.minimumSize().width() == win.minimumSizeHint().width()
    win.resize(800, 600)
    assert win.width() == 800
    close_quietly(win)
