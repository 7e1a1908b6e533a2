"""A list view's controls: its buttons, and Undo, Redo and Delete scoped to it.

In the draft, Ctrl+Z and Delete belong to the editor; a list beside it takes them only
while it (or a child) has the focus (Qt.ShortcutContext.WidgetWithChildrenShortcut).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget


def add_list_actions(
    owner: QWidget,
    table: QAbstractItemView,
    undo_stack: QUndoStack,
    delete_text: str,
    on_delete: Callable[[], object],
) -> tuple[QAction, QAction, QAction]:
    """Give ``owner`` Undo and Redo (for ``undo_stack``) and ``table`` a Delete action named
    ``delete_text`` that calls ``on_delete``; returns (undo, redo, delete)."""
    scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
    undo = undo_stack.createUndoAction(owner, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(owner, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    delete = QAction(delete_text, table)
    delete.setShortcut(QKeySequence.StandardKey.Delete)
    delete.triggered.connect(on_delete)
    for action in (undo, redo, delete):
        action.setShortcutContext(scope)
    table.addAction(delete)
    owner.addActions([undo, redo])
    return undo, redo, delete


def list_button(parent: QWidget, name: str, text: str, accessible: str) -> QPushButton:
    """A named button for a list view that Enter in its search field does not press."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setAutoDefault(False)
    return button
