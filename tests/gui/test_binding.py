"""The Qt binding itself: a release that corrupts reference counts must fail here, not in use."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLineEdit

VOID_CALLS = 400


def test_void_calls_keep_none_alive(qapp: QApplication) -> None:
    """PySide6 6.12.0 dropped one reference to None per void call and aborted Python 3.11.

    Calling a void setter many times must leave None's reference count where it was
    (on Python 3.12+ None is immortal and its count never moves at all).
    """
    field = QLineEdit()
    before = sys.getrefcount(None)
    for _ in range(VOID_CALLS):
        field.setText("x")
    after = sys.getrefcount(None)
    assert after - before > -VOID_CALLS // 2, f"None lost {before - after} references"
