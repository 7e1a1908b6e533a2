"""Reading and changing stored record documents: validated once, edited in one save.

Shared by the stores that touch withdrawal records (:class:`~bowout.storage.history.History`
itself, the timeline, the lifecycle, the withdrawals, the transfer), so each reads a record
the same way and a document already validated is not validated again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from bowout.storage.errors import HistoryError
from bowout.storage.historyfile import HistoryFile
from bowout.storage.records import Record, checked
from bowout.storage.schema import later_than

logger = logging.getLogger(__name__)


class RecordDocs:
    """The ``records`` table of ``file`` as :class:`Record` objects."""

    def __init__(self, file: HistoryFile) -> None:
        self.file = file
        #: Stored documents already validated, by id: (document, its updated stamp).
        self._verified: dict[str, tuple[dict[str, Any], object]] = {}

    def newest_first(self) -> list[Record]:
        """Every readable record (refreshed from the file), newest first by creation time;
        a damaged one is logged and left out."""
        self.file.refresh()
        return newest_first(self.valid(self.file.records.all()))

    def locked(self, record_id: str) -> Record:
        """Inside a transaction: the stored record; HistoryError when there is none or it
        is damaged."""
        doc = self.file.records.get(record_id)
        if doc is None:
            raise HistoryError(f"No record with id {record_id!r} in the history.")
        return self.to_record(doc, strict=True)

    def edit(self, record_id: str, change: Callable[[Record], object]) -> Record:
        """Load a record, let ``change`` change it, check it and save it, in one
        transaction; returns it as stored. HistoryError (from ``change`` or the checks)
        leaves the file as it was."""
        with self.file.transaction():
            record = self.locked(record_id)
            change(record)
            record.updated = later_than(record.updated)
            saved = checked(record)
            self.file.records.replace(saved.id, saved.to_dict())
        return saved

    def to_record(self, doc: dict[str, Any], *, strict: bool) -> Record:
        """A stored document as a Record. HistoryError when it is damaged (``strict``:
        the message names the record and the file)."""
        record_id, stamp = doc.get("id"), doc.get("updated")
        seen = self._verified.get(record_id) if isinstance(record_id, str) else None
        if seen is not None and seen[0] is doc and seen[1] == stamp:
            return Record.from_trusted(doc)  # this very document passed validation before
        try:
            record = Record.from_dict(doc)
        except HistoryError as exc:
            if strict:
                raise HistoryError(
                    f"The record {record_id!r} in {self.file.path} is damaged ({exc})."
                ) from None
            raise
        if record.to_dict() == doc:  # already in canonical form, so it can be reused as is
            if len(self._verified) > 2 * self.file.records.count() + 64:
                self._verified.clear()
            self._verified[record.id] = (doc, stamp)
        return record

    def valid(self, docs: Iterable[dict[str, Any]]) -> list[Record]:
        """The readable records among ``docs``, in their order; each damaged one is logged
        and left out (one damaged record must not hide all the others)."""
        records = []
        for doc in docs:
            try:
                records.append(self.to_record(doc, strict=False))
            except HistoryError as exc:
                logger.error(
                    "skipping damaged record %r in %s: %s", doc.get("id"), self.file.path, exc
                )
        return records


def newest_first(records: list[Record]) -> list[Record]:
    """``records`` sorted in place, newest first (by creation time, then id)."""
    records.sort(key=lambda r: (r.created, r.id), reverse=True)
    return records
