"""``bowout self-test``: every step passes on a good install, and a failing step shows."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bowout import selftest
from bowout.cli import main


def test_all_steps_pass_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["self-test"])
    out = capsys.readouterr().out
    assert code == 0, out
    for name, _step in selftest.STEPS:
        assert f"ok  {name}" in out
    assert out.rstrip().endswith("self-test: passed")


def test_never_touches_the_configured_data_folder(tmp_path: Path) -> None:
    before = {key: os.environ.get(key) for key in ("BOWOUT_DATA_DIR", "BOWOUT_CONFIG_DIR")}
    assert selftest.run(io.StringIO()) == 0
    assert {k: os.environ.get(k) for k in before} == before
    for value in before.values():
        assert value is not None
        assert not Path(value).exists()  # nothing was created in the user's folders


def test_a_failing_step_prints_fail_and_exits_1(tmp_path: Path) -> None:
    def broken(state: selftest.State) -> str:
        raise OSError("disk on fire")

    steps = [("resources", selftest.step_resources), ("compose", broken)]
    out = io.StringIO()
    assert selftest.run_steps(steps, tmp_path, out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ok  resources")
    assert lines[1] == "FAIL compose: OSError: disk on fire"
    assert lines[-1].endswith("self-test: FAILED")


def test_a_failed_check_names_itself_and_dependents_are_skipped(tmp_path: Path) -> None:
    def wrong(state: selftest.State) -> str:
        selftest._check(False, "the subject does not round-trip")
        return ""

    steps = [("compose", wrong), ("storage", selftest.step_storage)]
    out = io.StringIO()
    assert selftest.run_steps(steps, tmp_path, out) == 1
    text = out.getvalue()
    assert "FAIL compose: StepFailed: the subject does not round-trip" in text
    assert "FAIL storage: skipped because compose failed" in text


def test_missing_templates_fail_the_resources_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bowout import paths

    monkeypatch.setattr(paths, "app_root", lambda: tmp_path)
    out = io.StringIO()
    assert selftest.run_steps([("resources", selftest.step_resources)], tmp_path, out) == 1
    assert out.getvalue().startswith("FAIL resources: StepFailed: no templates folder")


def test_the_command_exits_with_the_status(tmp_path: Path) -> None:
    # The same way the installers run it: a fresh interpreter, no display.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "desktop")
    proc = subprocess.run(
        [sys.executable, "-m", "bowout", "self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=100,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok  window" in proc.stdout
    # Only the report: Qt's own chatter ("This plugin does not support
    # propagateSizeHints()") goes to the log, not the terminal.
    assert proc.stderr == ""
    for line in proc.stdout.splitlines():
        assert line.startswith(("ok  ", "bowout ")), line


def test_the_report_is_copied_to_a_file_for_windowed_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "selftest.txt"
    monkeypatch.setenv(selftest.OUT_ENV, str(report))
    console = io.StringIO()
    assert selftest.run(console) == 0
    assert report.read_text(encoding="utf-8") == console.getvalue()
    assert "ok  export" in console.getvalue()


def test_no_console_at_all_still_gives_the_status(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)  # as in a windowed Windows build
    assert selftest.run() == 0


def test_a_crash_mid_run_leaves_the_lines_so_far_and_its_traceback(tmp_path: Path) -> None:
    # A windowed Windows build has no console: when Qt crashes the process under Wine, the
    # report file is all there is to read. It must say which step died, and where.
    script = (
        "import faulthandler, sys\n"
        "from bowout import selftest\n"
        "def step_that_crashes(state):\n"
        "    faulthandler._sigsegv()\n"
        "selftest.STEPS = (('resources', selftest.step_resources),"
        " ('crash', step_that_crashes))\n"
        "sys.exit(selftest.run())\n"
    )
    report = tmp_path / "selftest.txt"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "desktop")
    env[selftest.OUT_ENV] = str(report)
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=100
    )
    assert proc.returncode != 0
    text = report.read_text(encoding="utf-8")
    assert text.startswith("ok  resources"), text
    assert "Fatal Python error" in text
    assert "step_that_crashes" in text


def test_a_failure_outside_the_steps_is_reported_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_qt() -> None:
        raise ImportError("DLL load failed while importing QtCore")

    report = tmp_path / "selftest.txt"
    monkeypatch.setenv(selftest.OUT_ENV, str(report))
    monkeypatch.setattr(selftest, "qt_messages_to_log", no_qt)
    console = io.StringIO()
    assert selftest.run(console) == 1
    text = report.read_text(encoding="utf-8")
    assert text == console.getvalue()
    assert text.startswith("FAIL self-test: ImportError: DLL load failed while importing QtCore")
    assert "Traceback (most recent call last)" in text
    assert text.rstrip().endswith("self-test: FAILED")
