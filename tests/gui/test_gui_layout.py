"""gui/ grouped by role (issue 25): window, views, widgets, dialogs, models."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import bowout.gui

GUI = Path(bowout.gui.__file__).parent
ROLES = {"window", "views", "widgets", "dialogs", "models"}
#: What stays at the top of gui/: the entry points and what every role shares (the
#: context, the theme and the icon set, plain words for messages, the help texts (stages,
#: channels, the note beside a recommended channel), Qt's text positions,
#: background work, the history's change events, the mail hand-off and the message written
#: to a file, the window's kept
#: state and its fit to the screen, and the start's parts: the cache of what the first
#: frame shows, the modules loaded before PySide6 and PySide6's import hook made quick).
SHARED = {"__init__", "app", "context", "theme", "icon_font", "contrast_style", "plain_words",
          "help_texts", "utf16", "background", "events", "mail_link", "exporting", "window_state",
          "screen_fit", "start_cache", "qt_free", "feature_scan"}  # fmt: skip


def test_gui_holds_its_roles_and_a_few_shared_modules() -> None:
    folders = {p.name for p in GUI.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == ROLES
    loose = {p.stem for p in GUI.glob("*.py")}
    assert loose == SHARED


#: Each role imports only the roles below it or beside it (and the shared modules): the
#: window builds views, views are made of widgets and open dialogs (a dialog is made of
#: widgets, and a widget may open one: the editor's link), widgets show models.
RANK = {"window": 3, "views": 2, "dialogs": 1, "widgets": 1, "models": 0}


def test_no_role_imports_one_above_it() -> None:
    upward = []
    for role, rank in RANK.items():
        for path in (GUI / role).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    parts = node.module.split(".")
                    if parts[:2] == ["bowout", "gui"] and len(parts) > 2:
                        target = RANK.get(parts[2], -1)
                        if target > rank:
                            upward.append(f"{role}/{path.name} -> {node.module}")
    assert upward == []


def test_each_role_is_a_package_with_a_docstring() -> None:
    for role in ROLES:
        module = importlib.import_module(f"bowout.gui.{role}")
        assert module.__doc__, role


def test_dialogs_are_not_among_the_widgets() -> None:
    widgets = {p.stem for p in (GUI / "widgets").glob("*.py")}
    assert not {name for name in widgets if name.endswith("dialog")}


def test_the_entry_points_stay_where_packaging_and_benchmarks_import_them() -> None:
    code = (
        "from bowout.gui.app import make_application, run_app, setup_logging, show_window\n"
        "from bowout.gui import build_window\n"
        "print(all(map(callable, (make_application, run_app, setup_logging, show_window))),"
        " callable(build_window))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["True", "True"]
