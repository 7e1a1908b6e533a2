"""The private history: records, schema, crash-safe TinyDB storage, lock, backups.

Pure Python: this package never imports PySide6.
"""

from __future__ import annotations

from bowout.storage.errors import HistoryError
from bowout.storage.history import History
from bowout.storage.io import ImportReport
from bowout.storage.records import Record
from bowout.storage.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "History", "HistoryError", "ImportReport", "Record"]
