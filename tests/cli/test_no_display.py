"""Plain ``bowout`` on Linux without a display says so in one line instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is a Linux matter")
def test_no_display_prints_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "desktop")
    proc = subprocess.run(
        [sys.executable, "-m", "bowout"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "no display" in lines[0]
    assert "bowout draft" in lines[0]
    assert "Traceback" not in proc.stderr
