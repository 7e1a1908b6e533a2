"""PySide6's import hook, answered from each module's file bytes instead of its parsed source.

For ``from __feature__ import snake_case`` PySide6 replaces ``__import__``; after each import
it asks, once per module, whether the importing module names "PySide6", by
``inspect.getsource`` (the encoding cookie tokenised, the file split into lines and joined
again). On ``bowout``'s start that question met about 100 modules, the standard library's
imported before PySide6 (``typing``, ``re``, ``logging``...) among them: about 9 ms of CPU,
near a tenth of a bare window's whole start (issue 25). :func:`use_quick_scan` gives the
same answer from the module's ``.py`` file read as bytes ("PySide6" is ASCII, and Python
source is in an ASCII-compatible encoding); a module without a ``.py`` file (built in, an
extension, a bundle's compiled module) is still asked of PySide6's own function.

Bow Out never selects a ``__feature__``; the answers only keep PySide6's bookkeeping as it
would be. The hook is PySide6's private function: when it is not where this expects it,
nothing is replaced and the start is as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

#: PySide6's module holding the hook, and the hook's name in it.
FEATURE_MODULE = "shibokensupport.feature"
HOOK = "_mod_uses_pyside"


def quick_scan(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """``original`` (PySide6's "does this module name PySide6?"), answered from the bytes of
    the module's ``.py`` file when it has one; ``original`` for any other module."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    return uses_pyside


def use_quick_scan() -> bool:
    """Import PySide6 and put :func:`quick_scan` in its import hook; True when done now
    (False: already done, or PySide6's hook is not where this expects it)."""
    import PySide6  # noqa: F401 - loads shibokensupport, the hook's home

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, HOOK, None)
    if not callable(original) or getattr(original, "quick", False):
        return False
    setattr(feature, HOOK, quick_scan(original))
    return True
