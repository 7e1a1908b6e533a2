"""Give the windowed Windows build a console to print on when run from a terminal.

The frozen Windows app is built windowed (no console window flashes up when it is
started from the Start menu), so ``sys.stdout`` is None there and ``bowout draft ...``
typed in cmd or PowerShell would print nothing. When a subcommand is given, the process
attaches to the console of the terminal that started it and writes there.

Caveat (Windows behaviour, not ours): cmd does not wait for a windowed program, so its
prompt may come back before the output; ``start /wait bowout ...`` or piping the output
(``bowout ... | more``) makes it wait. The exit status is unaffected.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import IO, Any

#: AttachConsole's "the console of my parent process".
ATTACH_PARENT_PROCESS = -1


def _kernel32() -> object:
    import ctypes

    return ctypes.windll.kernel32  # type: ignore[attr-defined]


def _open_console(name: str, mode: str) -> IO[str]:
    return open(name, mode, encoding="utf-8", errors="replace")


def attach_parent_console(
    argv: Sequence[str],
    *,
    platform: str = sys.platform,
    kernel32: Callable[[], Any] = _kernel32,
    opener: Callable[[str, str], IO[str]] = _open_console,
) -> bool:
    """Point stdout/stderr at the parent terminal's console; True when it did.

    Only on Windows, only when there is no stdout (a windowed build) and only when a
    subcommand was given: plain ``bowout`` opens the window and needs no console.
    """
    if platform != "win32" or sys.stdout is not None or len(argv) < 2:
        return False
    try:
        if not kernel32().AttachConsole(ATTACH_PARENT_PROCESS):
            return False  # started from Explorer: there is no console to attach to
        sys.stdout = opener("CONOUT$", "w")
        sys.stderr = opener("CONOUT$", "w")
    except OSError:
        return False
    return True
