"""Markup in a company name (from a CSV, say) shows as text, never as rich text, in every
label, message line and tooltip of the window (issue 23: ``<img>`` showed as an image)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from bowout.core.applications import Application
from bowout.gui import app as gui_app
from bowout.storage import History, Record
from conftest import close_quietly

EVIL = '<img src="x.png">Evil <b>Corp</b>'


def _seed(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        history.applications.add(Application(company=EVIL, role="Analyst"))
        kept = history.add(Record(company=EVIL, role="Analyst", stage="offer", subject="Bye"))
        history.lifecycle.mark_sent(
            kept.id, dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=20)
        )


def _rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.PlainText:
        return False
    return fmt == Qt.TextFormat.RichText or QtGui.mightBeRichText(label.text())


def test_a_company_with_markup_is_plain_text_everywhere(qtbot: QtBot, data_dir: Path) -> None:
    _seed(data_dir)
    window = gui_app.show_window(data_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20000):
        pass
    seen: list[str] = []  # labels that showed the company
    for key in window.views:
        window.show_view(key)
        view = window.views[key]
        for table in view.findChildren(QAbstractItemView):
            model = table.model()
            if model is None or model.rowCount() == 0:
                continue
            table.setCurrentIndex(model.index(0, 0))  # details of the first row
            table.selectionModel().select(
                model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            for column in range(model.columnCount()):
                tip = model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and "img" in tip:
                    assert "<img" not in tip, (key, tip)  # escaped, so shown as typed
            if isinstance(table, QTableWidget):
                for row in range(table.rowCount()):
                    for column in range(table.columnCount()):
                        item = table.item(row, column)
                        tip = item.toolTip() if item else ""
                        assert "<img" not in tip, (key, tip)
        for label in window.findChildren(QLabel):
            if "Evil" in label.text():
                seen.append(label.objectName() or type(label.parent()).__name__)
                # Plain text, or rich text with the company escaped (the record details).
                assert not _rich(label) or "<img" not in label.text(), (key, label.objectName())
    history_view = window.views["history"]
    history_view.show_undo_bar(f"Deleted the withdrawal to {EVIL}.")  # as a delete does
    assert not _rich(history_view.undo_label)
    history_view.show_message(f"Could not delete {EVIL}.", error=True)
    assert not _rich(history_view.message_label)
    window.banner.show_message(f"Deleted the withdrawal to {EVIL}.")
    assert not _rich(window.banner.label)
    assert seen, "the company reached no label: the sweep looked at nothing"
    close_quietly(window)
