"""How an unfilled [placeholder] looks in the editors (and what counts as one there)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

#: Placeholder highlight: near-black on opaque amber, about 13:1 (WCAG AA asks 4.5:1 for
#: text). Both colours are fixed so a dark theme's light text never lands on the amber.
PLACEHOLDER_BACKGROUND = QColor(255, 221, 128)
PLACEHOLDER_FOREGROUND = QColor(28, 28, 28)


def placeholder_format() -> QTextCharFormat:
    """A readable highlight for unfilled [placeholders], light and dark themes alike."""
    fmt = QTextCharFormat()
    fmt.setBackground(PLACEHOLDER_BACKGROUND)
    fmt.setForeground(PLACEHOLDER_FOREGROUND)
    return fmt


#: Pattern for the composer's visible placeholders, e.g. ``[Hiring manager's name]``.
PLACEHOLDER_PATTERN = r"\[[^\[\]\n]{1,80}\]"
