"""The core and the storage never pull Qt in (fresh interpreter, sys.modules)."""

from __future__ import annotations

import subprocess
import sys


def test_core_storage_and_services_import_without_pyside6() -> None:
    code = (
        "import sys, bowout.core, bowout.core.composer, bowout.core.exports, bowout.storage, "
        "bowout.settings, bowout.cli, bowout.cli.draft, bowout.services.records, "
        "bowout.services.batch, bowout.services.profile, bowout.services.when, "
        "bowout.cli.history, bowout.cli.profile, bowout.cli.batch\n"
        "from bowout.core import Composer, Situation, Stage, Profile\n"
        "Composer().compose(Situation(stage=Stage.OFFER), Profile())\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "[]"


def test_the_window_s_qt_free_modules_load_without_pyside6() -> None:
    """``bowout`` imports them before PySide6, whose import hook would read each one."""
    code = (
        "import sys, bowout.gui.qt_free\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
