"""No gui module over 400 lines (issue 25): a window module grows past what reads in one
sitting long before it grows past what works; split by responsibility before then."""

from __future__ import annotations

from pathlib import Path

import bowout.gui

#: The most lines a module of gui/ may have.
MAX_LINES = 400


def test_no_gui_module_is_over_400_lines() -> None:
    root = Path(bowout.gui.__file__).parent
    sizes = {
        str(path.relative_to(root)): len(path.read_text(encoding="utf-8").splitlines())
        for path in root.rglob("*.py")
    }
    assert len(sizes) > 50
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
