"""Cut, Copy, Paste and Select All of the Edit menu: on whatever text field has the focus."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def on_focused(method: str) -> bool:
    """Call ``method`` ("cut", "copy", "paste", "selectAll") of the focused widget (a line
    edit, a text editor): True when it has one; False (nothing done) otherwise, e.g. with a
    list or a button focused."""
    call = getattr(QApplication.focusWidget(), method, None)
    if not callable(call):
        return False
    call()
    return True
