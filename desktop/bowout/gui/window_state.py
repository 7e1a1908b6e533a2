"""The window's geometry and splitter positions, kept between runs in an ini file."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from bowout import paths

__all__ = ["restore_state", "save_state", "window_settings"]


def window_settings() -> QSettings:
    """Geometry and splitter state (an ini file; tests point QSettings.setPath elsewhere)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, paths.APP_NAME, paths.APP_NAME
    )


def restore_state(window: QWidget, splitter: QSplitter, editor_splitter: QSplitter) -> None:
    """Put back the geometry and both splitters saved by :func:`save_state` (if any)."""
    store = window_settings()
    geometry = store.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    for key, split in (("window/splitter", splitter), ("window/editor_splitter", editor_splitter)):
        state = store.value(key)
        if isinstance(state, QByteArray):
            split.restoreState(state)


def save_state(window: QWidget, splitter: QSplitter, editor_splitter: QSplitter) -> None:
    """Remember the window's geometry and both splitter positions."""
    store = window_settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/splitter", splitter.saveState())
    store.setValue("window/editor_splitter", editor_splitter.saveState())
    store.sync()
