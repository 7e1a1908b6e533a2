"""The window's geometry, splitter positions and current view, kept between runs (ini file)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from bowout import paths
from bowout.gui.screen_fit import fit_window

__all__ = ["restore_state", "save_state", "window_settings"]


def window_settings() -> QSettings:
    """Geometry and splitter state (an ini file; tests point QSettings.setPath elsewhere)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, paths.APP_NAME, paths.APP_NAME
    )


def restore_state(window: QWidget, splitters: Mapping[str, QSplitter]) -> str:
    """Put back what :func:`save_state` kept; returns the saved view's key ("draft" if none).

    ``splitters`` maps a name (the key under ``window/``) to its splitter. The geometry is
    clamped to the screen the window opens on; a first run's comes from that screen's size
    (:mod:`bowout.gui.screen_fit`).
    """
    store = window_settings()
    geometry = store.value("window/geometry")
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    fit_window(window, window.geometry() if restored else None)
    for key, split in splitters.items():
        state = store.value(f"window/{key}")
        if isinstance(state, QByteArray):
            split.restoreState(state)
    view = store.value("window/view")
    return view if isinstance(view, str) and view else "draft"


def save_state(window: QWidget, splitters: Mapping[str, QSplitter], view: str) -> None:
    """Remember the window's geometry, every splitter's positions and the view showing."""
    store = window_settings()
    store.setValue("window/geometry", window.saveGeometry())
    for key, split in splitters.items():
        store.setValue(f"window/{key}", split.saveState())
    store.setValue("window/view", view)
    store.sync()
