"""The window's state lives in the configuration folder ``BOWOUT_CONFIG_DIR`` names (issue
25): QSettings kept it in the platform's config folder whatever that said, so a clean clone
opened on a view remembered from another checkout and tests could leak state."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from bowout import paths
from bowout.gui import build_window
from bowout.gui.dialogs.file_dialogs import remember_folder
from bowout.gui.window.shell import MainWindow
from bowout.gui.window_state import STATE_FILE, window_settings
from conftest import close_quietly

ROOT = Path(__file__).resolve().parents[2]


def open_window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    return win


def test_the_window_state_goes_to_the_config_folder_and_stays_there(
    qtbot: QtBot,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Qt's own per-user place is somewhere else: nothing may land there.
    platform_place = tmp_path / "platform"
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(platform_place))
    first, second = tmp_path / "first-checkout", tmp_path / "second-checkout"
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(first))
    win = open_window(qtbot, data_dir)
    win.show_view("history")
    remember_folder(tmp_path)
    close_quietly(win)
    assert (first / STATE_FILE).is_file()
    kept = (first / STATE_FILE).read_text(encoding="utf-8")
    assert "view=history" in kept and "last_folder" in kept
    assert not platform_place.exists() or not any(platform_place.rglob("*.ini"))
    # Another checkout (another config folder) opens on its own state, not on this one's.
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(second))
    again = open_window(qtbot, data_dir)
    assert again.saved_view == "draft"
    close_quietly(again)
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(first))
    back = open_window(qtbot, data_dir)
    assert back.saved_view == "history"
    close_quietly(back)


def test_without_a_config_folder_the_state_is_where_the_uninstall_check_looks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The README's delete lines and packaging/windows_check.py name <Qt's folder>/BowOut.ini.
    monkeypatch.delenv(paths.CONFIG_DIR_ENV)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    assert Path(window_settings().fileName()) == tmp_path / "BowOut" / "BowOut.ini"
    check = (ROOT / "packaging" / "windows_check.py").read_text(encoding="utf-8")
    assert 'where.data[1] / "BowOut.ini"' in check


def test_nothing_else_makes_a_qsettings() -> None:
    made = re.compile(r"QSettings\(|QSettings\.setPath")
    found = [
        str(path.relative_to(ROOT))
        for folder in ("desktop", "scripts", "benchmarks", "packaging")
        for path in (ROOT / folder).rglob("*.py")
        if made.search(path.read_text(encoding="utf-8"))
    ]
    assert found == ["desktop/bowout/gui/window_state.py"]
