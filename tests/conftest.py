"""Test-wide set-up: headless Qt, and a data folder that is never the user's real one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Hypothesis has two profiles. "gate", the default (`scripts/dev.sh test`, CI): every run
# tries the same examples (derandomized from each test's code, no example database), so a
# change lands or not on what it changed, not on which corner of the matrix a run drew.
# "discovery" draws fresh examples: `--hypothesis-profile=discovery`, with
# `--hypothesis-seed=N` to replay a run; what it finds becomes a named test and a fix
# (docs/adding-a-language.md, "What the tests check").
settings.register_profile("gate", derandomize=True, database=None, print_blob=True)
settings.register_profile("discovery", print_blob=True)
settings.load_profile("gate")


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Point the data, config and cache folders at temporary ones for every test: the
    window keeps its state in the config folder, in this process and in a child (the
    scaling probe, the privacy session). The XDG folders too, for anything else."""
    base = tmp_path_factory.mktemp("bowout-home")
    monkeypatch.setenv("BOWOUT_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("BOWOUT_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("BOWOUT_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Empty the clipboard before the interpreter exits. Under the offscreen platform the
    clipboard outlives Python: a message a test copied (``QMimeData``, which the clipboard
    owns) is deleted by Qt's exit handlers after Python has finalized, and the process ends
    in a segmentation fault (exit 139) although every test passed. Real platforms (xcb,
    Windows, macOS) delete it with the application, while Python still runs."""
    import sys

    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:  # no test started Qt
        return
    app = widgets.QApplication.instance()
    if isinstance(app, widgets.QApplication):
        app.clipboard().clear()
