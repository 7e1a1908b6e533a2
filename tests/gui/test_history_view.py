"""The history view (the list beside the draft) driven by keyboard and mouse over a real history."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from bowout.gui.models.history_model import COLUMNS, local_date_text, local_time_text
from bowout.gui.views.history import SEARCH_DELAY_MS, HistoryView
from bowout.storage import History, HistoryError, Record


def new_record(company: str, role: str, created: str, **kw: Any) -> Record:
    kw.setdefault("stage", "interviewing")
    kw.setdefault("channel", "email")
    # An id keeps the given creation time (History.add stamps "now" only on new ids).
    kw.setdefault("id", uuid.uuid4().hex)
    return Record(created=created, company=company, role=role, **kw)


@pytest.fixture
def history(data_dir: Path) -> Iterator[History]:
    """A real history on disk with three withdrawals."""
    h = History.open(data_dir)
    h.add(new_record("Acme", "Data analyst", "2026-03-01T09:00:00Z", contact="Priya"))
    h.add(
        new_record(
            "Brightwave",
            "Engineer",
            "2026-04-02T10:30:00Z",
            stage="accepted",
            channel="phone",
            status="sent",
            sent="2026-04-02T11:00:00Z",
        )
    )
    h.add(
        new_record(
            "Café Zürich",
            "Barista lead",
            "2026-02-10T08:15:00Z",
            stage="screening",
            contact="Tomás",
        )
    )
    yield h
    h.close()


@pytest.fixture
def other_copy(data_dir: Path, history: History) -> Iterator[History]:
    """A second running copy of Bow Out on the same data folder."""
    h = History.open(data_dir)
    yield h
    h.close()


@pytest.fixture
def dialog(qtbot: QtBot, history: History) -> HistoryView:
    dlg = HistoryView(history)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def rows(dialog: HistoryView) -> list[list[str]]:
    """What the person sees in the table, top to bottom."""
    view = dialog.findChild(QTableView, "history_view")
    model = view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def companies(dialog: HistoryView) -> list[str]:
    return [row[0] for row in rows(dialog)]


def button(dialog: HistoryView, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def click(qtbot: QtBot, dialog: HistoryView, name: str) -> None:
    qtbot.mouseClick(button(dialog, name), Qt.MouseButton.LeftButton)


def search(qtbot: QtBot, dialog: HistoryView, text: str, expect: Callable[[], bool]) -> None:
    box = dialog.findChild(QLineEdit, "history_search")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, text)
    qtbot.waitUntil(expect, timeout=SEARCH_DELAY_MS * 10)


def select_company(qtbot: QtBot, dialog: HistoryView, company: str) -> None:
    view = dialog.findChild(QTableView, "history_view")
    row = companies(dialog).index(company)
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected_record().company == company


def test_columns_labels_and_newest_first(dialog: HistoryView) -> None:
    assert [dialog.view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == list(
        COLUMNS
    )
    assert rows(dialog)[0] == [
        "Brightwave",
        "Engineer",
        "Offer accepted (rescinding)",
        "Phone call, then email",
        "Sent",
        local_date_text("2026-04-02T10:30:00Z"),  # the minute is in the tooltip
    ]
    assert companies(dialog) == ["Brightwave", "Acme", "Café Zürich"]
    assert dialog.count_label.text() == "3 records saved."


def test_sorting_by_header_click(qtbot: QtBot, dialog: HistoryView) -> None:
    select_company(qtbot, dialog, "Acme")
    header = dialog.view.horizontalHeader()
    company_header = QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=company_header)
    first = companies(dialog)
    assert first in (["Acme", "Brightwave", "Café Zürich"], ["Café Zürich", "Brightwave", "Acme"])
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=company_header)
    assert companies(dialog) == first[::-1]
    assert dialog.selected_record().company == "Acme"  # the selection follows the row
    dialog.view.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    assert companies(dialog) == ["Café Zürich", "Acme", "Brightwave"]


def test_search_as_you_type_ignores_accents_and_case(qtbot: QtBot, dialog: HistoryView) -> None:
    search(qtbot, dialog, "zurich", lambda: companies(dialog) == ["Café Zürich"])
    assert dialog.count_label.text() == "1 of 3 records saved."
    search(qtbot, dialog, "TOMAS", lambda: companies(dialog) == ["Café Zürich"])
    search(qtbot, dialog, "nobody", lambda: companies(dialog) == [])
    assert dialog.count_label.text() == "Nothing matches “nobody” (3 records saved)."
    search(qtbot, dialog, "", lambda: len(companies(dialog)) == 3)


def test_search_is_debounced(qtbot: QtBot, dialog: HistoryView, history: History) -> None:
    calls: list[str] = []
    original = history.search
    history.search = lambda q: calls.append(q) or original(q)  # type: ignore[method-assign]
    box = dialog.findChild(QLineEdit, "history_search")
    qtbot.keyClicks(box, "acme")
    assert calls == []  # nothing ran on each keystroke
    qtbot.waitUntil(lambda: calls == ["acme"], timeout=SEARCH_DELAY_MS * 10)
    assert companies(dialog) == ["Acme"]


def test_open_by_button_double_click_and_enter(qtbot: QtBot, history: History) -> None:
    for how in ("button", "double", "enter"):
        dlg = HistoryView(history)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        select_company(qtbot, dlg, "Acme")
        with qtbot.waitSignal(dlg.open_requested, timeout=1000) as opened:
            if how == "button":
                click(qtbot, dlg, "open_button")
            elif how == "double":
                view = dlg.view
                rect = view.visualRect(view.model().index(companies(dlg).index("Acme"), 0))
                # A real double-click is a click followed by the double-click event.
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            else:
                qtbot.keyClick(dlg.view, Qt.Key.Key_Return)
        assert opened.args[0].company == "Acme"
        assert dlg.isVisible()  # the list stays beside the draft


def test_one_click_opens_and_the_details_follow(qtbot: QtBot, dialog: HistoryView) -> None:
    view = dialog.view
    rect = view.visualRect(view.model().index(companies(dialog).index("Brightwave"), 0))
    with qtbot.waitSignal(dialog.open_requested, timeout=1000) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args[0].company == "Brightwave"
    details = dialog.details.text()
    assert "Brightwave — Engineer" in details
    assert "Offer accepted (rescinding) · Phone call, then email" in details
    assert f"Sent: {local_time_text('2026-04-02T11:00:00Z')}" in details
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the keyboard moves without opening
    assert "Acme — Data analyst" in dialog.details.text()
    assert "To Priya" in dialog.details.text()


def test_status_filter_narrows_the_list(qtbot: QtBot, dialog: HistoryView) -> None:
    combo = dialog.status_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All", "Drafts", "Sent"]
    combo.setCurrentIndex(2)
    assert companies(dialog) == ["Brightwave"]
    assert dialog.count_label.text() == "1 of 3 records saved."
    combo.setCurrentIndex(1)
    assert companies(dialog) == ["Acme", "Café Zürich"]
    search(qtbot, dialog, "acme", lambda: companies(dialog) == ["Acme"])
    combo.setCurrentIndex(0)
    assert companies(dialog) == ["Acme"]


def test_enter_in_search_opens_the_top_match(qtbot: QtBot, dialog: HistoryView) -> None:
    search(qtbot, dialog, "bright", lambda: companies(dialog) == ["Brightwave"])
    with qtbot.waitSignal(dialog.open_requested) as opened:
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert opened.args[0].company == "Brightwave"


def test_duplicate_as_new(qtbot: QtBot, dialog: HistoryView) -> None:
    select_company(qtbot, dialog, "Café Zürich")
    with qtbot.waitSignal(dialog.duplicate_requested) as dup:
        click(qtbot, dialog, "duplicate_button")
    assert dup.args[0].role == "Barista lead"


def test_delete_then_undo_bar_restores(qtbot: QtBot, dialog: HistoryView, history: History) -> None:
    select_company(qtbot, dialog, "Acme")
    click(qtbot, dialog, "delete_button")
    assert companies(dialog) == ["Brightwave", "Café Zürich"]
    assert dialog.selected_record().company == "Café Zürich"  # the next row, not the top
    assert [r.company for r in history.trash()] == ["Acme"]
    assert dialog.undo_bar.isVisible()
    assert dialog.undo_label.text() == "Deleted Acme — Data analyst."
    click(qtbot, dialog, "undo_button")
    assert companies(dialog) == ["Brightwave", "Acme", "Café Zürich"]
    assert history.trash() == []
    assert not dialog.undo_bar.isVisible()
    assert dialog.selected_record().company == "Acme"


def test_delete_key_and_ctrl_z(qtbot: QtBot, dialog: HistoryView, history: History) -> None:
    select_company(qtbot, dialog, "Brightwave")
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    assert "Brightwave" not in companies(dialog)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Brightwave" in companies(dialog)
    redo = QKeySequence(QKeySequence.StandardKey.Redo)[0]
    qtbot.keyClick(dialog.view, redo.key(), redo.keyboardModifiers())
    assert "Brightwave" not in companies(dialog)  # redo deletes again
    assert [r.company for r in history.trash()] == ["Brightwave"]


def test_trash_restore_and_empty(qtbot: QtBot, dialog: HistoryView, history: History) -> None:
    for company in ("Acme", "Brightwave"):
        select_company(qtbot, dialog, company)
        click(qtbot, dialog, "delete_button")
    click(qtbot, dialog, "trash_button")
    assert sorted(companies(dialog)) == ["Acme", "Brightwave"]
    assert not button(dialog, "open_button").isVisible()
    assert button(dialog, "restore_button").isVisible()
    select_company(qtbot, dialog, "Acme")
    click(qtbot, dialog, "restore_button")
    assert companies(dialog) == ["Brightwave"]
    assert "Restored Acme" in dialog.message_label.text()

    asked: list[str] = []
    dialog.confirm = lambda title, text: asked.append(text) is not None and False  # type: ignore[method-assign]
    click(qtbot, dialog, "empty_trash_button")
    assert asked == ["Delete 1 record for good? This cannot be undone."]
    assert companies(dialog) == ["Brightwave"]  # said no: nothing happened

    dialog.confirm = lambda title, text: True  # type: ignore[method-assign]
    click(qtbot, dialog, "empty_trash_button")
    assert companies(dialog) == []
    assert history.trash() == []
    assert dialog.count_label.text() == "The trash is empty."
    assert not button(dialog, "empty_trash_button").isEnabled()
    assert dialog.undo_stack.count() == 0  # the emptied records cannot come back

    click(qtbot, dialog, "trash_button")
    assert sorted(companies(dialog)) == ["Acme", "Café Zürich"]


def test_storage_errors_are_shown_not_raised(
    qtbot: QtBot,
    dialog: HistoryView,
    history: History,
    other_copy: History,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    select_company(qtbot, dialog, "Acme")
    acme = dialog.selected_record()
    other_copy.delete(acme.id)  # another window got there first
    click(qtbot, dialog, "delete_button")
    assert dialog.message_label.isVisible()
    assert acme.id not in dialog.message_label.text()  # the window never shows an id
    assert dialog.message_label.text().startswith("This withdrawal is no longer in your")
    assert dialog.undo_stack.count() == 0  # a failed delete leaves nothing to undo
    assert not dialog.undo_bar.isVisible()

    def broken() -> list[Record]:
        raise HistoryError("The history file is damaged; the last good backup was restored.")

    monkeypatch.setattr(history, "list", broken)
    dialog.refresh()  # listing fails: an empty table and the message, no crash
    assert companies(dialog) == []
    assert (
        dialog.message_label.text()
        == "The history file is damaged; the last good backup was restored."
    )
    monkeypatch.undo()
    dialog.refresh()
    assert companies(dialog) == ["Brightwave", "Café Zürich"]  # the other copy's delete shows


def test_undo_after_another_copy_emptied_the_trash(
    qtbot: QtBot, dialog: HistoryView, history: History, other_copy: History
) -> None:
    select_company(qtbot, dialog, "Acme")
    click(qtbot, dialog, "delete_button")
    assert other_copy.empty_trash() == 1
    click(qtbot, dialog, "undo_button")
    assert dialog.message_label.text().startswith("This withdrawal is no longer in the trash")
    assert companies(dialog) == ["Brightwave", "Café Zürich"]


def test_refresh_picks_up_a_new_save_and_keeps_selection(
    qtbot: QtBot, dialog: HistoryView, history: History
) -> None:
    select_company(qtbot, dialog, "Acme")
    history.add(new_record("Dunmore", "PM", "2026-05-01T09:00:00Z"))  # saved by the main window
    dialog.refresh()
    assert companies(dialog)[0] == "Dunmore"
    assert dialog.selected_record().company == "Acme"


def test_empty_history(qtbot: QtBot, tmp_path: Path) -> None:
    with History.open(tmp_path / "fresh") as empty:
        dlg = HistoryView(empty)
        qtbot.addWidget(dlg)
        assert dlg.count_label.text() == "No saved withdrawals yet."
        assert not button(dlg, "open_button").isEnabled()
        assert not button(dlg, "delete_button").isEnabled()


def test_keyboard_down_arrow_and_names(qtbot: QtBot, dialog: HistoryView) -> None:
    dialog.focus_search()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search_edit)
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.view
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QPushButton, QLineEdit, QTableView)):
            assert widget.objectName()
            assert widget.accessibleName(), widget.objectName()
            assert widget.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert dialog.status_combo.accessibleName() == "Show withdrawals by status"
    assert dialog.details.accessibleName() == "Selected withdrawal"


def test_model_copes_with_odd_records(qtbot: QtBot, history: History) -> None:
    odd = Record(
        id="x",
        created="not a date",
        company="",
        role="",
        stage="from-the-future",
        channel="pigeon",
        sent="2026-04-02T11:00:00+00:00",
    )
    fine = new_record("Acme", "Analyst", "2026-04-02T10:30:00", sent="2026-04-02T11:00:00Z")
    dlg = HistoryView(history)
    qtbot.addWidget(dlg)
    dlg.model.set_records([odd, fine])
    shown = {tuple(r) for r in rows(dlg)}
    assert ("", "", "from-the-future", "pigeon", "Draft", "") in shown
    fine_row = next(r for r in range(2) if dlg.model.record(r) is fine)
    tip = dlg.model.index(fine_row, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        f"Created {local_time_text('2026-04-02T10:30:00Z')}, "
        f"sent {local_time_text('2026-04-02T11:00:00Z')}"
    )
    assert dlg.model.index(fine_row, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert dlg.model.index(fine_row, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert dlg.model.headerData(0, Qt.Orientation.Vertical) is None
    from bowout.gui.views.history import describe

    assert describe(odd) == "Untitled withdrawal"


def test_count_line_while_searching() -> None:
    from bowout.gui.models.history_model import count_text

    assert count_text(1, 3, "acme") == "1 of 3 records saved."
    assert count_text(3, 3, "a") == "3 records saved."
    assert count_text(1, 1, "") == "1 record saved."
    assert count_text(0, 1, "x") == "Nothing matches “x” (1 record saved)."
    assert count_text(2, 5, "q", in_trash=True) == "2 of 5 records in the trash."
    assert count_text(0, 0, "", in_trash=True) == "The trash is empty."


def test_tab_walks_the_view_in_visual_order(qtbot: QtBot, dialog: HistoryView) -> None:
    from PySide6.QtWidgets import QApplication

    dialog.show_undo_bar("Deleted Acme.")  # the bar under the list is visited right after it
    dialog.activateWindow()
    dialog.search_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search_edit)
    seen = []
    for _ in range(8):
        seen.append(QApplication.focusWidget().objectName())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert seen == [
        "history_search",
        "status_filter",
        "trash_button",
        "history_view",
        "undo_button",
        "open_button",
        "duplicate_button",
        "delete_button",  # restore and empty trash show only in the trash
    ]


def test_a_long_timeline_scrolls_under_the_list(
    qtbot: QtBot, history: History, dialog: HistoryView
) -> None:
    """Thirty call notes do not push the details off the view: they scroll, all kept."""
    from bowout.storage.timeline import make_event

    brightwave = next(r for r in history.list() if r.company == "Brightwave")
    notes = [
        make_event("call-note", f"2026-04-{day:02d}T12:00:00Z", "phone", f"Call {day}")
        for day in range(3, 30)
    ]
    history.timeline.add_events(brightwave.id, notes)
    dialog.resize(400, 500)
    dialog.refresh(select_id=brightwave.id)
    qtbot.waitUntil(lambda: "Call 29" in dialog.details.text())
    bar = dialog.details_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # taller than its room: it scrolls
    assert dialog.details_scroll.height() < dialog.details.sizeHint().height()
    assert dialog.view.height() >= 100  # and the list keeps room to be used
