"""The None reference-count guard that keeps PySide6 6.12 on Python 3.11 from aborting."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from bowout.gui import refguard


def test_top_up_raises_the_count_to_the_floor() -> None:
    floor = sys.getrefcount(None) + 500
    assert refguard.top_up(floor) == pytest.approx(500, abs=2)
    assert sys.getrefcount(None) >= floor - 2
    assert refguard.top_up(floor - 10) == 0


@pytest.mark.skipif(not refguard.needs_guard(), reason="None is immortal from Python 3.12")
def test_guard_repays_what_void_qt_calls_take(qtbot: QtBot) -> None:
    guard = refguard.install()
    assert guard is not None and guard.timer.isActive()
    document = QTextDocument()
    guard.check()
    before = sys.getrefcount(None)
    for _ in range(2000):
        document.setModified(False)
    guard.check()
    assert sys.getrefcount(None) >= min(before, refguard.FLOOR) - 5
