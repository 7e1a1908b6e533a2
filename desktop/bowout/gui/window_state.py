"""The window's geometry, splitter positions and current view, kept between runs (ini file).

Every QSettings the app uses is :func:`window_settings`: one INI file, in the configuration
folder ``BOWOUT_CONFIG_DIR`` names when it is set (a checkout, a test or a benchmark never
reads another's state), else Qt's per-user place (``~/.config/BowOut/BowOut.ini``;
``%APPDATA%\\BowOut\\BowOut.ini`` on Windows), where the README's delete lines and the Windows
uninstall check look for it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from bowout import paths
from bowout.gui.screen_fit import fit_window

__all__ = ["STATE_FILE", "restore_state", "save_state", "window_settings"]

#: The state file's name in the ``BOWOUT_CONFIG_DIR`` folder (as Qt names it in its own place).
STATE_FILE = f"{paths.APP_NAME}.ini"


def window_settings() -> QSettings:
    """The window's state store (geometry, splitters, the view, the last folder): the INI
    file :data:`STATE_FILE` in ``BOWOUT_CONFIG_DIR`` when that is set, else Qt's per-user
    INI file for Bow Out. Nothing else in the app makes a QSettings."""
    if os.environ.get(paths.CONFIG_DIR_ENV):
        return QSettings(str(paths.config_dir() / STATE_FILE), QSettings.Format.IniFormat)
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
