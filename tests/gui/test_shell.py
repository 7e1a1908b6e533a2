"""The shell (issue 13): side navigation, the history list beside the draft, the layout kept."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import email_text, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QTableView
from pytestqt.qtbot import QtBot

from bowout.core.situation import Stage
from bowout.gui import build_window
from bowout.gui.views import MessageView
from bowout.gui.window.shell import VIEWS, MainWindow
from bowout.storage import History, Record
from conftest import close_quietly


def saved(data_dir: Path, *companies: str) -> None:
    with History.open(data_dir) as history:
        for company in companies:
            record = Record(
                company=company,
                role="Analyst",
                stage=Stage.INTERVIEWING.value,
                subject=f"Withdrawing — {company}",
                body_html=f"<p>Dear team at {company}, thank you.</p>",
            )
            history.add(record)


def shown(qtbot: QtBot, data_dir: Path) -> MainWindow:
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_navigation_lists_every_view_and_shows_history_beside_the_draft(
    qtbot: QtBot, data_dir: Path
) -> None:
    saved(data_dir, "Contoso")
    win = shown(qtbot, data_dir)
    nav = win.findChild(QListWidget, "nav_list")
    assert [nav.item(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(nav.count())] == [
        "Draft",
        "History",
        "Applications",
        "Coming up",
        "Tell the others",
    ]
    assert [v.key for v in VIEWS] == ["draft", "history", "applications", "coming_up", "batch"]
    assert not win.side_stack.isVisible()  # the draft alone at first
    rect = nav.visualItemRect(nav.item(1))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.history_view.isVisible()
    assert win.editor.isVisible()  # beside the draft, not instead of it

    def left(widget: object) -> int:
        return widget.mapTo(win, widget.rect().topLeft()).x()  # type: ignore[attr-defined]

    qtbot.waitUntil(lambda: left(win.nav) < left(win.history_view) < left(win.draft_view))
    close_quietly(win)


def test_one_click_in_the_history_list_opens_the_record(qtbot: QtBot, data_dir: Path) -> None:
    saved(data_dir, "Contoso", "Fabrikam")
    win = shown(qtbot, data_dir)
    win.actions_.view_history.trigger()
    view = win.findChild(QTableView, "history_view")
    assert view.model().rowCount() == 2
    row = [view.model().index(r, 0).data() for r in range(2)].index("Fabrikam")
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.form.company_edit.text() == "Fabrikam"
    assert "Dear team at Fabrikam" in email_text(win)
    assert win.session.record is not None and win.session.record.company == "Fabrikam"
    assert "Fabrikam — Analyst" in win.history_view.details.text()
    assert win.history_view.isVisible()  # the list stays for the next one
    close_quietly(win)


def test_layout_and_current_view_are_restored(qtbot: QtBot, data_dir: Path) -> None:
    win = shown(qtbot, data_dir)
    win.show_history()
    win.shell_splitter.setSizes([420, 900])
    sizes = win.shell_splitter.sizes()
    close_quietly(win)
    again = shown(qtbot, data_dir)
    assert again.nav.current_key() == "history"
    assert again.history_view.isVisible()
    assert again.shell_splitter.sizes()[0] == sizes[0]
    again.actions_.view_draft.trigger()
    assert not again.side_stack.isVisible()
    close_quietly(again)
    third = shown(qtbot, data_dir)
    assert third.nav.current_key() == "draft"
    close_quietly(third)


def test_find_shows_the_history_with_the_search_focused(qtbot: QtBot, data_dir: Path) -> None:
    saved(data_dir, "Contoso")
    win = shown(qtbot, data_dir)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.editor.setFocus()
    qtbot.keyClick(win.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.history_view.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.history_view.search_edit)
    close_quietly(win)


def test_narrow_window_gives_the_form_room_to_the_list(qtbot: QtBot, data_dir: Path) -> None:
    win = shown(qtbot, data_dir)
    win.resize(1366, 768)
    win.show_history()  # wide: the form, the list and the message side by side
    qtbot.waitUntil(win.draft_view.form_scroll.isVisible)
    win.resize(800, 600)  # the form must not hold the window wide
    qtbot.waitUntil(lambda: win.width() == 800)
    assert not win.draft_view.form_scroll.isVisible()
    qtbot.waitUntil(lambda: win.editor.width() >= 300)
    win.show_view("draft")
    assert win.draft_view.form_scroll.isVisible()
    close_quietly(win)


def test_every_view_beside_the_draft_fits_an_800x600_screen(qtbot: QtBot, data_dir: Path) -> None:
    """Each list view, shown on a wide window and then made small, still lets the window
    shrink to 800 pixels with the list and the message readable (issue 13, item 4)."""
    saved(data_dir, "Northwind", "Contoso")
    win = shown(qtbot, data_dir)
    for spec in VIEWS:
        win.resize(1366, 768)
        win.show_view(spec.key)
        win.resize(800, 600)
        qtbot.waitUntil(lambda: win.width() == 800)
        view = win.views.get(spec.key)
        if isinstance(view, MessageView):  # in the draft's place: the view is the message
            qtbot.waitUntil(lambda v=view: v.width() >= 600)
            assert not win.draft_view.isVisible(), spec.key
            continue
        qtbot.waitUntil(lambda: win.editor.width() >= 300)  # the message stays readable
        if view is not None:
            assert view.isVisible() and view.width() >= 200, spec.key
    close_quietly(win)


def test_saving_shows_in_the_list_beside_the_draft(qtbot: QtBot, data_dir: Path) -> None:
    saved(data_dir, "Contoso")
    win = shown(qtbot, data_dir)
    win.show_history()
    win.session.new_draft()
    type_into(qtbot, win.form.company_edit, "Northwind")
    win.actions_.save.trigger()
    view = win.history_view
    companies = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert sorted(companies) == ["Contoso", "Northwind"]
    assert view.selected_record().company == "Northwind"
    win.actions_.mark_sent.trigger()
    row = companies.index("Northwind")
    assert view.model.index(row, 4).data() == "Sent"
    assert "Sent" in view.details.text()
    close_quietly(win)


def test_every_view_has_one_working_shortcut_in_the_view_menu(qtbot: QtBot, data_dir: Path) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    win = shown(qtbot, data_dir)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    in_menu = [a.shortcut().toString() for a in view_menu.actions() if not a.isSeparator()]
    every = [
        a.shortcut().toString() for a in win.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    for spec in VIEWS[1:]:
        key = QKeySequence(spec.shortcut).toString()
        assert in_menu.count(key) == 1 and every.count(key) == 1, spec.key  # not ambiguous
        win.editor.setFocus()
        sequence = QKeySequence(spec.shortcut)[0]
        qtbot.keyClick(win.editor, sequence.key(), sequence.keyboardModifiers())
        assert win.views[spec.key].isVisible(), spec.key
        assert win.nav.current_key() == spec.key
    close_quietly(win)
