"""The real start-up path: the window with its draft first, then the tone coach and the
history once it has painted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from bowout.core import Composer, Profile, Situation, Stage
from bowout.gui import app as gui_app
from bowout.gui.theme import apply_theme
from bowout.gui.window.shell import MainWindow
from bowout.storage import History, Record
from conftest import close_quietly


def shown(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = gui_app.show_window(data_dir)
    qtbot.addWidget(window)
    return window


def test_window_is_on_screen_with_the_draft_before_the_history(
    qtbot: QtBot, data_dir: Path
) -> None:
    situation = Situation(stage=Stage.FINAL, company="Northwind", role="Analyst")
    draft = Composer().compose(situation, Profile("Maya Okafor"))
    with History.open(data_dir) as history:
        history.add(Record.from_draft(draft))
    window = shown(qtbot, data_dir)
    assert window.isVisible()
    assert not window.started
    assert window.context.history is None  # not opened yet
    assert "withdrawing my application" in window.editor.toPlainText()  # the first frame's
    assert window.tone_list.count() == 0  # the tone coach reads it after the paint
    with qtbot.waitSignal(window.ready, timeout=5000):
        pass
    assert window.started
    assert window.drafting.draft is not None
    assert window.editor.toPlainText().strip()
    assert window.context.history is not None
    assert [r.company for r in window.context.history.list()] == ["Northwind"]
    assert window.history_view is not None
    assert not window.isWindowModified()
    close_quietly(window)


def test_finish_start_runs_once(qtbot: QtBot, data_dir: Path) -> None:
    window = shown(qtbot, data_dir)
    with qtbot.waitSignal(window.ready, timeout=5000):
        pass
    view = window.history_view
    with qtbot.assertNotEmitted(window.ready, wait=50):
        window.finish_start()
    assert window.history_view is view
    close_quietly(window)


def test_corrupt_history_is_reported_after_the_deferred_start(qtbot: QtBot, data_dir: Path) -> None:
    (data_dir / "history.json").write_text("[1, 2", encoding="utf-8")
    window = shown(qtbot, data_dir)
    with qtbot.waitSignal(window.ready, timeout=5000):
        pass
    assert window.context.history_message
    assert window.banner.isVisibleTo(window)
    assert window.banner.label.text() == window.context.history_message
    assert window.editor.toPlainText().strip()  # drafting still works
    close_quietly(window)


def test_after_first_paint_falls_back_when_nothing_paints(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui_app.AfterFirstPaint, "FALLBACK_MS", 30)
    calls: list[str] = []
    hidden = QWidget()
    qtbot.addWidget(hidden)
    hook = gui_app.AfterFirstPaint(hidden, lambda: calls.append("started"))
    qtbot.waitUntil(lambda: calls == ["started"], timeout=2000)
    hidden.show()  # a later paint does not start it twice
    qtbot.wait(50)
    assert calls == ["started"]
    assert hook.fired


def test_after_first_paint_waits_for_the_paint(qtbot: QtBot) -> None:
    calls: list[str] = []
    widget = QWidget()
    qtbot.addWidget(widget)
    gui_app.AfterFirstPaint(widget, lambda: calls.append("started"))
    qtbot.wait(20)
    assert calls == []  # the fallback is a second away; nothing painted yet
    widget.show()
    qtbot.waitUntil(lambda: calls == ["started"], timeout=2000)


def test_rotate_logs_keeps_a_few_old_logs(tmp_path: Path) -> None:
    log = tmp_path / "bowout.log"
    for generation in range(5):
        log.write_text(f"generation {generation}\n" + "x" * 200, encoding="utf-8")
        gui_app.rotate_logs(log, max_bytes=100, keep=3)
    assert not log.exists()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["bowout.log.1", "bowout.log.2", "bowout.log.3"]
    assert (tmp_path / "bowout.log.1").read_text(encoding="utf-8").startswith("generation 4")
    assert (tmp_path / "bowout.log.3").read_text(encoding="utf-8").startswith("generation 2")


def test_rotate_logs_leaves_a_small_log_alone(tmp_path: Path) -> None:
    log = tmp_path / "bowout.log"
    log.write_text("short\n", encoding="utf-8")
    gui_app.rotate_logs(log, max_bytes=100)
    gui_app.rotate_logs(tmp_path / "missing.log", max_bytes=100)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bowout.log"]


def test_system_theme_twice_keeps_the_style(qapp: QApplication) -> None:
    apply_theme(qapp, "system")
    style = qapp.style()
    apply_theme(qapp, "system")
    assert qapp.style() is style  # no second re-polish of every widget


def test_the_window_module_leaves_the_slow_parts_for_later() -> None:
    """Importing the window (what happens before the first frame) loads none of these."""
    code = (
        "import sys\n"
        "import bowout.gui.app\n"
        "slow = ['jinja2', 'bowout.core.composer', 'bowout.core.tone_rules',"
        " 'bowout.storage.history', 'filelock', 'tinydb', 'spellchecker', 'logging.handlers',"
        " 'bowout.gui.views.history', 'qtawesome', 'bowout.gui.dialogs.settings_dialog', 'email']\n"
        "print(sorted(name for name in slow if name in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_first_frame_builds_no_qstyle_enums(tmp_path: Path) -> None:
    """Python's enum types for QStyle cost ~8 ms; the default look never needs them.

    (Touching QStyle or any subclass, QProxyStyle included, at import builds them all.)
    """
    code = (
        "import enum, sys\n"
        "from pathlib import Path\n"
        "made = []\n"
        "create = enum.EnumType.__dict__['_create_']\n"
        "create = getattr(create, '__func__', create)\n"
        "def spy(cls, name, *args, **kwargs):\n"
        "    made.append(name)\n"
        "    return create(cls, name, *args, **kwargs)\n"
        "enum.EnumType._create_ = spy\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from bowout.gui.app import show_window\n"
        "from bowout.gui.window.shell import MainWindow\n"
        "def painted(self):\n"
        "    print('PixelMetric' in made, 'PrimitiveElement' in made, len(made))\n"
        "    QApplication.instance().quit()\n"
        "MainWindow.finish_start = painted\n"
        "window = show_window(Path(sys.argv[1]))\n"
        "QApplication.instance().exec()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[2]) > 50  # the spy saw Qt's enums being made
    assert out[:2] == ["False", "False"]
