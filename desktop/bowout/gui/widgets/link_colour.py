"""Links drawn in the theme's link colour. Qt fixes an anchor's colour when its HTML is read
(the palette of that moment, or a stored ``color:#0000ff``), so a message kept in the light
theme would show dark-blue links on the dark editor (about 2:1). Anchors are recoloured when
a message is loaded and when the palette changes (WCAG 2.1 AA asks 4.5:1 for text)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

__all__ = ["LinkColours", "recolour_links"]


def recolour_links(document: QTextDocument, colour: QColor) -> int:
    """Set every link's text in ``document`` to ``colour``; returns how many runs changed.

    The changes join the caller's edit block when one is open (one undo step)."""
    runs: list[tuple[int, int]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            style = fragment.charFormat()
            if style.isAnchor() and style.foreground().color() != colour:
                runs.append((fragment.position(), fragment.position() + fragment.length()))
            it += 1
        block = block.next()
    paint = QTextCharFormat()
    paint.setForeground(colour)
    for start, end in runs:
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(paint)
    return len(runs)


class LinkColours(QObject):
    """Recolours ``editor``'s links whenever its palette changes (a theme switch); the
    document's modified flag is kept as it was: a colour is not the user's edit."""

    def __init__(self, editor: QTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On a palette change, bring the links to the new link colour."""
        if watched is self.editor and event.type() == QEvent.Type.PaletteChange:
            document = self.editor.document()
            modified = document.isModified()
            recolour_links(document, self.editor.palette().color(QPalette.ColorRole.Link))
            document.setModified(modified)
        return False
