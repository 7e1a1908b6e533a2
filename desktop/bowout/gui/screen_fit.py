"""Where the main window opens: a size taken from the screen's available geometry, and a
remembered geometry clamped to the screen it now opens on (a laptop undocked from a big
monitor, a 1366×768 or 800×600 screen, 100–200 % scaling: Qt works in logical pixels)."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = [
    "FRAME_ALLOWANCE", "PREFERRED_SIZE", "clamp_geometry", "first_geometry", "fit_dialog",
    "fit_window",
]  # fmt: skip

#: The size the window asks for when the screen has room (logical pixels): the form, the
#: message and the tone coach side by side.
PREFERRED_SIZE = QSize(1280, 820)
#: Room kept for the window manager's title bar and borders (logical pixels) before the
#: window is shown and its own frame is known: about a GNOME, KDE or Windows 11 title bar.
FRAME_ALLOWANCE = QMargins(8, 34, 8, 8)


def first_geometry(available: QRect, frame: QMargins = FRAME_ALLOWANCE) -> QRect:
    """The first run's window (client area, logical pixels): :data:`PREFERRED_SIZE`, no
    larger than ``available`` less the ``frame``, centred in it."""
    room = available.marginsRemoved(frame)
    rect = QRect(QPoint(0, 0), PREFERRED_SIZE.boundedTo(room.size()))
    rect.moveCenter(room.center())
    return rect


def clamp_geometry(geometry: QRect, available: QRect, frame: QMargins = FRAME_ALLOWANCE) -> QRect:
    """``geometry`` (client area) shrunk to fit ``available`` less the ``frame`` and moved
    the least distance that puts it, title bar included, wholly inside."""
    room = available.marginsRemoved(frame)
    size = geometry.size().boundedTo(room.size())
    x = min(max(geometry.x(), room.left()), room.left() + room.width() - size.width())
    y = min(max(geometry.y(), room.top()), room.top() + room.height() - size.height())
    return QRect(QPoint(x, y), size)


def fit_window(window: QWidget, remembered: QRect | None) -> None:
    """Give ``window`` its opening geometry: ``remembered`` (already restored by Qt, or None
    on a first run) clamped to the screen it lands on, else :func:`first_geometry`.

    A maximised or full-screen window is left as restored: the window manager sizes it.
    """
    if window.isMaximized() or window.isFullScreen():
        return
    screen = None
    if remembered is not None:
        screen = QGuiApplication.screenAt(remembered.center())
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (a broken platform plugin): Qt's defaults
        return
    available = screen.availableGeometry()
    if remembered is None:
        window.setGeometry(first_geometry(available))
    else:
        window.setGeometry(clamp_geometry(remembered, available))


def fit_dialog(dialog: QWidget, preferred: QSize) -> None:
    """Size ``dialog`` at ``preferred`` (logical pixels), no larger than its screen's
    available geometry less the :data:`FRAME_ALLOWANCE`: a tall dialog on an 800×600 screen
    keeps its title bar and buttons on it (its scrolling parts give way)."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    size = preferred
    if screen is not None:
        room = screen.availableGeometry().marginsRemoved(FRAME_ALLOWANCE)
        size = preferred.boundedTo(room.size())
    dialog.resize(size)
