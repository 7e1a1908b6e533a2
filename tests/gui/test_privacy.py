"""After a whole session of the window, every file and folder Bow Out made is private."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bowout.logsetup import setup_logging

_SESSION = textwrap.dedent(
    """
    import sys
    from bowout.cli import main
    from bowout.gui import app as gui_app
    from bowout.gui.window.shell import MainWindow

    MainWindow.first_run = lambda self: None  # the welcome is not what this test is about
    real_show = gui_app.show_window

    def show(data_dir, **options):
        window = real_show(data_dir, **options)

        def session():
            window.form.company_edit.setText("Northwind")
            window.notes_edit.setPlainText("Spoke to Jordan.")
            assert window.session.save_to_history()
            window.session.autosaver.save_now()
            window.ask.confirm_discard = lambda title: True
            window.close()

        window.ready.connect(session)
        return window

    gui_app.show_window = show
    sys.exit(main(["--data-dir", sys.argv[1]]))
    """
)


def _loose(root: Path) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            mode = stat.S_IMODE(path.lstat().st_mode)
            if mode & 0o077:
                found.append(f"{path.relative_to(root)} {mode:o}")
    if stat.S_IMODE(root.stat().st_mode) & 0o077:
        found.append(f". {stat.S_IMODE(root.stat().st_mode):o}")
    return found


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_full_window_session_leaves_only_private_files(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"  # neither exists: the session creates both
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", "import os; os.umask(0o022)\n" + _SESSION, str(data)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    names = {p.name for p in data.rglob("*")}
    assert {"history.json", "bowout.log", "logs"} <= names, names
    assert _loose(tmp_path / "new") == []
    for variable in ("BOWOUT_CONFIG_DIR", "BOWOUT_CACHE_DIR"):
        folder = Path(os.environ[variable])
        if folder.exists():
            assert _loose(folder) == [], variable


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_log_is_private_even_under_a_loose_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        log = setup_logging(tmp_path / "fresh" / "data")
    finally:
        os.umask(old)
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", None) == str(log):
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert log is not None and log.is_file()
    assert _loose(tmp_path / "fresh") == []
