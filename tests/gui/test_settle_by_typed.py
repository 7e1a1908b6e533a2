"""The settle-by date as a person types it (issue 25): "with the year selected, typing
2027-01-04 saves 2026-01-04, eleven months before the withdrawal, with no warning". The
keys go to the field itself, as they do at the keyboard (the earlier test set the date in
code, which no typing slip can reach)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit
from pytestqt.qtbot import QtBot
from test_coming_up import open_view, rows, sent

from bowout.core.situation import Money
from conftest import close_quietly


@pytest.mark.parametrize(
    "section",
    [QDateTimeEdit.Section.YearSection, QDateTimeEdit.Section.DaySection, None],
    ids=["year-selected", "day-selected", "all-selected"],
)
def test_a_typed_settle_by_date_is_the_date_typed(
    qtbot: QtBot, data_dir: Path, section: QDateTimeEdit.Section | None
) -> None:
    sent(data_dir, "Northwind", signing_bonus=Money.PAID)
    win, view = open_view(qtbot, data_dir)
    row = next(i for i, r in enumerate(rows(view)) if "signing bonus" in r[2])
    view.table.selectRow(row)
    edit = view.settle_date_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    if section is None:
        edit.lineEdit().selectAll()
    else:
        edit.setSelectedSection(section)
    qtbot.keyClicks(edit, "2027-01-04")
    qtbot.mouseClick(view.settle_button, Qt.MouseButton.LeftButton)
    assert edit.date() == QDate(2027, 1, 4), edit.text()
    assert not edit.property("invalid")
    close_quietly(win)


def test_a_typed_date_before_the_withdrawal_is_not_kept_quietly(
    qtbot: QtBot, data_dir: Path
) -> None:
    sent(data_dir, "Northwind", signing_bonus=Money.PAID)
    win, view = open_view(qtbot, data_dir)
    row = next(i for i, r in enumerate(rows(view)) if "signing bonus" in r[2])
    view.table.selectRow(row)
    edit = view.settle_date_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(edit, "2026-01-04")  # the slip of the issue: a year too early
    assert edit.date() >= edit.minimumDate() > QDate(2026, 1, 4)
    qtbot.mouseClick(view.settle_button, Qt.MouseButton.LeftButton)
    assert edit.property("invalid") and "passed" in view.message_label.text()
    close_quietly(win)
