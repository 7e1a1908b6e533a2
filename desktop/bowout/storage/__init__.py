"""The private history: records, schema, crash-safe TinyDB storage, lock, backups.

Pure Python: this package never imports PySide6. Its names load on first use (PEP 562):
the window's autosave needs ``storage.atomic`` before anyone needs the history itself.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bowout.storage.applications import ImportMapping, StoredApplication
    from bowout.storage.errors import HistoryError
    from bowout.storage.history import History
    from bowout.storage.io import ImportReport
    from bowout.storage.records import Record
    from bowout.storage.schema import SCHEMA_VERSION

_HOMES = {
    "HistoryError": "errors",
    "History": "history",
    "ImportMapping": "applications",
    "StoredApplication": "applications",
    "ImportReport": "io",
    "Record": "records",
    "SCHEMA_VERSION": "schema",
}


def __getattr__(name: str) -> object:
    """Import the module that defines ``name`` the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "SCHEMA_VERSION",
    "History",
    "HistoryError",
    "ImportMapping",
    "ImportReport",
    "Record",
    "StoredApplication",
]
