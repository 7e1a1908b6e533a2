"""A TinyDB storage that parses with orjson, caches in memory and writes only in transactions."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from bowout import readfile

#: The tables a history file holds: live records, and the trash (``{deleted, record}``).
RECORDS = "records"
TRASH = "trash"
#: Open applications (format 2), and the CSV column mappings remembered by header set.
APPLICATIONS = "applications"
IMPORT_MAPPINGS = "import_mappings"
#: The file's own description: ``{"format_version": N}`` (files before version 1 lack it).
META = "meta"
#: Reminder state by reminder uid (``{id, done, done_at, settle_by}``; since format 2).
REMINDERS = "reminders"
#: Version of the file layout (tables and meta); bump it when a table is added or changed.
FORMAT_VERSION = 2
#: Every table this version knows, by the format that added it. A new table is one line
#: here: an older file gains it (empty) on its next write; a file holding a table that is
#: not here was written by a newer Bow Out and is opened read-only.
TABLES: dict[str, int] = {
    RECORDS: 1,
    TRASH: 1,
    APPLICATIONS: 2,
    IMPORT_MAPPINGS: 2,
    REMINDERS: 2,
}
EMPTY: dict[str, dict[str, Any]] = {
    META: {"format_version": FORMAT_VERSION},
    **{name: {} for name in TABLES},
}

Tables = dict[str, dict[str, Any]]
#: What identifies one version of the file: inode, device, size, modification time.
Signature = tuple[int, int, int, int]


class CorruptFile(Exception):
    """The bytes on disk are not a history file; ``str()`` says why in a few words."""


def _signature(st: os.stat_result) -> Signature:
    return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)


def parse(raw: bytes) -> Tables:
    """Parse and shape-check a history file; raise CorruptFile when it is not one."""
    raw = raw.removeprefix(codecs.BOM_UTF8)  # re-saved by an editor that adds a BOM
    if not raw.strip():
        raise CorruptFile("it is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if "depth" in str(exc):
            raise CorruptFile("it is nested too deeply to be a history file") from None
        raise CorruptFile("it is not valid JSON, perhaps cut short or damaged") from None
    check_shape(data)
    tables: Tables = data
    return tables


def check_shape(data: object) -> None:
    """Cheap structural check of every table and document (records are validated when read).

    Tables this version does not know are allowed here: :func:`newer_format` reports them.
    """
    if not isinstance(data, dict) or not {RECORDS, TRASH} <= set(data):
        raise CorruptFile("it does not have the records and trash of a history file")
    for name in TABLES:
        if name not in data:
            continue  # a table added after the file's format: it is written on the next save
        table = data[name]
        if not isinstance(table, dict):
            raise CorruptFile(f"its {name} are not a JSON object")
        for key, doc in table.items():
            inner = doc.get("record") if name == TRASH and isinstance(doc, dict) else doc
            if not isinstance(inner, dict) or inner.get("id") != key:
                raise CorruptFile(f"an entry of its {name} is damaged")


def newer_format(data: Tables) -> str | None:
    """Why a parsed file is from a newer Bow Out (a higher format, tables we do not know),
    or None when this version may change it."""
    meta = data.get(META)
    version = meta.get("format_version") if isinstance(meta, dict) else None
    if isinstance(version, int) and version > FORMAT_VERSION:
        return f"format {version}; this Bow Out writes format {FORMAT_VERSION}"
    unknown = sorted(set(data) - set(EMPTY))
    if unknown:
        return f"it holds {', '.join(unknown)}, which this Bow Out does not know"
    return None


def dump(tables: Tables) -> bytes:
    """The bytes of a history file (compact: it is read by machines; exports are indented).

    The format version is written into every file (files before it had none), and every
    table this version knows (an older file gains the ones added since).
    """
    return orjson.dumps({**EMPTY, **tables, META: {"format_version": FORMAT_VERSION}})


class HistoryStorage(Storage):
    """Holds the parsed file in memory; reloads only when another process replaced the file.

    TinyDB's ``write`` only stages data here: :meth:`commit_bytes` and :meth:`saved` are
    driven by :class:`~bowout.storage.historyfile.HistoryFile`, which writes once per transaction
    under the cross-process lock.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: Tables | None = None
        self._signature: Signature | None = None
        self._in_transaction = False
        self.dirty = False
        #: Why the loaded file must not be changed (written by a newer Bow Out), or None.
        self.newer: str | None = None

    # -- the TinyDB Storage interface ----------------------------------------------------
    def read(self) -> Tables:
        """The cached tables (TinyDB mutates them in place inside a transaction)."""
        if self._data is None:  # a bug: History always loads before TinyDB reads
            raise RuntimeError("history storage read before it was loaded")
        return self._data

    def write(self, data: Tables) -> None:
        """Stage the new tables; they reach the disk when the transaction commits."""
        if not self._in_transaction:  # a bug: every change must hold the lock
            raise RuntimeError("history changed outside a transaction")
        self._data = data
        self.dirty = True

    # -- loading ---------------------------------------------------------------------------
    def is_stale(self) -> bool:
        """True when the file on disk is not the version held in memory (or is gone)."""
        if self._data is None:
            return True
        try:
            return _signature(os.stat(self.path)) != self._signature
        except FileNotFoundError:
            return True

    def refresh(self) -> None:
        """Reload if stale; raises FileNotFoundError, CorruptFile or OSError."""
        if self.is_stale():
            self.load()

    def load(self) -> None:
        """Read and parse the file, remembering exactly which version was read.

        Raises FileNotFoundError, CorruptFile, OSError, or HistoryError for something
        that is not a regular file or is over :data:`~bowout.readfile.DATA_LIMIT`.
        """
        try:
            raw, st = readfile.read_with_stat(self.path, readfile.DATA_LIMIT)
        except readfile.UnreadableFile as exc:
            from bowout.storage.errors import HistoryError

            raise HistoryError(f"Cannot read the history {exc}.") from None
        signature = _signature(st)
        self._data = parse(raw)
        self._signature = signature
        self.newer = newer_format(self._data)

    def use_empty(self) -> None:
        """Hold an empty history in memory, with no file behind it (stale until one exists)."""
        self._data = orjson.loads(orjson.dumps(EMPTY))
        self._signature = None
        self.newer = None

    def forget(self) -> None:
        """Drop the cache so the next refresh re-reads the disk (after a failed save)."""
        self._data = None
        self._signature = None

    # -- transactions ----------------------------------------------------------------------
    def begin(self) -> None:
        """Start staging TinyDB writes."""
        self._in_transaction = True
        self.dirty = False

    @property
    def in_transaction(self) -> bool:
        """Is a transaction staging changes?"""
        return self._in_transaction

    def end(self) -> None:
        """Stop staging (after commit or rollback)."""
        self._in_transaction = False
        self.dirty = False

    def commit_bytes(self) -> bytes:
        """The serialised staged tables."""
        return dump(self.read())

    def saved(self) -> None:
        """Record the version just written so this process does not re-read it."""
        self._signature = _signature(os.stat(self.path))


class _StrIdTable(Table):
    """Document ids are the records' own uuid hex strings, never TinyDB's counters."""

    document_id_class = str  # type: ignore[assignment]


class HistoryDB(TinyDB):
    """TinyDB over :class:`HistoryStorage` with string ids and no query cache."""

    table_class = _StrIdTable

    @property
    def history_storage(self) -> HistoryStorage:
        """The storage instance, typed."""
        storage = self.storage
        assert isinstance(storage, HistoryStorage)
        return storage


class Docs:
    """Typed access to one table whose document ids are record ids (strings).

    Changes go through TinyDB (inside a History transaction). Reads hand out the stored
    documents themselves, which callers copy before keeping: TinyDB would copy every
    document on each read, and a list or search of 10,000 records would pay for it.
    """

    def __init__(self, table: Table, storage: HistoryStorage) -> None:
        self._table: Any = table  # TinyDB's stubs assume integer ids
        self._storage = storage
        self._name = table.name

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """The stored document (read-only: do not change it), or None."""
        if not isinstance(doc_id, str):
            return None
        doc: dict[str, Any] | None = self._storage.read().get(self._name, {}).get(doc_id)
        return doc

    def has(self, doc_id: str) -> bool:
        """Is there a document with this id?"""
        return self.get(doc_id) is not None

    def insert(self, doc_id: str, doc: dict[str, Any]) -> None:
        """Add a document under its own id."""
        self._table.insert(Document(doc, doc_id))  # type: ignore[arg-type]

    def put_many(self, docs: dict[str, dict[str, Any]]) -> None:
        """Add or replace many documents at once (one table rebuild, not one per document).

        TinyDB rebuilds the whole table on every insert, so inserting n records one by one
        costs O(n²); this stages them in one step, inside the same transaction.
        """
        if not self._storage.in_transaction:  # a bug: every change must hold the lock
            raise RuntimeError("history changed outside a transaction")
        tables = self._storage.read()
        tables.setdefault(self._name, {}).update(docs)
        self._storage.write(tables)

    def remove(self, doc_id: str) -> None:
        """Remove one document."""
        self._table.remove(doc_ids=[doc_id])

    def remove_many(self, doc_ids: Iterable[str]) -> None:
        """Remove many documents in one table rebuild (see :meth:`put_many`)."""
        if not self._storage.in_transaction:  # a bug: every change must hold the lock
            raise RuntimeError("history changed outside a transaction")
        tables = self._storage.read()
        table = tables.setdefault(self._name, {})
        for doc_id in doc_ids:
            table.pop(doc_id, None)
        self._storage.write(tables)

    def replace(self, doc_id: str, doc: dict[str, Any]) -> None:
        """Replace a document's whole content."""

        def swap(stored: dict[str, Any]) -> None:
            stored.clear()
            stored.update(doc)

        self._table.update(swap, doc_ids=[doc_id])

    def all(self) -> list[dict[str, Any]]:
        """Every stored document (read-only: do not change them)."""
        return list(self._storage.read().get(self._name, {}).values())

    def search(self, cond: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
        """Stored documents for which ``cond`` is true (read-only)."""
        return [doc for doc in self._storage.read().get(self._name, {}).values() if cond(doc)]

    def count(self) -> int:
        """How many documents the table holds."""
        return len(self._storage.read().get(self._name, {}))

    def clear(self) -> int:
        """Remove every document; returns how many there were."""
        count = self.count()
        if count:
            self._table.truncate()
        return count
