"""GUI test set-up: a ready main window (its state goes to the test's BOWOUT_CONFIG_DIR)."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bowout.gui import build_window
from bowout.gui.dialogs.placeholder_check import PlaceholderDialog
from bowout.gui.window.shell import MainWindow


def close_quietly(window: MainWindow) -> None:
    """Close without the unsaved-changes question."""
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    window.close()


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    """A built (not shown) main window on an empty data folder."""
    win = build_window(data_dir)
    # pytest-qt closes registered widgets first; never let that wait on a question.
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    yield win
    close_quietly(win)


@pytest.fixture(autouse=True)
def placeholder_questions(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every "placeholders remain" question asked (never a modal dialog in a test): the
    names asked about, answered "Send anyway" unless a test answers otherwise."""
    asked: list[list[str]] = []

    def ask(cls: type[PlaceholderDialog], parent: object, names: list[str], action: str) -> bool:
        asked.append(list(names))
        return True

    monkeypatch.setattr(PlaceholderDialog, "ask", classmethod(ask))
    return asked


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, object, object]:
    """Before pytest-qt closes the test's widgets: a test that failed half-way can leave a
    window with unsaved edits, whose close question would then wait for a click that never
    comes (pytest-timeout cannot interrupt Qt's modal loop), hanging the whole run. The
    windows still open answer it "discard"."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    return (yield)
