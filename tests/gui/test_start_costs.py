"""Costs the start pays for nothing the first frame shows (issue 25): garbage collection
among objects that all live on, and regular expressions compiled into big character tables.
Each is left for later, and what is left works when it comes."""

from __future__ import annotations

import ast
import gc
import inspect
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from bowout import cli
from bowout.gui import app as gui_app
from conftest import close_quietly


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """Whatever a test does to the collector, the next test finds it on and unfrozen."""
    yield
    gc.unfreeze()
    gc.enable()


def test_bowout_builds_its_window_without_the_collector(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    seen: list[bool] = []

    def run_app(folder: Path) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(gui_app, "run_app", run_app)
    assert cli.main(["--data-dir", str(data_dir)]) == 0
    assert seen == [False]


def test_the_collector_comes_back_after_the_first_paint(
    qtbot: QtBot, data_dir: Path, collector_restored: None
) -> None:
    gc.disable()  # as ``bowout`` starts
    window = gui_app.show_window(data_dir)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.started, timeout=10000)
    assert gc.isenabled()
    # What the start made is frozen: alive as long as the window, never walked again.
    assert gc.get_freeze_count() > 10_000
    # And garbage made since is collected: a cycle, once dropped, is gone.
    collected: list[object] = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            collected.append(True)

    Cycle()
    gc.collect()
    assert collected == [True]
    assert window.editor.toPlainText()  # the window works on
    close_quietly(window)


#: The widest character range (below U+10000) a module of the first frame may compile: ``re``
#: makes a table of each character of such a range, 0.1-0.3 ms per 1,000 (the CJK ranges
#: of ``core.names``, 42,000 characters, took 3-11 ms of every start). Ranges beyond U+FFFF
#: stay ranges and cost nothing.
WIDEST_CLASS = 1000

_SPY = """
import re, sys
from pathlib import Path
from types import ModuleType
compiled = []
compile_ = re.compile
def spy(pattern, flags=0):
    if sys._getframe(1).f_globals.get("__name__", "").startswith("bowout"):
        compiled.append((pattern, int(flags)))
    return compile_(pattern, flags)
re.compile = spy
import bowout.cli
import bowout.gui.qt_free
from PySide6.QtWidgets import QApplication
from bowout.gui.app import show_window
from bowout.gui.window.shell import MainWindow
def painted(self):
    print(repr(compiled))
    QApplication.instance().quit()
MainWindow.finish_start = painted
window = show_window(Path(sys.argv[1]))
QApplication.instance().exec()
"""


def widest_class(pattern: str | bytes, flags: int) -> int:
    """The most characters one range of ``pattern`` below U+10000 spans (0: none)."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    def walk(node: object) -> Iterator[int]:
        if isinstance(node, tuple) and len(node) == 2 and node[0] is _constants.RANGE:
            low, high = node[1]
            yield high - low + 1 if high <= 0xFFFF else 0
        elif isinstance(node, (_parser.SubPattern, list, tuple)):
            for part in node:
                yield from walk(part)

    return max(walk(_parser.parse(pattern, flags)), default=0)


def test_widest_class_measures_ranges() -> None:
    assert widest_class(r"[a-z]+|(x[\u4e00-\u9fff])", 0) == 0x9FFF - 0x4E00 + 1
    assert widest_class(r"\w+\.?", 0) == 0
    assert widest_class("[\U00010000-\U0010ffff]", 0) == 0


def test_first_frame_compiles_no_wide_character_table(data_dir: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _SPY, str(data_dir)], capture_output=True, text=True, check=True
    ).stdout.strip()
    compiled = ast.literal_eval(out)
    assert len(compiled) > 5  # the spy saw the first frame's expressions
    wide = [p for p, flags in compiled if widest_class(p, flags) > WIDEST_CLASS]
    assert wide == []


_ORDER = """
import sys
from pathlib import Path
from types import ModuleType
import bowout.gui.qt_free  # as ``bowout`` does (cli._open_window), then the window
from PySide6.QtWidgets import QApplication
from bowout.gui.app import show_window
from bowout.gui.window.shell import MainWindow
def painted(self):
    try:
        names = list(sys.modules)  # in the order imported
        late = []
        for name in names[names.index("PySide6") + 1:]:
            path = getattr(sys.modules[name], "__file__", None) or ""
            if name.split(".")[0] in ("bowout", "nh3") and path.endswith(".py"):
                if "PySide6" not in Path(path).read_text(encoding="utf-8"):
                    late.append(name)
        print(repr(late))
    finally:
        QApplication.instance().quit()
MainWindow.finish_start = painted
window = show_window(Path(sys.argv[1]))
QApplication.instance().exec()
"""


def test_first_frame_loads_its_qt_free_modules_before_pyside6(data_dir: Path) -> None:
    """After PySide6, its import hook reads the source of each module imported (about
    0.15 ms each): the first frame's modules that never name PySide6 come before it."""
    for _ in range(2):  # the first start keeps its draft in the start cache for the second
        out = subprocess.run(
            [sys.executable, "-c", _ORDER, str(data_dir)], capture_output=True, text=True,
            check=True,
        ).stdout.strip()  # fmt: skip
    assert ast.literal_eval(out) == []


_SCAN = """
import inspect, sys
from pathlib import Path
from types import ModuleType
read = []
getsource = inspect.getsource
def spy(obj):
    if str(getattr(obj, "__file__", "")).endswith(".py"):  # a source to read and parse
        read.append(obj.__name__)
    return getsource(obj)
inspect.getsource = spy
from bowout import cli
if hasattr(cli, "window_entry"):
    cli.window_entry()  # the modules, as ``bowout`` loads them
else:
    import bowout.gui.qt_free
    import bowout.gui.app
from PySide6.QtWidgets import QApplication
from bowout.gui.app import show_window
from bowout.gui.window.shell import MainWindow
def painted(self):
    print(repr(read))
    QApplication.instance().quit()
MainWindow.finish_start = painted
window = show_window(Path(sys.argv[1]))
QApplication.instance().exec()
"""


def test_first_frame_parses_no_module_source_for_pyside6s_import_hook(data_dir: Path) -> None:
    """PySide6's import hook asks of each module imported after it whether it names PySide6;
    answered by ``inspect.getsource`` that was some 100 modules and 9 ms of every start. Only
    the modules importing PySide6 itself loads are asked before the quick scan is in."""
    out = subprocess.run(
        [sys.executable, "-c", _SCAN, str(data_dir)], capture_output=True, text=True, check=True
    ).stdout.strip()
    pyside = subprocess.run(
        [sys.executable, "-c", "import sys, PySide6; print(repr(list(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    read = ast.literal_eval(out)
    assert set(read) <= set(ast.literal_eval(pyside)), read


def test_the_quick_scan_answers_as_pyside6s_own() -> None:
    """The same answer as reading the parsed source, for every module loaded here (the
    standard library's, PySide6's, Bow Out's, pytest's...), and for one without a file."""
    from bowout.gui.feature_scan import quick_scan

    def parsed(module: ModuleType) -> bool:  # what PySide6's hook does
        try:
            return "PySide6" in inspect.getsource(module)
        except (TypeError, OSError, SyntaxError):
            return False

    quick = quick_scan(parsed)
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    with_file = [m for m in modules if str(getattr(m, "__file__", "")).endswith(".py")]
    assert len(with_file) > 300
    assert [m.__name__ for m in modules if quick(m) != parsed(m)] == []
    assert {quick(m) for m in with_file} == {True, False}
    assert quick(ModuleType("made_here")) is False


def test_bowout_puts_the_quick_scan_in_pyside6s_hook() -> None:
    from bowout.gui.feature_scan import FEATURE_MODULE, HOOK, use_quick_scan

    use_quick_scan()
    assert getattr(getattr(sys.modules[FEATURE_MODULE], HOOK), "quick", False)
    assert use_quick_scan() is False  # once only: never a wrapper around a wrapper


def test_the_first_frames_dataclasses_bring_their_own_docstrings() -> None:
    """``dataclass`` writes a missing docstring from ``inspect.signature`` as the class is
    made, a cost of the start for each such class of the window's modules."""
    import dataclasses

    import bowout.gui.app  # noqa: F401 - the window's modules, as the first frame loads them

    made = [
        cls
        for name, module in list(sys.modules.items())
        if name.startswith("bowout.")
        for cls in vars(module).values()
        if isinstance(cls, type) and cls.__module__ == name and dataclasses.is_dataclass(cls)
    ]
    assert len(made) > 10
    written = [c.__qualname__ for c in made if (c.__doc__ or "").startswith(f"{c.__name__}(")]
    assert written == []
