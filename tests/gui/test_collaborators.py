"""The window is built from collaborators, not mixins (issue 25)."""

from __future__ import annotations

import inspect

from PySide6.QtCore import SIGNAL, QObject
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from bowout.gui.events import HistoryEvents
from bowout.gui.window.drafting import Drafting
from bowout.gui.window.open_record import OpenRecord
from bowout.gui.window.sending import Sending
from bowout.gui.window.shell import MainWindow
from bowout.gui.window.timeline import Timeline


def test_the_window_is_one_class_over_qmainwindow() -> None:
    ours = [cls for cls in MainWindow.__mro__ if cls.__module__.startswith("bowout")]
    assert ours == [MainWindow]
    assert MainWindow.__bases__ == (QMainWindow,)


def test_each_responsibility_is_a_qobject_of_its_own(window: MainWindow) -> None:
    parts = {
        window.drafting: Drafting,
        window.session: OpenRecord,
        window.sending: Sending,
        window.timeline: Timeline,
    }
    for part, cls in parts.items():
        assert type(part) is cls
        assert isinstance(part, QObject) and part.parent() is window
    # None reaches back to the window: each gets only what it works with.
    for cls in (Drafting, OpenRecord, Sending, Timeline):
        assert "MainWindow" not in inspect.getsource(inspect.getmodule(cls))  # type: ignore[arg-type]


def test_every_list_view_listens_to_the_one_events_object(window: MainWindow) -> None:
    assert isinstance(window.events, HistoryEvents)
    assert set(window.views) == {"history", "applications", "coming_up", "batch"}
    listeners = window.events.receivers(SIGNAL("changed(QString)"))
    assert listeners == len(window.views)


def test_a_save_is_published_once_and_a_visible_list_shows_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("history")
    qtbot.keyClicks(window.form.company_edit, "Northwind")
    window.form.finish_typing()
    published: list[str] = []
    window.events.changed.connect(published.append)
    assert window.session.save_to_history()
    assert window.session.record is not None
    assert published == [window.session.record.id]
    history = window.history_view
    assert history is not None
    assert history.selected_record() is not None
    assert history.selected_record().company == "Northwind"  # type: ignore[union-attr]


def test_a_sent_withdrawal_reaches_coming_up_through_the_events(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("coming_up")
    coming_up = window.views["coming_up"]
    before = coming_up.table.rowCount()
    qtbot.keyClicks(window.form.company_edit, "Northwind")
    window.form.finish_typing()
    with qtbot.waitSignal(window.events.changed):
        window.actions_.mark_sent.trigger()
    qtbot.waitUntil(lambda: coming_up.table.rowCount() > before)
